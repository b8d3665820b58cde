-- The districts or villages of one regency with their value for one indicator and year.
-- Regions without a value stay in: status says 'missing' (no data) or 'na' (not applicable).
-- test-params: {"region": "61.06", "indicator": "idm_score", "year": 2024, "level": "desa"}
SELECT
    r.code,
    r.name,
    r.level,
    r.region_type,
    r.prov_code,
    r.regency_code,
    r.parent_code,
    parent.name AS parent_name,
    r.is_kelurahan,
    o.value,
    o.note,
    o.numerator,
    o.denominator,
    CASE
        WHEN o.value IS NOT NULL THEN 'value'
        WHEN na.region_code IS NOT NULL THEN 'na'
        ELSE 'missing'
    END AS status
FROM regions AS r
JOIN regions AS parent ON parent.code = r.parent_code
LEFT JOIN observations AS o
    ON o.region_code = r.code AND o.indicator_id = $indicator AND o.year = $year
LEFT JOIN not_applicable AS na
    ON na.region_code = r.code AND na.indicator_id = $indicator
WHERE r.regency_code = $region
    AND r.level = $level
    AND r.has_polygon
ORDER BY r.code
