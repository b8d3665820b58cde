"""Strings of the service-access page (pages/service_access.py) and services/access.py."""

from kalimantan_equity.services.strings import Text  # a text, or plural forms (services.i18n.tn)

STRINGS: dict[str, dict[str, Text]] = {
    "access_points_legend": {"id": "Titik layanan yang dihitung", "en": "Service points counted"},
    "access_nav": {"id": "Akses titik layanan", "en": "Service access"},
    "access_title": {"id": "Seberapa jauh warga dari titik layanan?", "en": "How far are residents from a service point?"},
    "access_intro": {
        "id": "Jarak dari titik representatif setiap desa ke titik layanan terdekat yang dipilih (puskesmas, rumah sakit, "
        "sekolah per jenjang, kantor imigrasi, PLBN), dan apa yang berubah bila unit baru dibuka (misalnya puskesmas atau SMP baru). "
        "**Jarak = garis lurus × faktor jalan memutar** yang Anda pilih: bukan jarak jalan atau sungai. "
        "Koordinat imigrasi dan PLBN bersifat perkiraan (tingkat kota/desa); sekolah dan puskesmas memakai koordinat register 2019, "
        "titik yang gagal diperiksa tidak dihitung (daftarnya di halaman Katalog data).",
        "en": "Distance from every village's representative point to the nearest chosen service point (puskesmas, hospitals, "
        "schools by level, immigration offices, PLBN), and what a new unit would change (a new puskesmas or SMP, say). "
        "**Distance = straight line × the detour factor** you choose: not a road or river distance. "
        "Immigration and PLBN coordinates are approximate (town or village level); schools and puskesmas use the 2019 registers' "
        "coordinates, and points that failed a check are left out (listed on the Data catalogue page).",
    },
    "access_rivers": {"id": "Tampilkan sungai utama", "en": "Show the main rivers"},
    "access_rivers_help": {
        "id": "Garis biru tipis: sungai utama (GSHHG, kasar), sebagai konteks. Jarak tetap garis lurus × faktor jalan memutar.",
        "en": "Thin blue lines: the main rivers (GSHHG, coarse), as context. Distances stay straight lines × the detour factor.",
    },
    "map_rivers": {"id": "Sungai utama (GSHHG)", "en": "Main rivers (GSHHG)"},
    "access_caption": {
        "id": "{indicator}, dalam {unit}. Ambang: {threshold}. Sumber: {source}.",
        "en": "{indicator}, in {unit}. Threshold: {threshold}. Source: {source}.",
    },
    "access_indicator": {"id": "Jarak ke titik terdekat: {kinds}", "en": "Distance to the nearest point: {kinds}"},
    "access_straight_line": {"id": "garis lurus", "en": "straight line"},
    "access_with_detour": {"id": "garis lurus × {factor} faktor jalan memutar", "en": "straight line × {factor} detour factor"},
    "access_detour_suffix": {"id": " (jalan memutar × {factor})", "en": " (detour × {factor})"},
    "access_approximate": {"id": "koordinat perkiraan", "en": "approximate coordinates"},
    "access_real_not_simulated": {
        "id": "Dihitung dari titik layanan nyata (koordinat perkiraan), bukan data simulasi.",
        "en": "Computed from real service points (approximate coordinates), not simulated data.",
    },
    "access_method": {
        "id": "Jarak garis lurus dari titik representatif desa (titik di dalam poligon) ke titik layanan terdekat: jarak lingkaran "
        "besar pada bola berjari-jari 6.371 km (selisih < 0,6 % dari jarak geodesik WGS84), dicari dengan indeks spasial (k-d tree) "
        "yang memberi titik terdekat secara tepat. Jarak yang ditampilkan = garis lurus × faktor jalan memutar yang Anda pilih.",
        "en": "Straight-line distance from each village's representative point (a point inside its polygon) to the nearest "
        "service point: the great-circle distance on a sphere of radius 6,371 km (within 0.6 % of the WGS84 geodesic), found "
        "with a spatial index (k-d tree) that gives the exact nearest point. The distance shown = straight line × the detour "
        "factor you choose.",
    },
    # sidebar
    "access_kinds": {"id": "Jenis titik yang dihitung", "en": "Kinds of point counted"},
    "access_kinds_help": {
        "id": "Jarak dihitung ke titik terbuka terdekat dari jenis ini. Layanan keliling dilaporkan terpisah sebagai cakupan parsial.",
        "en": "Distance is to the nearest open point of these kinds. Mobile services are reported separately as partial coverage.",
    },
    "access_statuses": {"id": "Status titik yang dihitung", "en": "Point status counted"},
    "access_statuses_help": {
        "id": "Bawaan: hanya yang beroperasi. Titik tutup/historis, direncanakan atau belum terverifikasi dapat ditambahkan.",
        "en": "Default: operating points only. Closed/historical, planned or unverified points can be added.",
    },
    "access_threshold": {"id": "Ambang jarak (km)", "en": "Distance threshold (km)"},
    "access_detour": {"id": "Faktor jalan memutar (air/sungai)", "en": "Detour factor (water/river travel)"},
    "access_detour_help": {
        "id": "Pengali untuk jarak garis lurus: 1,0 = garis lurus; 1,5 = perjalanan lewat sungai atau laut 50 % lebih panjang. "
        "Berlaku untuk semua jarak dan tertulis di setiap angka.",
        "en": "Multiplies the straight-line distance: 1.0 = straight line; 1.5 = river or sea travel 50 % longer. "
        "Applies to every distance and is written beside every figure.",
    },
    "access_mobile_default": {"id": "Hari layanan keliling per bulan (bawaan)", "en": "Mobile service days per month (default)"},
    "access_mobile_default_help": {
        "id": "Untuk layanan keliling tanpa jadwal terbit (mis. Lapak Ikan Kanim Tarakan). Eazy Paspor Kotabaru: 4 hari; "
        "MPP Kutai Kartanegara: 8 hari (Senin dan Rabu).",
        "en": "For mobile services with no published schedule (e.g. Kanim Tarakan's Lapak Ikan). Eazy Paspor Kotabaru: 4 days; "
        "MPP Kutai Kartanegara: 8 days (Mondays and Wednesdays).",
    },
    "access_regency": {"id": "Kabupaten/kota yang disorot", "en": "Regency highlighted"},
    "access_all_regencies": {"id": "Seluruh Kalimantan", "en": "All of Kalimantan"},
    "access_zoom": {"id": "Perbesar peta ke kabupaten ini", "en": "Zoom the map to this regency"},
    "access_classes": {"id": "Kelas jarak", "en": "Distance classes"},
    # notes
    "access_people_note": {
        "id": "Jumlah penduduk per desa tidak tersedia: hanya jumlah desa yang tersedia.",
        "en": "No population figure exists per village: only village counts are available.",
    },
    "access_unlocated": {
        "id": "{n} desa tanpa poligon (lebih baru dari data batas wilayah) tidak punya titik dan tidak dihitung.",
        "en": {
            "one": "{n} village without a polygon (newer than the boundary data) has no point and is left out.",
            "other": "{n} villages without a polygon (newer than the boundary data) have no point and are left out.",
        },
    },
    "access_unplaced_points": {
        "id": "Titik tanpa koordinat, tidak dihitung: {names}.",
        "en": "Points without coordinates, not counted: {names}.",
    },
    "access_no_points": {
        "id": "Tidak ada titik layanan dengan jenis dan status yang dipilih. Pilih jenis atau status lain, atau tambahkan unit baru.",
        "en": "No service point has the chosen kinds and status. Choose other kinds or statuses, or add a new unit.",
    },
    "access_partial_rule": {
        "id": "Layanan keliling dihitung terpisah sebagai cakupan parsial: desa di luar ambang dari titik tetap tetapi "
        "dalam ambang dari layanan keliling dihitung hari per bulan / 30 desa.",
        "en": "Mobile services count separately as partial coverage: a village beyond the threshold from every fixed point but "
        "within it of a mobile service counts as days per month / 30 of a village.",
    },
    "access_partial_line": {
        "id": "Layanan keliling (terpisah, tidak dicampur ke jarak): {n} desa di luar {threshold} menjangkau layanan keliling "
        "dalam {threshold}; cakupan parsial setara **{equiv} desa**.",
        "en": {
            "one": "Mobile services (separate, not mixed into the distance): {n} village beyond {threshold} reaches a mobile service "
            "within {threshold}; partial coverage equals **{equiv} villages**.",
            "other": "Mobile services (separate, not mixed into the distance): {n} villages beyond {threshold} reach a mobile service "
            "within {threshold}; partial coverage equals **{equiv} villages**.",
        },
    },
    "access_days_kotabaru": {
        "id": "brief; Kanwil Kalsel Mei 2025 sepakat 4x/bulan, belum terkonfirmasi (2022: 2x/bulan)",
        "en": "brief; Kanwil Kalsel agreed 4x/month in May 2025, start unconfirmed (2022: twice a month)",
    },
    "access_days_tenggarong": {"id": "sumber: setiap Senin dan Rabu", "en": "source: every Monday and Wednesday"},
    "access_days_default": {"id": "bawaan yang dapat diubah (tanpa jadwal terbit)", "en": "settable default (no published schedule)"},
    "access_days_hover": {"id": "{days} hari per bulan (asumsi)", "en": "{days} days a month (assumed)"},
    "access_method_heading": {"id": "Cara menghitung dan asumsi", "en": "Method and assumptions"},
    "access_mobile_table": {
        "id": "Layanan keliling dan hari per bulan yang diasumsikan",
        "en": "Mobile services and the days per month assumed",
    },
    "access_unlocated_table": {"id": "Desa tanpa titik (tidak dihitung)", "en": "Villages without a point (left out)"},
    # headline
    "access_view": {"id": "Peta dan ringkasan menunjukkan", "en": "Map and summary show"},
    "access_view_current": {"id": "Kondisi kini", "en": "Current state"},
    "access_scenario_label": {"id": "Skenario {scenario}", "en": "Scenario {scenario}"},
    "access_metric_median": {"id": "Median jarak, {area}", "en": "Median distance, {area}"},
    "access_metric_p90": {"id": "Persentil ke-90, {area}", "en": "90th percentile, {area}"},
    "access_metric_beyond": {"id": "Desa > {threshold}, {area}", "en": "Villages > {threshold}, {area}"},
    "access_metric_beyond_value": {"id": "{n} ({share} %)", "en": "{n} ({share} %)"},
    "access_metric_help": {
        "id": "Dalam {unit}; {n} desa. Delta dibanding kondisi kini.",
        "en": {
            "one": "In {unit}; {n} village. Delta against the current state.",
            "other": "In {unit}; {n} villages. Delta against the current state.",
        },
    },
    # what-if editor
    "access_whatif_title": {"id": "Bagaimana jika unit baru dibuka?", "en": "What if a new unit opened?"},
    "access_whatif_help": {
        "id": "Tempatkan unit di kecamatan, di desa yang diklik pada peta, atau di koordinat. Disimpan hanya di sesi ini.",
        "en": "Place a unit in a district, at a village clicked on the map, or at coordinates. Kept in this session only.",
    },
    "access_edit_scenario": {"id": "Tambahkan ke", "en": "Add to"},
    "access_new_name": {"id": "Nama unit (boleh kosong)", "en": "Unit name (optional)"},
    "access_new_kind": {"id": "Jenis unit", "en": "Kind of unit"},
    "access_new_days": {"id": "Hari per bulan", "en": "Days per month"},
    "access_place_by": {"id": "Lokasi", "en": "Location"},
    "access_place_district": {"id": "Kecamatan", "en": "District"},
    "access_place_village": {"id": "Desa di peta", "en": "Village on the map"},
    "access_place_coords": {"id": "Koordinat", "en": "Coordinates"},
    "access_new_district": {"id": "Kecamatan (titik representatif)", "en": "District (its representative point)"},
    "access_lon": {"id": "Bujur (°BT)", "en": "Longitude (°E)"},
    "access_lat": {"id": "Lintang (° , selatan negatif)", "en": "Latitude (°, south negative)"},
    "access_click_hint": {"id": "Klik sebuah desa pada peta untuk memilihnya.", "en": "Click a village on the map to pick it."},
    "access_clicked": {"id": "Desa terpilih: **{village}**, Kec. {district}", "en": "Village picked: **{village}**, {district} district"},
    "access_add": {"id": "Tambahkan unit", "en": "Add unit"},
    "access_example": {"id": "Contoh: unit paspor di Kotabaru", "en": "Example: passport unit in Kotabaru"},
    "access_example_puskesmas": {"id": "Contoh: puskesmas baru di Mantangai", "en": "Example: new puskesmas, Mantangai"},
    "access_legend_puskesmas": {"id": "Puskesmas", "en": "Puskesmas"},
    "access_added": {"id": "{name} ditambahkan ke skenario {scenario}.", "en": "{name} added to scenario {scenario}."},
    "access_remove": {"id": "Hapus", "en": "Remove"},
    "access_clear": {"id": "Kosongkan skenario {scenario}", "en": "Clear scenario {scenario}"},
    "access_not_counted": {
        "id": "tidak dihitung: jenis ini tidak dipilih",
        "en": "not counted: this kind is not chosen",
    },
    "access_new_default_name": {"id": "{kind} (baru) – {district}", "en": "{kind} (new) – {district}"},
    "access_new_units_legend": {"id": "Unit baru, skenario {scenario}", "en": "New units, scenario {scenario}"},
    "access_err_kind": {"id": "Jenis unit tidak dikenal.", "en": "Unknown kind of unit."},
    "access_err_name_long": {"id": "Nama terlalu panjang (paling banyak {n} karakter).", "en": "Name too long (at most {n} characters)."},
    "access_err_days": {"id": "Hari per bulan harus antara 1 dan {max}.", "en": "Days per month must be between 1 and {max}."},
    "access_err_district": {"id": "Pilih kecamatan dari daftar.", "en": "Pick a district from the list."},
    "access_err_village": {"id": "Belum ada desa yang diklik pada peta.", "en": "No village has been clicked on the map yet."},
    "access_err_coords": {"id": "Isi bujur dan lintang sebagai angka.", "en": "Enter longitude and latitude as numbers."},
    "access_err_outside_bbox": {
        "id": "Koordinat di luar Kalimantan (bujur {lon0}–{lon1}, lintang {lat0}–{lat1}). Periksa urutan dan tanda (selatan negatif).",
        "en": "Coordinates outside Kalimantan (longitude {lon0}–{lon1}, latitude {lat0}–{lat1}). Check the order and the sign (south negative).",
    },
    "access_err_no_district": {
        "id": "Koordinat tidak jatuh di kecamatan mana pun di Kalimantan (laut atau Malaysia?).",
        "en": "The coordinates fall in no Kalimantan district (sea or Malaysia?).",
    },
    "access_err_where": {"id": "Pilih cara menentukan lokasi.", "en": "Choose how to set the location."},
    "access_err_full": {
        "id": "Skenario {scenario} sudah berisi {n} unit (batas). Hapus satu atau gunakan skenario lain.",
        "en": "Scenario {scenario} already holds {n} units (the limit). Remove one or use another scenario.",
    },
    # comparison
    "access_compare_title": {"id": "Perbandingan skenario", "en": "Scenario comparison"},
    "access_compare_empty": {
        "id": "Belum ada skenario. Tambahkan unit baru (atau coba contohnya) untuk melihat perubahannya di sini.",
        "en": "No scenario yet. Add a new unit (or try the example) to see what it changes here.",
    },
    "access_compare_caption": {
        "id": "Kalimantan dan setiap kabupaten/kota yang berubah, dibanding kondisi kini; jarak dalam {unit}.",
        "en": "Kalimantan and every regency that changes, against the current state; distances in {unit}.",
    },
    "access_compare_chart_title": {
        "id": "Desa yang masuk dalam {threshold} karena unit baru",
        "en": "Villages brought within {threshold} by the new units",
    },
    "access_villages_axis": {"id": "Desa (jumlah)", "en": "Villages (count)"},
    "access_hover_brought": {"id": "Desa baru terjangkau:", "en": "Villages brought within:"},
    "access_hover_median_change": {"id": "Perubahan median:", "en": "Change in median:"},
    "access_download_csv": {"id": "Unduh perbandingan (CSV)", "en": "Download comparison (CSV)"},
    "access_download_xlsx": {"id": "Unduh perbandingan (Excel)", "en": "Download comparison (Excel)"},
    "access_sheet_compare": {"id": "perbandingan", "en": "comparison"},
    "access_sheet_points": {"id": "unit skenario", "en": "scenario units"},
    "access_sheet_regencies": {"id": "kabupaten kini", "en": "regencies now"},
    # tables
    "access_regencies_title": {"id": "Per kabupaten/kota", "en": "By regency"},
    "access_districts_title": {"id": "Per kecamatan di {regency}", "en": "By district in {regency}"},
    "access_table_caption": {"id": "Menunjukkan: {view}. Jarak dalam {unit}.", "en": "Showing: {view}. Distances in {unit}."},
    "access_col_code": {"id": "Kode", "en": "Code"},
    "access_col_area": {"id": "Wilayah", "en": "Area"},
    "access_col_regency": {"id": "Kabupaten/kota", "en": "Regency"},
    "access_col_district": {"id": "Kecamatan", "en": "District"},
    "access_col_group": {"id": "Kelompok", "en": "Group"},
    "access_col_villages": {"id": "Desa", "en": "Villages"},
    "access_col_median": {"id": "Median (km)", "en": "Median (km)"},
    "access_col_p90": {"id": "Persentil 90 (km)", "en": "90th percentile (km)"},
    "access_col_beyond": {"id": "Desa > {threshold}", "en": "Villages > {threshold}"},
    "access_col_beyond_share": {"id": "% desa > {threshold}", "en": "% villages > {threshold}"},
    "access_col_mobile": {"id": "Di luar ambang, terjangkau layanan keliling", "en": "Beyond, reached by a mobile service"},
    "access_col_partial": {"id": "Cakupan parsial (setara desa)", "en": "Partial coverage (village-equivalents)"},
    "access_col_within_now": {"id": "Desa ≤ {threshold}, kini", "en": "Villages ≤ {threshold}, now"},
    "access_col_median_now": {"id": "Median kini (km)", "en": "Median now (km)"},
    "access_col_partial_now": {"id": "Cakupan parsial kini", "en": "Partial coverage now"},
    "access_col_within_s": {"id": "{scenario}: desa ≤ {threshold}", "en": "{scenario}: villages ≤ {threshold}"},
    "access_col_brought_s": {"id": "{scenario}: desa baru ≤ {threshold}", "en": "{scenario}: villages brought ≤ {threshold}"},
    "access_col_median_s": {"id": "{scenario}: median (km)", "en": "{scenario}: median (km)"},
    "access_col_median_change_s": {"id": "{scenario}: perubahan median (km)", "en": "{scenario}: change in median (km)"},
    "access_col_partial_s": {"id": "{scenario}: cakupan parsial", "en": "{scenario}: partial coverage"},
    "access_col_scenario": {"id": "Skenario", "en": "Scenario"},
    "access_col_unit": {"id": "Unit", "en": "Unit"},
    "access_col_kind": {"id": "Jenis", "en": "Kind"},
    "access_col_days": {"id": "Hari per bulan", "en": "Days per month"},
    "access_col_counted": {"id": "Dihitung", "en": "Counted"},
    "access_col_basis": {"id": "Dasar angka", "en": "Basis"},
    "access_col_name": {"id": "Nama", "en": "Name"},
    "access_yes": {"id": "ya", "en": "yes"},
    "access_no": {"id": "tidak", "en": "no"},
    # export metadata
    "access_meta_item": {"id": "Butir", "en": "Item"},
    "access_meta_value": {"id": "Nilai", "en": "Value"},
    "access_meta_measure": {"id": "Ukuran", "en": "Measure"},
    "access_meta_statuses": {"id": "Status titik yang dihitung", "en": "Point status counted"},
    "access_meta_method": {"id": "Metode", "en": "Method"},
    "access_meta_detour": {"id": "Jarak", "en": "Distance"},
    "access_meta_threshold": {"id": "Ambang", "en": "Threshold"},
    "access_meta_mobile": {"id": "Layanan keliling", "en": "Mobile services"},
    "access_meta_people": {"id": "Penduduk", "en": "People"},
    "access_meta_unlocated": {"id": "Desa tanpa titik", "en": "Villages without a point"},
    "access_meta_source": {"id": "Sumber", "en": "Source"},
    "access_meta_reality": {"id": "Jenis data", "en": "Kind of data"},
}
