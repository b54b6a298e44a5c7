-- The case_settings.profile_list hashtags each paged author used most (every post, tracked or not), ties by tag.
WITH counted AS (
  SELECT p.author_id, t.tag, count(*) AS count
  FROM posts p
  JOIN case_paged g ON g.author_id = p.author_id
  JOIN post_tags t ON t.id = p.id
  GROUP BY p.author_id, t.tag
),
ranked AS (
  SELECT author_id, tag, count, row_number() OVER (PARTITION BY author_id ORDER BY count DESC, tag) AS rank
  FROM counted
)
SELECT author_id, tag, count FROM ranked WHERE rank <= (SELECT profile_list FROM case_settings)
ORDER BY author_id, rank;
