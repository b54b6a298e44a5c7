-- Reposts and quotes with the original they amplify: the referenced post, followed through reposts of
-- reposts (case_hops: where each referenced repost leads within 32 steps, as resolve-refs.ts), kept only
-- when it ends on a post in the table that is not a repost. The lists end in unhex('FF'), no id's UTF-8, as `transform` refuses empty ones.
SELECT id, author_id, kind, time_ms, root_id, root_author_id, root_time_ms, root_tracked
FROM (
  WITH
    (SELECT arrayPushBack(groupArray(id), unhex('FF')) FROM case_hops) AS hop_ids,
    (SELECT arrayPushBack(groupArray(end_id), unhex('FF')) FROM case_hops) AS hop_ends
  SELECT id, author_id, kind, time_ms, transform(assumeNotNull(ref_id), hop_ids, hop_ends, assumeNotNull(ref_id)) AS root_id
  FROM {posts:Identifier}
  WHERE kind IN ('repost', 'quote') AND isNotNull(ref_id) AND root_id != id
)
GLOBAL ANY INNER JOIN (
  SELECT id AS root_id, author_id AS root_author_id, time_ms AS root_time_ms, kind AS root_kind, tracked AS root_tracked
  FROM {{post_local}}
) USING root_id
WHERE root_kind != 'repost'
