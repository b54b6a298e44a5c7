-- The case_settings.top_accounts authors with most posts under each tracked tag in the period, ties by id.
SELECT tag, author_id, count() AS count
FROM {{post_local}}
ARRAY JOIN tracked AS tag
WHERE in_period
GROUP BY tag, author_id
ORDER BY tag, count DESC, author_id
LIMIT {top_accounts:UInt32} BY tag
