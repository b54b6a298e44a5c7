-- The case_settings.profile_top_posts posts of each paged author with the largest cascades, in cascade order.
SELECT root_author_id AS author_id, root_id AS id, reposts, size - reposts AS quotes
FROM {{cascade_sizes}}
WHERE root_author_id IN (SELECT author_id FROM case_paged)
ORDER BY author_id, size DESC, root_time_ms, root_id
LIMIT {profile_top_posts:UInt32} BY author_id
