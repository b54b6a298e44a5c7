-- Dataset totals (model.ts DatasetSummary): every post, inside the period or not.
SELECT
  count(*) AS total,
  sum(CASE WHEN kind = 'post' THEN 1 ELSE 0 END) AS post,
  sum(CASE WHEN kind = 'repost' THEN 1 ELSE 0 END) AS repost,
  sum(CASE WHEN kind = 'quote' THEN 1 ELSE 0 END) AS quote,
  sum(CASE WHEN kind = 'reply' THEN 1 ELSE 0 END) AS reply,
  min(time_ms) AS first_ms,
  max(time_ms) AS last_ms,
  count(DISTINCT author_id) AS accounts,
  sum(CASE WHEN in_period THEN 0 ELSE 1 END) AS outside_period,
  (SELECT count(*) FROM posts p LEFT JOIN posts t ON t.id = p.ref_id WHERE p.ref_id IS NOT NULL AND t.id IS NULL) AS missing_refs
FROM post_local;
