-- The tags of each kept cascade's root, numbered from 1 in the order first written.
SELECT k.root_id, t.tag, row_number() OVER (PARTITION BY k.root_id ORDER BY t.position) AS position
FROM kept_cascades k
JOIN post_tags t ON t.id = k.root_id
ORDER BY k.rank, position;
