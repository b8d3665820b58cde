-- Every indicator has names in both languages, units, a sector and a direction.
SELECT indicator_id FROM indicators
WHERE coalesce(name_id, '') = '' OR coalesce(name_en, '') = '' OR coalesce(unit_id, '') = ''
   OR coalesce(unit_en, '') = '' OR coalesce(sector, '') = '' OR direction NOT IN (-1, 0, 1)
