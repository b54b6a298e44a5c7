-- DuckDB's spelling of what the shared SQL files leave to the dialect: string folding, hashing and
-- turning a post's lists into rows. ClickHouse's spelling of the same names is in clickhouse.sql.
-- Every other file in src/engines/sql/ is plain SQL that both engines take.

-- foldTag (src/ingest/normalise-post.ts): leading `#` stripped, NFC, lower case.
CREATE OR REPLACE TEMP MACRO fold_tag(h) AS lower(nfc_normalize(regexp_replace(h, '^#+', '')));

-- normaliseText (src/aggregate/text-keys.ts): JavaScript's \s runs collapsed to one space, trimmed, NFC, lower case.
CREATE OR REPLACE TEMP MACRO normalise_text(t) AS lower(nfc_normalize(trim(regexp_replace(t, '[\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+', ' ', 'g'), ' ')));

-- Lowercase hex sha256 of a string's UTF-8 bytes.
CREATE OR REPLACE TEMP MACRO sha256_hex(t) AS sha256(t);

-- Each written hashtag of each post, with its 1-based position in the post.
CREATE OR REPLACE TEMP VIEW post_hashtags AS
SELECT id, unnest(hashtags) AS written, generate_subscripts(hashtags, 1) AS position
FROM posts;

-- Each media hash of each post, once per occurrence.
CREATE OR REPLACE TEMP VIEW post_media AS
SELECT id, unnest(media_hashes) AS hash
FROM posts;
