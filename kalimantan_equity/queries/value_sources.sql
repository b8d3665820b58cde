-- The sources behind the values of one indicator and/or one region (and its parts), flagging uploads,
-- so pages can name the upload a value came from.
-- test-params: {"indicator": "bps_ipm", "region": "61.06"}
SELECT DISTINCT
    s.source_id,
    s.citation_id,
    s.citation_en,
    starts_with(s.source_id, 'up_') AS uploaded
FROM observations AS o
JOIN sources AS s ON s.source_id = o.source_id
WHERE ($indicator IS NULL OR o.indicator_id = $indicator)
    AND ($region IS NULL OR o.region_code = $region OR starts_with(o.region_code, $region || '.'))
ORDER BY s.source_id
