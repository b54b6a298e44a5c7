-- Ids that occur more than once, with each occurrence: a bad input, reported before any table is read.
-- GLOBAL: the repeated ids are found once over every shard, so copies on two shards are found too.
SELECT id, dataset, file, line
FROM {posts:Identifier}
WHERE id GLOBAL IN (SELECT id FROM {posts:Identifier} GROUP BY id HAVING count() > 1)
ORDER BY id, file, line
