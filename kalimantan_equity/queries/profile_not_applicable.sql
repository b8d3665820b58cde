-- Indicators that do not apply to one regency (IDM in a city), with the reason.
-- test-params: {"region": "61.71"}
SELECT indicator_id, reason
FROM not_applicable
WHERE region_code = $region
ORDER BY indicator_id
