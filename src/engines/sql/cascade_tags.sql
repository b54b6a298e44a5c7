-- The tags of each kept cascade's root, in the order first written.
SELECT k.root_id, t.tag, t.position
FROM kept_cascades k
JOIN post_tags t ON t.id = k.root_id
ORDER BY k.rank, t.position;
