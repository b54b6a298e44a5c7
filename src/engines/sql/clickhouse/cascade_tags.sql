-- The tags of each kept cascade's root, in the order first written; cascades in cascade order.
SELECT root_id, tag, position
FROM (
  SELECT id AS root_id, tag, position
  FROM {{post_local}}
  ARRAY JOIN tags AS tag, tag_positions AS position
  WHERE id IN {{kept_cascades}}
)
ANY INNER JOIN (SELECT root_id, size, root_time_ms FROM {{cascade_sizes}}) USING root_id
ORDER BY size DESC, root_time_ms, root_id, position
