-- The roots a page can show: the case_settings.cascades_kept largest overall and under each tracked tag
-- (a root carries its own tags), and every root asked for by id (case_wanted).
SELECT root_id FROM (
  SELECT root_id FROM {{cascade_sizes}}
  ORDER BY size DESC, root_time_ms, root_id
  LIMIT {cascades_kept:UInt32}
)
UNION ALL
SELECT root_id FROM (
  SELECT root_id, arrayJoin(root_tracked) AS tag FROM {{cascade_sizes}}
  ORDER BY tag, size DESC, root_time_ms, root_id
  LIMIT {cascades_kept:UInt32} BY tag
)
UNION ALL
SELECT id AS root_id FROM case_wanted
