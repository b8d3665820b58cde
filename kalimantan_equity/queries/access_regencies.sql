-- Regencies with their group and bounding box (for the regency filter and zooming the map to one).
-- test-params: {}
SELECT
    r.code,
    r.name,
    r.prov_code,
    r.region_type,
    r.min_lon,
    r.min_lat,
    r.max_lon,
    r.max_lat
FROM regions AS r
WHERE r.level = 'kabupaten'
ORDER BY r.code
