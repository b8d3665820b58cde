"""Strings of the image downloads offered under charts on every page."""

STRINGS: dict[str, dict[str, str]] = {
    "chart_png": {"id": "Gambar PNG", "en": "PNG image"},
    "chart_svg": {"id": "Gambar SVG", "en": "SVG image"},
    "chart_download_help": {
        "id": "Dibuat di server saat diklik (beberapa detik), 1920×1080, dengan judul, sumber, tahun dan tanggal.",
        "en": "Made on the server when clicked (a few seconds), 1920×1080, with title, source, year and date.",
    },
    "chart_images_unavailable": {
        "id": "Gambar grafik belum tersedia di server ini: pasang paket Debian `chromium` (lihat README).",
        "en": "Chart images are not available on this server: install the Debian package `chromium` (see the README).",
    },
}

# Column headings of the map's CSV (``xcol_<column>``): a planner reads them, not a programmer.
STRINGS.update(
    {
        "xcol_code": {"id": "Kode Kemendagri", "en": "Kemendagri code"},
        "xcol_name": {"id": "Wilayah", "en": "Region"},
        "xcol_province": {"id": "Provinsi", "en": "Province"},
        "xcol_group": {"id": "Kelompok", "en": "Group"},
        "xcol_indicator": {"id": "Indikator", "en": "Indicator"},
        "xcol_year": {"id": "Tahun", "en": "Year"},
        "xcol_value": {"id": "Nilai", "en": "Value"},
        "xcol_unit": {"id": "Satuan", "en": "Unit"},
        "xcol_status": {"id": "Keterangan", "en": "Note"},
        "xcol_rank": {"id": "Peringkat", "en": "Rank"},
        "xcol_source": {"id": "Sumber", "en": "Source"},
        "xcol_simulated": {"id": "Data simulasi", "en": "Simulated data"},
        "xcol_made": {"id": "Dibuat", "en": "Made on"},
    }
)

# Decks of the gap page and the regency profile, and the one-page profile.
STRINGS.update(
    {
        "deck_gap_behind": {"id": "{group} tertinggal {gap} {unit} dari {reference}.", "en": "{group}: {gap} {unit} behind {reference}."},
        "deck_gap_ahead": {"id": "{group} unggul {gap} {unit} dari {reference}.", "en": "{group}: {gap} {unit} ahead of {reference}."},
        "deck_gap_diff": {"id": "Selisih {group} dan {reference}: {gap} {unit}.", "en": "{group} and {reference} differ by {gap} {unit}."},
        "deck_trend_title": {"id": "Tren rata-rata kelompok", "en": "Group means over the years"},
        "deck_contrib_note": {
            "id": "Warna batang: kelompok wilayah ({groups}), seperti di dasbor.",
            "en": "Bar colours: region group ({groups}), as on the dashboard.",
        },
        "deck_profile_title": {"id": "Profil {regency}", "en": "Profile: {regency}"},
        "deck_profile_deck_title": {"id": "Profil kabupaten/kota", "en": "Regency profiles"},
        "deck_profile_context": {
            "id": "{province} · {group} · {population} jiwa ({year}) · {km} km ke ibu kota provinsi",
            "en": "{province} · {group} · population {population} ({year}) · {km} km to the provincial capital",
        },
        "deck_profile_basis": {
            "id": "Terkuat dan terlemah: dari {n} indikator resmi sejak {since}, dibanding 56 kabupaten/kota Kalimantan.",
            "en": "Strongest and weakest: from {n} official indicators since {since}, compared with Kalimantan's 56 regencies.",
        },
        "deck_profile_strong": {"id": "Terkuat", "en": "Strongest"},
        "deck_profile_weak": {"id": "Terlemah", "en": "Weakest"},
        "deck_profile_col_kind": {"id": "Posisi", "en": "Standing"},
        "deck_profile_col_area": {"id": "Bidang", "en": "Area"},
        "deck_profile_col_indicator": {"id": "Indikator, tahun", "en": "Indicator, year"},
        "deck_profile_col_value": {"id": "Nilai", "en": "Value"},
        "deck_profile_col_rank": {"id": "Peringkat", "en": "Rank"},
        "deck_profile_others": {"id": "Kabupaten/kota lain", "en": "Other regencies"},
        "export_gap_deck": {
            "id": "Siapkan bahan rapat (PowerPoint) halaman ini",
            "en": "Prepare a briefing deck (PowerPoint) of this page",
        },
        "export_gap_deck_download": {"id": "Unduh bahan rapat kesenjangan (PPTX)", "en": "Download the gap briefing deck (PPTX)"},
        "export_profile_pdf": {"id": "Profil satu halaman (PDF)", "en": "One-page profile (PDF)"},
        "export_profile_pptx": {"id": "Profil satu halaman (PPTX)", "en": "One-page profile (PPTX)"},
        "export_profile_deck": {
            "id": "Bahan rapat: satu slide per kabupaten/kota di daftar presentasi (PPTX)",
            "en": "Briefing deck: one slide per regency of the presentation list (PPTX)",
        },
        "export_profile_help": {
            "id": "Dibuat di server saat diklik (beberapa detik): peta letak, bidang terkuat dan terlemah, sumber.",
            "en": "Made on the server when clicked (a few seconds): locator map, strongest and weakest areas, sources.",
        },
    }
)
