-- Ids that occur more than once, with each occurrence: a bad input, reported before any table is read.
SELECT p.id, p.dataset, p.file, p.line
FROM posts p
JOIN (SELECT id FROM posts GROUP BY id HAVING count(*) > 1) d ON d.id = p.id
ORDER BY p.id, p.file, p.line;
