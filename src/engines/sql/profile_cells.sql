-- Posts of each paged author per local weekday (Monday = 0) and hour, every post.
SELECT p.author_id, p.weekday, p.local_hour AS hour, count(*) AS posts
FROM post_local p
JOIN case_paged g ON g.author_id = p.author_id
GROUP BY p.author_id, p.weekday, p.local_hour
ORDER BY p.author_id, p.weekday, hour;
