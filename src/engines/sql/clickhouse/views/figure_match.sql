-- The posts one figure of the prose counts (src/aggregate/figure-query.ts), its filters in figure_query
-- (one row: `tag` as the table folds it or NULL, `kind` or NULL, `from_ms`, `to_ms`, `filter_authors` 1
-- when figure_authors filters the posts) and figure_authors (`author_id`).
WITH
  (SELECT any(ifNull(tag, '')) FROM figure_query) AS figure_tag,
  (SELECT any(ifNull(kind, '')) FROM figure_query) AS figure_kind,
  (SELECT any(from_ms) FROM figure_query) AS figure_from,
  (SELECT any(to_ms) FROM figure_query) AS figure_to,
  (SELECT any(filter_authors) FROM figure_query) AS figure_filter
SELECT id, author_id, time_ms
FROM {{post_local}}
WHERE (figure_tag = '' OR has(tags, figure_tag))
  AND (figure_kind = '' OR kind = figure_kind)
  AND time_ms >= figure_from AND time_ms < figure_to
  AND (figure_filter = 0 OR author_id IN (SELECT author_id FROM figure_authors))
