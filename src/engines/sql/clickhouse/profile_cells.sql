-- Posts of each paged author per local weekday (Monday = 0) and hour, every post.
SELECT author_id, weekday, local_hour AS hour, count() AS posts
FROM {{post_local}}
WHERE author_id IN (SELECT author_id FROM case_paged)
GROUP BY author_id, weekday, hour
ORDER BY author_id, weekday, hour
