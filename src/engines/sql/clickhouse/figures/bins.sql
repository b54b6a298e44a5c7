-- Matching posts per bin of the figure's dates (figure_bins; bins without posts have no row). Bin
-- boundaries fall on UTC quarter hours: a post finds its bin by its quarter hour since the first.
SELECT start_ms, count() AS posts
FROM (
  WITH (SELECT min(start_ms) FROM figure_bins) AS origin, (SELECT max(end_ms) FROM figure_bins) AS stop
  SELECT toUInt64(intDiv(time_ms - origin, 900000)) AS quarter
  FROM {{figure_match}}
  WHERE time_ms >= origin AND time_ms < stop
)
ALL INNER JOIN (
  WITH (SELECT min(start_ms) FROM figure_bins) AS origin
  SELECT start_ms, toUInt64(intDiv(start_ms - origin, 900000)) + arrayJoin(range(toUInt64(intDiv(end_ms - start_ms, 900000)))) AS quarter
  FROM figure_bins
) USING quarter
GROUP BY start_ms
ORDER BY start_ms
