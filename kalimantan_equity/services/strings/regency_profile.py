"""Strings of the regency profile page (pages/regency_profile.py, services/profile.py)."""

from kalimantan_equity.services.strings import Text  # a text, or plural forms (services.i18n.tn)

STRINGS: dict[str, dict[str, Text]] = {
    "profile_steps": {"id": "Urutan presentasi (mode rapat)", "en": "Presentation order (meeting mode)"},
    "profile_steps_placeholder": {"id": "Semua kabupaten/kota", "en": "All regencies and cities"},
    "profile_steps_help": {
        "id": "Kabupaten/kota yang dilewati tombol Sebelumnya/Berikutnya dalam mode rapat, berurutan; kosong = semuanya.",
        "en": "The regencies that Previous/Next step through in meeting mode, in order; empty = all of them.",
    },
    "profile_nav": {"id": "Profil kabupaten/kota", "en": "Regency profile"},
    "profile_title_empty": {"id": "Profil kabupaten/kota", "en": "Regency and city profile"},
    "profile_intro": {
        "id": "Pilih satu kabupaten/kota untuk melihat posisinya di antara 56 kabupaten/kota Kalimantan, "
        "bidang layanan yang tertinggal, kecamatan dan desanya, serta kabupaten/kota pembanding. Semua angka dapat diunduh.",
        "en": "Choose a regency or city to see where it stands among Kalimantan's 56, which services lag, "
        "its districts and villages, and its peers. Every number can be downloaded.",
    },
    "profile_picker": {"id": "Kabupaten/kota", "en": "Regency or city"},
    "profile_picker_placeholder": {"id": "Ketik nama atau provinsi…", "en": "Type a name or province…"},
    "profile_region_malformed": {
        "id": "Tautan ini menyebut wilayah `{shown}`, yang bukan kode Kemendagri kabupaten/kota (misalnya 61.06) "
        "atau nama kabupaten/kota. Pilih kabupaten/kota di bawah.",
        "en": "This link names the region `{shown}`, which is not a Kemendagri regency code (e.g. 61.06) "
        "or a regency name. Choose a regency or city below.",
    },
    "profile_region_undotted": {
        "id": "Kode `{shown}` tanpa titik tidak dipakai karena bermakna ganda: sebagai kode BPS dan sebagai kode "
        "Kemendagri tanpa titik, angka yang sama dapat menunjuk kabupaten yang berbeda. Tulis kode Kemendagri "
        "dengan titik (misalnya 61.06) atau pilih kabupaten/kota di bawah.",
        "en": "The code `{shown}` without a dot is not used because it is ambiguous: as a BPS code and as a "
        "Kemendagri code without its dot, the same digits can mean different regencies. Write the Kemendagri "
        "code with its dot (e.g. 61.06) or choose a regency or city below.",
    },
    "profile_region_unknown": {
        "id": "Tidak ada kabupaten/kota di Kalimantan dengan kode atau nama `{shown}`. Pilih kabupaten/kota di bawah.",
        "en": "No regency or city in Kalimantan has the code or name `{shown}`. Choose a regency or city below.",
    },
    "profile_context": {
        "id": "{province} · {group} · kode Kemendagri {code} · {population} jiwa ({population_year}) · "
        "{km} km garis lurus ke ibu kota provinsi",
        "en": "{province} · {group} · Kemendagri code {code} · population {population} ({population_year}) · "
        "{km} km in a straight line to the provincial capital",
    },
    "profile_summary_strong": {
        "id": "Dibanding 56 kabupaten/kota Kalimantan, **{regency}** relatif paling baik dalam: {items}.",
        "en": "Compared with Kalimantan's 56 regencies and cities, **{regency}** does relatively best in: {items}.",
    },
    "profile_summary_weak": {
        "id": "Paling tertinggal dalam: {items}.",
        "en": "It lags furthest behind in: {items}.",
    },
    "profile_summary_no_strong": {
        "id": "Dibanding 56 kabupaten/kota Kalimantan, **{regency}** tidak berada di sepertiga terbaik pada bidang mana pun.",
        "en": "Compared with Kalimantan's 56 regencies and cities, **{regency}** is not in the best third in any area.",
    },
    "profile_summary_no_weak": {
        "id": "Tidak ada bidang yang berada di sepertiga terbawah.",
        "en": "No area is in the worst third.",
    },
    "profile_rivers": {"id": "Sungai utama", "en": "Main rivers"},
    "profile_slide_item": {
        "id": "**{area}**: {indicator} · peringkat {rank} dari {n}",
        "en": "**{area}**: {indicator} · rank {rank} of {n}",
    },
    "profile_slide_strong_rule": {"id": "di sepertiga terbaik", "en": "in the best third"},
    "profile_slide_weak_rule": {"id": "di sepertiga terbawah", "en": "in the worst third"},
    "profile_slide_map": {
        "id": "Peta: {indicator}, {year}, per {level}. Sumber: {source}.",
        "en": "Map: {indicator}, {year}, by {level}. Source: {source}.",
    },
    "profile_summary_item": {
        "id": "**{area}** ({indicator}: peringkat {rank} dari {n})",
        "en": "**{area}** ({indicator}: rank {rank} of {n})",
    },
    "profile_summary_none": {
        "id": "Belum ada cukup data resmi terbaru untuk meringkas posisi {regency}.",
        "en": "There is not enough recent official data to summarise where {regency} stands.",
    },
    "profile_summary_basis": {
        "id": "Ringkasan otomatis dari {n} indikator resmi tahun {since} atau sesudahnya, dikelompokkan per bidang "
        "(rata-rata skor baku). Terkuat: di atas rata-rata dan di sepertiga terbaik; terlemah: di bawah rata-rata "
        "dan di sepertiga terbawah. Tidak dipakai: data simulasi, jumlah absolut (bergantung pada ukuran wilayah) dan "
        "angka bercatatan (misalnya angka yang diragukan BPS).",
        "en": "Generated from {n} official indicators from {since} on, grouped by area (mean standardised score). "
        "Strongest: above the average and in the best third; weakest: below the average and in the worst third. Not used: simulated data, absolute counts (which follow the region's size) and figures with a caveat "
        "(e.g. figures BPS flags as doubtful).",
    },
    "profile_download_all": {"id": "Unduh seluruh profil (Excel)", "en": "Download the whole profile (Excel)"},
    "profile_download_csv": {"id": "CSV: {table}", "en": "CSV: {table}"},
    "profile_table_scorecard": {"id": "kartu skor", "en": "scorecard"},
    "profile_table_trend": {"id": "data tren", "en": "trend data"},
    "profile_table_map": {"id": "data peta", "en": "map data"},
    "profile_table_districts": {"id": "kecamatan", "en": "districts"},
    "profile_table_villages": {"id": "desa", "en": "villages"},
    "profile_table_village_status": {"id": "jumlah status desa", "en": "village status counts"},
    "profile_table_distances": {"id": "jarak", "en": "distances"},
    "profile_table_peers": {"id": "pembanding", "en": "peers"},
    "profile_table_peer_values": {"id": "nilai pembanding", "en": "peer values"},
    "profile_download_xlsx": {"id": "Excel (dengan metadata)", "en": "Excel (with metadata)"},
    # scorecard
    "profile_scorecard_heading": {"id": "Kartu skor", "en": "Scorecard"},
    "profile_scorecard_caption": {
        "id": "Setiap indikator yang punya data untuk wilayah ini, nilai tahun terbaru. Urutan: ketertinggalan terbesar "
        "lebih dulu menurut skor baku = skor z nilai wilayah ini di antara kabupaten/kota yang punya data tahun itu, "
        "dikali arah indikator (+ makin tinggi makin baik, − makin rendah makin baik); negatif = di bawah rata-rata "
        "Kalimantan. Indikator tanpa arah baik/buruk ada di akhir dan tidak dinilai. Peringkat 1 = terbaik. "
        "Rata-rata provinsi dan kota memakai bobot bawaan indikator (penduduk, rasio total, atau tanpa bobot).",
        "en": "Every indicator with data for this region, latest year. Order: biggest lags first by standardised score "
        "= the z-score of this region's value among the regencies with data that year, times the indicator's direction "
        "(+ higher is better, − lower is better); negative = below the Kalimantan average. Indicators with no "
        "better/worse direction come last and are not scored. Rank 1 = best. Province and city means use the "
        "indicator's default weighting (population, ratio of totals, or unweighted).",
    },
    "profile_scorecard_simulated": {
        "id": "⚠ Baris bertanda **Data simulasi** dibangkitkan untuk demo, bukan data resmi.",
        "en": "⚠ Rows marked **Simulated data** are generated for the demo, not official statistics.",
    },
    "profile_gaps_na": {"id": "Tidak berlaku untuk wilayah ini: {names}.", "en": "Not applicable to this region: {names}."},
    "profile_gaps_missing": {"id": "Tanpa data untuk wilayah ini: {names}.", "en": "No data for this region: {names}."},
    "profile_col_order": {"id": "Urutan", "en": "Order"},
    "profile_col_sector": {"id": "Bidang", "en": "Area"},
    "profile_col_indicator": {"id": "Indikator", "en": "Indicator"},
    "profile_col_year": {"id": "Tahun", "en": "Year"},
    "profile_col_value": {"id": "Nilai", "en": "Value"},
    "profile_col_unit": {"id": "Satuan", "en": "Unit"},
    "profile_col_rank": {"id": "Peringkat Kalimantan", "en": "Rank in Kalimantan"},
    "profile_col_prov_rank": {"id": "Peringkat provinsi", "en": "Rank in province"},
    "profile_col_diff_prov": {"id": "Selisih dari rata-rata provinsi", "en": "Difference from province mean"},
    "profile_col_cities_mean": {"id": "Rata-rata kota", "en": "Cities' mean"},
    "profile_col_target": {"id": "Target", "en": "Target"},
    "profile_col_lag": {"id": "Skor baku", "en": "Standardised score"},
    "profile_col_trend": {"id": "Tren", "en": "Trend"},
    "profile_col_trend_years": {"id": "Tahun tren", "en": "Trend years"},
    "profile_col_data": {"id": "Jenis data", "en": "Data"},
    "profile_col_source": {"id": "Sumber", "en": "Source"},
    "profile_col_note": {"id": "Catatan", "en": "Note"},
    "profile_simulated": {"id": "Data simulasi", "en": "Simulated data"},
    "profile_real": {"id": "Data resmi", "en": "Official data"},
    "profile_not_applicable": {"id": "Tidak berlaku", "en": "Not applicable"},
    "profile_no_data": {"id": "Tidak ada data", "en": "No data"},
    # inside the regency
    "profile_inside_heading": {"id": "Di dalam {regency}", "en": "Inside {regency}"},
    "profile_sub_indicator": {"id": "Indikator kecamatan/desa", "en": "District or village indicator"},
    "profile_sub_level": {"id": "Tingkat", "en": "Level"},
    "profile_sub_year": {"id": "Tahun", "en": "Year"},
    "profile_map_caption": {
        "id": "{indicator} ({unit}), {year}. Warna gelap = lebih tertinggal. Sumber: {source}.",
        "en": "{indicator} ({unit}), {year}. Darker = further behind. Source: {source}.",
    },
    "profile_simulated_banner": {
        "id": "⚠ Data simulasi: angka kecamatan ini dibangkitkan untuk demo, bukan data resmi.",
        "en": "⚠ Simulated data: these district figures are generated for the demo, not official statistics.",
    },
    "profile_sub_all_na": {
        "id": "{indicator} tidak berlaku di sini: IDM hanya untuk desa, sedangkan wilayah ini terdiri atas kelurahan.",
        "en": "{indicator} does not apply here: IDM covers villages (desa) only, and this area consists of urban wards (kelurahan).",
    },
    "profile_sub_no_data": {
        "id": "Tidak ada data {indicator} tingkat {level} untuk wilayah ini pada {year}.",
        "en": "No {level}-level {indicator} data for this region in {year}.",
    },
    "profile_districts_heading": {"id": "Kecamatan, paling tertinggal lebih dulu", "en": "Districts, furthest behind first"},
    "profile_districts_caption": {
        "id": "{indicator} {year}. Urutan 1 = paling tertinggal. Klik judul kolom untuk mengurutkan.",
        "en": "{indicator} {year}. Rank 1 = furthest behind. Click a column heading to sort.",
    },
    "profile_villages_heading": {"id": "Status desa (IDM {year})", "en": "Village status (IDM {year})"},
    "profile_villages_na_city": {
        "id": "Tidak berlaku: IDM hanya untuk desa, dan {regency} terdiri atas {n} kelurahan. Tidak ada status desa untuk ditampilkan.",
        "en": {
            "one": "Not applicable: IDM covers villages (desa) only, and {regency} consists of {n} urban ward (kelurahan). "
            "There is no village status to show.",
            "other": "Not applicable: IDM covers villages (desa) only, and {regency} consists of {n} urban wards (kelurahan). "
            "There is no village status to show.",
        },
    },
    "profile_villages_caption": {
        "id": "{n_desa} desa dengan status IDM; {n_kel} kelurahan tidak berlaku (bukan nol). Sumber: {source}.",
        "en": "{n_desa} villages with an IDM status; {n_kel} urban wards (kelurahan) not applicable (not zero). Source: {source}.",
    },
    "profile_lagging_villages": {"id": "Desa, IDM terendah lebih dulu", "en": "Villages, lowest IDM first"},
    "profile_lagging_caption": {
        "id": "{n} desa ber-IDM. Urutan 1 = IDM terendah. Klik judul kolom untuk mengurutkan (misalnya menurut kecamatan atau status).",
        "en": {
            "one": "{n} village with an IDM score. Rank 1 = lowest IDM. Click a column heading to sort (e.g. by district or status).",
            "other": "{n} villages with an IDM score. Rank 1 = lowest IDM. Click a column heading to sort (e.g. by district or status).",
        },
    },
    "profile_status_mandiri": {"id": "Mandiri", "en": "Mandiri (independent)"},
    "profile_status_maju": {"id": "Maju", "en": "Maju (advanced)"},
    "profile_status_berkembang": {"id": "Berkembang", "en": "Berkembang (developing)"},
    "profile_status_tertinggal": {"id": "Tertinggal", "en": "Tertinggal (lagging)"},
    "profile_status_sangat_tertinggal": {"id": "Sangat tertinggal", "en": "Sangat tertinggal (very lagging)"},
    "profile_status_none": {"id": "Tanpa status", "en": "No status"},
    "profile_status_kelurahan": {"id": "Kelurahan (tidak berlaku)", "en": "Kelurahan (not applicable)"},
    "profile_distances_heading": {"id": "Jarak ke titik layanan terdekat", "en": "Distance to the nearest service point"},
    "profile_distances_caption": {
        "id": "Jarak garis lurus (km) dari satu titik di dalam tiap kecamatan ke PLBN dan kantor imigrasi terdekat di "
        "seluruh Kalimantan yang beroperasi (PLBN yang baru direncanakan dan kantor yang sudah tutup tidak dihitung). "
        "Koordinat titik layanan adalah perkiraan setingkat kota; jarak tempuh nyata (sungai, laut, jalan) lebih jauh. "
        "Sumber: {source}.",
        "en": "Straight-line distance (km) from a point inside each district to the nearest operating border post (PLBN) "
        "and immigration office anywhere in Kalimantan (planned posts and closed offices are not counted). Service point "
        "coordinates are town-level approximations; real travel (river, sea, road) is longer. Source: {source}.",
    },
    "profile_col_lag_rank": {"id": "Urutan tertinggal", "en": "Lag rank"},
    "profile_col_name": {"id": "Nama", "en": "Name"},
    "profile_col_district": {"id": "Kecamatan", "en": "District"},
    "profile_col_village": {"id": "Desa", "en": "Village"},
    "profile_col_status": {"id": "Status IDM", "en": "IDM status"},
    "profile_col_nearest": {"id": "{kind} terdekat", "en": "Nearest {kind}"},
    "profile_col_km_to": {"id": "km ke {kind}", "en": "km to {kind}"},
    # peers
    "profile_peers_heading": {"id": "Kabupaten/kota pembanding", "en": "Peers"},
    "profile_peers_caption": {
        "id": "Lima wilayah paling mirip dalam kelompok yang sama ({group}). Kemiripan = jarak Euclides pada dua ukuran "
        "yang dibakukan (skor z di antara 56 kabupaten/kota): log jumlah penduduk 2019 dan log(jarak garis lurus ke ibu "
        "kota provinsi + 10 km). Makin kecil makin mirip. Angka dalam kurung = peringkat di antara 56 (1 = terbaik).",
        "en": "The five most similar regions in the same group ({group}). Similarity = Euclidean distance on two "
        "standardised measures (z-scores among the 56): log population 2019 and log(straight-line km to the provincial "
        "capital + 10 km). Smaller = more similar. Figures in brackets = rank among the 56 (1 = best).",
    },
    "profile_col_measure": {"id": "Ukuran", "en": "Measure"},
    "profile_peers_none": {"id": "Tidak ada pembanding dalam kelompok yang sama.", "en": "No peers in the same group."},
    "profile_col_similarity": {"id": "Jarak kemiripan", "en": "Similarity distance"},
    "profile_col_population": {"id": "Penduduk 2019", "en": "Population 2019"},
    "profile_col_km_capital": {"id": "km ke ibu kota provinsi", "en": "km to provincial capital"},
    "profile_this_regency": {"id": "(wilayah ini)", "en": "(this region)"},
    # metadata sheet: datasets and methods
    "profile_dataset_village_status": {
        "id": "Status IDM per desa (Mandiri … Sangat Tertinggal)",
        "en": "IDM status per village (Mandiri … Sangat Tertinggal)",
    },
    "profile_facilities_heading": {"id": "Fasilitas layanan dasar di kabupaten/kota ini", "en": "This regency's basic-service facilities"},
    "profile_facilities_caption": {
        "id": "Puskesmas dan rumah sakit (Kemenkes 2019) serta sekolah (Kemendikbud 2019, tanpa madrasah) yang titiknya terletak di sini. "
        "Titik yang gagal diperiksa (di luar Kalimantan, koordinat ganda, kode tidak cocok dengan letak) tidak dihitung dalam jarak; "
        "alasannya ada di halaman Katalog data. Jarak di bawah: garis lurus dari titik wakil desa.",
        "en": "Puskesmas and hospitals (Kemenkes 2019) and schools (Kemendikbud 2019, no madrasah) whose points lie here. "
        "Points that failed a check (outside Kalimantan, shared coordinates, a code that disagrees with the place) are left out of "
        "distances; the Data catalogue page says why. Distances below: straight lines from each village's representative point.",
    },
    "profile_facilities_none": {"id": "Tidak ada fasilitas tercatat di sini.", "en": "No facility recorded here."},
    "profile_farthest_heading": {
        "id": "{n} desa terjauh dari puskesmas",
        "en": {"one": "The {n} village farthest from a puskesmas", "other": "The {n} villages farthest from a puskesmas"},
    },
    "profile_col_facility": {"id": "Fasilitas", "en": "Facility"},
    "profile_col_used": {"id": "Dihitung", "en": "Counted"},
    "profile_col_flagged": {"id": "Dikeluarkan", "en": "Left out"},
    "profile_col_doctors": {"id": "Dokter", "en": "Doctors"},
    "profile_col_midwives": {"id": "Bidan", "en": "Midwives"},
    "profile_dataset_service_points": {
        "id": "PLBN dan kantor imigrasi (koordinat perkiraan)",
        "en": "Border posts (PLBN) and immigration offices (approximate coordinates)",
    },
    "profile_dataset_boundaries": {
        "id": "Batas, kode dan titik wakil kecamatan/desa",
        "en": "Boundaries, codes and representative points of districts and villages",
    },
    "profile_dataset_region_groups": {
        "id": "Kelompok wilayah (kota / perbatasan / kabupaten lain)",
        "en": "Region groups (city / border / other regency)",
    },
    "profile_method_lag_score": {
        "id": "Skor baku = (nilai − rata-rata) / simpangan baku di antara kabupaten/kota yang punya data pada tahun itu, "
        "dikali arah indikator; negatif = tertinggal. Indikator tanpa arah tidak dinilai.",
        "en": "Standardised score = (value − mean) / standard deviation among the regencies with data that year, times "
        "the indicator's direction; negative = lagging. Indicators without a direction are not scored.",
    },
    "profile_method_peers": {
        "id": "Pembanding: kelompok yang sama; jarak Euclides pada skor z log(penduduk 2019) dan log(km ke ibu kota provinsi + 10).",
        "en": "Peers: same group; Euclidean distance on z-scores of log(population 2019) and log(km to provincial capital + 10).",
    },
    "profile_method_distance": {
        "id": "Jarak garis lurus (lingkaran besar) dari titik wakil kecamatan ke titik layanan terdekat yang beroperasi.",
        "en": "Straight-line (great-circle) distance from the district's representative point to the nearest operating service point.",
    },
}
