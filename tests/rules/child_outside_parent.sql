-- A region's code starts with its parent's code, and the parent exists.
SELECT c.code FROM regions AS c LEFT JOIN regions AS p ON p.code = c.parent_code
WHERE c.level <> 'provinsi' AND (p.code IS NULL OR NOT starts_with(c.code, p.code || '.'))
