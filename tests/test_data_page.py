"""The data page: a searchable catalogue for everyone; uploads and rollback for editors only."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kalimantan_equity.services import auth, uploads
from kalimantan_equity.services.i18n import t
from tests.conftest import ROOT

PAGE = str(ROOT / "kalimantan_equity" / "pages" / "data_catalogue.py")


@pytest.fixture
def editor_env(real_env: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("EQUITY_EDITORS", "budi:" + auth.make_hash("sandi-rahasia-2026", iterations=20_000))
    return "budi"


def _open(lang: str = "id") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if lang != "id":
        at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    return at


def test_catalogue_lists_every_indicator_with_source_and_coverage(real_env: Path) -> None:
    at = _open()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 85  # 58 before the facility coverage and distance indicators (27)
    row = table[table["Indikator"] == "Indeks Desa Membangun (IDM)"].iloc[0]
    assert "Kemendes" in row["Sumber"] and "Desa/kelurahan" in row["Cakupan"] and row["Jenis"] == "Data resmi"
    simulated = table[table["Indikator"] == "Capaian SPM kesehatan"].iloc[0]
    assert simulated["Jenis"] == "Data simulasi"


def test_catalogue_search_narrows_and_says_when_nothing_matches(real_env: Path) -> None:
    at = _open("en")
    at.text_input(key="data_q").input("poverty bps").run()
    names = set(at.dataframe[0].value["Indicator"])
    assert names and all("overty" in n or "P1" in n or "P2" in n or "oor" in n for n in names)
    at.text_input(key="data_q").input("zzz-nothing").run()
    assert any("No indicator matches" in i.value for i in at.info)


def test_viewer_sees_no_upload_or_rollback_controls(real_env: Path) -> None:
    at = _open()
    assert not at.exception
    assert not at.get("file_uploader") and not any(b.label == "Kembalikan" for b in at.button)
    assert any("peran editor" in c.value for c in at.caption)


def test_wrong_password_is_refused_and_right_one_signs_in(editor_env: str) -> None:
    at = _open()
    at.text_input(key="sign_in_user").input("budi")
    at.text_input(key="sign_in_password").input("salah")
    at.button[0].click().run()
    assert any("salah" in e.value for e in at.error)
    at.text_input(key="sign_in_password").input("sandi-rahasia-2026")
    at.button[0].click().run()
    assert any("budi" in m.value for m in at.markdown)


def test_rollback_by_an_editor_restores_the_earlier_version(editor_env: str) -> None:
    rows = pd.DataFrame({"region_code": ["61.06"], "year": [2019], "value": [55.5], "replaces": [True]})
    source = {"title": "Uji", "publisher": "Dinas", "licence": "-", "url": "", "citation_id": "Dinas", "citation_en": "Agency"}
    for value in (55.5, 66.6):
        uploads.commit(indicator_id="wb_electricity_access", title="Uji", file_name="a.csv", file_sha256="0" * 64, user="budi",
                       rows=rows.assign(value=value), rejected=pd.DataFrame({"row_no": [], "reason": []}), source=source)  # fmt: skip
    at = _open()
    at.session_state["_editor_user"] = "budi"  # as after a successful sign-in
    at.run()
    at.number_input(key="rollback_version").set_value(1)
    next(b for b in at.button if b.label == "Kembalikan").click().run()
    assert not at.exception
    assert any("versi 1" in s.value for s in at.success)
    assert bool(uploads.history().query("version == 1")["active"].iloc[0])


def test_a_viewer_cannot_roll_back_even_with_crafted_state(real_env: Path) -> None:
    """No editor configured: even a session that claims a name cannot reach the rollback path."""
    rows = pd.DataFrame({"region_code": ["61.06"], "year": [2019], "value": [55.5], "replaces": [True]})
    source = {"title": "Uji", "publisher": "Dinas", "licence": "-", "url": "", "citation_id": "Dinas", "citation_en": "Agency"}
    uploads.commit(indicator_id="wb_electricity_access", title="Uji", file_name="a.csv", file_sha256="0" * 64, user="budi",
                   rows=rows, rejected=pd.DataFrame({"row_no": [], "reason": []}), source=source)  # fmt: skip
    at = _open()
    at.session_state["_editor_user"] = "mallory"
    at.run()
    assert not any(b.label == "Kembalikan" for b in at.button)
    assert bool(uploads.history()["active"].iloc[0])


def _editor_page(editor_env: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    at.switch_page(PAGE)
    at.session_state["_editor_user"] = editor_env  # as after a successful sign-in
    return at.run()


def _value(db: Path, indicator: str, code: str, year: int) -> list[float]:
    from kalimantan_equity.services import warehouse

    con = warehouse.connect(db, uploads.active_layer())
    rows = con.execute(
        "SELECT value FROM observations WHERE indicator_id = $i AND region_code = $c AND year = $y", {"i": indicator, "c": code, "y": year}
    )
    return sorted(r[0] for r in rows.fetchall())


def test_editor_uploads_bps_coded_indonesian_csv_and_it_lands_on_the_right_regency(editor_env: str, real_env: Path) -> None:
    """BPS 6108 is Kapuas Hulu (Kemendagri 61.06), BPS 6106 is Ketapang (61.04): the region-code trap."""
    csv = b"kode_bps;nama;tahun;persen_miskin\n6108;Kapuas Hulu;2024;7,25\n6106;Ketapang;2024;9,5\n9999;Tidak Ada;2024;1,0\n"
    at = _editor_page(editor_env)
    at.file_uploader(key="upload_file").upload("kemiskinan.csv", csv, "text/csv")
    at.run()
    at.selectbox(key="upload_indicator").set_value("bps_p0").run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "**2** cocok" in text and "tidak dikenali" in text
    assert any("bentrok" in w.value or "berbeda" in w.value for w in at.warning)  # BPS's own values differ
    # keeping BPS's values leaves nothing new to store: no button, no empty version
    assert not any(b.label.startswith("Simpan") for b in at.button)
    assert any(w.value == t("data_upload_nothing_new", "id") for w in at.warning)
    at.radio(key="upload_replace").set_value(True)
    at.text_input(key="upload_title").input("Kemiskinan versi Bappeda").run()
    # the preview, the button and the result say the same count
    assert any("**2** nilai akan disimpan" in m.value for m in at.markdown)
    next(b for b in at.button if b.label == "Simpan 2 nilai").click().run()
    assert not at.exception
    assert any("Tersimpan: 2 nilai" in s.value for s in at.success)
    assert _value(real_env, "bps_p0", "61.06", 2024) == [7.25]  # the uploaded value replaced BPS's, which is hidden, not deleted
    assert _value(real_env, "bps_p0", "61.04", 2024) == [9.5]
    assert uploads.history()["rejected"].iloc[0] >= 1  # the unknown code is listed, not dropped
    # every page uses it at once, marked with its source
    overview = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    overview.query_params["ind"] = "bps_p0"
    overview.run()
    assert any("Kemiskinan versi Bappeda" in c.value for c in overview.caption)
    for page, params in (("regency_profile.py", {"region": "61.06"}), ("gap_analysis.py", {"ind": "bps_p0", "yr": "2024"})):
        other = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
        for key in list(other.query_params):
            del other.query_params[key]
        for key, value in params.items():
            other.query_params[key] = value
        other.switch_page(str(ROOT / "kalimantan_equity" / "pages" / page)).run()
        assert not other.exception, page
        assert any("Kemiskinan versi Bappeda" in c.value for c in other.caption), page


def test_broken_upload_gets_a_message_in_the_users_language(editor_env: str) -> None:
    at = _editor_page(editor_env)
    at.file_uploader(key="upload_file").upload("data.xlsx", b"\x00\x01not really a workbook\xff" * 50, "application/octet-stream")
    at.run()
    assert not at.exception
    assert at.error and all("Traceback" not in e.value for e in at.error)


def test_new_indicator_needs_complete_metadata(editor_env: str) -> None:
    csv = b"wilayah,tahun,nilai\nKab. Kapuas Hulu,2025,80.5\nKOTA PONTIANAK,2025,95\n"
    at = _editor_page(editor_env)
    at.file_uploader(key="upload_file").upload("spm.csv", csv, "text/csv")
    at.run()
    at.text_input(key="upload_title").input("SPM dinas")
    next(b for b in at.button if b.label.startswith("Simpan")).click().run()
    assert any("Lengkapi" in e.value for e in at.error)
    assert uploads.history().empty


def test_meeting_mode_shows_the_catalogue_as_one_slide_without_editor_controls(editor_env: str, real_con) -> None:
    """Presenting: the counts a room asks about and a table per area; no search, no sign-in, no uploads."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"rapat": "1", "lang": "en"})
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    figures = {m.label: m.value for m in at.metric}
    n_indicators, n_sectors = real_con.execute("SELECT count(*), count(DISTINCT sector) FROM indicators").fetchone()
    assert figures["Indicators"] == str(n_indicators) and int(figures["Official data"]) + int(figures["Simulated (demo)"]) == n_indicators
    assert int(figures["Sources"]) >= 10 and int(figures["Service points"].replace(",", "")) > 10_000
    table = next(h.proto.body for h in at.get("html") if "meeting-table" in h.proto.body)
    assert table.count("<tr>") == 1 + n_sectors  # a header and one row per area
    assert "Village development (IDM)" in table and "2023–2024" in table
    assert not at.text_input and not at.dataframe and not at.get("download_button")
    assert not [b for b in at.button if b.key not in ("meeting_exit", "step_prev_clicker", "step_next_clicker")]
