"""The regency profile page as a planner meets it, through Streamlit's AppTest (no browser)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

TIMEOUT = 120
PAGE = str(ROOT / "kalimantan_equity" / "pages" / "regency_profile.py")


def _profile(**params: str) -> AppTest:
    """The app opened with a link's parameters, then the profile page (as ``/profil?region=…``)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    _ok(at)
    return at


def _ok(at: AppTest) -> None:
    """No exception, and no failure caught by the app frame's plain message either."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [h.value for h in at.header] + [h.value for h in at.subheader]
    parts += [e.value for e in at.error] + [i.value for i in at.info] + [w.value for w in at.warning]
    return "\n".join(str(p) for p in parts)


_TABLES = {  # a column only that table has, per language
    "scorecard": ("Skor baku", "Standardised score"),
    "districts": ("Urutan tertinggal", "Lag rank"),
    "villages": ("Status IDM", "IDM status"),
    "distances": ("km ke PLBN", "km to Border post (PLBN)"),
    "peers": ("Ukuran", "Measure"),
}


def _table(at: AppTest, name: str):
    """The table a user sees under that heading (found by its columns)."""
    found = [d.value for d in at.dataframe if set(_TABLES[name]) & set(d.value.columns)]
    if name == "districts":
        found = [f for f in found if not set(_TABLES["villages"]) & set(f.columns)]
    assert len(found) == 1, f"{name}: {len(found)} tables"
    return found[0]


def _map(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def _region_traces(figure: dict) -> list[dict]:
    """Traces that paint regions (classes, no data, not applicable), not outlines or points."""
    return [tr for tr in figure["data"] if str(tr.get("legendgroup", "")).startswith("class") or tr.get("legendgroup") in ("missing", "na")]


def test_border_regency_from_a_link(real_env: Path) -> None:
    at = _profile(region="61.06", demo="1")  # with demonstration data: the scorecard holds simulated rows too
    assert at.title[0].value == "Kabupaten Kapuas Hulu"
    assert at.selectbox(key="profile_region").value == "61.06"
    assert at.query_params["region"] == "61.06"
    text = _text(at)
    assert "Kalimantan Barat · Kabupaten perbatasan · kode Kemendagri 61.06" in text
    assert "relatif paling baik dalam" in text and "Paling tertinggal dalam" in text and "peringkat" in text
    assert "skor z" in text  # the page says how the lag is measured
    # scorecard: every indicator with a value, with its trend, badge, source and year
    card = _table(at, "scorecard")
    assert len(card) > 50
    assert card["Urutan"].tolist() == list(range(1, len(card) + 1))
    assert {"✓ Data resmi", "⚠ Data simulasi"} == set(card["Jenis data"])
    ipm = card.set_index("Indikator").loc["IPM 2024 (UHH Long Form SP2020)"]
    assert ipm["Nilai"] == "68,77" and ipm["Tahun"] == "2024" and ipm["Peringkat Kalimantan"] == "54 / 56"
    assert ipm["Sumber"].startswith("BPS") and ipm["Tren"] is None and ipm["Tahun tren"] == "2024"  # one year: no line
    old_ipm = card.set_index("Indikator").loc["IPM (metode baru 2010–2021)"]
    assert len(old_ipm["Tren"]) == 12 and old_ipm["Tahun tren"] == "2010–2021 (12)"  # its own line, never joined to 2024
    assert card.set_index("Indikator").loc["⚠ Capaian SPM kesehatan", "Jenis data"] == "⚠ Data simulasi"
    # inside: the village map of Kapuas Hulu with the real IDM, PLBN Badau on it
    figure = _map(at)
    located = sum(len(tr["locations"]) for tr in _region_traces(figure))
    assert located == 282
    assert all(tr["geojson"].startswith("/app/static/geo/desa.") for tr in _region_traces(figure))
    assert any("PLBN Badau" in str(tr.get("hovertext")) for tr in figure["data"])
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Mandiri"] == "102" and metrics["Sangat tertinggal"] == "0" and metrics["Kelurahan (tidak berlaku)"] == "4"
    villages = _table(at, "villages")
    assert villages["Urutan tertinggal"].iloc[0] == 1 and len(villages) == 278
    districts = _table(at, "districts")
    assert len(districts) == 23 and districts["Urutan tertinggal"].iloc[0] == 1
    distances = _table(at, "distances").set_index("Kecamatan")
    assert distances.loc["Putussibau Utara", "Kantor imigrasi terdekat"] == "Kantor Imigrasi Kelas III TPI Putussibau"
    # peers: five other border regencies, and how similarity was measured
    peers = _table(at, "peers")
    assert list(peers.columns[:2]) == ["Ukuran", "Kabupaten Kapuas Hulu"] and len(peers.columns) == 7
    assert "Kabupaten Sintang" in peers.columns
    rows = peers.set_index("Ukuran")
    assert rows.loc["Jarak kemiripan", "Kabupaten Kapuas Hulu"] == "(wilayah ini)"
    assert rows.loc["IPM 2024 (UHH Long Form SP2020) (indeks)", "Kabupaten Kapuas Hulu"] == "68,77 (#54)"
    assert "⚠ Data simulasi · Capaian SPM pendidikan 2025 (%)" in rows.index
    assert "log jumlah penduduk 2019" in text and "Kabupaten perbatasan" in text
    labels = [b.label for b in at.get("download_button")]
    assert "Unduh seluruh profil (Excel)" in labels and "CSV: kartu skor" in labels and "CSV: desa" in labels
    assert labels.count("Excel (dengan metadata)") >= 5


def test_city_in_english_says_idm_does_not_apply(real_env: Path) -> None:
    at = _profile(region="61.71", lang="en")
    assert at.title[0].value == "Kota Pontianak"
    text = _text(at)
    assert "Not applicable: IDM covers villages (desa) only, and Kota Pontianak consists of 29 urban wards" in text
    assert "Not applicable to this region: Village development (IDM)" in text
    card = _table(at, "scorecard")
    assert not card["Area"].str.startswith("Village development").any()
    assert "Rank in Kalimantan" in card.columns and "Standardised score" in card.columns
    assert not [m for m in at.metric if m.label.startswith("Mandiri")]  # no village status counts for a city
    # the district map defaults to a real district indicator that exists here (it was the simulated
    # spm_pendidikan before the distance to the nearest puskesmas existed), and says nothing simulated
    assert at.selectbox(key="profile_sub_ind").value == "acc_km_puskesmas"
    assert not any("Simulated data" in w.value for w in at.warning)
    assert not any("Simulated data" in tr.get("hovertemplate", "") for tr in _region_traces(_map(at)))
    peers = _table(at, "peers")
    assert len(peers.columns) == 7 and all(c.startswith("Kota ") for c in peers.columns[1:])
    assert not peers["Measure"].str.contains("IDM").any()


def test_mahakam_ulu_shows_what_is_missing_not_zero(real_env: Path) -> None:
    at = _profile(region="64.11")
    assert at.title[0].value == "Kabupaten Mahakam Ulu"
    text = _text(at)
    assert "Tanpa data untuk wilayah ini:" in text and "APM SD" in text
    card = _table(at, "scorecard").set_index("Indikator")
    assert "APM SD" not in card.index
    old_ipm = card.loc["IPM (metode baru 2010–2021)"]
    assert old_ipm["Tahun tren"] == "2013–2021 (9)"  # 2010–2012 blank at the source
    assert card.loc["Persentase penduduk miskin (P0)", "Catatan"] == "Angka diragukan"
    assert "angka yang diragukan BPS" in text
    assert {m.label for m in at.metric} >= {"Mandiri", "Maju", "Berkembang"}
    gaps_line = next(line for line in text.splitlines() if "Tanpa data untuk wilayah ini:" in line)
    assert "simulasi" not in gaps_line  # real data by default: hidden simulated series are not "missing" here


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("6106", "tanpa titik tidak dipakai karena bermakna ganda"),
        ("99.99", "Tidak ada kabupaten/kota di Kalimantan dengan kode atau nama `99.99`"),
        ("<script>alert(1)</script>", "bukan kode Kemendagri kabupaten/kota"),
        ("61.06' OR '1'='1", "bukan kode Kemendagri kabupaten/kota"),
    ],
)
def test_a_bad_link_gets_a_message_and_the_picker(real_env: Path, raw: str, message: str) -> None:
    at = _profile(region=raw)
    assert at.title[0].value == "Profil kabupaten/kota"
    assert any(message in w.value for w in at.warning)
    assert "<script>" not in _text(at)
    picker = at.selectbox(key="profile_region")
    assert picker.value is None and len(picker.options) == 56
    assert not at.get("plotly_chart")
    picker.set_value("63.02").run()  # choosing clears the message and writes the code into the link
    _ok(at)
    assert at.title[0].value == "Kabupaten Kotabaru" and at.query_params["region"] == "63.02"
    assert not [w for w in at.warning if message in w.value]


def test_a_regency_name_in_the_link_opens_it_and_the_link_keeps_the_code(real_env: Path) -> None:
    at = _profile(region="kabupaten kotabaru")
    assert at.title[0].value == "Kabupaten Kotabaru"
    assert at.query_params["region"] == "63.02"


def test_without_a_link_the_page_offers_the_picker_grouped_by_province(real_env: Path) -> None:
    at = _profile()
    assert at.title[0].value == "Profil kabupaten/kota"
    assert not at.warning
    picker = at.selectbox(key="profile_region")
    assert picker.options[0].startswith("Kalimantan Barat › ") and picker.options[-1].startswith("Kalimantan Utara › ")
    picker.set_value("61.06").run()
    assert at.title[0].value == "Kabupaten Kapuas Hulu" and at.query_params["region"] == "61.06"
    picker = at.selectbox(key="profile_region")
    picker.set_value("64.11").run()  # another pick: the page and the link follow
    _ok(at)
    assert at.title[0].value == "Kabupaten Mahakam Ulu" and at.query_params["region"] == "64.11"
    at.selectbox(key="profile_region").set_value(None).run()  # cleared: back to the picker, and the link says so
    _ok(at)
    assert at.title[0].value == "Profil kabupaten/kota" and "region" not in at.query_params


def test_district_level_indicator_and_year(real_env: Path) -> None:
    at = _profile(region="65.03")
    at.selectbox(key="profile_sub_ind").set_value("spm_kesehatan").run()
    assert at.radio(key="profile_sub_lvl").value == "kecamatan"
    at.selectbox(key="profile_sub_yr").set_value(2019).run()
    _ok(at)
    figure = _map(at)
    assert sum(len(tr["locations"]) for tr in _region_traces(figure)) == len(_table(at, "districts"))
    assert "Capaian SPM kesehatan (%), 2019" in _text(at)
    districts = _table(at, "districts")
    assert (districts["Jenis data"] == "⚠ Data simulasi").all()


def test_the_choice_survives_a_visit_to_another_page(real_env: Path) -> None:
    at = _profile(region="61.06")
    at.switch_page(str(ROOT / "kalimantan_equity" / "pages" / "about_data.py")).run()
    at.switch_page(PAGE).run()
    _ok(at)
    assert at.title[0].value == "Kabupaten Kapuas Hulu"


def test_switching_language_keeps_the_regency(real_env: Path) -> None:
    at = _profile(region="65.03")
    assert at.header[0].value == "Kartu skor"
    before = _table(at, "scorecard").set_index("Urutan")["Nilai"]
    at.radio(key="lang").set_value("en").run()
    _ok(at)
    assert at.title[0].value == "Kabupaten Nunukan" and at.header[0].value == "Scorecard"
    assert at.query_params["region"] == "65.03" and at.query_params["lang"] == "en"
    assert "Compared with Kalimantan's 56 regencies" in _text(at)  # the summary follows the language too
    after = _table(at, "scorecard").set_index("Order")["Value"]
    swapped = before.str.translate(str.maketrans({",": ".", ".": ","}))
    assert after.tolist() == swapped.tolist()  # 1.234,5 in Indonesian is 1,234.5 in English
    assert any("," in v for v in before) and any("." in v for v in after)


def test_high_contrast_switch_recolours_the_regency_map(real_env: Path) -> None:
    at = _profile(region="61.06")
    before = {tr["colorscale"][0][1] for tr in _region_traces(_map(at)) if tr["legendgroup"].startswith("class")}
    at.toggle(key="high_contrast").set_value(True).run()
    _ok(at)
    after = {tr["colorscale"][0][1] for tr in _region_traces(_map(at)) if tr["legendgroup"].startswith("class")}
    assert len(after) == len(before) == 5 and not before & after


def test_meeting_mode_steps_through_regencies_each_with_its_own_link(real_env: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["rapat"] = "1"
    at.query_params["region"] = "61.06"
    at.run()
    at.switch_page(str(ROOT / "kalimantan_equity" / "pages" / "regency_profile.py")).run()
    assert at.title[0].value == "Kabupaten Kapuas Hulu"
    next(b for b in at.button if b.label == "Berikutnya").click().run()
    assert not at.exception
    assert at.query_params["region"] != "61.06" and at.title[0].value != "Kabupaten Kapuas Hulu"
    following = at.query_params["region"]
    next(b for b in at.button if b.label == "Sebelumnya").click().run()
    assert at.query_params["region"] == "61.06" and following != "61.06"


def test_meeting_mode_steps_through_a_chosen_list_of_regencies_in_its_order(real_env: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["rapat"] = "1"
    at.run()
    for key in list(at.query_params):
        if key != "rapat":
            del at.query_params[key]
    at.query_params["region"] = "64.11"
    at.query_params["langkah"] = "64.11,61.06,64.71"  # the presenter's order, not the picker's
    at.switch_page(str(ROOT / "kalimantan_equity" / "pages" / "regency_profile.py")).run()
    seen = [at.title[0].value]
    assert "Langkah **1** dari 3" in [m.value for m in at.markdown]
    for _ in range(3):
        next(b for b in at.button if b.label == "Berikutnya").click().run()
        assert not at.exception
        seen.append(at.title[0].value)
    assert seen == ["Kabupaten Mahakam Ulu", "Kabupaten Kapuas Hulu", "Kota Balikpapan", "Kabupaten Mahakam Ulu"]
    assert at.query_params["langkah"] == "64.11,61.06,64.71" and at.query_params["region"] == "64.11"


def test_stepping_from_a_regency_outside_the_list_starts_at_its_ends() -> None:
    from kalimantan_equity.ui.components.meeting import step_from

    slides = ["64.11", "61.06", "64.71"]
    assert step_from(slides, "62.01", 1) == "64.11" and step_from(slides, "62.01", -1) == "64.71"
    assert step_from(slides, None, -1) == "64.71" and step_from(slides, "64.71", 1) == "64.11"  # wraps round


def test_main_rivers_can_be_shown_on_the_district_map(real_env: Path) -> None:
    at = _profile(region="61.06", lang="en")
    assert not [tr for tr in _map(at)["data"] if tr.get("name") == "Main rivers (GSHHG)"]  # off by default
    at.checkbox(key="profile_rivers").check().run()
    _ok(at)
    rivers = [tr for tr in _map(at)["data"] if tr.get("name") == "Main rivers (GSHHG)"]
    assert len(rivers) == 1 and "rivers" in rivers[0]["geojson"]


def test_meeting_slide_shows_the_district_map_beside_the_summary(real_env: Path) -> None:
    """A regency in meeting mode is one slide: its district map (IDM by district, the regency's
    outline) and beside it the name, the strongest and weakest areas and the map's key."""
    at = _profile(region="61.06", rapat="1")
    figure = _map(at)
    painted = {code for tr in _region_traces(figure) for code in tr["locations"]}
    assert len(painted) > 10 and all(code.startswith("61.06.") for code in painted)  # its districts, nobody else's
    assert any(tr.get("locations") == ["61.06"] for tr in figure["data"])  # the regency's outline
    assert figure["layout"]["showlegend"] is False  # the key stands beside the map, in the page
    text = _text(at)
    assert "Kabupaten Kapuas Hulu" in text and "Terkuat" in text and "Terlemah" in text
    assert "Peta: Indeks Desa Membangun \\(IDM\\), 20" in text and "per kecamatan" in text  # Markdown-escaped
    assert not at.dataframe  # one slide: no tables below it
