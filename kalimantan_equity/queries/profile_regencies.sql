-- The 56 regencies and cities for the regency picker and for choosing peers: province, group,
-- remoteness, bounding box and the population of the year nearest to 2019 (the earlier year wins a tie).
-- test-params: {}
WITH population AS (
    SELECT region_code, value AS population, year AS population_year
    FROM observations
    WHERE indicator_id = 'population' AND value IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY region_code ORDER BY abs(year - 2019), year) = 1
)
SELECT
    r.code,
    r.name,
    r.prov_code,
    p.name AS province,
    r.region_type,
    r.km_to_capital,
    r.km_to_city,
    r.area_km2,
    r.min_lon, r.min_lat, r.max_lon, r.max_lat,
    pop.population,
    pop.population_year
FROM regions AS r
JOIN regions AS p ON p.code = r.prov_code
LEFT JOIN population AS pop ON pop.region_code = r.code
WHERE r.level = 'kabupaten'
ORDER BY r.prov_code, r.name
