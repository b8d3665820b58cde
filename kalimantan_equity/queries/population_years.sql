-- Population of each regency for each of $years, from the year with data nearest to it (the earlier
-- year wins a tie, as in population_nearest): the weights of a trend, one set per year.
-- test-params: {"years": [2012, 2019, 2024]}
SELECT
    y.year,
    o.region_code,
    o.value AS population,
    o.year AS population_year
FROM (SELECT unnest($years::INTEGER[]) AS year) AS y
CROSS JOIN observations AS o
WHERE o.indicator_id = 'population'
QUALIFY row_number() OVER (PARTITION BY y.year, o.region_code ORDER BY abs(o.year - y.year), o.year) = 1
ORDER BY y.year, o.region_code
