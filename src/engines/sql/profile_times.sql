-- Every post time of the paged authors with at most case_settings.sparse_posts posts, charted one by one.
WITH few AS (
  SELECT p.author_id
  FROM posts p
  JOIN case_paged g ON g.author_id = p.author_id
  GROUP BY p.author_id
  HAVING count(*) <= (SELECT sparse_posts FROM case_settings)
)
SELECT p.author_id, p.time_ms
FROM posts p
JOIN few f ON f.author_id = p.author_id
ORDER BY p.author_id, p.time_ms;
