-- The kept cascades in cascade order: size, reposts and quotes, the delay to the first amplification
-- and to the one that brought the cascade to half its size (members in time order, ties by id).
SELECT root_id, root_author_id, root_time_ms, size, reposts, quotes,
  members[1].1 - root_time_ms AS first_delay_ms,
  members[toUInt64(ceil(size / 2))].1 - root_time_ms AS half_time_ms
FROM (
  SELECT
    root_id,
    count() AS size,
    countIf(kind = 'repost') AS reposts,
    size - reposts AS quotes,
    arraySort(groupArray((time_ms, id))) AS members
  FROM {{kept_members}}
  GROUP BY root_id
)
ANY INNER JOIN (SELECT root_id, root_author_id, root_time_ms FROM case_kept) USING root_id
ORDER BY size DESC, root_time_ms, root_id
