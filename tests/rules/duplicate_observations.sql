-- One value per indicator, region and year.
SELECT indicator_id, region_code, year, count(*) AS n FROM observations GROUP BY ALL HAVING count(*) > 1
