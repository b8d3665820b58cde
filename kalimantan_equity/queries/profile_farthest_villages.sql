-- A regency's villages farthest from a puskesmas (straight-line km from the village's
-- representative point, 2019 registers), with their distances to SD, SMP and SMA/SMK.
-- test-params: {"region": "61.06", "n": 10}
SELECT v.code, v.name, d.name AS district, a.puskesmas, a.sd, a.smp, a.sma
FROM village_access AS a
JOIN regions AS v ON v.code = a.code
JOIN regions AS d ON d.code = v.parent_code
WHERE v.regency_code = $region
ORDER BY a.puskesmas DESC NULLS LAST, v.code
LIMIT $n
