-- Posts per tracked tag and bin: the period's local days and hours, and the lead-in day and hour before
-- it. Only bins with posts have a row.
SELECT
  tag,
  bin,
  start_ms,
  count() AS total,
  countIf(kind = 'post') AS post,
  countIf(kind = 'repost') AS repost,
  countIf(kind = 'quote') AS quote,
  countIf(kind = 'reply') AS reply,
  uniqExact(author_id) AS accounts
FROM {{binned}}
ARRAY JOIN tracked AS tag
GROUP BY tag, bin, start_ms
ORDER BY tag, bin, start_ms
