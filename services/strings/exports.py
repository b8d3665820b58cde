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
