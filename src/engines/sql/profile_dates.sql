-- Posts of each paged author per local date (days since 1970-01-01) and hour, every post.
SELECT p.author_id, p.local_day, p.local_hour AS hour, count(*) AS posts
FROM post_local p
JOIN case_paged g ON g.author_id = p.author_id
GROUP BY p.author_id, p.local_day, p.local_hour
ORDER BY p.author_id, p.local_day, hour;
