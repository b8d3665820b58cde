-- The districts or villages of one regency with their value for one indicator and year.
-- Regions without a value stay in: status says 'missing' (no data) or 'na' (not applicable), by the one
-- rule in macros/region_status.sql.
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
    s.value,
    s.note,
    s.numerator,
    s.denominator,
    s.status
FROM regions AS r
JOIN regions AS parent ON parent.code = r.parent_code
JOIN region_status($indicator, $year, $level) AS s ON s.region_code = r.code
WHERE r.regency_code = $region
    AND r.has_polygon
ORDER BY r.code
