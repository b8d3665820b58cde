-- Every region of one level with its value for one indicator and year.
-- Regions without a value stay in the result: status says 'missing' (no data) or 'na' (not applicable),
-- by the one rule in macros/region_status.sql.
-- test-params: {"indicator": "wb_electricity_access", "year": 2019, "level": "kabupaten", "province": null, "region_types": ["kota", "kabupaten", "perbatasan"]}
SELECT
    r.code,
    r.name,
    r.level,
    r.region_type,
    r.prov_code,
    p.name AS province,
    r.regency_code,
    s.value,
    s.note,
    s.numerator,
    s.denominator,
    s.source_id,
    s.status
FROM regions AS r
JOIN regions AS p ON p.code = r.prov_code
JOIN region_status($indicator, $year, $level) AS s ON s.region_code = r.code
WHERE r.has_polygon
    AND ($province IS NULL OR r.prov_code = $province)
    AND list_contains($region_types, r.region_type)
ORDER BY r.code
