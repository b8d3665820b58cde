-- Percentages stay within 0–100.
SELECT o.* FROM observations AS o JOIN indicators AS i USING (indicator_id)
WHERE i.unit_en LIKE '%\%%' ESCAPE '\' AND (o.value < 0 OR o.value > 100)
