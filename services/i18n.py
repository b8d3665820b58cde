"""The one translation catalogue (Bahasa Indonesia first, English second) and locale formatting.

Every string a page shows comes from ``STRINGS`` through :func:`t`; a test walks the pages and
fails when a key lacks either language. Numbers and dates follow the language: ``1.234,5`` and
``23 November 2026`` in Indonesian, ``1,234.5`` and ``23 November 2026`` in English.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

from babel.dates import format_date

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
_LOCALES = {"id": "id_ID", "en": "en_GB"}

STRINGS: dict[str, dict[str, str]] = {
    # frame
    "app_title": {"id": "Pemerataan Layanan Publik Kalimantan", "en": "Kalimantan Public-Service Equity"},
    "language": {"id": "Bahasa", "en": "Language"},
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
        "id": "Cara memperbaiki: pastikan folder data bersama ada di `{src}` (atau atur variabel lingkungan "
        "`EQUITY_SOURCE_DIR`), kembalikan berkas yang hilang atau rusak, lalu muat ulang halaman ini.",
        "en": "How to fix it: make sure the shared data folder is at `{src}` (or set the `EQUITY_SOURCE_DIR` "
        "environment variable), restore the missing or broken file, then reload this page.",
    },
    "build_failed_previous": {
        "id": "Dasbor memakai data versi sebelumnya yang masih utuh.",
        "en": "The dashboard is using the previous, intact version of the data.",
    },
    # equity map page
    "map_title": {"id": "Di mana layanan dasar tertinggal?", "en": "Where do basic services fall short?"},
    "indicator": {"id": "Indikator", "en": "Indicator"},
    "year": {"id": "Tahun", "en": "Year"},
    "level": {"id": "Tingkat wilayah", "en": "Level"},
    "province": {"id": "Provinsi", "en": "Province"},
    "all_provinces": {"id": "Seluruh Kalimantan", "en": "All of Kalimantan"},
    "region_types": {"id": "Kelompok wilayah", "en": "Region groups"},
    "classification": {"id": "Klasifikasi", "en": "Classification"},
    "n_classes": {"id": "Jumlah kelas", "en": "Number of classes"},
    "source": {"id": "Sumber", "en": "Source"},
    "simulated_mark": {"id": "Data simulasi", "en": "Simulated data"},
    "simulated_banner": {
        "id": "⚠ Data simulasi: angka ini dibangkitkan untuk demo, bukan data resmi.",
        "en": "⚠ Simulated data: these figures are generated for the demo, not official statistics.",
    },
    "real_mark": {"id": "Data resmi", "en": "Official data"},
    "no_data": {"id": "Tidak ada data", "en": "No data"},
    "not_applicable": {"id": "Tidak berlaku", "en": "Not applicable"},
    "no_data_for_choice": {
        "id": "Tidak ada data {indicator} untuk pilihan ini ({level}, {year}). Coba tahun atau tingkat lain.",
        "en": "No {indicator} data for this choice ({level}, {year}). Try another year or level.",
    },
    "rank": {"id": "Peringkat", "en": "Rank"},
    "rank_of": {"id": "{rank} dari {n}", "en": "{rank} of {n}"},
    "group": {"id": "Kelompok", "en": "Group"},
    "plbn_points": {"id": "PLBN (pos lintas batas)", "en": "PLBN (border posts)"},
    "higher_better": {"id": "makin tinggi makin baik", "en": "higher is better"},
    "lower_better": {"id": "makin rendah makin baik", "en": "lower is better"},
    "neutral_direction": {"id": "tanpa arah baik/buruk", "en": "no better/worse direction"},
    "map_caption": {
        "id": "{indicator} ({unit}), {year}. Warna gelap = lebih tertinggal. Sumber: {source}.",
        "en": "{indicator} ({unit}), {year}. Darker = further behind. Source: {source}.",
    },
    "map_caption_neutral": {
        "id": "{indicator} ({unit}), {year}. Warna gelap = nilai lebih tinggi. Sumber: {source}.",
        "en": "{indicator} ({unit}), {year}. Darker = higher value. Source: {source}.",
    },
    "legend_counts": {
        "id": "{shown} wilayah: {with_value} dengan data, {missing} tanpa data, {na} tidak berlaku",
        "en": "{shown} regions: {with_value} with data, {missing} without data, {na} not applicable",
    },
    "weighting_population": {"id": "Rata-rata tertimbang penduduk", "en": "Population-weighted mean"},
    "weighting_denominator": {
        "id": "Rasio total (jumlah pembilang / jumlah penyebut)",
        "en": "Ratio of totals (sum of numerators / sum of denominators)",
    },
    "weighting_none": {"id": "Rata-rata sederhana (tanpa bobot)", "en": "Simple (unweighted) mean"},
    "headline_help": {
        "id": "{weighting} dari {n} wilayah yang ditampilkan, dalam {unit}.",
        "en": "{weighting} over the {n} regions shown, in {unit}.",
    },
    "gap_border_behind": {
        "id": "Kabupaten perbatasan tertinggal **{gap} {unit}** dari kota.",
        "en": "Border regencies are **{gap} {unit}** behind the cities.",
    },
    "gap_border_ahead": {
        "id": "Kabupaten perbatasan unggul **{gap} {unit}** dari kota.",
        "en": "Border regencies are **{gap} {unit}** ahead of the cities.",
    },
    "gap_neutral": {
        "id": "Selisih kota dan kabupaten perbatasan: **{gap} {unit}**.",
        "en": "Difference between cities and border regencies: **{gap} {unit}**.",
    },
    "percentage_points": {"id": "poin persen", "en": "percentage points"},
    "ranking_title": {"id": "Peringkat: {n} teratas dan {n} terbawah", "en": "Ranking: top {n} and bottom {n}"},
    "group_mean": {"id": "Rata-rata {group}", "en": "{group} mean"},
    "province_mean": {"id": "Rata-rata {province} (tanpa bobot)", "en": "{province} mean (unweighted)"},
    "clear_selection": {"id": "Hapus pilihan wilayah", "en": "Clear the selected region"},
    # about page
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
}

# Labels for values that appear in the data.
LEVELS = {
    "provinsi": {"id": "Provinsi", "en": "Province"},
    "kabupaten": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "kecamatan": {"id": "Kecamatan", "en": "District"},
    "desa": {"id": "Desa/kelurahan", "en": "Village"},
}
REGION_TYPES = {
    "kota": {"id": "Kota", "en": "City"},
    "kabupaten": {"id": "Kabupaten lain", "en": "Other regency"},
    "perbatasan": {"id": "Kabupaten perbatasan", "en": "Border regency"},
}
REGION_TYPES_SHORT = {
    "kota": {"id": "Kota", "en": "Cities"},
    "kabupaten": {"id": "Kab. lain", "en": "Other regencies"},
    "perbatasan": {"id": "Perbatasan", "en": "Border"},
}
SECTORS = {
    "spm_pendidikan": {"id": "SPM Pendidikan", "en": "SPM Education"},
    "spm_kesehatan": {"id": "SPM Kesehatan", "en": "SPM Health"},
    "spm_pu": {"id": "SPM Pekerjaan umum (air minum, sanitasi)", "en": "SPM Public works (water, sanitation)"},
    "spm_perumahan": {"id": "SPM Perumahan rakyat", "en": "SPM Public housing"},
    "spm_trantibumlinmas": {"id": "SPM Ketenteraman dan ketertiban umum", "en": "SPM Public order"},
    "spm_sosial": {"id": "SPM Sosial", "en": "SPM Social"},
    "pembangunan_manusia": {"id": "Pembangunan manusia", "en": "Human development"},
    "kemiskinan": {"id": "Kemiskinan", "en": "Poverty"},
    "infrastruktur": {"id": "Infrastruktur", "en": "Infrastructure"},
    "ekonomi": {"id": "Ekonomi", "en": "Economy"},
    "desa": {"id": "Pembangunan desa (IDM)", "en": "Village development (IDM)"},
    "pengaduan": {"id": "Pengaduan layanan (SP4N-LAPOR!)", "en": "Service complaints (SP4N-LAPOR!)"},
    "kependudukan": {"id": "Kependudukan", "en": "Population"},
}
CLASS_SCHEMES = {
    "quantiles": {"id": "Kuantil", "en": "Quantiles"},
    "fisher_jenks": {"id": "Pemisah alami (Fisher-Jenks)", "en": "Natural breaks (Fisher-Jenks)"},
    "equal_interval": {"id": "Interval sama", "en": "Equal interval"},
    "target": {"id": "Pita target", "en": "Target bands"},
}
POINT_KINDS = {
    "plbn": {"id": "PLBN", "en": "Border post (PLBN)"},
    "kanim": {"id": "Kantor imigrasi", "en": "Immigration office"},
    "ulp": {"id": "Unit layanan paspor", "en": "Passport service unit"},
    "mobile": {"id": "Layanan keliling", "en": "Mobile service"},
    "pos": {"id": "Pos imigrasi", "en": "Immigration post"},
}
POINT_STATUS = {
    "open": {"id": "beroperasi", "en": "operating"},
    "unverified": {"id": "status belum terverifikasi", "en": "status not verified"},
    "planned": {"id": "direncanakan", "en": "planned"},
    "closed": {"id": "tutup/historis", "en": "closed/historical"},
}
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}

VOCABULARIES = {
    "levels": LEVELS,
    "region_types": REGION_TYPES,
    "region_types_short": REGION_TYPES_SHORT,
    "sectors": SECTORS,
    "class_schemes": CLASS_SCHEMES,
    "point_kinds": POINT_KINDS,
    "point_status": POINT_STATUS,
}


def normalise_language(value: object) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE  # type: ignore[return-value]


def t(key: str, lang: str, **values: object) -> str:
    """Translated string; missing keys raise so a test catches them before a user does."""
    text = STRINGS[key][normalise_language(lang)]
    return text.format(**values) if values else text


def label(vocabulary: str, value: str, lang: str) -> str:
    """Label of a data value (level, group, sector, …); unknown values are shown as they are."""
    entry = VOCABULARIES[vocabulary].get(value)
    return entry[normalise_language(lang)] if entry else str(value)


_SEPARATORS = {"id": str.maketrans({",": ".", ".": ","}), "en": str.maketrans({})}


def fmt_number(value: float | None, lang: str, decimals: int = 1) -> str:
    """``1.234,5`` in Indonesian, ``1,234.5`` in English; missing values as an em dash.

    Python's own formatting with the separators swapped: the same result as Babel's CLDR patterns
    for these two locales (a test checks), at a hundredth of the cost, which matters when 7,229
    village values are formatted on every rerun.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = f"{value:,.{max(decimals, 0)}f}"
    if text.startswith("-") and text.strip("-0.,") == "":
        text = text[1:]  # no "-0,0"
    return text.translate(_SEPARATORS[normalise_language(lang)])


def fmt_numbers(values: Iterable[float | None], lang: str, decimals: int = 1) -> list[str]:
    return [fmt_number(v, lang, decimals) for v in values]


def fmt_date(day: date, lang: str) -> str:
    """``23 November 2026`` in both languages (Indonesian month names in Indonesian)."""
    return format_date(day, format="d MMMM y", locale=_LOCALES[normalise_language(lang)])
