-- Rows per facility register and how many of them are usable for distances or counts.
-- test-params: {}
SELECT source_id AS register, count(*) AS n_rows, count(*) FILTER (WHERE quality IS NULL) AS n_usable
FROM service_points
WHERE source_id <> 'reference_points'
GROUP BY source_id
UNION ALL
SELECT register, count(*) AS n_rows, count(*) FILTER (WHERE quality IS NULL) AS n_usable
FROM facility_registers
GROUP BY register
ORDER BY register
