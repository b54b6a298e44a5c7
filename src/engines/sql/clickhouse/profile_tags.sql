-- The case_settings.profile_list hashtags each paged author used most (every post, tracked or not), ties by tag.
SELECT author_id, tag, count() AS count
FROM {{post_local}}
ARRAY JOIN tags AS tag
WHERE author_id IN (SELECT author_id FROM case_paged)
GROUP BY author_id, tag
ORDER BY author_id, count DESC, tag
LIMIT {profile_list:UInt32} BY author_id
