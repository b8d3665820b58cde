"""Strings of the about-the-data page (pages/about_data.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "about_title": {"id": "Tentang data", "en": "About the data"},
    "about_intro": {
        "id": "Semua angka berasal dari sumber terbuka di bawah ini, kecuali yang bertanda **Data simulasi**. "
        "Kunci wilayah memakai kode Kemendagri; kode BPS dipetakan lewat tabel padanan.",
        "en": "Every figure comes from the open sources below, except those marked **Simulated data**. "
        "Regions are keyed by Kemendagri codes; BPS codes are mapped through a crosswalk.",
    },
    "sources_heading": {"id": "Sumber data", "en": "Data sources"},
    "groups_heading": {"id": "Kelompok wilayah", "en": "Region groups"},
    "groups_intro": {
        "id": "Kelompok adalah data, bukan kode program: kota (9), kabupaten perbatasan darat dengan Malaysia (8), "
        "dan kabupaten lain. Jarak adalah garis lurus dari titik wakil wilayah.",
        "en": "Groups are data, not code: cities (9), regencies on the land border with Malaysia (8), and other "
        "regencies. Distances are straight lines from each region's representative point.",
    },
    "credits_heading": {"id": "Kredit", "en": "Credits"},
    "built_at": {"id": "Data disiapkan: {when}", "en": "Data prepared: {when}"},
    "col_code": {"id": "Kode Kemendagri", "en": "Kemendagri code"},
    "col_name": {"id": "Nama", "en": "Name"},
    "col_province": {"id": "Provinsi", "en": "Province"},
    "col_group": {"id": "Kelompok", "en": "Group"},
    "col_km_capital": {"id": "Km ke ibu kota provinsi", "en": "Km to provincial capital"},
    "col_km_city": {"id": "Km ke kota terdekat", "en": "Km to nearest city"},
    "col_title": {"id": "Judul", "en": "Title"},
    "col_publisher": {"id": "Penerbit", "en": "Publisher"},
    "col_licence": {"id": "Lisensi", "en": "Licence"},
    "col_citation": {"id": "Sitasi", "en": "Citation"},
    "col_kind": {"id": "Jenis", "en": "Kind"},
    "credits_body": {
        "id": "- Batas wilayah: © 2024 Cahya DSN, github.com/cahyadsn/wilayah_boundaries (lisensi MIT)\n"
        "- Bank Dunia INDO-DAPOER (CC BY 4.0) · BPS · Kemendes PDTT melalui Satu Data Indonesia",
        "en": "- Boundaries: © 2024 Cahya DSN, github.com/cahyadsn/wilayah_boundaries (MIT licence)\n"
        "- World Bank INDO-DAPOER (CC BY 4.0) · BPS (Statistics Indonesia) · Kemendes PDTT via Satu Data Indonesia",
    },
}
