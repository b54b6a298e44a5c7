-- Posts of each paged author per local date (days since 1970-01-01) and hour, every post.
SELECT author_id, local_day, local_hour AS hour, count() AS posts
FROM {{post_local}}
WHERE author_id IN (SELECT author_id FROM case_paged)
GROUP BY author_id, local_day, hour
ORDER BY author_id, local_day, hour
