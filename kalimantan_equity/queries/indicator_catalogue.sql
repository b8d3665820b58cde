-- One row per indicator and level that has data: metadata, source citation, years and coverage.
-- test-params: {}
WITH coverage AS (
    SELECT
        o.indicator_id,
        r.level,
        list(DISTINCT o.year ORDER BY o.year) AS years,
        count(DISTINCT o.region_code) AS n_regions
    FROM observations AS o
    JOIN regions AS r ON r.code = o.region_code
    GROUP BY o.indicator_id, r.level
)
SELECT
    i.indicator_id, i.name_id, i.name_en, i.unit_id, i.unit_en, i.sector, i.direction, i.target,
    i.decimals, i.aggregate, i.series_group, i.applies_to, i.method_id, i.method_en, i.simulated,
    s.source_id, s.title AS source_title, s.publisher, s.licence, s.citation_id, s.citation_en,
    c.level, c.years, c.n_regions,
    (SELECT count(*) FROM regions AS rr WHERE rr.level = c.level AND rr.has_polygon) AS n_level_regions
FROM indicators AS i
JOIN sources AS s ON s.source_id = i.source_id
JOIN coverage AS c ON c.indicator_id = i.indicator_id
ORDER BY i.simulated, i.sector, i.indicator_id, c.level
