-- Every region of one level with its value for one indicator and year.
-- Regions without a value stay in the result: status says 'missing' (no data) or 'na' (not applicable).
-- test-params: {"indicator": "wb_electricity_access", "year": 2019, "level": "kabupaten", "province": null, "region_types": ["kota", "kabupaten", "perbatasan"]}
SELECT
    r.code,
    r.name,
    r.level,
    r.region_type,
    r.prov_code,
    p.name AS province,
    r.regency_code,
    o.value,
    o.note,
    o.numerator,
    o.denominator,
    o.source_id,
    CASE
        WHEN o.value IS NOT NULL THEN 'value'
        WHEN na.region_code IS NOT NULL THEN 'na'
        ELSE 'missing'
    END AS status
FROM regions AS r
JOIN regions AS p ON p.code = r.prov_code
LEFT JOIN observations AS o
    ON o.region_code = r.code AND o.indicator_id = $indicator AND o.year = $year
LEFT JOIN not_applicable AS na
    ON na.region_code = r.code AND na.indicator_id = $indicator
WHERE r.level = $level
    AND r.has_polygon
    AND ($province IS NULL OR r.prov_code = $province)
    AND list_contains($region_types, r.region_type)
ORDER BY r.code
