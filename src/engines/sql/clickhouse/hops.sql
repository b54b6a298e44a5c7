-- The reposts other reposts and quotes reference, with the post each references: the only links a
-- walk from a repost to its original can take past its first step. Few in any dataset; Casefile walks
-- them (at most 32 steps, as resolve-refs.ts) and sends where each leads as `case_hops` (ClickHouse 18.16
-- has no recursion).
SELECT id, assumeNotNull(ref_id) AS ref_id
FROM {posts:Identifier}
WHERE kind = 'repost' AND isNotNull(ref_id)
  AND id GLOBAL IN (SELECT assumeNotNull(ref_id) FROM {posts:Identifier} WHERE kind IN ('repost', 'quote') AND isNotNull(ref_id))
ORDER BY id
