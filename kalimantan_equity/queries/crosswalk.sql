-- The Kemendagri–BPS regency code crosswalk.
-- test-params: {}
SELECT kemendagri_code, bps_code, name FROM crosswalk ORDER BY kemendagri_code
