-- The reposts and quotes of the kept cascades (case_kept, from kept_cascades.sql): a scan of the posts
-- that keeps those whose root is kept, no join.
SELECT id, author_id, kind, time_ms, root_id
FROM {{amplifying}}
WHERE root_id IN (SELECT root_id FROM case_kept)
