-- Ids of the posts by people with a private dossier, and of the posts others reposted or answered of
-- theirs (the reference names the author even when the post is absent), by dossier, each once.
SELECT DISTINCT dossier_id, id
FROM (
  SELECT author_id, id FROM {posts:Identifier} WHERE author_id IN (SELECT author_id FROM case_private)
  UNION ALL
  SELECT assumeNotNull(ref_author_id) AS author_id, assumeNotNull(ref_id) AS id FROM {posts:Identifier}
  WHERE isNotNull(ref_id) AND isNotNull(ref_author_id) AND assumeNotNull(ref_author_id) IN (SELECT author_id FROM case_private)
)
ALL INNER JOIN (SELECT author_id, dossier_id FROM case_private) USING author_id
ORDER BY dossier_id, id
