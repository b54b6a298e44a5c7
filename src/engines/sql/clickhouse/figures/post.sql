-- Whether figure_query.post is in the data, and the size of its cascade: its reposts and quotes, when it
-- is itself not a repost.
SELECT
  (SELECT count() FROM {posts:Identifier} WHERE id = (SELECT any(ifNull(post, '')) FROM figure_query)) AS present,
  (SELECT count() FROM {posts:Identifier} WHERE id = (SELECT any(ifNull(post, '')) FROM figure_query) AND kind != 'repost')
    * (SELECT count() FROM {{amplifying}} WHERE root_id = (SELECT any(ifNull(post, '')) FROM figure_query)) AS size
