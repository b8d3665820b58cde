-- The regencies and provinces an upload is matched against (names, codes, province).
-- test-params: {}
SELECT code, name, level, prov_code
FROM regions
WHERE level IN ('provinsi', 'kabupaten')
ORDER BY code
