-- Service points of the chosen kinds; closed/historical points only when asked for.
-- test-params: {"kinds": ["plbn", "kanim", "ulp"], "include_closed": false}
SELECT point_id, name, kind, status, detail, town, regency_code, lon, lat, coord_method, verified
FROM service_points
WHERE list_contains($kinds, kind)
    AND ($include_closed OR status <> 'closed')
    AND lon IS NOT NULL AND lat IS NOT NULL  -- a planned post may have no location yet
ORDER BY kind, name
