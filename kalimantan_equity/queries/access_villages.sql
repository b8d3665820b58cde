-- Every village with its representative point (a point inside its polygon), district, regency and province.
-- Villages newer than the boundaries have no polygon and no point: they are returned, and the page leaves them out and says so.
-- test-params: {}
SELECT
    v.code,
    v.name,
    v.parent_code AS district_code,
    d.name AS district,
    v.regency_code,
    k.name AS regency,
    v.prov_code,
    p.name AS province,
    v.region_type,
    v.rep_lon,
    v.rep_lat,
    v.has_polygon
FROM regions AS v
JOIN regions AS d ON d.code = v.parent_code
JOIN regions AS k ON k.code = v.regency_code
JOIN regions AS p ON p.code = v.prov_code
WHERE v.level = 'desa'
ORDER BY v.code
