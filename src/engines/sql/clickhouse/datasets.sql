-- Posts per dataset, by dataset id.
SELECT dataset, count() AS posts
FROM {posts:Identifier}
GROUP BY dataset
ORDER BY dataset
