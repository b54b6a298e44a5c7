-- What coordination reads of each post in the period, in read order; Casefile runs the analysis on it.
SELECT id, author_id, time_ms, kind, ref_id, ref_author_id, text, urls, hashtags, url
FROM {{post_local}}
WHERE in_period
ORDER BY file_position, line
