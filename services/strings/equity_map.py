"""Strings of the equity-map page (pages/equity_map.py)."""

STRINGS: dict[str, dict[str, str]] = {
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
    "international_border": {"id": "Batas negara (Malaysia)", "en": "International border (Malaysia)"},
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
    "province_mean": {"id": "Rata-rata {province}", "en": "{province} mean"},
    "clear_selection": {"id": "Hapus pilihan wilayah", "en": "Clear the selected region"},
}
