-- Amplifications: each repost or quote with the author it amplified (the referenced post's author when
-- the post is in the table, else the author the reference states). GLOBAL: the referenced post may be on
-- another shard.
SELECT id, author_id, if(target_author_id != '', target_author_id, ifNull(ref_author_id, '')) AS amplified_id
FROM {posts:Identifier}
GLOBAL ANY LEFT JOIN (SELECT id AS ref_id, author_id AS target_author_id FROM {posts:Identifier}) USING ref_id
WHERE kind IN ('repost', 'quote') AND amplified_id != ''
