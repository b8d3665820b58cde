-- Population of each regency from the year nearest to $year (the earlier year wins a tie),
-- used to weight regency means.
-- test-params: {"year": 2012}
SELECT region_code, value AS population, year AS population_year
FROM observations
WHERE indicator_id = 'population'
QUALIFY row_number() OVER (PARTITION BY region_code ORDER BY abs(year - $year), year) = 1
