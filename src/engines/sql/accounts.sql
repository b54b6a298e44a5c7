-- Every author, most posts first (ties by id). The handle and name are those of the latest post as
-- read (post-table.ts): a post updates them when it is no earlier than every post of the author read
-- before it; a missing handle or name leaves the one already known. Read order is the case's files
-- (case_files.position), then the line.
WITH ordered AS (
  SELECT
    author_id, platform, handle, name, time_ms, file_position, line,
    max(time_ms) OVER (PARTITION BY author_id ORDER BY file_position, line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_ms,
    row_number() OVER (PARTITION BY author_id ORDER BY file_position, line) AS nth
  FROM post_local
),
updates AS (
  SELECT * FROM ordered WHERE before_ms IS NULL OR time_ms >= before_ms
),
handles AS (
  SELECT author_id, handle, row_number() OVER (PARTITION BY author_id ORDER BY file_position DESC, line DESC) AS latest
  FROM updates WHERE handle IS NOT NULL
),
names AS (
  SELECT author_id, name, row_number() OVER (PARTITION BY author_id ORDER BY file_position DESC, line DESC) AS latest
  FROM updates WHERE name IS NOT NULL
),
totals AS (
  SELECT
    author_id,
    count(*) AS total,
    sum(CASE WHEN kind = 'post' THEN 1 ELSE 0 END) AS post,
  sum(CASE WHEN kind = 'repost' THEN 1 ELSE 0 END) AS repost,
  sum(CASE WHEN kind = 'quote' THEN 1 ELSE 0 END) AS quote,
  sum(CASE WHEN kind = 'reply' THEN 1 ELSE 0 END) AS reply,
    min(time_ms) AS first_ms,
    max(time_ms) AS last_ms,
    count(DISTINCT local_day) AS active_days
  FROM post_local
  GROUP BY author_id
)
SELECT t.author_id, o.platform, h.handle, n.name, t.total, t.post, t.repost, t.quote, t.reply, t.first_ms, t.last_ms, t.active_days
FROM totals t
JOIN ordered o ON o.author_id = t.author_id AND o.nth = 1
LEFT JOIN handles h ON h.author_id = t.author_id AND h.latest = 1
LEFT JOIN names n ON n.author_id = t.author_id AND n.latest = 1
ORDER BY t.total DESC, t.author_id;
