-- Every repost and quote with the post it amplifies (`root_id`): the referenced post, followed through
-- reposts of reposts (case_hops: where each referenced repost leads within 32 steps, as resolve-refs.ts).
-- Whether the root is in the table and not a repost is for the reader to check (cascade_sizes joins it;
-- the cascade tables read only roots in case_kept, which hold both). A scan of the posts and a join with
-- the small case_hops, on each shard: a lookup in a list (`transform`) took four times as long.
SELECT id, author_id, kind, time_ms, if(end_id = '', assumeNotNull(ref_id), end_id) AS root_id
FROM {posts:Identifier}
ANY LEFT JOIN (SELECT id AS ref_id, end_id FROM case_hops) USING ref_id
WHERE kind IN ('repost', 'quote') AND isNotNull(ref_id) AND root_id != id
