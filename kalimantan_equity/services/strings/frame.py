"""Strings of the app frame shared by every page (navigation, data build, errors)."""

STRINGS: dict[str, dict[str, str]] = {
    "uploads_unreadable": {
        "id": "Data unggahan tidak dapat dibaca ({problem}). Halaman menampilkan data hasil build saja; unggah dan "
        "rollback ditahan sampai administrator memperbaikinya (salinan terakhir yang utuh disimpan).",
        "en": "Uploaded data cannot be read ({problem}). Pages show the built data only; uploads and rollbacks are "
        "held until the administrator puts it right (a copy of the last good one is kept).",
    },
    "uploads_file_missing": {
        "id": "Berkas nilai unggahan tidak ditemukan ({files}): unggahan itu tidak ditampilkan; unggahan lain tetap tampil.",
        "en": "An uploaded values file is missing ({files}): that upload is not shown; other uploads still are.",
    },
    "app_title": {"id": "Pemerataan Layanan Publik Kalimantan", "en": "Kalimantan Public-Service Equity"},
    "unexpected_error": {
        "id": "Maaf, tampilan ini gagal dimuat. Coba pilihan lain atau muat ulang halaman; rinciannya tercatat di log server.",
        "en": "Sorry, this view failed to load. Try another choice or reload the page; the details are in the server log.",
    },
    "nav_overview": {"id": "Peta pemerataan", "en": "Equity map"},
    "nav_about": {"id": "Tentang data", "en": "About the data"},
    "building_data": {
        "id": "Menyiapkan data untuk pertama kali (sekitar setengah menit)…",
        "en": "Preparing the data for the first time (about half a minute)…",
    },
    "build_failed_title": {"id": "Data belum dapat disiapkan", "en": "The data could not be prepared"},
    "build_failed_body": {
        "id": "Berkas sumber **{file}** bermasalah: {problem}.",
        "en": "Source file **{file}** has a problem: {problem}.",
    },
    "build_failed_fix": {
        "id": "Cara memperbaiki: minta administrator mengembalikan berkas sumber yang hilang atau rusak ke folder data "
        "bersama (panduan administrator menjelaskan letaknya), lalu muat ulang halaman ini.",
        "en": "How to fix it: ask the administrator to restore the missing or broken source file in the shared data "
        "folder (the administrator's guide says where it is), then reload this page.",
    },
    "build_failed_previous": {
        "id": "Dasbor memakai data versi sebelumnya yang masih utuh.",
        "en": "The dashboard is using the previous, intact version of the data.",
    },
    "data_rebuilding_damaged": {
        "id": "Berkas basis data rusak; membangunnya ulang dari berkas sumber (sekitar setengah menit)…",
        "en": "The database file is damaged; rebuilding it from the source files (about half a minute)…",
    },
    "data_rebuilding_missing": {
        "id": "Berkas basis data tidak ditemukan; membangunnya ulang dari berkas sumber (sekitar setengah menit)…",
        "en": "The database file is missing; rebuilding it from the source files (about half a minute)…",
    },
    "data_rebuilt_damaged": {
        "id": "Berkas basis data rusak, jadi dibangun ulang dari berkas sumber. Data unggahan tidak terpengaruh.",
        "en": "The database file was damaged, so it was rebuilt from the source files. Uploaded data is not affected.",
    },
    "data_rebuilt_missing": {
        "id": "Berkas basis data hilang, jadi dibangun ulang dari berkas sumber. Data unggahan tidak terpengaruh.",
        "en": "The database file was missing, so it was rebuilt from the source files. Uploaded data is not affected.",
    },
    "link_ignored": {
        "id": "Sebagian tautan diabaikan karena tidak dikenal atau tidak sah: {names}.",
        "en": "Part of the link was ignored as unknown or invalid: {names}.",
    },
    "copy_link": {"id": "Salin tautan tampilan ini", "en": "Copy a link to this view"},
    "meeting_mode": {"id": "Mode rapat (proyektor)", "en": "Meeting mode (projector)"},
    "meeting_mode_help": {
        "id": "Huruf besar, garis tebal, tanpa bilah samping: terbaca dari belakang ruangan.",
        "en": "Large type, thick lines, no sidebar: readable from the back of the room.",
    },
    "meeting_exit": {"id": "Keluar dari mode rapat", "en": "Leave meeting mode"},
    "high_contrast": {"id": "Warna kontras tinggi", "en": "High-contrast colours"},
    "editor_help_title": {"id": "Bantuan editor: pengaturan", "en": "Editor help: set-up"},
    "editor_help_body": {
        "id": "**Menambah editor.** Buat hash kata sandi dengan `python -m kalimantan_equity.services.auth`, lalu atur "
        '`EQUITY_EDITORS="nama:<hash>"` (pisahkan beberapa editor dengan koma) atau tambahkan `[editors]` '
        '`nama = "<hash>"` di `.streamlit/secrets.toml`. Dengan login OIDC, `EQUITY_EDITOR_EMAILS` memuat alamat e-mel editor.\n\n'
        "**Data.** Sumber dibaca dari `../shared/data` (atau `EQUITY_SOURCE_DIR`) dan dibangun dengan `python -m kalimantan_equity.data.build`; "
        "unggahan disimpan di `data/uploads/` (atau `EQUITY_UPLOADS_DIR`).\n\n"
        "**Gambar grafik.** Unduhan PNG/SVG grafik memerlukan paket Debian `chromium` di server. Rincian lengkap ada di README.",
        "en": "**Adding editors.** Make a password hash with `python -m kalimantan_equity.services.auth`, then set "
        '`EQUITY_EDITORS="name:<hash>"` (comma-separated for several) or add `[editors]` `name = "<hash>"` '
        "to `.streamlit/secrets.toml`. With OIDC login, `EQUITY_EDITOR_EMAILS` lists the editors' e-mail addresses.\n\n"
        "**Data.** Sources are read from `../shared/data` (or `EQUITY_SOURCE_DIR`) and built with `python -m kalimantan_equity.data.build`; "
        "uploads are kept in `data/uploads/` (or `EQUITY_UPLOADS_DIR`).\n\n"
        "**Chart images.** PNG/SVG chart downloads need the Debian package `chromium` on the server. The README has the full details.",
    },
    "demo_data": {"id": "Data demonstrasi (simulasi)", "en": "Demonstration data (simulated)"},
    "demo_data_help": {
        "id": "Menampilkan juga seri simulasi (capaian SPM, pengaduan, lintas batas) untuk demo; selalu ditandai Data simulasi.",
        "en": "Also offers the simulated series (SPM achievement, complaints, border crossings) for demos; always marked Simulated data.",
    },
}
