-- The case_settings.top_accounts authors with most posts under each tracked tag in the period, ties by id.
WITH counted AS (
  SELECT t.tag, p.author_id, count(*) AS count
  FROM post_local p
  JOIN post_tags t ON t.id = p.id AND t.tracked IS NOT NULL
  WHERE p.in_period
  GROUP BY t.tag, p.author_id
),
ranked AS (
  SELECT tag, author_id, count, row_number() OVER (PARTITION BY tag ORDER BY count DESC, author_id) AS rank
  FROM counted
)
SELECT tag, author_id, count
FROM ranked
WHERE rank <= (SELECT top_accounts FROM case_settings)
ORDER BY tag, rank;
