-- The static geometry file for each level (content-hashed names written by the build).
-- test-params: {}
SELECT level, file_name, n_features, n_bytes
FROM geo_assets
ORDER BY level
