-- Posts in the period carrying two tracked tags, per day and hour bin; tag_a comes first in the case's list.
SELECT a.tag AS tag_a, b.tag AS tag_b, c.bin, c.start_ms, count(*) AS posts
FROM posts p
JOIN post_tags a ON a.id = p.id AND a.tracked IS NOT NULL
JOIN post_tags b ON b.id = p.id AND b.tracked IS NOT NULL AND b.tracked > a.tracked
JOIN case_bins c ON c.bin IN ('day', 'hour') AND p.time_ms >= c.start_ms AND p.time_ms < c.end_ms
GROUP BY a.tag, b.tag, a.tracked, b.tracked, c.bin, c.start_ms
ORDER BY a.tracked, b.tracked, c.bin, c.start_ms;
