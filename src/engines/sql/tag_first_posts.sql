-- The earliest post(s) of each tracked tag in the period; several on a tie, by id.
WITH tagged AS (
  SELECT t.tag, p.id, p.author_id, p.time_ms, min(p.time_ms) OVER (PARTITION BY t.tag) AS first_ms
  FROM post_local p
  JOIN post_tags t ON t.id = p.id AND t.tracked IS NOT NULL
  WHERE p.in_period
)
SELECT tag, id, author_id, time_ms
FROM tagged
WHERE time_ms = first_ms
ORDER BY tag, id;
