-- Posts per tracked tag and bin: the period's local days and hours, and the lead-in day and hour
-- before it (case_bins, cut by Casefile's zone clock). Only bins with posts have a row.
SELECT
  t.tag,
  b.bin,
  b.start_ms,
  count(*) AS total,
  sum(CASE WHEN kind = 'post' THEN 1 ELSE 0 END) AS post,
  sum(CASE WHEN kind = 'repost' THEN 1 ELSE 0 END) AS repost,
  sum(CASE WHEN kind = 'quote' THEN 1 ELSE 0 END) AS quote,
  sum(CASE WHEN kind = 'reply' THEN 1 ELSE 0 END) AS reply,
  count(DISTINCT p.author_id) AS accounts
FROM posts p
JOIN post_tags t ON t.id = p.id AND t.tracked IS NOT NULL
JOIN case_bins b ON p.time_ms >= b.start_ms AND p.time_ms < b.end_ms
GROUP BY t.tag, b.bin, b.start_ms
ORDER BY t.tag, b.bin, b.start_ms;
