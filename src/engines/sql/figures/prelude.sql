-- One figure of the prose (src/aggregate/figure-query.ts), its filters in parameter tables:
-- figure_query (one row: `tag` as the table folds it or NULL, `kind` or NULL, `from_ms`, `to_ms`,
-- `filter_authors` 1 when figure_authors filters the posts, `post` or NULL), figure_authors (`author_id`)
-- and figure_bins (`start_ms`, `end_ms`: the day or hour bins of the figure's own dates).

-- The posts the figure counts.
CREATE OR REPLACE TEMP VIEW figure_match AS
SELECT p.id, p.author_id, p.time_ms
FROM posts p
CROSS JOIN figure_query q
WHERE (q.tag IS NULL OR p.id IN (SELECT t.id FROM post_tags t WHERE t.tag = q.tag))
  AND (q.kind IS NULL OR p.kind = q.kind)
  AND p.time_ms >= q.from_ms AND p.time_ms < q.to_ms
  AND (q.filter_authors = 0 OR p.author_id IN (SELECT author_id FROM figure_authors));
