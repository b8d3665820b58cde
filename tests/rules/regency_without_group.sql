-- Every regency has exactly one of the three region types.
SELECT r.code FROM regions AS r LEFT JOIN region_groups AS g ON g.regency_code = r.code
WHERE r.level = 'kabupaten' AND (g.region_type IS NULL OR g.region_type NOT IN ('kota', 'kabupaten', 'perbatasan'))
