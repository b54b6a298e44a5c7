-- Matching posts per author, most first: a share of the top N authors adds the first N.
SELECT author_id, count() AS posts
FROM {{figure_match}}
GROUP BY author_id
ORDER BY posts DESC, author_id
