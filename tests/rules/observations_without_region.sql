-- Every observation belongs to a known region.
SELECT o.* FROM observations AS o LEFT JOIN regions AS r ON r.code = o.region_code WHERE r.code IS NULL
