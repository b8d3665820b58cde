-- Which code system each facility register uses, as decided from its own evidence at build time.
-- test-params: {}
SELECT register, code_column, system, reason_key, reason_params, names_checked, names_agree, note
FROM code_systems
ORDER BY register
