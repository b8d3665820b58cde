-- The one rule for a region's value status, used by every query that keeps regions without a value:
-- every region of one level with its value for one indicator and year, and status
--   'value'   the region has a value;
--   'na'      it has none, and the indicator does not apply to it (table not_applicable: IDM in a
--             city, a kelurahan or a district of kelurahan only);
--   'missing' it has none although the indicator applies: no data, which is never zero.
-- A table macro, created on every connection (services/warehouse.py::connect) and expanded when a
-- query calls it, so it reads that connection's observations, uploads laid over them included.
-- Parameter names are prefixed: in a DuckDB macro a parameter wins over a column of the same name.
CREATE MACRO region_status(status_indicator, status_year, status_level) AS TABLE
SELECT
    r.code AS region_code,
    o.value,
    o.note,
    o.numerator,
    o.denominator,
    o.source_id,
    CASE
        WHEN o.value IS NOT NULL THEN 'value'
        WHEN na.region_code IS NOT NULL THEN 'na'
        ELSE 'missing'
    END AS status
FROM regions AS r
LEFT JOIN observations AS o
    ON o.region_code = r.code AND o.indicator_id = status_indicator AND o.year = status_year
LEFT JOIN not_applicable AS na
    ON na.region_code = r.code AND na.indicator_id = status_indicator
WHERE r.level = status_level
