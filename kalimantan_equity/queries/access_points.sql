-- Every service point (PLBN and immigration), whatever its status, with the regency it serves.
-- Points without coordinates are kept: the page lists them as not placed instead of dropping them.
-- Facilities whose coordinates failed a check (outside Kalimantan, shared, code disagreeing with
-- the place) are left out of distances; the catalogue page lists them with the reason (point_quality).
-- test-params: {}
SELECT
    s.point_id,
    s.name,
    s.kind,
    s.status,
    s.detail,
    s.town,
    s.regency_code,
    k.name AS regency,
    s.lon,
    s.lat,
    s.coord_method,
    s.verified
FROM service_points AS s
LEFT JOIN regions AS k ON k.code = s.regency_code
WHERE s.quality IS NULL
ORDER BY s.kind, s.name
