-- The case_settings.profile_list authors each paged author reposted or quoted most, ties by id.
WITH counted AS (
  SELECT a.author_id, a.amplified_id AS other_id, count(*) AS count
  FROM amplifications a
  JOIN case_paged g ON g.author_id = a.author_id
  GROUP BY a.author_id, a.amplified_id
),
ranked AS (
  SELECT author_id, other_id, count, row_number() OVER (PARTITION BY author_id ORDER BY count DESC, other_id) AS rank
  FROM counted
)
SELECT author_id, other_id, count FROM ranked WHERE rank <= (SELECT profile_list FROM case_settings)
ORDER BY author_id, rank;
