"""Pages as a user meets them, through Streamlit's AppTest (no browser)."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from kalimantan_equity.data import build
from kalimantan_equity.services import i18n
from tests.conftest import ROOT

TIMEOUT = 120


def _app(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def _charts(at: AppTest) -> list[dict]:
    """The page's figures, with every trace's regions as codes: a map names them by its geometry
    file's short ids (a typed array), which the browser matches to ``properties.i`` in that file."""
    figures = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    for figure in figures:
        for trace in figure["data"]:
            if trace.get("featureidkey") == "properties.i":
                trace["locations"] = _codes(trace["geojson"], trace["locations"])
    return figures


def _codes(url: str, locations: dict) -> list[str]:
    collection = json.loads((build.static_dir() / url.rsplit("/", 1)[-1]).read_text())
    by_id = {f["properties"]["i"]: f["id"] for f in collection["features"]}
    ids = np.frombuffer(base64.b64decode(locations["bdata"]), dtype=np.dtype(locations["dtype"]))
    return [by_id[int(i)] for i in ids]


def _region_traces(figure: dict) -> list[dict]:
    """The traces that paint regions (classes, no data, not applicable), not outlines or borders."""
    return [tr for tr in figure["data"] if str(tr.get("legendgroup", "")).startswith("class") or tr.get("legendgroup") in ("missing", "na")]


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [e.value for e in at.error] + [i.value for i in at.info] + [w.value for w in at.warning]
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", "\n".join(str(p) for p in parts))  # as read: Markdown escapes removed


def test_overview_opens_on_the_real_regency_map_in_indonesian(real_env: Path) -> None:
    at = _app().run()
    assert not at.exception
    assert at.title[0].value == "Di mana layanan dasar tertinggal?"
    charts = _charts(at)
    choropleths = _region_traces(charts[0])
    assert sum(len(tr["locations"]) for tr in choropleths) == 56
    assert all(isinstance(tr["geojson"], str) and tr["geojson"].startswith("/app/static/geo/kabupaten.") for tr in choropleths)
    text = _text(at)
    # the first view is the clearest real city-border gap: HDI 2024, from BPS
    assert "IPM 2024" in text and "2024" in text and "BPS" in text and "Data simulasi" not in text
    assert [m.label for m in at.metric][:3] == ["Kota", "Kab. lain", "Perbatasan"]
    # cities and border regencies are outlined on the map itself, each with a legend entry
    marks = {tr["name"] for tr in charts[0]["data"] if tr.get("name") in ("Kota (garis biru)", "Kab. perbatasan (garis hijau)")}
    assert marks == {"Kota (garis biru)", "Kab. perbatasan (garis hijau)"}


def test_simulated_series_are_offered_only_with_demonstration_data(real_env: Path) -> None:
    at = _app().run()
    assert "spm_kesehatan" not in at.multiselect(key="steps").value
    assert not any("Data simulasi" in o or "Capaian SPM" in o for o in at.selectbox(key="ind").options)  # the labels a user reads
    at = _app(demo="1").run()
    assert not at.exception
    assert any("SPM" in o and "Data simulasi" in o for o in at.selectbox(key="ind").options)
    assert "spm_kesehatan" in at.multiselect(key="steps").value  # the demo briefing ends on a simulated series


def test_english_from_the_link(real_env: Path) -> None:
    at = _app(lang="en").run()
    assert not at.exception
    assert at.title[0].value == "Where do basic services fall short?"
    assert "HDI 2024" in _text(at)


def test_hostile_language_parameter_is_ignored(real_env: Path) -> None:
    at = _app(lang="<script>alert(1)</script>").run()
    assert not at.exception
    assert at.title[0].value == "Di mana layanan dasar tertinggal?"


def test_region_type_filter_limits_the_map(real_env: Path) -> None:
    at = _app().run()
    at.multiselect(key="types").set_value(["perbatasan"]).run()
    assert not at.exception
    drawn = sum(len(tr["locations"]) for tr in _region_traces(_charts(at)[0]))
    assert drawn == 8


def test_simulated_indicator_is_labelled(real_env: Path) -> None:
    at = _app(demo="1").run()
    at.selectbox(key="ind").set_value("spm_kesehatan").run()
    assert not at.exception
    assert any("Data simulasi" in w.value for w in at.warning)
    assert "Data simulasi" in _charts(at)[0]["data"][0]["hovertemplate"]


def test_village_level_idm_draws_every_village_and_marks_kelurahan(real_env: Path) -> None:
    at = _app().run()
    at.selectbox(key="ind").set_value("idm_score").run()
    at.radio(key="lvl").set_value("desa").run()
    assert not at.exception
    data = _charts(at)[0]["data"]
    located = sum(len(tr["locations"]) for tr in _region_traces(_charts(at)[0]))
    assert located == 7229
    assert any(tr.get("name", "").startswith("Tidak berlaku") for tr in data)


