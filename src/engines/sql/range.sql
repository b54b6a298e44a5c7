-- The first and last post times, which the zone offsets (case_zone) must cover.
SELECT min(time_ms) AS min, max(time_ms) AS max FROM posts;
