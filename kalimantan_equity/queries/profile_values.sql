-- The comparison set behind a regency's scorecard: for every indicator with a value for $region,
-- the latest year it has one, and every regency's value in that year (status 'value', 'missing'
-- or 'na', by the one rule in macros/region_status.sql), with the population of the nearest year
-- (earlier wins a tie) as the weight.
-- test-params: {"region": "61.06"}
WITH latest AS (
    SELECT indicator_id, max(year) AS year
    FROM observations
    WHERE region_code = $region AND value IS NOT NULL
    GROUP BY indicator_id
),
weights AS (
    SELECT l.indicator_id, p.region_code, p.value AS population
    FROM latest AS l
    JOIN observations AS p ON p.indicator_id = 'population' AND p.value IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY l.indicator_id, p.region_code ORDER BY abs(p.year - l.year), p.year) = 1
)
SELECT
    l.indicator_id,
    l.year,
    r.code,
    r.code AS regency_code,
    r.prov_code,
    r.region_type,
    s.value,
    s.numerator,
    s.denominator,
    s.note,
    w.population,
    s.status
FROM latest AS l
CROSS JOIN LATERAL region_status(l.indicator_id, l.year, 'kabupaten') AS s
JOIN regions AS r ON r.code = s.region_code
LEFT JOIN weights AS w
    ON w.indicator_id = l.indicator_id AND w.region_code = r.code
ORDER BY l.indicator_id, r.code
