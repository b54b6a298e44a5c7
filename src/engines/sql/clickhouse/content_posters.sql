-- The earliest poster(s) of each content item ("patient zero"), several on a tie, by id.
SELECT key, id, author_id, time_ms
FROM {{content_keys}}
WHERE (key, time_ms) GLOBAL IN (
  SELECT key, min(time_ms) FROM {{content_keys}} GROUP BY key HAVING count() >= 2
)
ORDER BY key, id
