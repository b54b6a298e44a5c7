-- The case_settings.profile_list authors each paged author reposted or quoted most, ties by id.
SELECT author_id, amplified_id AS other_id, count() AS count
FROM {{amplifications}}
WHERE author_id IN (SELECT author_id FROM case_paged)
GROUP BY author_id, other_id
ORDER BY author_id, count DESC, other_id
LIMIT {profile_list:UInt32} BY author_id
