-- The earliest poster(s) of each content item ("patient zero"), several on a tie, by id. The items and
-- their earliest times are content_items.sql's answer, which the engine sends back as
-- case_content_items (`key`, `first_ms`): one more scan of the posts, not two.
SELECT key, id, author_id, time_ms
FROM {{content_keys}}
WHERE (key, time_ms) IN (SELECT key, first_ms FROM case_content_items)
ORDER BY key, id
