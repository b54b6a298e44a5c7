-- Ids of the posts by people with a private dossier, and of the posts others reposted or answered of
-- theirs (the reference names the author even when the post is absent), by dossier, each once.
SELECT DISTINCT dossier_id, id
FROM (
  SELECT v.dossier_id, p.id FROM posts p JOIN case_private v ON v.author_id = p.author_id
  UNION ALL
  SELECT v.dossier_id, p.ref_id AS id FROM posts p JOIN case_private v ON v.author_id = p.ref_author_id WHERE p.ref_id IS NOT NULL
) found
ORDER BY dossier_id, id;
