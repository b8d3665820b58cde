"""Strings of a served deployment (replicas behind a proxy): what a visitor sees when the data is not there yet."""

STRINGS: dict[str, dict[str, str]] = {
    "data_not_built_title": {"id": "Data belum disiapkan di server ini", "en": "The data has not been prepared on this server"},
    "data_not_built_body": {
        "id": "Data dasbor disiapkan sebagai langkah tersendiri oleh pengelola server, bukan saat halaman dibuka. "
        "Mohon hubungi pengelola, lalu muat ulang halaman ini beberapa menit kemudian.",
        "en": "The dashboard's data is prepared as a step of its own by the server's administrator, not when a page "
        "is opened. Please contact the administrator, then reload this page a few minutes later.",
    },
    "uploads_unreachable": {
        "id": "Penyimpanan data unggahan sedang tidak dapat dihubungi. Halaman menampilkan data hasil build saja; "
        "unggah dan rollback ditahan sampai penyimpanan kembali tersedia.",
        "en": "The store of uploaded data cannot be reached at the moment. Pages show the built data only; uploads "
        "and rollbacks are held until the store is back.",
    },
}
