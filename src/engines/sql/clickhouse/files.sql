-- The posts files the table holds, with their dataset: the read order (case_files) is the case's order of
-- datasets, then the file's name.
SELECT dataset, file
FROM {posts:Identifier}
GROUP BY dataset, file
ORDER BY dataset, file
