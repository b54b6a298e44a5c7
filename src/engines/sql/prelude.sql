-- Views every table's SQL reads. Inputs: the `posts` table (contract.ts PostRow) and the parameter
-- tables case_zone, case_bins, case_tags, case_aliases, case_files (contract.ts ParameterTables).

-- Each post with its local wall time in the case's zone (offsets from Casefile's zone clock).
CREATE OR REPLACE TEMP VIEW post_local AS
SELECT
  p.*,
  p.time_ms + z.offset_ms AS wall_ms,
  CAST(floor((p.time_ms + z.offset_ms) / 86400000) AS BIGINT) AS local_day,
  CAST(floor((p.time_ms + z.offset_ms) / 3600000) AS BIGINT) % 24 AS local_hour,
  -- 1970-01-01 was a Thursday; Monday is 0.
  (CAST(floor((p.time_ms + z.offset_ms) / 86400000) AS BIGINT) + 3) % 7 AS weekday,
  p.time_ms >= s.period_start AND p.time_ms < s.period_end AS in_period,
  f.position AS file_position
FROM posts p
JOIN case_zone z ON p.time_ms >= z.from_ms AND p.time_ms < z.to_ms
JOIN case_files f ON f.file = p.file
CROSS JOIN case_settings s;

-- The normalised tags of each post (folded, aliases mapped to the tracked tag), each once, in the
-- order first written; `tracked` is the tag's place in the case's list, NULL for an untracked tag.
CREATE OR REPLACE TEMP VIEW post_tags AS
WITH folded AS (
  SELECT h.id, coalesce(a.tag, fold_tag(h.written)) AS tag, h.position
  FROM post_hashtags h
  LEFT JOIN case_aliases a ON a.folded = fold_tag(h.written)
)
SELECT f.id, f.tag, min(f.position) AS position, min(t.position) AS tracked
FROM folded f
LEFT JOIN case_tags t ON t.tag = f.tag
WHERE f.tag <> ''
GROUP BY f.id, f.tag;

-- Reposts and quotes with the original they amplify: the referenced post, followed through reposts
-- of reposts (at most 32 steps, as resolve-refs.ts), kept only when it ends on a post that is not a repost.
CREATE OR REPLACE TEMP VIEW post_roots AS
WITH RECURSIVE walk(id, cur, cur_kind, step) AS (
  SELECT p.id, t.id, t.kind, 0
  FROM posts p
  JOIN posts t ON t.id = p.ref_id
  WHERE p.kind IN ('repost', 'quote')
  UNION ALL
  SELECT w.id, t.id, t.kind, w.step + 1
  FROM walk w
  JOIN posts c ON c.id = w.cur
  JOIN posts t ON t.id = c.ref_id
  WHERE w.cur_kind = 'repost' AND w.step < 32
),
ends AS (
  SELECT id, cur, cur_kind, row_number() OVER (PARTITION BY id ORDER BY step DESC) AS last
  FROM walk
)
SELECT e.id, e.cur AS root_id
FROM ends e
WHERE e.last = 1 AND e.cur_kind <> 'repost' AND e.cur <> e.id;

-- Amplifications: each repost or quote with the author it amplified (the referenced post's author
-- when the post is in the data, else the author the reference states).
CREATE OR REPLACE TEMP VIEW amplifications AS
SELECT p.id, p.author_id, coalesce(t.author_id, p.ref_author_id) AS amplified_id
FROM posts p
LEFT JOIN posts t ON t.id = p.ref_id
WHERE p.kind IN ('repost', 'quote') AND coalesce(t.author_id, p.ref_author_id) IS NOT NULL;

-- Cascade sizes of every root, with the order cascades are ranked in: larger first, then earlier, then id.
CREATE OR REPLACE TEMP VIEW cascade_sizes AS
SELECT
  r.root_id,
  o.author_id AS root_author_id,
  o.time_ms AS root_time_ms,
  count(*) AS size,
  sum(CASE WHEN p.kind = 'repost' THEN 1 ELSE 0 END) AS reposts,
  row_number() OVER (ORDER BY count(*) DESC, o.time_ms, r.root_id) AS rank
FROM post_roots r
JOIN posts p ON p.id = r.id
JOIN posts o ON o.id = r.root_id
GROUP BY r.root_id, o.author_id, o.time_ms;

-- Shared by the cascade tables: the roots a page can show. The case_settings.cascades_kept largest overall and
-- under each tracked tag (a root carries its own tags), and every root asked for by id (case_wanted).
CREATE OR REPLACE TEMP VIEW kept_cascades AS
WITH per_tag AS (
  SELECT c.root_id, row_number() OVER (PARTITION BY t.tag ORDER BY c.rank) AS nth
  FROM cascade_sizes c
  JOIN post_tags t ON t.id = c.root_id AND t.tracked IS NOT NULL
)
SELECT c.*
FROM cascade_sizes c
WHERE c.rank <= (SELECT cascades_kept FROM case_settings)
  OR c.root_id IN (SELECT root_id FROM per_tag WHERE nth <= (SELECT cascades_kept FROM case_settings))
  OR c.root_id IN (SELECT id FROM case_wanted);

-- Shared by the content tables: originals (not reposts) with the same normalised text, and posts with
-- the same media hash, repeated by more than one post.
CREATE OR REPLACE TEMP VIEW content_keys AS
SELECT 'text:' || substr(sha256_hex(normalise_text(text)), 1, 16) AS key, 'text' AS match, normalise_text(text) AS text, id
FROM posts
WHERE kind <> 'repost' AND normalise_text(text) <> ''
UNION ALL
SELECT 'media:' || m.hash AS key, 'media' AS match, NULL AS text, m.id
FROM post_media m;
