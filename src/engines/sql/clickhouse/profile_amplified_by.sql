-- The case_settings.profile_list authors that reposted or quoted each paged author most, ties by id.
SELECT paged_id AS author_id, other_id, count
FROM (
  SELECT amplified_id AS paged_id, author_id AS other_id, count() AS count
  FROM {{amplifications}}
  WHERE amplified_id IN (SELECT author_id FROM case_paged)
  GROUP BY paged_id, other_id
  ORDER BY paged_id, count DESC, other_id
  LIMIT {profile_list:UInt32} BY paged_id
)
