-- A regency's own basic-service facilities by kind (the 2019 registers, placed where they lie):
-- how many count in distances, how many were kept out (listed on the catalogue page), and staff.
-- test-params: {"region": "61.06"}
SELECT
    kind,
    count(*) FILTER (WHERE quality IS NULL) AS n_used,
    count(*) FILTER (WHERE quality IS NOT NULL) AS n_flagged,
    sum(doctors) AS doctors,
    sum(midwives) AS midwives
FROM service_points
WHERE source_id <> 'reference_points' AND regency_code = $region
GROUP BY kind
ORDER BY kind
