-- Matching posts per bin of the figure's dates (bins without posts have no row).
SELECT b.start_ms, count(*) AS posts
FROM figure_match m
JOIN figure_bins b ON m.time_ms >= b.start_ms AND m.time_ms < b.end_ms
GROUP BY b.start_ms
ORDER BY b.start_ms;
