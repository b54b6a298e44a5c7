-- The posts table as counted: its rows, and a content hash the server computes over every column of every
-- row (the sum, modulo 2^64, of each row's CityHash64), so the same rows in any order on any number of
-- shards give the same hash, and a changed, added or removed row changes it.
SELECT
  count() AS rows,
  toString(sum(cityHash64(
    id, platform, author_id, isNull(handle), ifNull(handle, ''), isNull(name), ifNull(name, ''), time_ms, precision, kind,
    isNull(ref_id), ifNull(ref_id, ''), isNull(ref_author_id), ifNull(ref_author_id, ''), text, isNull(lang), ifNull(lang, ''), hashtags, media_hashes, urls,
    isNull(url), ifNull(url, ''), isNull(availability), ifNull(availability, ''), archives, dataset, file, line
  ))) AS content_hash
FROM {posts:Identifier}
