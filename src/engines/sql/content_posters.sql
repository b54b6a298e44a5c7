-- The earliest poster(s) of each content item ("patient zero"), several on a tie, by id.
WITH timed AS (
  SELECT k.key, p.id, p.author_id, p.time_ms,
    count(*) OVER (PARTITION BY k.key) AS posts,
    min(p.time_ms) OVER (PARTITION BY k.key) AS first_ms
  FROM content_keys k
  JOIN posts p ON p.id = k.id
)
SELECT key, id, author_id, time_ms
FROM timed
WHERE posts >= 2 AND time_ms = first_ms
ORDER BY key, id;
