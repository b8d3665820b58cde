-- Where every region of one level lies: its extent (a map fits the regions it shows), a point inside it
-- for its name label, and the names of the district and regency it belongs to (a village ranking reads
-- "village, district, regency": village names repeat across Kalimantan).
-- test-params: {"level": "desa"}
SELECT
    r.code,
    r.min_lon,
    r.min_lat,
    r.max_lon,
    r.max_lat,
    r.rep_lon,
    r.rep_lat,
    d.name AS district_name,
    k.name AS regency_name
FROM regions AS r
LEFT JOIN regions AS d ON d.code = r.parent_code AND d.level = 'kecamatan'
LEFT JOIN regions AS k ON k.code = r.regency_code AND k.level = 'kabupaten'
WHERE r.level = $level
    AND r.has_polygon
ORDER BY r.code
