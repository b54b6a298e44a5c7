-- Dataset totals (model.ts DatasetSummary): every post, inside the period or not. A reference is
-- missing when no post in the table has its id.
SELECT
  count() AS total,
  countIf(kind = 'post') AS post,
  countIf(kind = 'repost') AS repost,
  countIf(kind = 'quote') AS quote,
  countIf(kind = 'reply') AS reply,
  if(count() = 0, NULL, min(time_ms)) AS first_ms,
  if(count() = 0, NULL, max(time_ms)) AS last_ms,
  uniqExact(author_id) AS accounts,
  countIf(NOT (time_ms >= {period_start:Int64} AND time_ms < {period_end:Int64})) AS outside_period,
  countIf(isNotNull(ref_id) AND assumeNotNull(ref_id) GLOBAL NOT IN (SELECT id FROM {posts:Identifier})) AS missing_refs
FROM {posts:Identifier}
