-- Districts with their representative point, for placing a new service unit "in a district".
-- test-params: {}
SELECT
    d.code,
    d.name,
    d.regency_code,
    k.name AS regency,
    d.prov_code,
    d.rep_lon,
    d.rep_lat
FROM regions AS d
JOIN regions AS k ON k.code = d.regency_code
WHERE d.level = 'kecamatan' AND d.rep_lon IS NOT NULL
ORDER BY d.code
