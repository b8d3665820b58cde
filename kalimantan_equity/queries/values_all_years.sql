-- Every value of the chosen indicators at one level, in every year that has data, with each region's
-- group and province: the input of the trend (a series and its siblings across a method break) and
-- of the SPM scorecard. Regions without a value are left out; map_values is the query that keeps them.
-- test-params: {"indicators": ["bps_ipm", "bps_ipm_2024"], "level": "kabupaten"}
SELECT
    o.indicator_id,
    o.year,
    r.code,
    r.name,
    r.region_type,
    r.prov_code,
    p.name AS province,
    r.regency_code,
    o.value,
    o.numerator,
    o.denominator
FROM observations AS o
JOIN regions AS r ON r.code = o.region_code
JOIN regions AS p ON p.code = r.prov_code
WHERE list_contains($indicators, o.indicator_id)
    AND r.level = $level
    AND r.has_polygon
    AND o.value IS NOT NULL
ORDER BY o.indicator_id, o.year, r.code
