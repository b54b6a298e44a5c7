-- Cascade sizes of every root, with what cascades are ranked by: larger first, then earlier, then id.
SELECT root_id, any(root_author_id) AS root_author_id, any(root_time_ms) AS root_time_ms, any(root_tags) AS root_tags,
  any(root_positions) AS root_positions, any(root_tracked) AS root_tracked, count() AS size, countIf(kind = 'repost') AS reposts
FROM {{post_roots}}
GROUP BY root_id
