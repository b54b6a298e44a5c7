-- Each bin a post with a tracked tag falls in (case_bins: the period's local days and hours, and the
-- lead-in day and hour before it, cut by Casefile's zone clock). Every bin boundary falls on a UTC quarter
-- hour (period-grid.ts), so a post finds its bins by its quarter hour since the first bin.
SELECT *
FROM (
  WITH (SELECT min(start_ms) FROM case_bins) AS origin
  SELECT id, author_id, kind, time_ms, tracked, toUInt64(intDiv(time_ms - origin, 900000)) AS quarter
  FROM {{post_local}}
  WHERE time_ms >= origin AND time_ms < {period_end:Int64} AND notEmpty(tracked)
)
ALL INNER JOIN (
  WITH (SELECT min(start_ms) FROM case_bins) AS origin
  SELECT bin, start_ms, toUInt64(intDiv(start_ms - origin, 900000)) + arrayJoin(range(toUInt64(intDiv(end_ms - start_ms, 900000)))) AS quarter
  FROM case_bins
) USING quarter
