-- The reposts and quotes of each kept cascade, in time order (ties by post id).
SELECT r.root_id, p.author_id, p.id AS post_id, p.time_ms, p.kind
FROM post_roots r
JOIN kept_cascades k ON k.root_id = r.root_id
JOIN posts p ON p.id = r.id
ORDER BY k.rank, p.time_ms, p.id;
