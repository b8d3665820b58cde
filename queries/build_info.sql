-- When the warehouse was built.
SELECT built_at, schema_version FROM build_info
