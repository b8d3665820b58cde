-- Every data source with its licence and citation, real sources first.
-- test-params: {}
SELECT source_id, title, publisher, licence, url, citation_id, citation_en, simulated
FROM sources
ORDER BY simulated, source_id
