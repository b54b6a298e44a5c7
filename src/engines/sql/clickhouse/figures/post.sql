-- Whether figure_query.post is in the data, and the size of its cascade.
SELECT
  (SELECT count() FROM {posts:Identifier} WHERE id = (SELECT any(ifNull(post, '')) FROM figure_query)) AS present,
  (SELECT count() FROM {{post_roots}} WHERE root_id = (SELECT any(ifNull(post, '')) FROM figure_query)) AS size
