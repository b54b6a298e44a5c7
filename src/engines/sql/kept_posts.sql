-- Posts the model keeps whole: those asked for by id, and the earliest of each tracked tag in the period.
SELECT id, platform, author_id, handle, name, time_ms, precision, kind, ref_id, ref_author_id, text, lang, hashtags,
  media_hashes, urls, url, availability, archives, dataset, file, line
FROM posts
WHERE id IN (SELECT id FROM case_wanted)
  OR id IN (
    SELECT p.id
    FROM post_local p
    JOIN post_tags t ON t.id = p.id AND t.tracked IS NOT NULL
    JOIN (
      SELECT t.tag, min(p.time_ms) AS first_ms
      FROM post_local p
      JOIN post_tags t ON t.id = p.id AND t.tracked IS NOT NULL
      WHERE p.in_period
      GROUP BY t.tag
    ) f ON f.tag = t.tag AND f.first_ms = p.time_ms
    WHERE p.in_period
  )
ORDER BY id;
