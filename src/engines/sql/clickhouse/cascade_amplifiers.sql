-- The reposts and quotes of each kept cascade, in time order (ties by post id); cascades in cascade order.
SELECT root_id, author_id, post_id, time_ms, kind
FROM (SELECT root_id, author_id, id AS post_id, time_ms, kind FROM {{kept_members}})
ANY INNER JOIN (SELECT root_id, size, root_time_ms FROM case_kept) USING root_id
ORDER BY size DESC, root_time_ms, root_id, time_ms, post_id
