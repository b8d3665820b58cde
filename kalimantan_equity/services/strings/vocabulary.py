"""Labels of values that appear in the data: levels, region groups, sectors, map schemes, service points.

``services.i18n.label(vocabulary, value, lang)`` reads them: the key is the vocabulary's prefix
(:data:`PREFIXES`) and the value, e.g. ``sector_kemiskinan``. The order here is the order pages list
a vocabulary's values in (``services.i18n.vocabulary_values("sectors")``).
"""

PREFIXES = {
    "levels": "level_",
    "region_types": "region_type_",
    "region_types_short": "short_region_type_",
    "sectors": "sector_",
    "class_schemes": "class_scheme_",
    "point_kinds": "point_kind_",
    "point_status": "point_status_",
}

STRINGS = {
    # Administrative levels (the data's `level` values).
    "level_provinsi": {"id": "Provinsi", "en": "Province"},
    "level_kabupaten": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "level_kecamatan": {"id": "Kecamatan", "en": "District"},
    "level_desa": {"id": "Desa/kelurahan", "en": "Village"},
    # Region groups compared on every page: cities, other regencies, border regencies.
    "region_type_kota": {"id": "Kota", "en": "City"},
    "region_type_kabupaten": {"id": "Kabupaten lain", "en": "Other regency"},
    "region_type_perbatasan": {"id": "Kabupaten perbatasan", "en": "Border regency"},
    # The same groups, short (legends, slide tables).
    "short_region_type_kota": {"id": "Kota", "en": "Cities"},
    "short_region_type_kabupaten": {"id": "Kab. lain", "en": "Other regencies"},
    "short_region_type_perbatasan": {"id": "Perbatasan", "en": "Border"},
    # SPM sectors and themes (the catalogue's `sector`), in the order pages list them.
    "sector_spm_pendidikan": {"id": "SPM Pendidikan", "en": "SPM Education"},
    "sector_spm_kesehatan": {"id": "SPM Kesehatan", "en": "SPM Health"},
    "sector_spm_pu": {"id": "SPM Pekerjaan umum (air minum, sanitasi)", "en": "SPM Public works (water, sanitation)"},
    "sector_spm_perumahan": {"id": "SPM Perumahan rakyat", "en": "SPM Public housing"},
    "sector_spm_trantibumlinmas": {"id": "SPM Ketenteraman dan ketertiban umum", "en": "SPM Public order"},
    "sector_spm_sosial": {"id": "SPM Sosial", "en": "SPM Social"},
    "sector_pembangunan_manusia": {"id": "Pembangunan manusia", "en": "Human development"},
    "sector_kemiskinan": {"id": "Kemiskinan", "en": "Poverty"},
    "sector_infrastruktur": {"id": "Infrastruktur", "en": "Infrastructure"},
    "sector_ekonomi": {"id": "Ekonomi", "en": "Economy"},
    "sector_desa": {"id": "Pembangunan desa (IDM)", "en": "Village development (IDM)"},
    "sector_pengaduan": {"id": "Pengaduan layanan (SP4N-LAPOR!)", "en": "Service complaints (SP4N-LAPOR!)"},
    "sector_kependudukan": {"id": "Kependudukan", "en": "Population"},
    # Map classification schemes.
    "class_scheme_quantiles": {"id": "Kuantil", "en": "Quantiles"},
    "class_scheme_fisher_jenks": {"id": "Pemisah alami (Fisher-Jenks)", "en": "Natural breaks (Fisher-Jenks)"},
    "class_scheme_equal_interval": {"id": "Interval sama", "en": "Equal interval"},
    "class_scheme_target": {"id": "Pita target", "en": "Target bands"},
    # Service point kinds (the `service_points` table's `kind`).
    "point_kind_plbn": {"id": "PLBN", "en": "Border post (PLBN)"},
    "point_kind_kanim": {"id": "Kantor imigrasi", "en": "Immigration office"},
    "point_kind_ulp": {"id": "Unit layanan paspor", "en": "Passport service unit"},
    "point_kind_mobile": {"id": "Layanan keliling", "en": "Mobile service"},
    "point_kind_pos": {"id": "Pos imigrasi", "en": "Immigration post"},
    "point_kind_puskesmas": {"id": "Puskesmas", "en": "Community health centre (puskesmas)"},
    "point_kind_hospital": {"id": "Rumah sakit", "en": "Hospital"},
    "point_kind_sd": {"id": "SD", "en": "Primary school (SD)"},
    "point_kind_smp": {"id": "SMP", "en": "Junior secondary school (SMP)"},
    "point_kind_sma": {"id": "SMA", "en": "Senior secondary school (SMA)"},
    "point_kind_smk": {"id": "SMK", "en": "Vocational secondary school (SMK)"},
    "point_kind_slb": {"id": "Sekolah luar biasa (SLB)", "en": "Special-needs school (SLB)"},
    # Service point status.
    "point_status_open": {"id": "beroperasi", "en": "operating"},
    "point_status_unverified": {"id": "status belum terverifikasi", "en": "status not verified"},
    "point_status_planned": {"id": "direncanakan", "en": "planned"},
    "point_status_closed": {"id": "tutup/historis", "en": "closed/historical"},
}
