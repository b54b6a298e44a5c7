-- Every author, most posts first (ties by id). The handle and name are those of the latest post as read
-- (post-table.ts): a post updates them when it is no earlier than every post of the author read before it
-- (a running maximum of time, in read order: case_files.position, then the line); a missing handle or
-- name leaves the one already known. The platform is the first post's. ClickHouse before 21.x has no
-- window functions, so the running maximum over each author's posts (m0 .. m24) is a scan of 24 doubling
-- steps (Hillis and Steele), one subquery each: exact for an author of up to 2^24 posts, and the query
-- stops with an error above that.
SELECT
  author_id,
  read[1].3 AS platform,
  if(empty(handles), NULL, handles[-1].5) AS handle,
  if(empty(names), NULL, names[-1].7) AS name,
  total, post, repost, quote, reply, first_ms, last_ms, active_days
FROM (
  SELECT *,
    arrayMap((t, m) -> t = m, m0, m24) AS updates,
    arrayFilter((p, u) -> u AND NOT p.4, read, updates) AS handles,
    arrayFilter((p, u) -> u AND NOT p.6, read, updates) AS names
  FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m23, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(8388608, length(m23)), toInt64(-9223372036854775808)), m23), length(m23))) AS m24
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m22, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(4194304, length(m22)), toInt64(-9223372036854775808)), m22), length(m22))) AS m23
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m21, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(2097152, length(m21)), toInt64(-9223372036854775808)), m21), length(m21))) AS m22
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m20, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(1048576, length(m20)), toInt64(-9223372036854775808)), m20), length(m20))) AS m21
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m19, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(524288, length(m19)), toInt64(-9223372036854775808)), m19), length(m19))) AS m20
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m18, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(262144, length(m18)), toInt64(-9223372036854775808)), m18), length(m18))) AS m19
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m17, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(131072, length(m17)), toInt64(-9223372036854775808)), m17), length(m17))) AS m18
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m16, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(65536, length(m16)), toInt64(-9223372036854775808)), m16), length(m16))) AS m17
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m15, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(32768, length(m15)), toInt64(-9223372036854775808)), m15), length(m15))) AS m16
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m14, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(16384, length(m14)), toInt64(-9223372036854775808)), m14), length(m14))) AS m15
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m13, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(8192, length(m13)), toInt64(-9223372036854775808)), m13), length(m13))) AS m14
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m12, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(4096, length(m12)), toInt64(-9223372036854775808)), m12), length(m12))) AS m13
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m11, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(2048, length(m11)), toInt64(-9223372036854775808)), m11), length(m11))) AS m12
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m10, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(1024, length(m10)), toInt64(-9223372036854775808)), m10), length(m10))) AS m11
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m9, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(512, length(m9)), toInt64(-9223372036854775808)), m9), length(m9))) AS m10
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m8, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(256, length(m8)), toInt64(-9223372036854775808)), m8), length(m8))) AS m9
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m7, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(128, length(m7)), toInt64(-9223372036854775808)), m7), length(m7))) AS m8
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m6, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(64, length(m6)), toInt64(-9223372036854775808)), m6), length(m6))) AS m7
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m5, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(32, length(m5)), toInt64(-9223372036854775808)), m5), length(m5))) AS m6
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m4, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(16, length(m4)), toInt64(-9223372036854775808)), m4), length(m4))) AS m5
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m3, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(8, length(m3)), toInt64(-9223372036854775808)), m3), length(m3))) AS m4
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m2, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(4, length(m2)), toInt64(-9223372036854775808)), m2), length(m2))) AS m3
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m1, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(2, length(m1)), toInt64(-9223372036854775808)), m1), length(m1))) AS m2
FROM (
SELECT *, arrayMap((a, b) -> greatest(a, b), m0, arrayResize(arrayConcat(arrayResize(emptyArrayInt64(), least(1, length(m0)), toInt64(-9223372036854775808)), m0), length(m0))) AS m1
FROM (
    SELECT
      author_id,
      arraySort(groupArray((toInt64(file_position) * 4294967296 + line, time_ms, platform, isNull(handle), ifNull(handle, ''), isNull(name), ifNull(name, '')))) AS read,
      arrayMap(p -> p.2, read) AS m0,
      count() AS total,
      countIf(kind = 'post') AS post,
      countIf(kind = 'repost') AS repost,
      countIf(kind = 'quote') AS quote,
      countIf(kind = 'reply') AS reply,
      min(time_ms) AS first_ms,
      max(time_ms) AS last_ms,
      uniqExact(local_day) AS active_days,
      throwIf(count() > 16777216) AS too_many
    FROM {{post_local}}
    GROUP BY author_id
)
)
)
)
)
)
)
)
)
)
)
)
)
)
)
)
)
)
)
)
)
)
)
)
  )
)
ORDER BY total DESC, author_id
