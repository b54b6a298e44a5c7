-- Posts the model keeps whole: those asked for by id, and the earliest of each tracked tag in the period.
SELECT id, platform, author_id, handle, name, time_ms, precision, kind, ref_id, ref_author_id, text, lang, hashtags,
  media_hashes, urls, url, availability, archives, dataset, file, line
FROM {posts:Identifier}
WHERE id IN (SELECT id FROM case_wanted)
  OR id GLOBAL IN (
    SELECT id
    FROM {{post_local}}
    ARRAY JOIN tracked AS tag
    WHERE in_period AND (tag, time_ms) GLOBAL IN (
      SELECT tag, min(time_ms) FROM {{post_local}} ARRAY JOIN tracked AS tag WHERE in_period GROUP BY tag
    )
  )
ORDER BY id
