"""Words of the data-quality section on the catalogue page (facility registers)."""

STRINGS = {
    "quality_title": {"id": "Kualitas data titik layanan", "en": "Service-point data quality"},
    "quality_intro": {
        "id": "Setiap register memakai sistem kodenya sendiri; sistem itu diputuskan dari bukti di register itu sendiri "
        "(nama dan letak), bukan dari labelnya. Titik yang tidak punya koordinat, berada di luar Kalimantan, berbagi koordinat "
        "persis dengan titik lain sejenis, atau kodenya tidak cocok dengan letaknya tidak dihitung dalam jarak dan tercantum di bawah. "
        "Tidak ada yang diperbaiki diam-diam.",
        "en": "Each register uses its own code system; the system is decided from the register's own evidence (names and "
        "locations), not from its label. Points without coordinates, outside Kalimantan, sharing their exact coordinates with "
        "another point of the same kind, or whose code disagrees with where they lie are left out of distances and listed below. "
        "Nothing is silently fixed.",
    },
    "quality_systems_title": {"id": "Sistem kode per register", "en": "Code system per register"},
    "quality_summary_title": {"id": "Baris per register dan alasan dikeluarkan", "en": "Rows per register and why rows were left out"},
    "quality_rows_title": {"id": "Baris yang dikeluarkan atau ditandai", "en": "Rows left out or flagged"},
    "quality_download": {"id": "Unduh daftar (CSV)", "en": "Download the list (CSV)"},
    "quality_col_register": {"id": "Register", "en": "Register"},
    "quality_col_column": {"id": "Kolom kode", "en": "Code column"},
    "quality_col_system": {"id": "Sistem kode", "en": "Code system"},
    "quality_col_evidence": {"id": "Bukti", "en": "Evidence"},
    "quality_col_rows": {"id": "Baris", "en": "Rows"},
    "quality_col_usable": {"id": "Dapat dipakai", "en": "Usable"},
    "quality_col_name": {"id": "Nama", "en": "Name"},
    "quality_col_kind": {"id": "Jenis", "en": "Kind"},
    "quality_col_stated_code": {"id": "Kode tertulis", "en": "Stated code"},
    "quality_col_stated_regency": {"id": "Kabupaten/kota menurut kode", "en": "Regency by code"},
    "quality_col_located_regency": {"id": "Kabupaten/kota menurut letak", "en": "Regency by location"},
    "quality_col_reason": {"id": "Alasan", "en": "Reason"},
    "quality_col_also": {"id": "Juga", "en": "Also"},
    "quality_reason_no_coordinates": {"id": "Tanpa koordinat", "en": "No coordinates"},
    "quality_reason_outside_kalimantan": {"id": "Di luar Kalimantan", "en": "Outside Kalimantan"},
    "quality_reason_duplicate_coordinates": {"id": "Koordinat sama dengan titik lain", "en": "Same coordinates as another point"},
    "quality_reason_code_location_disagree": {"id": "Kode tidak cocok dengan letak", "en": "Code disagrees with location"},
    "quality_reason_code_name_disagree": {"id": "Kode tidak cocok dengan nama", "en": "Code disagrees with the facility's name"},
    "quality_reason_code_unknown": {"id": "Kode tidak dikenal", "en": "Unknown code"},
    "quality_register_kemenkes_faskes_2019": {
        "id": "Kemenkes: puskesmas dan rumah sakit 2019 (koordinat, tenaga)",
        "en": "Kemenkes: puskesmas and hospitals 2019 (coordinates, staff)",
    },
    "quality_register_kemendikbud_sekolah_2019": {"id": "Kemendikbud: sekolah 2019", "en": "Kemendikbud: schools 2019"},
    "quality_register_puskesmas_2022": {"id": "Satu Data: register puskesmas 2022", "en": "Satu Data: puskesmas register 2022"},
    "quality_register_hospitals_2022": {"id": "Satu Data: register rumah sakit 2022", "en": "Satu Data: hospital register 2022"},
    "quality_register_hospitals_2021": {"id": "RS Online: rumah sakit dan tempat tidur 2021", "en": "RS Online: hospitals and beds 2021"},
    "quality_system_bps": {"id": "BPS (4 digit)", "en": "BPS (4 digits)"},
    "quality_system_kemendagri": {"id": "Kemendagri tanpa titik (4 digit)", "en": "Kemendagri without the dot (4 digits)"},
    "quality_system_kemendikbud": {"id": "Kode wilayah Kemendikbud (6 digit)", "en": "Kemendikbud area codes (6 digits)"},
    "quality_system_undecided": {"id": "Belum dapat diputuskan", "en": "Undecided"},
    "quality_system_kemendikbud_why": {
        "id": "{count} kode Kemendikbud dibaca lewat nama kabupaten/kota di sebelahnya: semuanya cocok dengan {regencies} kabupaten/kota.",
        "en": "{count} Kemendikbud codes read through the regency name beside them: all match one of {regencies} regencies.",
    },
    "quality_system_old_codes": {
        "id": "Kode sebelum 2012 (rumah sakit Kaltara masih berkode Kaltim) dibaca lewat nama rumah sakit: {mapping}.",
        "en": "Pre-2012 codes (Kaltara's hospitals still carry Kaltim codes) read through the hospitals' names: {mapping}.",
    },
}
