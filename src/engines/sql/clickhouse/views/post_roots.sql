-- Reposts and quotes with the original they amplify ({{amplifying}}), kept only when it ends on a post in
-- the table that is not a repost, with that root's author, time and tags. The one join of a post with the
-- post it amplifies: only kept_cascades.sql reads it, once a run.
SELECT id, author_id, kind, time_ms, root_id, root_author_id, root_time_ms, root_tags, root_positions, root_tracked
FROM {{amplifying}}
GLOBAL ANY INNER JOIN (
  SELECT id AS root_id, author_id AS root_author_id, time_ms AS root_time_ms, tags AS root_tags, tag_positions AS root_positions, tracked AS root_tracked
  FROM {{post_local}}
  WHERE kind != 'repost'
) USING root_id
