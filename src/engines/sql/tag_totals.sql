-- Per tracked tag: its posts in the period, by kind, their authors and the earliest time.
SELECT
  t.tag,
  count(*) AS total,
  sum(CASE WHEN kind = 'post' THEN 1 ELSE 0 END) AS post,
  sum(CASE WHEN kind = 'repost' THEN 1 ELSE 0 END) AS repost,
  sum(CASE WHEN kind = 'quote' THEN 1 ELSE 0 END) AS quote,
  sum(CASE WHEN kind = 'reply' THEN 1 ELSE 0 END) AS reply,
  count(DISTINCT p.author_id) AS accounts,
  min(p.time_ms) AS first_ms
FROM post_local p
JOIN post_tags t ON t.id = p.id AND t.tracked IS NOT NULL
WHERE p.in_period
GROUP BY t.tag
ORDER BY t.tag;
