-- The five provinces with their bounding boxes (for zooming the map to a province).
-- test-params: {}
SELECT code, name, min_lon, min_lat, max_lon, max_lat
FROM regions
WHERE level = 'provinsi'
ORDER BY code
