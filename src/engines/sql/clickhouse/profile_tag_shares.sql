-- Posts of each paged author under each tracked tag in the period (its share is count / the tag's total).
SELECT author_id, tag, count() AS count
FROM {{post_local}}
ARRAY JOIN tracked AS tag
WHERE in_period AND author_id IN (SELECT author_id FROM case_paged)
GROUP BY author_id, tag
ORDER BY author_id, indexOf((SELECT groupArray(tag) FROM (SELECT tag FROM case_tags ORDER BY position)), tag)
