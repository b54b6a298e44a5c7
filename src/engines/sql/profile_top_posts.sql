-- The case_settings.profile_top_posts posts of each paged author with the largest cascades, in cascade order.
WITH ranked AS (
  SELECT c.root_author_id AS author_id, c.root_id AS id, c.reposts, c.size - c.reposts AS quotes,
    row_number() OVER (PARTITION BY c.root_author_id ORDER BY c.rank) AS nth, c.rank
  FROM cascade_sizes c
  JOIN case_paged g ON g.author_id = c.root_author_id
)
SELECT author_id, id, reposts, quotes FROM ranked WHERE nth <= (SELECT profile_top_posts FROM case_settings)
ORDER BY author_id, rank;
