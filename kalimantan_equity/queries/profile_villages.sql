-- Every village of one regency (also those newer than the boundaries) with its IDM status and
-- scores for one year; kelurahan and city villages are marked not applicable, never zero (the IDM
-- score's status by the one rule in macros/region_status.sql).
-- test-params: {"region": "61.06", "year": 2024}
SELECT
    v.code,
    v.name,
    v.parent_code AS district_code,
    d.name AS district,
    coalesce(v.is_kelurahan, false) AS is_kelurahan,
    v.has_polygon,
    s.status,
    max(o.value) FILTER (WHERE o.indicator_id = 'idm_score') AS idm_score,
    max(o.value) FILTER (WHERE o.indicator_id = 'idm_iks') AS idm_iks,
    max(o.value) FILTER (WHERE o.indicator_id = 'idm_ike') AS idm_ike,
    max(o.value) FILTER (WHERE o.indicator_id = 'idm_ikl') AS idm_ikl,
    bool_or(idm.status = 'na') AS not_applicable
FROM regions AS v
JOIN regions AS d ON d.code = v.parent_code
LEFT JOIN village_status AS s ON s.code = v.code AND s.year = $year
LEFT JOIN observations AS o
    ON o.region_code = v.code AND o.year = $year AND o.indicator_id IN ('idm_score', 'idm_iks', 'idm_ike', 'idm_ikl')
LEFT JOIN region_status('idm_score', $year, 'desa') AS idm ON idm.region_code = v.code
WHERE v.level = 'desa' AND v.regency_code = $region
GROUP BY ALL
ORDER BY v.code
