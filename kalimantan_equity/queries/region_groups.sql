-- Which regency is in which group (kota / perbatasan / kabupaten), with its remoteness.
-- test-params: {}
SELECT
    r.code, r.name, p.name AS province, g.region_type, g.land_border, g.tertinggal_2015_2019,
    r.km_to_capital, r.km_to_city, r.area_km2
FROM regions AS r
JOIN region_groups AS g ON g.regency_code = r.code
JOIN regions AS p ON p.code = r.prov_code
WHERE r.level = 'kabupaten'
ORDER BY r.code
