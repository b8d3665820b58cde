-- Every value of one regency, per indicator and year, for the scorecard's trend lines.
-- Each indicator is its own series: a method break (bps_ipm vs bps_ipm_2024) is never joined.
-- test-params: {"region": "64.11"}
SELECT indicator_id, year, value
FROM observations
WHERE region_code = $region AND value IS NOT NULL
ORDER BY indicator_id, year
