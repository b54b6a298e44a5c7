-- The case_settings.profile_top_posts posts of each paged author with the largest cascades, in cascade
-- order. Only the paged authors' own posts (not reposts) can be their roots: the amplifications are
-- counted for those alone, and their authors and times joined from the same few posts.
SELECT root_author_id AS author_id, root_id AS id, reposts, size - reposts AS quotes
FROM (
  SELECT root_id, count() AS size, countIf(kind = 'repost') AS reposts
  FROM {{amplifying}}
  WHERE root_id GLOBAL IN (SELECT id FROM {posts:Identifier} WHERE author_id IN (SELECT author_id FROM case_paged) AND kind != 'repost')
  GROUP BY root_id
)
GLOBAL ANY INNER JOIN (
  SELECT id AS root_id, author_id AS root_author_id, time_ms AS root_time_ms
  FROM {posts:Identifier}
  WHERE author_id IN (SELECT author_id FROM case_paged) AND kind != 'repost'
) USING root_id
ORDER BY author_id, size DESC, root_time_ms, root_id
LIMIT {profile_top_posts:UInt32} BY author_id
