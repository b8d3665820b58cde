-- Stored regency values of one indicator, with their source, to spot clashes and jumps in an upload.
-- test-params: {"indicator": "wb_electricity_access"}
SELECT o.region_code, o.year, o.value, o.source_id, s.title AS source_title
FROM observations AS o
JOIN regions AS r ON r.code = o.region_code
LEFT JOIN sources AS s ON s.source_id = o.source_id
WHERE o.indicator_id = $indicator AND r.level = 'kabupaten'
ORDER BY o.region_code, o.year
