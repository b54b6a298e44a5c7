-- Every repost and quote with the post it amplifies (`root_id`): the referenced post, followed through
-- reposts of reposts (case_hops: where each referenced repost leads within 32 steps, as resolve-refs.ts).
-- Whether the root is in the table and not a repost is for the reader to check (post_roots joins it;
-- the cascade tables read only roots in case_kept, which hold both). A scan of the posts, no join. The
-- lists end in unhex('FF'), no id's UTF-8, as `transform` refuses empty ones.
SELECT id, author_id, kind, time_ms, root_id
FROM (
  WITH
    (SELECT arrayPushBack(groupArray(id), unhex('FF')) FROM case_hops) AS hop_ids,
    (SELECT arrayPushBack(groupArray(end_id), unhex('FF')) FROM case_hops) AS hop_ends
  SELECT id, author_id, kind, time_ms, transform(assumeNotNull(ref_id), hop_ids, hop_ends, assumeNotNull(ref_id)) AS root_id
  FROM {posts:Identifier}
  WHERE kind IN ('repost', 'quote') AND isNotNull(ref_id) AND root_id != id
)
