-- The roots a page can show, in cascade order: the case_settings.cascades_kept largest overall and under
-- each tracked tag (a root carries its own tags), and every root asked for by id (case_wanted), with each
-- root's author, time, size, reposts and tags (in the order first written, with the 1-based place each was
-- written at). Asked once, before the tables: the engine sends the answer back with the cascade tables'
-- queries as `case_kept`, so the join of every repost with its root is made once a run.
-- Each root is ranked in its groups: '' (overall), 't' and a tracked tag, and 'w' and its id when asked for.
SELECT root_id, any(root_author_id) AS root_author_id, any(root_time_ms) AS root_time_ms, any(size) AS size, any(reposts) AS reposts,
  any(root_tags) AS tags, any(root_positions) AS positions
FROM (
  SELECT root_id, root_author_id, root_time_ms, size, reposts, root_tags, root_positions,
    arrayJoin(arrayConcat([''], arrayMap(tag -> concat('t', tag), root_tracked), arrayResize([concat('w', root_id)], root_id IN (SELECT id FROM case_wanted)))) AS ranked_in
  FROM {{cascade_sizes}}
  ORDER BY ranked_in, size DESC, root_time_ms, root_id
  LIMIT {cascades_kept:UInt32} BY ranked_in
)
GROUP BY root_id
ORDER BY size DESC, root_time_ms, root_id
