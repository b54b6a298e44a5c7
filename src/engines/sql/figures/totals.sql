-- Matching posts, their authors, the earliest time, and how many are by the figure's named authors.
SELECT
  count(*) AS posts,
  count(DISTINCT author_id) AS accounts,
  min(time_ms) AS first_ms,
  sum(CASE WHEN author_id IN (SELECT author_id FROM figure_authors) THEN 1 ELSE 0 END) AS named
FROM figure_match;
