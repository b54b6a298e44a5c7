-- The kept cascades in cascade order: size, reposts and quotes, the delay to the first amplification
-- and to the one that brought the cascade to half its size (members in time order, ties by id).
WITH members AS (
  SELECT r.root_id, p.time_ms, row_number() OVER (PARTITION BY r.root_id ORDER BY p.time_ms, p.id) AS nth
  FROM post_roots r
  JOIN kept_cascades k ON k.root_id = r.root_id
  JOIN posts p ON p.id = r.id
)
SELECT
  k.root_id,
  k.root_author_id,
  k.root_time_ms,
  k.size,
  k.reposts,
  k.size - k.reposts AS quotes,
  f.time_ms - k.root_time_ms AS first_delay_ms,
  h.time_ms - k.root_time_ms AS half_time_ms
FROM kept_cascades k
JOIN members f ON f.root_id = k.root_id AND f.nth = 1
JOIN members h ON h.root_id = k.root_id AND h.nth = CAST(ceil(k.size / 2) AS BIGINT)
ORDER BY k.rank;
