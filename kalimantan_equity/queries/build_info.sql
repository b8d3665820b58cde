-- When the warehouse was built.
-- test-params: {}
SELECT built_at, schema_version FROM build_info
