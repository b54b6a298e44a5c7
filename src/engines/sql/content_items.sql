-- Content items: keys shared by two posts or more, largest first, then earliest, then key.
SELECT k.key, k.match, count(*) AS posts, min(k.text) AS text, min(p.time_ms) AS first_ms
FROM content_keys k
JOIN posts p ON p.id = k.id
GROUP BY k.key, k.match
HAVING count(*) >= 2
ORDER BY posts DESC, first_ms, k.key;
