-- The first and last post times, which the zone offsets (case_zone) must cover.
SELECT if(count() = 0, NULL, min(time_ms)) AS min, if(count() = 0, NULL, max(time_ms)) AS max
FROM {posts:Identifier}
