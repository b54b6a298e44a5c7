-- The tags of each kept cascade's root, in the order first written; cascades in cascade order. Read from
-- case_kept (kept_cascades.sql), which holds each root's tags.
SELECT root_id, tag, position
FROM case_kept
ARRAY JOIN tags AS tag, positions AS position
ORDER BY size DESC, root_time_ms, root_id, position
