-- The earliest post(s) of each tracked tag in the period; several on a tie, by id.
SELECT tag, id, author_id, time_ms
FROM {{post_local}}
ARRAY JOIN tracked AS tag
WHERE in_period AND (tag, time_ms) GLOBAL IN (
  SELECT tag, min(time_ms)
  FROM {{post_local}}
  ARRAY JOIN tracked AS tag
  WHERE in_period
  GROUP BY tag
)
ORDER BY tag, id
