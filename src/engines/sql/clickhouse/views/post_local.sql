-- Each post with what the tables count it by: its local wall time in the case's zone (case_zone, offsets
-- from Casefile's zone clock), local day (days since 1970-01-01), hour and weekday (Monday = 0), whether
-- it is in the period, its file's place in the case's read order (case_files), and its hashtags
-- normalised: folded (leading `#` stripped, lower case), an alias counted as its tracked tag, each tag
-- once in the order first written (`tags`, with the 1-based place each was first written at in
-- `tag_positions`), and of those the tracked ones (`tracked`). Each list `transform` maps with ends in
-- unhex('FF'), a byte no UTF-8 text holds: ClickHouse 18.16 fails on an empty one.
WITH
  (SELECT arraySort(groupArray(to_ms)) FROM case_zone) AS zone_ends,
  (SELECT arraySort((offset, from) -> from, groupArray(offset_ms), groupArray(from_ms)) FROM case_zone) AS zone_offsets,
  (SELECT arrayPushBack(groupArray(file), unhex('FF')) FROM case_files) AS file_names,
  (SELECT arrayPushBack(groupArray(toInt64(position)), toInt64(-1)) FROM case_files) AS file_positions,
  (SELECT arrayPushBack(groupArray(folded), unhex('FF')) FROM case_aliases) AS alias_folded,
  (SELECT arrayPushBack(groupArray(tag), '') FROM case_aliases) AS alias_tags,
  (SELECT groupArray(tag) FROM case_tags) AS case_tags,
  arrayMap(h -> lowerUTF8(replaceRegexpOne(h, '^#+', '')), hashtags) AS folded,
  arrayMap(f -> transform(f, alias_folded, alias_tags, f), folded) AS named
SELECT
  *,
  time_ms + zone_offsets[arrayFirstIndex((end, t) -> end > t, zone_ends, arrayResize(emptyArrayInt64(), length(zone_ends), time_ms))] AS wall_ms,
  intDiv(wall_ms, 86400000) - (wall_ms % 86400000 < 0) AS local_day,
  intDiv(wall_ms - local_day * 86400000, 3600000) AS local_hour,
  ((local_day + 3) % 7 + 7) % 7 AS weekday,
  time_ms >= {period_start:Int64} AND time_ms < {period_end:Int64} AS in_period,
  transform(file, file_names, file_positions, toInt64(-1)) AS file_position,
  arrayFilter((tag, nth) -> tag != '' AND nth = 1, named, arrayEnumerateUniq(named)) AS tags,
  arrayFilter((place, tag, nth) -> tag != '' AND nth = 1, arrayEnumerate(named), named, arrayEnumerateUniq(named)) AS tag_positions,
  arrayFilter(tag -> has(case_tags, tag), tags) AS tracked
FROM {posts:Identifier}
