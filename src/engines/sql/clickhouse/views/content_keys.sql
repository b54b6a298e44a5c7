-- Content keys: originals (not reposts) with the same normalised text (JavaScript's \s runs collapsed to
-- one space, trimmed, lower case: text-keys.ts), and posts with the same media hash, once per hash a post
-- carries. ClickHouse 18.16 has no Unicode normalisation (NFC): docs/model.md says where that differs.
SELECT key, match, text, id, author_id, time_ms
FROM (
  SELECT concat('text:', substring(lower(hex(SHA256(normal))), 1, 16)) AS key, 'text' AS match, normal AS text, id, author_id, time_ms
  FROM (
    SELECT id, author_id, time_ms, lowerUTF8(replaceRegexpAll(replaceRegexpAll(text, '[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+', ' '), '^ | $', '')) AS normal
    FROM {posts:Identifier}
    WHERE kind != 'repost'
  )
  WHERE normal != ''
  UNION ALL
  SELECT concat('media:', hash) AS key, 'media' AS match, '' AS text, id, author_id, time_ms
  FROM {posts:Identifier}
  ARRAY JOIN media_hashes AS hash
)
