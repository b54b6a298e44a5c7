-- Posts in the period carrying two tracked tags, per day and hour bin; tag_a comes first in the case's list.
SELECT tag_a, tag_b, bin, start_ms, count() AS posts
FROM (
  WITH (SELECT groupArray((a.tag, b.tag)) FROM case_tags AS a CROSS JOIN case_tags AS b WHERE a.position < b.position) AS pairs
  SELECT arrayJoin(pairs) AS pair, pair.1 AS tag_a, pair.2 AS tag_b, bin, start_ms, tracked
  FROM {{binned}}
  WHERE bin IN ('day', 'hour')
)
WHERE has(tracked, tag_a) AND has(tracked, tag_b)
GROUP BY tag_a, tag_b, bin, start_ms
ORDER BY
  indexOf((SELECT groupArray(tag) FROM (SELECT tag FROM case_tags ORDER BY position)), tag_a),
  indexOf((SELECT groupArray(tag) FROM (SELECT tag FROM case_tags ORDER BY position)), tag_b),
  bin,
  start_ms
