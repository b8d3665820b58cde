"""The gap-analysis page as a user meets it, through Streamlit's AppTest on the real warehouse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kalimantan_equity.services import gaps, i18n, summary, warehouse
from tests.app_links import open_link
from tests.conftest import ROOT

TIMEOUT = 120
PAGE = str(ROOT / "kalimantan_equity" / "pages" / "gap_analysis.py")


def _open(**params: str) -> AppTest:
    return _open_link(**params)


def _charts(at: AppTest) -> dict[str, dict]:
    """The page's Plotly figures, named by what they draw: trend lines, contribution bars, scorecard heatmap."""
    out = {}
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        kinds = {trace["type"] for trace in spec["data"]}
        out["gap_scorecard" if "heatmap" in kinds else "gap_contrib" if "bar" in kinds else "gap_trend"] = spec
    return out


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [h.value for h in at.header] + [e.value for e in at.error] + [i.value for i in at.info] + [w.value for w in at.warning]
    return "\n".join(str(p) for p in parts)


def test_opens_on_the_real_ipm_gap_in_indonesian(real_env: Path) -> None:
    at = _open()
    assert not at.exception
    assert at.title[0].value == "Apakah kesenjangan layanan dasar menyempit?"
    assert at.selectbox(key="gap_ind").value == "bps_ipm" and at.selectbox(key="gap_yr").value == 2021
    assert [m.label for m in at.metric] == ["Kota", "Kab. lain", "Perbatasan", "Seluruh Kalimantan"]
    text = _text(at)
    assert "Kabupaten perbatasan tertinggal" in text and "dari kota" in text
    assert "Data simulasi" not in " ".join(w.value for w in at.warning)  # a real series
    assert "simulasi" not in _charts(at)["gap_trend"]["layout"]["title"]["text"]
    groups, provinces, inequality, decomposition, _regions = (df.value for df in at.dataframe)
    assert groups.iloc[:, 0].tolist() == ["Kota", "Kabupaten lain", "Kabupaten perbatasan", "Seluruh Kalimantan"]
    assert groups.iloc[:, 1].tolist() == ["9 dari 9", "39 dari 39", "8 dari 8", "56 dari 56"]
    assert len(provinces) == 6  # five provinces and Kalimantan
    assert inequality.shape == (7, 3)  # seven measures, unweighted and population-weighted
    assert len(decomposition) == 8
    assert len(at.latex) == 10  # every measure in the methods panel has its formula


def test_headline_means_agree_with_the_map_page_summary(real_env: Path) -> None:
    at = _open()
    at.selectbox(key="gap_ind").set_value("wb_electricity_access").run()
    con = warehouse.connect(real_env)
    frame = warehouse.run(
        con, "map_values", indicator="wb_electricity_access", year=2019, level="kabupaten", province=None, region_types=list(gaps.GROUPS)
    )
    population = warehouse.run(con, "population_nearest", year=2019).set_index("region_code")["population"]
    head = summary.headline(frame, "weighted", 1, "kabupaten", population)
    shown = {m.label: m.value for m in at.metric}
    for group, short in (("kota", "Kota"), ("kabupaten", "Kab. lain"), ("perbatasan", "Perbatasan")):
        assert shown[short] == i18n.fmt_number(head.means[group].mean, "id", 1)


def test_trend_draws_each_series_apart_across_the_method_break(real_env: Path) -> None:
    at = _open()
    trend = _charts(at)["gap_trend"]
    series_years = {"IPM (metode baru 2010–2021)": set(range(2010, 2022)), "IPM 2024": {2024}, "IPM 2019": {2019}}
    assert len(trend["data"]) >= 4
    for trace in trend["data"]:
        years = set(trace["x"])
        owner = [name for name in series_years if name in trace["name"]]
        assert len(owner) == 1, trace["name"]
        assert years <= series_years[owner[0]], trace["name"]  # no line crosses into another series
    assert "Setiap seri digambar terpisah" in _text(at)
    at.selectbox(key="gap_family").set_value("theil_t").run()
    names = [trace["name"] for trace in _charts(at)["gap_trend"]["data"]]
    assert any(n.startswith("Tanpa bobot") for n in names) and any(n.startswith("Tertimbang penduduk") for n in names)


def test_simulated_spm_shows_target_gap_contributions_and_marks(real_env: Path) -> None:
    at = open_link("gap_analysis.py", {}, frame={"demo": "1"}, timeout=TIMEOUT)  # simulated series need demonstration data
    at.selectbox(key="gap_ind").set_value("spm_kesehatan").run()
    assert not at.exception
    assert any("Data simulasi" in w.value for w in at.warning)
    text = _text(at)
    assert "Target 100 %" in text and "wilayah belum mencapainya" in text
    charts = _charts(at)
    bars = charts["gap_contrib"]["data"]
    assert sum(len(trace["y"]) for trace in bars) == 15  # the fifteen largest shares
    assert all("Data simulasi" in trace["hovertemplate"] for trace in bars)
    assert "Data simulasi" in charts["gap_trend"]["data"][0]["hovertemplate"]
    assert all("⚠ Data simulasi" in charts[name]["layout"]["title"]["text"] for name in ("gap_trend", "gap_contrib"))
    assert at.selectbox(key="gap_yr").value == 2021  # the year in view stays when the new indicator has it


