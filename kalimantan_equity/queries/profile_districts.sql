-- The districts of one regency with a point inside each (for distances to service points).
-- test-params: {"region": "61.06"}
SELECT code, name, rep_lon, rep_lat, km_to_capital, km_to_city
FROM regions
WHERE level = 'kecamatan' AND regency_code = $region
ORDER BY code
