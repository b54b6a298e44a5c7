-- Every post time of the paged authors with at most case_settings.sparse_posts posts, charted one by one.
SELECT author_id, arrayJoin(arraySort(groupArray(time_ms))) AS time_ms
FROM {posts:Identifier}
WHERE author_id IN (SELECT author_id FROM case_paged)
GROUP BY author_id
HAVING count() <= {sparse_posts:UInt32}
ORDER BY author_id, time_ms
