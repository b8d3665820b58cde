-- Facility rows kept out of distances (points) or flagged in a register, each with its reason:
-- no coordinates, outside Kalimantan, coordinates shared with another point of the same kind,
-- a stated code that disagrees with the place or with the facility's own name, an unknown code.
-- test-params: {}
SELECT
    q.register,
    q.name,
    q.kind,
    q.stated_code,
    q.stated_regency_code,
    s.name AS stated_regency,
    q.located_regency_code,
    l.name AS located_regency,
    q.lon,
    q.lat,
    q.reason,
    q.detail
FROM point_quality AS q
LEFT JOIN regions AS s ON s.code = q.stated_regency_code
LEFT JOIN regions AS l ON l.code = q.located_regency_code
ORDER BY q.register, q.reason, q.name
