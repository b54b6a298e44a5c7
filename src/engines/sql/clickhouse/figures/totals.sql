-- Matching posts, their authors, the earliest time, and how many are by the figure's named authors.
SELECT
  count() AS posts,
  uniqExact(author_id) AS accounts,
  if(count() = 0, NULL, min(time_ms)) AS first_ms,
  countIf(author_id IN (SELECT author_id FROM figure_authors)) AS named
FROM {{figure_match}}
