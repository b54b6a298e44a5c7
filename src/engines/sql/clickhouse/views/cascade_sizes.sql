-- Every cascade's root with its size and reposts: the amplifications counted per root first (a scan, no
-- join), then joined to the roots they name, kept only when the root is in the table and is not a
-- repost. The counts are the smaller side, computed once over every shard (GLOBAL) and met by each
-- shard's own posts. The root's author, time and tags (all, with the place each was first written at,
-- and the tracked ones) come with it.
SELECT root_id, root_author_id, root_time_ms, root_tags, root_positions, root_tracked, size, reposts
FROM (
  SELECT id AS root_id, author_id AS root_author_id, time_ms AS root_time_ms, tags AS root_tags, tag_positions AS root_positions, tracked AS root_tracked
  FROM {{post_local}}
  WHERE kind != 'repost'
)
GLOBAL ANY INNER JOIN (
  SELECT root_id, count() AS size, countIf(kind = 'repost') AS reposts
  FROM {{amplifying}}
  GROUP BY root_id
) USING root_id
