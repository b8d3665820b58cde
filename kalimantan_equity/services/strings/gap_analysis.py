"""Strings of the gap-analysis page (pages/gap_analysis.py) and its figures (services/gapview.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "gap_nav": {"id": "Analisis kesenjangan", "en": "Gap analysis"},
    "gap_title": {"id": "Apakah kesenjangan layanan dasar menyempit?", "en": "Is the gap in basic services closing?"},
    "gap_caption": {
        "id": "{indicator} ({unit}), {year}, tingkat {level} ({direction}). Sumber: {source}.",
        "en": "{indicator} ({unit}), {year}, {level} level ({direction}). Source: {source}.",
    },
    "gap_no_population": {
        "id": "Bobot penduduk hanya ada untuk kabupaten/kota; di tingkat ini semua ukuran tanpa bobot.",
        "en": "Population weights exist for regencies and cities only; at this level every measure is unweighted.",
    },
    # --- group summaries
    "gap_groups_heading": {"id": "Kota, kabupaten lain dan kabupaten perbatasan", "en": "Cities, other regencies and border regencies"},
    "gap_tab_types": {"id": "Per kelompok wilayah", "en": "By region group"},
    "gap_tab_provinces": {"id": "Per provinsi", "en": "By province"},
    "gap_behind": {
        "id": "{group} tertinggal **{gap} {unit}** dari {reference} (rasio {ratio}).",
        "en": "{group} are **{gap} {unit}** behind {reference} (ratio {ratio}).",
    },
    "gap_ahead": {
        "id": "{group} unggul **{gap} {unit}** dari {reference} (rasio {ratio}).",
        "en": "{group} are **{gap} {unit}** ahead of {reference} (ratio {ratio}).",
    },
    "gap_difference": {
        "id": "{group} dibanding {reference}: selisih **{gap} {unit}** (rasio {ratio}).",
        "en": "{group} compared with {reference}: a difference of **{gap} {unit}** (ratio {ratio}).",
    },
    "gap_plural_kabupaten": {"id": "Kabupaten lain", "en": "Other regencies"},
    "gap_plural_perbatasan": {"id": "Kabupaten perbatasan", "en": "Border regencies"},
    "gap_reference_kota": {"id": "kota", "en": "the cities"},
    "gap_reference_all": {"id": "rata-rata Kalimantan", "en": "the Kalimantan average"},
    "gap_orientation": {
        "id": "Selisih positif = tertinggal dari {reference}; rasio di atas 1 = tertinggal. Selisih dan rasio memakai: {weighting}.",
        "en": "A positive gap means behind {reference}; a ratio above 1 means behind. Gaps and ratios use: {weighting}.",
    },
    "gap_col_group": {"id": "Kelompok", "en": "Group"},
    "gap_col_n": {"id": "Wilayah berdata", "en": "Regions with data"},
    "gap_col_mean": {"id": "Rata-rata", "en": "Mean"},
    "gap_col_pop_mean": {"id": "Rata-rata tertimbang penduduk", "en": "Population-weighted mean"},
    "gap_col_headline": {"id": "Ringkasan baku", "en": "Default summary"},
    "gap_col_median": {"id": "Median", "en": "Median"},
    "gap_col_range": {"id": "Min–maks", "en": "Min–max"},
    "gap_col_gap": {"id": "Selisih", "en": "Gap"},
    "gap_col_ratio": {"id": "Rasio", "en": "Ratio"},
    "gap_col_below": {"id": "Di bawah target", "en": "Below target"},
    "gap_col_shortfall": {"id": "Rata-rata kekurangan", "en": "Mean shortfall"},
    "gap_col_pop_shortfall": {"id": "Kekurangan tertimbang penduduk", "en": "Population-weighted shortfall"},
    "gap_n_of": {"id": "{n} dari {total}", "en": "{n} of {total}"},
    # --- target
    "gap_target_heading": {"id": "Jarak ke target", "en": "Distance to the target"},
    "gap_target_summary": {
        "id": "Target {target} {unit}: **{below} dari {n}** wilayah belum mencapainya; rata-rata kekurangan **{shortfall} {unit}**{weighted}.",
        "en": "Target {target} {unit}: **{below} of {n}** regions fall short; mean shortfall **{shortfall} {unit}**{weighted}.",
    },
    "gap_target_weighted": {"id": " ({shortfall} {unit} tertimbang penduduk)", "en": " ({shortfall} {unit} population-weighted)"},
    "gap_no_target": {
        "id": "Indikator ini tidak punya target resmi; jarak diukur terhadap rata-rata Kalimantan.",
        "en": "This indicator has no official target; distances are measured from the Kalimantan average.",
    },
    # --- inequality
    "gap_inequality_heading": {"id": "Ketimpangan antarwilayah", "en": "Inequality across regions"},
    "gap_col_measure": {"id": "Ukuran", "en": "Measure"},
    "gap_col_unweighted": {"id": "Tanpa bobot", "en": "Unweighted"},
    "gap_col_weighted": {"id": "Tertimbang penduduk", "en": "Population-weighted"},
    "gap_m_gini": {"id": "Gini (0–1)", "en": "Gini (0–1)"},
    "gap_m_theil_t": {"id": "Theil T, GE(1) (× 1000)", "en": "Theil T, GE(1) (× 1000)"},
    "gap_m_theil_l": {"id": "Theil L, GE(0) / MLD (× 1000)", "en": "Theil L, GE(0) / MLD (× 1000)"},
    "gap_m_cv": {"id": "Koefisien variasi (%)", "en": "Coefficient of variation (%)"},
    "gap_m_fifth_ratio": {"id": "Rasio seperlima terbaik–terburuk (kali)", "en": "Best-to-worst fifth ratio (times)"},
    "gap_m_best_fifth": {"id": "Rata-rata seperlima terbaik ({unit})", "en": "Mean of the best fifth ({unit})"},
    "gap_m_worst_fifth": {"id": "Rata-rata seperlima terburuk ({unit})", "en": "Mean of the worst fifth ({unit})"},
    "gap_undefined_note": {
        "id": "— = tidak terdefinisi untuk nilai ini (Theil L perlu semua nilai di atas 0; rasio perlu seperlima terburuk di atas 0) "
        "atau tanpa data penduduk.",
        "en": "— = not defined for these values (Theil L needs every value above 0; the ratio needs the worst fifth above 0) "
        "or no population data.",
    },
    "gap_decomp_heading": {"id": "Antar-kelompok atau dalam kelompok?", "en": "Between groups or within them?"},
    "gap_col_partition": {"id": "Pengelompokan", "en": "Grouping"},
    "gap_col_weighting": {"id": "Bobot", "en": "Weights"},
    "gap_col_total": {"id": "Total (× 1000)", "en": "Total (× 1000)"},
    "gap_col_between": {"id": "Antar-kelompok (× 1000)", "en": "Between (× 1000)"},
    "gap_col_within": {"id": "Dalam kelompok (× 1000)", "en": "Within (× 1000)"},
    "gap_col_between_share": {"id": "Porsi antar-kelompok (%)", "en": "Between share (%)"},
    "gap_partition_region_type": {"id": "Kelompok wilayah", "en": "Region group"},
    "gap_partition_prov_code": {"id": "Provinsi", "en": "Province"},
    "gap_decomp_note": {
        "id": "Porsi antar-kelompok: bagian ketimpangan yang tersisa bila setiap wilayah bernilai rata-rata kelompoknya. "
        "Porsi besar = jurang antara kota, kabupaten lain dan perbatasan (atau antarprovinsi) yang menentukan.",
        "en": "Between share: the part of inequality left if every region had its group's mean. "
        "A large share means the divide between cities, other regencies and border regencies (or between provinces) dominates.",
    },
    # --- trend
    "gap_trend_heading": {"id": "Tren: menyempit atau melebar?", "en": "Trend: narrowing or widening?"},
    "gap_trend_measure": {"id": "Ukuran tren", "en": "Trend measure"},
    "gap_f_group_means": {"id": "Rata-rata kelompok", "en": "Group means"},
    "gap_f_gaps": {"id": "Selisih terhadap kota (positif = tertinggal)", "en": "Gap to the cities (positive = behind)"},
    "gap_f_gaps_all": {
        "id": "Selisih terhadap rata-rata Kalimantan (positif = tertinggal)",
        "en": "Gap to the Kalimantan average (positive = behind)",
    },
    "gap_f_gini": {"id": "Gini", "en": "Gini"},
    "gap_f_theil_t": {"id": "Theil T (× 1000)", "en": "Theil T (× 1000)"},
    "gap_f_theil_l": {"id": "Theil L / MLD (× 1000)", "en": "Theil L / MLD (× 1000)"},
    "gap_f_cv": {"id": "Koefisien variasi (%)", "en": "Coefficient of variation (%)"},
    "gap_f_fifth_ratio": {"id": "Rasio seperlima terbaik–terburuk", "en": "Best-to-worst fifth ratio"},
    "gap_f_between": {"id": "Porsi antar-kelompok dari Theil T (%)", "en": "Between-group share of Theil T (%)"},
    "gap_f_shortfall": {"id": "Rata-rata kekurangan terhadap target", "en": "Mean shortfall from the target"},
    "gap_f_n_below_target": {"id": "Jumlah wilayah di bawah target", "en": "Regions below the target"},
    "gap_line_group": {"id": "{group}", "en": "{group}"},
    "gap_line_all": {"id": "Seluruh Kalimantan", "en": "All of Kalimantan"},
    "gap_line_unweighted": {"id": "Tanpa bobot", "en": "Unweighted"},
    "gap_line_weighted": {"id": "Tertimbang penduduk", "en": "Population-weighted"},
    "gap_line_between_type": {"id": "Antar kelompok wilayah", "en": "Between region groups"},
    "gap_line_between_type_w": {"id": "Antar kelompok wilayah, tertimbang penduduk", "en": "Between region groups, population-weighted"},
    "gap_line_between_prov": {"id": "Antarprovinsi", "en": "Between provinces"},
    "gap_line_between_prov_w": {"id": "Antarprovinsi, tertimbang penduduk", "en": "Between provinces, population-weighted"},
    "gap_line_n_below": {"id": "Wilayah di bawah target", "en": "Regions below the target"},
    "gap_method_break": {"id": "ganti metode", "en": "method break"},
    "gap_trend_series": {
        "id": "Setiap seri digambar terpisah dan tidak disambung lintas perubahan metode: {series}.",
        "en": "Each series is drawn on its own and never joined across a method break: {series}.",
    },
    "gap_trend_one_year": {
        "id": "Hanya ada satu tahun data untuk indikator ini, jadi belum ada tren.",
        "en": "This indicator has data for one year only, so there is no trend yet.",
    },
    "gap_axis_times": {"id": "kali", "en": "times"},
    "gap_axis_regions": {"id": "wilayah", "en": "regions"},
    # --- contributions
    "gap_contrib_heading": {"id": "Siapa yang paling menambah kesenjangan?", "en": "Who adds most to the gap?"},
    "gap_contrib_title_target": {"id": "Porsi dari total kekurangan terhadap target", "en": "Share of the total shortfall from the target"},
    "gap_contrib_title_mean": {
        "id": "Porsi dari total kekurangan di bawah rata-rata Kalimantan",
        "en": "Share of the total shortfall below the Kalimantan average",
    },
    "gap_contrib_caption": {
        "id": "Kekurangan = jarak ke {reference} {unit} di sisi yang buruk; porsi = kekurangan × bobot ({weighting}) dibagi total. "
        "{top} wilayah teratas menanggung {share} % dari seluruh kekurangan.",
        "en": "Shortfall = distance to {reference} {unit} on the wrong side; share = shortfall × weight ({weighting}) over the total. "
        "The top {top} regions carry {share} % of the whole shortfall.",
    },
    "gap_contrib_none": {
        "id": "Tidak ada kekurangan: semua wilayah sudah mencapai {reference} {unit}.",
        "en": "No shortfall: every region already reaches {reference} {unit}.",
    },
    "gap_contrib_neutral": {
        "id": "Indikator ini tidak punya arah baik/buruk, jadi tidak ada kekurangan; sumbangan tiap wilayah pada Theil T ada di tabel.",
        "en": "This indicator has no better/worse direction, so there is no shortfall; each region's contribution to Theil T is in the table.",
    },
    "gap_contrib_table": {"id": "Semua wilayah: nilai, kekurangan dan sumbangan", "en": "Every region: value, shortfall and contribution"},
    "gap_col_region": {"id": "Wilayah", "en": "Region"},
    "gap_col_value": {"id": "Nilai ({unit})", "en": "Value ({unit})"},
    "gap_col_region_shortfall": {"id": "Kekurangan ({unit})", "en": "Shortfall ({unit})"},
    "gap_col_share": {"id": "Porsi kekurangan (%)", "en": "Share of shortfall (%)"},
    "gap_col_theil_share": {"id": "Sumbangan pada Theil T (%)", "en": "Contribution to Theil T (%)"},
    "gap_hover_share": {"id": "Porsi", "en": "Share"},
    "gap_hover_value": {"id": "Nilai", "en": "Value"},
    "gap_hover_shortfall": {"id": "Kekurangan", "en": "Shortfall"},
    # --- scorecard
    "gap_scorecard_heading": {"id": "Rapor SPM: sektor × kelompok wilayah", "en": "SPM scorecard: sectors × region groups"},
    "gap_scorecard_year": {"id": "Tahun rapor", "en": "Scorecard year"},
    "gap_scorecard_title": {"id": "Rata-rata capaian SPM, {year}", "en": "Mean SPM achievement, {year}"},
    "gap_scorecard_caption": {
        "id": "Setiap sel = rata-rata capaian kelompok (rata-rata tertimbang penduduk kabupaten/kota); warna lebih gelap = lebih tertinggal. "
        "Target SPM 100 %. Tanda pada setiap baris: data resmi atau data simulasi.",
        "en": "Each cell = the group's mean achievement (population-weighted over regencies and cities); darker = further behind. "
        "The SPM target is 100 %. Each row says whether it is official or simulated data.",
    },
    "gap_proxy_title": {
        "id": "Rapor SPM dari proksi resmi: nilai kelompok per indikator",
        "en": "SPM scorecard from official proxies: group values per indicator",
    },
    "gap_proxy_mark": {"id": "proksi", "en": "proxy"},
    "gap_proxy_caption": {
        "id": "Belum ada data terbuka capaian SPM per kabupaten/kota, maka rapor ini memakai proksi resmi (jarak ke puskesmas, SMP dan SMA/SMK, "
        "tenaga kesehatan, air minum, listrik, melek huruf, partisipasi sekolah, komponen IPM). Setiap sel = nilai kelompok dalam satuan barisnya "
        "(rata-rata tertimbang sesuai indikator); warna = posisi dalam baris itu, lebih gelap = lebih tertinggal. Tahun di setiap baris. "
        "Jarak: garis lurus dari titik wakil desa.",
        "en": "No open SPM achievement series per regency exists, so this scorecard uses official proxies (distance to puskesmas, SMP and SMA/SMK, "
        "health staff, drinking water, electricity, literacy, enrolment, HDI parts). Each cell = the group's value in its row's unit "
        "(weighted as the indicator needs); colour = standing within that row, darker = further behind. The year is on every row. "
        "Distances: straight lines from each village's representative point.",
    },
    "gap_proxy_definitions": {"id": "Definisi setiap proksi", "en": "What each proxy measures"},
    "gap_scorecard_none": {"id": "Belum ada data capaian SPM.", "en": "No SPM achievement data yet."},
    # --- download
    "gap_download": {"id": "Unduh semua tabel (Excel)", "en": "Download every table (Excel)"},
    # --- methods
    "gap_methods_heading": {"id": "Metode: cara membaca setiap ukuran", "en": "Methods: how to read each measure"},
    "gap_methods_intro": {
        "id": "Definisi mengikuti catatan teknis WHO Health Equity Assessment Toolkit (HEAT). Setiap wilayah i punya nilai y_i dan bobot p_i "
        "(porsi penduduk, atau 1/n tanpa bobot); μ = Σ p_i y_i.",
        "en": "Definitions follow the WHO Health Equity Assessment Toolkit (HEAT) technical notes. Each region i has a value y_i and a weight p_i "
        "(its population share, or 1/n unweighted); μ = Σ p_i y_i.",
    },
    "gap_method_means": {
        "id": "**Rata-rata dan rata-rata tertimbang.** Rata-rata biasa memberi setiap wilayah bobot sama; rata-rata tertimbang penduduk "
        "memberi wilayah berpenduduk banyak bobot lebih besar, sehingga menggambarkan rata-rata warga. Median adalah nilai tengah.",
        "en": "**Mean and weighted mean.** The plain mean gives every region the same weight; the population-weighted mean gives populous "
        "regions more, so it describes the average resident. The median is the middle value.",
    },
    "gap_method_gap": {
        "id": "**Selisih dan rasio.** Selisih adalah jarak rata-rata kelompok ke kota (atau ke rata-rata Kalimantan), diberi tanda agar "
        "positif berarti tertinggal, baik untuk indikator 'makin tinggi makin baik' maupun 'makin rendah makin baik'. Rasio di atas 1 "
        "juga berarti tertinggal.",
        "en": "**Gap and ratio.** The gap is the distance from a group's mean to the cities' (or to the Kalimantan average), signed so that "
        "positive means behind, whether higher or lower is better. A ratio above 1 also means behind.",
    },
    "gap_method_shortfall": {
        "id": "**Kekurangan terhadap target.** Untuk setiap wilayah, seberapa jauh nilainya dari target di sisi yang buruk (0 bila target "
        "tercapai). Rata-ratanya menunjukkan seberapa jauh rata-rata wilayah (atau warga) dari target.",
        "en": "**Shortfall from the target.** For each region, how far its value is from the target on the wrong side (0 when the target "
        "is met). Its mean shows how far the average region (or resident) is from the target.",
    },
    "gap_method_gini": {
        "id": "**Gini.** Setengah dari rata-rata selisih mutlak antara dua wilayah mana pun, dibagi rata-rata. 0 = semua sama; makin besar "
        "makin timpang. Mudah dikenali, tetapi tidak dapat dipecah menjadi antar- dan dalam kelompok.",
        "en": "**Gini.** Half the mean absolute difference between any two regions, over the mean. 0 = all equal; larger is more unequal. "
        "Familiar, but it cannot be split into between and within groups.",
    },
    "gap_method_theil_t": {
        "id": "**Theil T, GE(1).** Mengukur seberapa jauh porsi capaian tiap wilayah menyimpang dari porsi penduduknya; lebih peka pada "
        "wilayah di atas rata-rata. 0 = tanpa ketimpangan. Ditampilkan × 1000 seperti di HEAT.",
        "en": "**Theil T, GE(1).** How far each region's share of the indicator departs from its share of the population; more sensitive "
        "to regions above the mean. 0 = no inequality. Shown × 1000, as HEAT does.",
    },
    "gap_method_theil_l": {
        "id": "**Theil L, GE(0) atau deviasi log rata-rata (MLD).** Rata-rata logaritma dari rasio rata-rata terhadap nilai tiap wilayah; "
        "lebih peka pada wilayah yang jauh di bawah rata-rata. Tidak terdefinisi bila ada nilai 0. Ditampilkan × 1000.",
        "en": "**Theil L, GE(0) or mean log deviation (MLD).** The mean log of the ratio of the mean to each region's value; more sensitive "
        "to regions far below the mean. Not defined when a value is 0. Shown × 1000.",
    },
    "gap_method_decomposition": {
        "id": "**Dekomposisi.** Theil T dan L terpecah persis: total = antar-kelompok + dalam kelompok. Bagian antar-kelompok adalah "
        "ketimpangan bila setiap wilayah bernilai rata-rata kelompoknya (P_g = porsi bobot kelompok, μ_g = rata-ratanya).",
        "en": "**Decomposition.** Theil T and L split exactly: total = between groups + within groups. The between part is the inequality "
        "left if every region had its group's mean (P_g = the group's weight share, μ_g = its mean).",
    },
    "gap_method_cv": {
        "id": "**Koefisien variasi.** Simpangan baku dibagi rata-rata, dalam persen. Ukuran sebaran sederhana yang tidak bergantung pada satuan.",
        "en": "**Coefficient of variation.** The standard deviation over the mean, as a percentage. A simple spread that does not depend on the unit.",
    },
    "gap_method_fifth_ratio": {
        "id": "**Rasio seperlima terbaik–terburuk.** Rata-rata seperlima wilayah (atau warga) terbaik dibanding seperlima terburuk, "
        "selalu yang lebih tinggi dibagi yang lebih rendah sehingga 1 = tanpa jurang. Wilayah di batas seperlima ikut sebagian.",
        "en": "**Best-to-worst fifth ratio.** The mean of the best fifth of regions (or residents) against the worst fifth, always the "
        "higher over the lower, so 1 = no gap. The region on the boundary counts in part.",
    },
    "gap_method_contribution": {
        "id": "**Sumbangan.** Porsi tiap wilayah dari total kekurangan (kekurangan × bobot dibagi jumlahnya), sehingga terlihat di mana "
        "upaya paling berdampak. Sumbangan pada Theil T adalah bagian wilayah itu dari total: tidak pernah negatif, makin besar makin jauh wilayah itu dari rata-rata, ke atas atau ke bawah.",
        "en": "**Contribution.** Each region's share of the total shortfall (shortfall × weight over their sum), showing where effort pays "
        "most. The contribution to Theil T is the region's part of the total: never negative, larger the further the region is from the mean, above or below.",
    },
}
