-- Content items: keys shared by two posts or more, largest first, then earliest, then key.
SELECT key, match, posts, if(match = 'text', text, NULL) AS text, first_ms
FROM (
  SELECT key, any(match) AS match, count() AS posts, min(text) AS text, min(time_ms) AS first_ms
  FROM {{content_keys}}
  GROUP BY key
  HAVING posts >= 2
)
ORDER BY posts DESC, first_ms, key
