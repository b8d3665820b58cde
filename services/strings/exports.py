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