def test_scorecard_shows_real_proxies_and_no_simulated_row_by_default(real_env: Path) -> None:
    """The SPM scorecard is built from official proxies; the simulated achievement series stay out
    unless demonstration data is asked for (it replaced the simulated heatmap, which had 7 rows)."""
    at = _open()
    heat = _charts(at)["gap_scorecard"]["data"][0]
    assert len(heat["y"]) == 18 and len(heat["z"][0]) == 3  # eighteen proxies × three groups
    assert all("proksi" in label for label in heat["y"]) and not any("simulasi" in label for label in heat["y"])
    km = heat["text"][0]  # distance to the nearest puskesmas, village median: cities, regencies, border regencies
    assert heat["y"][0].startswith("SPM Kesehatan › Jarak ke puskesmas terdekat") and all(v.endswith(" km") for v in km)
    city, border = (float(v.split()[0].replace(",", ".")) for v in (km[0], km[2]))
    assert city < border
    assert heat["z"][0][0] == 1 and heat["z"][0][2] == 0  # the cities are nearest: lightest; the border regencies darkest


def test_scorecard_adds_the_simulated_spm_rows_only_with_demonstration_data(real_env: Path) -> None:
    """With ``demo=1`` the simulated SPM achievement series join the real proxies, named as simulated."""
    heat = _charts(open_link("gap_analysis.py", {}, frame={"demo": "1"}, timeout=TIMEOUT))["gap_scorecard"]["data"][0]
    simulated = [label for label in heat["y"] if "simulasi" in label]
    assert len(simulated) >= 6  # the six SPM fields' simulated achievement
    assert sum("proksi" in label for label in heat["y"]) >= 18  # beside every real proxy, not instead of them


def test_villages_where_cities_do_not_apply(real_env: Path) -> None:
    at = _open()
    at.selectbox(key="gap_ind").set_value("idm_score").run()
    at.radio(key="gap_lvl").set_value("desa").run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Kota"] == "Tidak berlaku"
    assert "rata-rata Kalimantan" in _text(at)
    assert "Bobot penduduk hanya ada untuk kabupaten/kota" in _text(at)
    assert at.dataframe[2].value.shape == (7, 2)  # unweighted only


def test_english_from_the_link(real_env: Path) -> None:
    at = _open(lang="en")
    assert not at.exception
    assert at.title[0].value == "Is the gap in basic services closing?"
    assert "Border regencies are" in _text(at)
    assert all("proxy" in label for label in _charts(at)["gap_scorecard"]["data"][0]["y"])


@pytest.mark.parametrize("level", ["kabupaten", "kecamatan", "desa"])
def test_every_indicator_at_every_level_gives_the_analysis_or_a_clear_message(real_env: Path, level: str) -> None:
    at = _open()
    n_options = len(at.selectbox(key="gap_ind").options)
    assert n_options > 40
    visited = 0
    for index in range(n_options):
        at.selectbox(key="gap_ind").select_index(index).run()
        name = at.selectbox(key="gap_ind").value
        if i18n.label("levels", level, "id") not in at.radio(key="gap_lvl").options:
            continue
        at.radio(key="gap_lvl").set_value(level).run()
        visited += 1
        assert not at.exception, name
        assert "gap_trend" in _charts(at) or any("Tidak ada data" in i.value for i in at.info), name
    assert visited > 0


def test_simulated_series_are_not_offered_without_demonstration_data(real_env: Path) -> None:
    at = _open()
    options = at.selectbox(key="gap_ind").options  # the labels a user reads
    assert "IPM (metode baru 2010–2021) · Pembangunan manusia" in options
    assert not any("Data simulasi" in o or "Capaian SPM" in o for o in options)


def _open_link(**params: str) -> AppTest:
    """As a browser opening a link to this page (the language is read when the session starts)."""
    frame = {"lang": params.pop("lang")} if "lang" in params else None
    return open_link("gap_analysis.py", params, frame=frame, timeout=TIMEOUT)


def test_the_gap_view_reopens_from_its_link_and_ignores_bad_values(real_env: Path) -> None:
    at = _open_link(ind="bps_p0", lvl="kabupaten", yr="2024")
    assert not at.exception
    assert at.selectbox(key="gap_ind").value == "bps_p0" and at.selectbox(key="gap_yr").value == 2024
    assert at.query_params["ind"] == "bps_p0" and at.query_params["yr"] == "2024"
    bad = _open_link(ind="<script>", yr="abc")
    assert not bad.exception
    assert any("Sebagian tautan diabaikan" in c.value for c in bad.caption)
