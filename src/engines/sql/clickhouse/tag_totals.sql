-- Per tracked tag: its posts in the period, by kind, their authors and the earliest time.
SELECT
  tag,
  count() AS total,
  countIf(kind = 'post') AS post,
  countIf(kind = 'repost') AS repost,
  countIf(kind = 'quote') AS quote,
  countIf(kind = 'reply') AS reply,
  uniqExact(author_id) AS accounts,
  min(time_ms) AS first_ms
FROM {{post_local}}
ARRAY JOIN tracked AS tag
WHERE in_period
GROUP BY tag
ORDER BY tag