@pytest.mark.parametrize("level", ["kabupaten", "kecamatan", "desa"])
def test_every_indicator_at_every_level_gives_a_map_or_a_clear_message(real_env: Path, level: str) -> None:
    """Walk every indicator a user can pick, at this level where offered, on its latest year."""
    at = _app().run()
    n_options = len(at.selectbox(key="ind").options)
    assert n_options > 40
    visited = 0
    for index in range(n_options):
        at.selectbox(key="ind").select_index(index).run()
        label = at.selectbox(key="ind").value
        if i18n.label("levels", level, "id") not in at.radio(key="lvl").options:
            continue
        at.radio(key="lvl").set_value(level).run()
        assert at.radio(key="lvl").value == level
        visited += 1
        assert not at.exception, label
        assert _charts(at) or any("Tidak ada data" in i.value for i in at.info), label
    assert visited > 0


def test_about_page_lists_sources_and_groups(real_env: Path) -> None:
    at = _app().run()
    at.switch_page(str(ROOT / "kalimantan_equity" / "pages" / "about_data.py")).run()
    assert not at.exception
    frames = at.dataframe
    assert len(frames) == 2
    groups = frames[1].value
    assert len(groups) == 56
    assert "© 2024 Cahya DSN" in _text(at)


def test_missing_source_data_shows_a_friendly_page(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EQUITY_SOURCE_DIR", str(tmp_path / "nowhere"))
    monkeypatch.setenv("EQUITY_DB_PATH", str(tmp_path / "out" / "w.duckdb"))
    monkeypatch.setenv("EQUITY_STATIC_DIR", str(tmp_path / "out" / "geo"))
    at = _app().run()
    assert not at.exception
    text = _text(at)
    assert "Data belum dapat disiapkan" in text and "administrator" in text
    assert "EQUITY_SOURCE_DIR" not in text and str(tmp_path) not in text  # no settings or folders on a page
    assert "Traceback" not in text


def test_selected_region_panel_shows_value_rank_and_means(real_env: Path) -> None:
    at = _app()
    at.session_state["selected_region"] = "61.06"
    at.run()
    assert not at.exception
    assert any(h.value == "Kabupaten Kapuas Hulu" for h in at.subheader)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Peringkat"].endswith("dari 56")
    assert "Rata-rata Kabupaten perbatasan" in metrics and "Rata-rata Kalimantan Barat" in metrics
    link = at.get("page_link")[0].proto
    assert "profil" in link.page
    assert link.query_string == "region=61.06"
    # the selected regency is ringed on the map
    assert any(tr.get("name") == "selected" and tr["locations"] == ["61.06"] for tr in _charts(at)[0]["data"])


def test_no_region_group_selected_says_so(real_env: Path) -> None:
    at = _app().run()
    at.multiselect(key="types").set_value([]).run()
    assert not at.exception
    assert any("Tidak ada data" in i.value for i in at.info)


def test_a_link_reopens_the_same_view(real_env: Path) -> None:
    at = _app(
        ind="idm_score",
        lvl="kecamatan",
        yr="2024",
        prov="64",
        types="kabupaten,perbatasan",
        scheme="fisher_jenks",
        k="4",
        sel="64.11.01",
        lang="en",
    ).run()
    assert not at.exception
    assert at.selectbox(key="ind").value == "idm_score" and at.radio(key="lvl").value == "kecamatan"
    assert at.selectbox(key="prov").value == "64" and at.multiselect(key="types").value == ["kabupaten", "perbatasan"]
    assert at.selectbox(key="scheme").value == "fisher_jenks" and at.slider(key="k").value == 4
    regions = {c for tr in _region_traces(_charts(at)[0]) for c in tr["locations"]}
    assert regions and all(c.startswith("64.") for c in regions)
    # the link the page writes back is the link that opened it
    assert {k: at.query_params[k] for k in ("ind", "lvl", "yr", "prov", "types", "scheme", "k", "sel")} == {
        "ind": "idm_score", "lvl": "kecamatan", "yr": "2024", "prov": "64", "types": "kabupaten,perbatasan",
        "scheme": "fisher_jenks", "k": "4", "sel": "64.11.01",
    }  # fmt: skip


def test_hostile_and_malformed_link_parameters_are_ignored_with_a_notice(real_env: Path) -> None:
    at = _app(ind="x'); DROP TABLE observations; --", yr="20x9", k="99", types="kota,<script>", sel="../../etc/passwd").run()
    assert not at.exception
    assert at.selectbox(key="ind").value == "bps_ipm_2024"
    notice = " ".join(c.value for c in at.caption)
    assert "Sebagian tautan diabaikan" in notice and "ind" in notice and "sel" in notice
    assert sum(len(tr["locations"]) for tr in _region_traces(_charts(at)[0])) == 56


def test_meeting_mode_steps_through_indicators_like_slides(real_env: Path) -> None:
    at = _app(rapat="1", steps="wb_electricity_access,bps_p0,idm_score").run()
    assert not at.exception
    assert at.toggle(key="meeting").value is True
    assert "Langkah **1** dari 3" in " ".join(m.value for m in at.markdown)
    next(b for b in at.button if b.label == "Berikutnya").click().run()
    assert at.selectbox(key="ind").value == "bps_p0" and at.query_params["ind"] == "bps_p0"
    next(b for b in at.button if b.label == "Berikutnya").click().run()
    next(b for b in at.button if b.label == "Berikutnya").click().run()  # wraps round to the first
    assert at.selectbox(key="ind").value == "wb_electricity_access"
    next(b for b in at.button if b.label == "Keluar dari mode rapat").click().run()
    assert at.toggle(key="meeting").value is False and "rapat" not in at.query_params
