-- Whether figure_query.post is in the data, and the size of its cascade.
SELECT
  (SELECT count(*) FROM posts WHERE id = (SELECT post FROM figure_query)) AS present,
  (SELECT count(*) FROM post_roots WHERE root_id = (SELECT post FROM figure_query)) AS size;
