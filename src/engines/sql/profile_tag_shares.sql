-- Posts of each paged author under each tracked tag in the period (its share is count / the tag's total).
SELECT p.author_id, t.tag, count(*) AS count
FROM post_local p
JOIN case_paged g ON g.author_id = p.author_id
JOIN post_tags t ON t.id = p.id AND t.tracked IS NOT NULL
WHERE p.in_period
GROUP BY p.author_id, t.tag, t.tracked
ORDER BY p.author_id, t.tracked;
