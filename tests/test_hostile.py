"""Hostile input: crafted links, crafted uploads, spreadsheet formulas, oversized files, and a viewer
pretending to be an editor. Each case asserts what the user sees (a short notice in their language,
the default view, literal text) and that nothing was changed or lost behind the scenes.

The AppTest cases run on the miniature warehouse (``fixture_db``: five regencies, built once per
session) so the whole matrix stays quick; the browser case runs the real app on the real data.
"""

from __future__ import annotations

import ast
import contextlib
import csv
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import duckdb
import openpyxl
import pandas as pd
import pytest
from matplotlib.text import Text
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from kalimantan_equity.data import build
from kalimantan_equity.services import auth, uploads, warehouse
from kalimantan_equity.services.i18n import md_escape, t
from kalimantan_equity.services.strings import merged
from kalimantan_equity.services.upload import MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, pipeline
from kalimantan_equity.ui.components import url_state
from tests.app_links import open_link
from tests.browser_support import Page, running_app
from tests.conftest import ROOT
from tests.upload_support import csv_bytes, xlsx_bytes

TIMEOUT = 120
APP = str(ROOT / "app.py")
PAGES = ROOT / "kalimantan_equity" / "pages"
EDITOR, PASSWORD = "budi", "sandi-uji-2026"

PAYLOADS = {
    "sql_or": "' OR '1'='1",
    "sql_drop": "61.06'); DROP TABLE observations; --",
    "sql_union": "1 UNION SELECT code, name FROM regions --",
    "script": "<script>alert(1)</script>",
    "img_onerror": "<img src=x onerror=alert(1)>",
    "md_js_link": "[x](javascript:alert(1))",
    "long_10k": "61.06" * 2000,
    "null_byte": "61.06\x00",
    "rtl_override": "\u202e61.06",
    "path_traversal": "../../etc/passwd",
    "negative": "-1",
    "float": "2.75",
    "exponent": "1e9",
    "out_of_range": "99999999",
    "empty": "",
}
MARKUP = ("script", "img_onerror", "md_js_link")  # never shown raw, whichever page
# Every link parameter each page reads (checked against what the page declares, so a new one joins the matrix).
PAGE_PARAMS = {
    "equity_map.py": ["ind", "lvl", "yr", "prov", "types", "scheme", "k", "steps", "sel", "sungai"],
    "gap_analysis.py": ["ind", "lvl", "yr"],
    "service_access.py": ["kab", "km", "jenis", "status", "memutar"],
    "data_catalogue.py": ["q"],
}
FORMULAS = [
    '=HYPERLINK("http://evil.example","klik")',
    "+SUM(1,1)",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# ------------------------------------------------------------------------------------------ helpers


@pytest.fixture
def mini(fixture_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app on the miniature warehouse."""
    monkeypatch.setenv("EQUITY_SOURCE_DIR", str(fixture_db.parent.parent / "shared"))
    monkeypatch.setenv("EQUITY_DB_PATH", str(fixture_db))
    monkeypatch.setenv("EQUITY_STATIC_DIR", str(fixture_db.parent / "geo"))
    return fixture_db


@pytest.fixture
def editors(mini: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("EQUITY_EDITORS", f"{EDITOR}:" + auth.make_hash(PASSWORD, iterations=1_000))
    return EDITOR


def _state(db: Path) -> tuple[str, dict[str, int]]:
    """The warehouse file's checksum and the row count of every table."""
    with duckdb.connect(str(db), read_only=True) as con:
        counts = {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in build.TABLES}  # noqa: S608
    return hashlib.sha256(db.read_bytes()).hexdigest(), counts


def _open(page: str | None, params: dict[str, str], lang: str = "id") -> AppTest:
    """A browser opening a link to ``page`` (``None``: the map at ``/``) with ``params``."""
    return open_link(page, params, frame={"lang": lang} if lang != "id" else None, timeout=TIMEOUT)


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [x.value for x in at.title]
    parts += [e.value for e in at.error] + [i.value for i in at.info] + [w.value for w in at.warning] + [s.value for s in at.success]
    return "\n".join(str(p) for p in parts)


@contextlib.contextmanager
def _declared_params() -> Iterator[dict[str, list[url_state.Param]]]:
    """The link parameters each page hands to ``url_state.apply_once`` (by the page's name for it)."""
    seen: dict[str, list[url_state.Param]] = {}
    real = url_state.apply_once

    def recording(page: str, params: list[url_state.Param]) -> list[str]:
        seen[page] = list(params)
        return real(page, params)

    with mock.patch.object(url_state, "apply_once", recording):
        yield seen


_DEFAULT_VIEWS: dict[str, dict[str, Any]] = {}


def _widget_values(at: AppTest, params: list[url_state.Param]) -> dict[str, Any]:
    return {p.key: at.session_state.get(p.key, None) for p in params}


def _default_view(page: str) -> dict[str, Any]:
    """The page's view opened without a link: what a hostile link must fall back to."""
    if page not in _DEFAULT_VIEWS:
        with _declared_params() as seen:
            at = _open(None if page == "equity_map.py" else page, {})
        assert not at.exception
        params = list(seen.values())[-1]  # the page opened last (the map runs first)
        _DEFAULT_VIEWS[page] = _widget_values(at, params)
    return _DEFAULT_VIEWS[page]


@contextlib.contextmanager
def _downloads() -> Iterator[dict[str, Any]]:
    """Every file the page offers for download during the runs inside: {file name: bytes}.

    Files built on click (a callable) are built here, as a click would."""
    files: dict[str, Any] = {}
    real_add, real_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def add(self, data, mimetype, coordinates, file_name=None, is_for_static_download=False):  # noqa: ANN001
        if is_for_static_download and file_name:
            files[file_name] = data
        return real_add(self, data, mimetype, coordinates, file_name, is_for_static_download)

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, *, element_id=""):  # noqa: ANN001
        files[file_name] = data_callable
        return real_deferred(self, data_callable, mimetype, coordinates, file_name, element_id=element_id)

    with mock.patch.object(MediaFileManager, "add", add), mock.patch.object(MediaFileManager, "add_deferred", add_deferred):
        yield files
    for name, data in list(files.items()):  # tables only: images are not spreadsheets
        if name.endswith((".csv", ".xlsx")):
            files[name] = data() if callable(data) else data
        else:
            del files[name]


def _editor_page(lang: str = "id", state: dict[str, object] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if lang != "id":
        at.query_params["lang"] = lang
    at.run()
    at.session_state["_editor_user"] = EDITOR  # as after a successful sign-in
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at = at.switch_page(str(PAGES / "data_catalogue.py")).run()
    assert not at.exception and at.get("file_uploader")
    return at


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="upload_file").upload(name, data, "application/octet-stream")
    return at.run()


SOURCE = {"title": "Uji", "publisher": "Dinas", "licence": "-", "url": "", "citation_id": "Dinas", "citation_en": "Agency"}


def _previous_upload() -> tuple[str, bytes]:
    """A version already stored before the hostile attempt: it must come through untouched."""
    rows = pd.DataFrame({"region_code": ["61.06"], "year": [2019], "value": [55.5], "replaces": [True]})
    dataset, _ = uploads.commit(indicator_id="wb_electricity_access", title="Uji", file_name="a.csv", file_sha256="0" * 64,
                                user=EDITOR, rows=rows, rejected=pd.DataFrame({"row_no": [], "reason": []}), source=SOURCE)  # fmt: skip
    return dataset, (uploads.uploads_dir() / "registry.json").read_bytes()


def _layered_value(db: Path, indicator: str, code: str, year: int) -> list[float]:
    con = warehouse.connect(db, uploads.active_layer())
    rows = con.execute(
        "SELECT value FROM observations WHERE indicator_id = $i AND region_code = $c AND year = $y", {"i": indicator, "c": code, "y": year}
    ).fetchall()
    return sorted(r[0] for r in rows)


# ------------------------------------------------------------------------------------------ links


@pytest.mark.parametrize("payload", list(PAYLOADS))
@pytest.mark.parametrize("page", ["equity_map.py", "gap_analysis.py", "service_access.py"])
def test_every_link_parameter_ignores_hostile_values_with_a_notice(mini: Path, page: str, payload: str) -> None:
    """Every parameter of the page carries the payload at once; each must be named as ignored."""
    lang = "en" if list(PAYLOADS).index(payload) % 2 else "id"
    before = _state(mini)
    default = _default_view(page)
    with _declared_params() as seen:
        at = _open(None if page == "equity_map.py" else page, dict.fromkeys(PAGE_PARAMS[page], PAYLOADS[payload]), lang)
    assert not at.exception, at.exception
    params = list(seen.values())[-1]  # the page opened last (the map runs first)
    assert [p.name for p in params] == PAGE_PARAMS[page], "the page reads a parameter this matrix does not try"
    notice = t("link_ignored", lang, names=", ".join(PAGE_PARAMS[page]))
    assert notice.startswith("Sebagian tautan diabaikan" if lang == "id" else "Part of the link was ignored")
    assert [c.value for c in at.caption].count(notice) == 1
    assert _widget_values(at, params) == default  # the default view
    if payload in MARKUP:
        assert PAYLOADS[payload] not in _text(at)
    assert _state(mini) == before


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_the_catalogue_search_link_takes_plain_text_only(mini: Path, payload: str) -> None:
    """``q`` is a search text: markup or SQL is searched for as words and shown literally; text that
    is too long or holds control or bidi characters is ignored with the notice."""
    lang = "en" if list(PAYLOADS).index(payload) % 2 else "id"
    before = _state(mini)
    text = PAYLOADS[payload]
    at = _open("data_catalogue.py", {"q": text}, lang)
    assert not at.exception, at.exception
    notice = t("link_ignored", lang, names="q")
    if payload in ("long_10k", "null_byte", "rtl_override"):
        assert notice in [c.value for c in at.caption]
        assert at.text_input(key="data_q").value == ""
        assert at.dataframe[0].value.equals(_open("data_catalogue.py", {}, lang).dataframe[0].value)  # the whole catalogue
        assert "q" not in at.query_params
    else:
        assert notice not in [c.value for c in at.caption]
        assert at.text_input(key="data_q").value == text
        assert at.query_params.get("q", "") == text  # the link keeps exactly what was searched
        if payload in MARKUP:  # nothing in the catalogue matches; the text is echoed escaped, never as markup
            # no catalogue table (the data-quality tables below it do not depend on the search)
            assert all(t("data_col_name", lang) not in d.value.columns for d in at.dataframe)
            assert [i.value for i in at.info if md_escape(text) in i.value] == [t("data_search_none", lang, text=md_escape(text))]
            assert text not in _text(at)
    assert _state(mini) == before


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_the_profile_region_link_refuses_hostile_values_with_its_message(mini: Path, payload: str) -> None:
    lang = "en" if list(PAYLOADS).index(payload) % 2 else "id"
    before = _state(mini)
    at = _open("regency_profile.py", {"region": PAYLOADS[payload]}, lang)
    assert not at.exception, at.exception
    (warning,) = at.warning
    assert warning.value.endswith("Pilih kabupaten/kota di bawah." if lang == "id" else "Choose a regency or city below.")
    assert at.selectbox(key="profile_region").value is None and not at.get("plotly_chart")  # the picker, no profile
    if payload in MARKUP:
        assert PAYLOADS[payload] not in _text(at)
    assert _state(mini) == before


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_hostile_language_and_meeting_parameters_fall_back_to_the_default(mini: Path, payload: str) -> None:
    """``lang`` and ``rapat`` are read by the frame when a session starts, whichever the page."""
    at = _open(None, {"lang": PAYLOADS[payload], "rapat": PAYLOADS[payload]})
    assert not at.exception
    assert at.title[0].value == "Di mana layanan dasar tertinggal?"  # Bahasa Indonesia, the default
    assert at.toggle(key="meeting").value is False and "rapat" not in at.query_params and "lang" not in at.query_params
    assert t("link_ignored", "id", names="lang, rapat") in [c.value for c in at.caption]  # said, not silently dropped
    if payload in MARKUP:
        assert PAYLOADS[payload] not in _text(at)


def test_the_catalogue_search_round_trips_through_the_link(mini: Path) -> None:
    at = _open("data_catalogue.py", {"q": "kemiskinan"})
    assert not at.exception
    assert at.text_input(key="data_q").value == "kemiskinan"
    names = at.dataframe[0].value["Indikator"].tolist()
    full = _open("data_catalogue.py", {}).dataframe[0].value
    assert 0 < len(names) < len(full) and all("miskin" in n.lower() for n in names)
    at.text_input(key="data_q").input("desa membangun").run()  # a new search rewrites the link
    assert at.query_params["q"] == "desa membangun"
    assert "Indeks Desa Membangun (IDM)" in at.dataframe[0].value["Indikator"].tolist()
    assert not any("miskin" in n.lower() for n in at.dataframe[0].value["Indikator"])
    at.text_input(key="data_q").input("").run()
    assert "q" not in at.query_params and len(at.dataframe[0].value) == len(full)


# ------------------------------------------------------------------------------------------ upload fields


HOSTILE_META = {
    "new_name_id": '<img src=x onerror="window.__pwned=1">',
    "new_name_en": "x'); DROP TABLE indicators; --",
    "new_unit_id": "<b>skor</b>",
    "new_unit_en": "[u](javascript:alert(1))",
    "new_method_id": "<script>alert('m')</script>",
    "new_method_en": "' OR 1=1 --",
}
HOSTILE_SOURCE = {
    "upload_title": "Judul'); DROP TABLE sources; --",
    "upload_publisher": "<script>alert('p')</script>",
    "upload_licence": "[lisensi](javascript:alert(1))",
}
HOSTILE_REGIONS = ["<script>alert(1)</script>", "' OR '1'='1", "61.06'); DROP TABLE observations; --", "[x](javascript:alert(1))"]
HOSTILE_FILE = "<img src=x onerror=alert(1)>'; DROP TABLE observations; --.csv"


def test_every_upload_field_stores_hostile_text_as_plain_text(editors: str, mini: Path) -> None:
    """File name, column header, region cells, a value cell, the new indicator's metadata and the
    source fields all carry markup or SQL: stored exactly as given, executed nowhere."""
    dataset_before, registry_before = _previous_upload()
    before = _state(mini)
    rows = [
        ["wilayah", "tahun", "<img src=x onerror=alert(1)> ' OR 1=1"],
        ["Kab. Kapuas Hulu", 2019, "12,5"],
        ["Kab. Mempawah", 2019, "=1+1"],
    ]
    at = _upload(_editor_page(), HOSTILE_FILE, csv_bytes([*rows, *([r, 2019, 3] for r in HOSTILE_REGIONS)]))
    assert not at.exception, at.exception
    at.text_input(key="new_id").input("uji_aman")
    for key, value in {**HOSTILE_META, **HOSTILE_SOURCE}.items():
        at.text_input(key=key).input(value)
    at.run()
    next(b for b in at.button if b.label.startswith("Simpan")).click().run()
    assert not at.exception, at.exception
    assert any("Tersimpan: 1 nilai" in s.value for s in at.success)

    registry = uploads.load()
    (dataset,) = [d for d in registry.datasets.values() if d["indicator_id"] == "uji_aman"]
    assert dataset["title"] == HOSTILE_SOURCE["upload_title"]
    assert dataset["versions"][0]["file_name"] == HOSTILE_FILE
    assert dataset["source"]["publisher"] == HOSTILE_SOURCE["upload_publisher"]
    assert dataset["source"]["licence"] == HOSTILE_SOURCE["upload_licence"]
    for key, value in HOSTILE_META.items():
        assert dataset["new_indicator"][key.removeprefix("new_")] == value
    assert set(os.listdir(uploads.uploads_dir())) >= {f"{dataset['dataset_id']}.v1.parquet"}
    assert all(not name.startswith(("<", "'", "..")) for name in os.listdir(uploads.uploads_dir()))  # no file named by user text
    reasons = uploads.rejected_rows(dataset["dataset_id"], 1)["reason"].tolist()
    for text in [*HOSTILE_REGIONS, "=1+1"]:  # every hostile region and the formula value: set aside, named exactly
        assert any(text in reason for reason in reasons), text

    con = warehouse.connect(mini, uploads.active_layer())
    row = warehouse.run(con, "indicator_catalogue").set_index("indicator_id").loc["uji_aman"]
    row = row.iloc[0] if isinstance(row, pd.DataFrame) else row
    assert (row["name_id"], row["name_en"], row["unit_id"], row["unit_en"]) == tuple(
        HOSTILE_META[k] for k in ("new_name_id", "new_name_en", "new_unit_id", "new_unit_en")
    )
    assert _layered_value(mini, "uji_aman", "61.06", 2019) == [12.5]
    assert _layered_value(mini, "wb_electricity_access", "61.06", 2019) == [55.5]  # the other upload, intact
    assert uploads.load().datasets[dataset_before]["active_version"] == 1
    assert _state(mini) == before  # the warehouse itself: same bytes, same rows

    assert json.loads(registry_before)["datasets"][dataset_before] == uploads.load().datasets[dataset_before]
    viewer = _open("data_catalogue.py", {})  # shown to everyone exactly as typed
    assert HOSTILE_META["new_name_id"] in viewer.dataframe[0].value["Indikator"].tolist()


def test_a_hostile_indicator_id_is_refused_and_nothing_is_stored(editors: str, mini: Path) -> None:
    at = _upload(_editor_page("en"), "spm.csv", b"wilayah,tahun,nilai\nKab. Kapuas Hulu,2019,80.5\n")
    at.text_input(key="new_id").input("x'); DROP TABLE observations; --")
    for key, value in {"new_name_id": "a", "new_name_en": "a", "new_unit_id": "a", "new_unit_en": "a", "upload_title": "T"}.items():
        at.text_input(key=key).input(value)
    at.run()
    assert any(c.value == t("data_new_invalid", "en") for c in at.caption)
    next(b for b in at.button if b.label.startswith("Store")).click().run()
    assert [e.value for e in at.error] == [t("data_upload_incomplete", "en")]
    assert uploads.history().empty


def test_hostile_sheet_names_headers_and_cells_are_text_in_the_parser(mini: Path) -> None:
    """The same payloads in a workbook: sheet names, headers, region and value cells stay text."""
    con = warehouse.connect(mini)
    regions, crosswalk = warehouse.run(con, "upload_regions"), warehouse.run(con, "crosswalk")
    sheet = "'; DROP TABLE x; --<img>"  # 24 characters: a legal Excel sheet name
    book = xlsx_bytes(
        {
            "<img src=x onerror=alert(1)>": [["catatan"], ['=HYPERLINK("http://x")']],
            sheet: [["wilayah", "tahun", "' OR 1=1 --"], ["Kapuas Hulu", 2019, 12.5], [HOSTILE_REGIONS[0], 2019, "=1+1"]],
        }
    )
    prepared = pipeline.prepare(HOSTILE_FILE.replace(".csv", ".xlsx"), book, regions, crosswalk, sheet=sheet)
    assert prepared.source.sheet == sheet and sheet in prepared.source.sheets
    assert prepared.clean[["region_code", "year", "value"]].values.tolist() == [["61.06", 2019, 12.5]]
    assert prepared.clean["indicator_raw"].tolist() == ["' OR 1=1 --"]
    assert HOSTILE_REGIONS[0] in prepared.rejected["region"].tolist()
    with pytest.raises(pipeline.UploadError) as refused:
        pipeline.prepare("a.xlsx", book, regions, crosswalk, sheet="../../etc/passwd")
    assert refused.value.details["sheet"] == "../../etc/passwd"


def test_crafted_widget_state_in_the_upload_flow_is_not_taken_as_an_answer(editors: str, mini: Path) -> None:
    """An editor's session with values no widget could give: reset or ignored, never an error page."""
    key = "upload_choice_|" + HOSTILE_REGIONS[0] + "|"
    crafted = {
        key: "'); DROP TABLE observations; --",  # a region "choice" that is not a regency code
        "upload_system": "'; DROP",
        "upload_locale": "<b>",
        "upload_indicator": "x'); DROP TABLE indicators; --",
        "upload_year": 10**9,
    }
    at = _upload(
        _editor_page(state=crafted), "a.csv", f"wilayah;tahun;nilai\nKab. Kapuas Hulu;2019;12,5\n{HOSTILE_REGIONS[0]};2019;3\n".encode()
    )
    assert not at.exception, at.exception
    assert t("unexpected_error", "id") not in _text(at)
    report = next(d.value for d in at.dataframe if "Wilayah dalam berkas" in d.value.columns)  # after the quality tables
    assert report.set_index("Wilayah dalam berkas").loc[HOSTILE_REGIONS[0], "Status"] == "tidak dikenali"
    assert at.radio(key="upload_system").value == "auto" and at.selectbox(key="upload_indicator").value == "__new__"


def test_hostile_sign_in_is_refused(editors: str, mini: Path) -> None:
    at = _open("data_catalogue.py", {})
    for user, password in (("' OR '1'='1", "' OR '1'='1"), (f"{EDITOR}' --", PASSWORD), ("<script>alert(1)</script>", "x")):
        at.text_input(key="sign_in_user").input(user)
        at.text_input(key="sign_in_password").input(password)
        next(b for b in at.button if b.label == "Masuk").click().run()
        assert not at.exception
        assert any(e.value == t("data_sign_in_failed", "id") for e in at.error)
        assert not at.get("file_uploader") and "_editor_user" not in at.session_state


# ------------------------------------------------------------------------------------------ rendered as text


# Builders of raw HTML that escape every text they are given (each has its own test below).
_ESCAPING_HTML_BUILDERS = {"legend_html", "sector_table_html"}


def test_no_user_text_reaches_raw_html() -> None:
    """Raw HTML comes from a constant (meeting mode's style sheet) or from a builder that escapes
    every text it puts in (the meeting slide's legend)."""
    calls = []
    for path in [ROOT / "app.py", *PAGES.glob("*.py"), *(ROOT / "kalimantan_equity" / "ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            unsafe = any(
                k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant) and k.value.value is False) for k in node.keywords
            )
            if name == "html" or unsafe:
                calls.append((path.relative_to(ROOT).as_posix(), node))
    assert calls, "the check found nothing to check"
    for where, node in calls:
        argument = node.args[0] if node.args else None
        constant = isinstance(argument, ast.Constant) or (isinstance(argument, ast.Name) and argument.id.lstrip("_").isupper())
        constant = constant or (
            isinstance(argument, ast.Call) and isinstance(argument.func, ast.Attribute) and argument.func.attr in _ESCAPING_HTML_BUILDERS
        )
        # A builder given nothing (a style sheet made from constants, e.g. the indicator list's CSS) has no user text to pass on.
        constant = constant or (isinstance(argument, ast.Call) and not argument.args and not argument.keywords)
        assert constant, f"{where}:{node.lineno} passes non-constant text to raw HTML"


def test_the_catalogue_slide_table_escapes_sector_names() -> None:
    """A sector the vocabulary does not know is shown by its own name: as text, never as markup."""
    import pandas as pd

    from kalimantan_equity.services import catalogue

    rows = pd.DataFrame(
        [
            {
                "sector": "<img src=x onerror=alert(1)>",
                "n": 2,
                "official": 1,
                "simulated": 1,
                "first_year": 2019,
                "last_year": 2024,
                "sources": 1,
            }
        ]
    )
    html = catalogue.sector_table_html(rows, "en")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<td>2019–2024</td>" in html and html.count("<tr>") == 2  # the header row and the sector's row


def test_the_meeting_legend_escapes_names_and_units() -> None:
    """An uploaded indicator's unit or a class label with markup is shown as text on the slide's legend."""
    import plotly.graph_objects as go

    from kalimantan_equity.services import mapview

    fig = go.Figure(
        go.Choropleth(locations=["61.06"], z=[1], name="<img src=x onerror=alert(1)>", colorscale=[[0, "#ff0000"], [1, "#ff0000"]])
    )
    html = mapview.legend_html(fig, "<script>window.__pwned=5</script>", "id")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app as the README starts it (real data), with an upload whose names are markup."""
    folder = tmp_path_factory.mktemp("hostile-server")
    root = folder / "uploads"  # where running_app points the server's uploads
    new = {"name_id": HOSTILE_META["new_name_id"], "name_en": HOSTILE_META["new_name_id"], "unit_id": "<b>u</b>", "unit_en": "<b>u</b>",
           "sector": "spm_kesehatan", "direction": 1, "target": None, "decimals": 1, "aggregate": "mean", "applies_to": "all",
           "series_group": "", "method_id": "<script>window.__pwned=4</script>", "method_en": "-"}  # fmt: skip
    source = {"title": "<script>window.__pwned=2</script>", "publisher": "[klik](javascript:window.__pwned=3)", "licence": "-", "url": "",
              "citation_id": "<script>window.__pwned=2</script>", "citation_en": "<script>window.__pwned=2</script>"}  # fmt: skip
    rows = pd.DataFrame(
        {"region_code": ["61.06", "61.01", "64.11", "61.71"], "year": 2024, "value": [1.0, 2.0, 3.0, 4.0], "replaces": False}
    )
    uploads.commit(indicator_id="uji_xss", title=source["title"], file_name=HOSTILE_FILE, file_sha256="0" * 64, user=EDITOR, rows=rows,
                   rejected=pd.DataFrame({"row_no": [], "reason": []}), source=source, new_indicator=new, root=root)  # fmt: skip
    with running_app(folder) as url:
        yield url


@pytest.mark.browser
def test_markup_in_uploaded_names_is_shown_as_text_in_the_browser(hostile_server: str, browser) -> None:
    """An upload whose indicator name is ``<img src=x onerror=…>`` and whose source is a script:
    every page that names it shows the literal text, and no script of it ever runs."""
    tab = Page(browser, hostile_server)
    for path, ready in (
        ("/?ind=uji_xss", ".js-plotly-plot .choroplethlocation"),
        ("/?ind=uji_xss&lang=en", ".js-plotly-plot .choroplethlocation"),
        ("/kesenjangan?ind=uji_xss&yr=2024", '[data-testid="stDataFrame"]'),
        ("/profil?region=61.06", '[data-testid="stDataFrame"]'),
        ("/data?q=uji", '[data-testid="stDataFrame"]'),
    ):
        tab.open(path)
        tab.page.wait_for_selector(ready, timeout=90_000)
        tab.page.wait_for_timeout(1500)  # let the rest of the page (charts, tables, captions) render
        if path.startswith("/?ind"):  # the map's caption names the indicator and its source: literal text
            assert tab.page.get_by_text(HOSTILE_META["new_name_id"]).first.is_visible(), path
            assert tab.page.get_by_text("<script>window.__pwned=2</script>").first.is_visible(), path
            tab.shot("hostile_names_" + ("en" if "lang=en" in path else "id"))
        assert tab.page.evaluate("typeof window.__pwned") == "undefined", path
        assert tab.page.locator('img[src="x"]').count() == 0, path
        assert tab.page.locator('a[href^="javascript"]').count() == 0, path
    assert tab.foreign_hosts() == set()


# ------------------------------------------------------------------------------------------ formulas


def _formula_upload() -> str:
    new = {"name_id": FORMULAS[0], "name_en": FORMULAS[3], "unit_id": FORMULAS[1], "unit_en": FORMULAS[2], "sector": "spm_kesehatan",
           "direction": 1, "target": None, "decimals": 1, "aggregate": "mean", "applies_to": "all", "series_group": "",
           "method_id": FORMULAS[6], "method_en": FORMULAS[4]}  # fmt: skip
    source = {"title": FORMULAS[0], "publisher": FORMULAS[5], "licence": FORMULAS[3], "url": "",
              "citation_id": f"{FORMULAS[0]} ({FORMULAS[5]})", "citation_en": f"{FORMULAS[3]} ({FORMULAS[5]})"}  # fmt: skip
    values = {"61.02": -2.5, "61.06": 10.0, "61.71": 20.0, "64.11": 30.0, "64.72": 40.0}
    rows = pd.DataFrame({"region_code": list(values), "year": 2019, "value": list(values.values()), "replaces": False})
    rejected = pd.DataFrame({"row_no": range(len(FORMULAS)), "region": FORMULAS, "value": FORMULAS, "reason": FORMULAS})
    dataset, _ = uploads.commit(indicator_id="uji_rumus", title="Rumus", file_name=FORMULAS[0] + ".csv", file_sha256="0" * 64,
                                user=EDITOR, rows=rows, rejected=rejected, source=source, new_indicator=new)  # fmt: skip
    return dataset


def _csv_cells(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    if text.startswith("# "):  # the simulated-data line
        text = text.split("\n", 1)[1]
    return list(csv.reader(io.StringIO(text, newline="")))


def _unsafe_cells(name: str, data: bytes) -> list[str]:
    """Cells a spreadsheet would run as a formula (a plain negative number is a number, not a formula)."""
    bad = []
    if name.endswith(".csv"):
        for row in _csv_cells(data):
            for cell in row:
                if cell.startswith(_FORMULA_START):
                    try:
                        float(cell)
                    except ValueError:
                        bad.append(cell)
    else:
        book = openpyxl.load_workbook(io.BytesIO(data))
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START)):
                        bad.append(f"{sheet.title}!{cell.coordinate}={cell.value!r}")
    return bad


def _all_text(name: str, data: bytes) -> str:
    if name.endswith(".csv"):
        return "\n".join("\x1f".join(row) for row in _csv_cells(data))
    book = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(str(c.value) for s in book.worksheets for r in s.iter_rows() for c in r if c.value is not None)


def test_formulas_in_uploaded_names_and_cells_are_neutralised_in_every_export(editors: str, mini: Path) -> None:
    """Names, units, sources, region and value cells starting with = + - @ tab or CR, through every
    CSV and Excel download the pages offer; numbers (a negative value too) stay numbers."""
    dataset = _formula_upload()
    with _downloads() as files:
        for page, params in (
            (None, {"ind": "uji_rumus"}),
            ("gap_analysis.py", {"ind": "uji_rumus", "yr": "2019"}),
            ("regency_profile.py", {"region": "61.06"}),
        ):
            at = _open(page, params)
            assert not at.exception, (page, at.exception)
        access = _open("service_access.py", {})
        access.text_input(key="access_new_name").input(FORMULAS[0]).run()
        access.selectbox(key="access_new_district").set_value("61.06.01").run()
        access.button(key="access_add").click().run()
        assert not access.exception
        rows = [
            ["wilayah", "tahun", "nilai"],
            ["Kab. Kapuas Hulu", 2019, "12,5"],
            ["Kab. Mempawah", 2019, "7,5"],
            ["Kota Pontianak", 2019, "=1+1"],
        ]
        flow = _upload(_editor_page(), FORMULAS[0] + ".csv", csv_bytes([*rows, *([f.strip(), 2019, "3"] for f in FORMULAS)]))
        assert not flow.exception and not flow.error
    expected = {
        "uji_rumus_kabupaten_2019.csv",  # the map's data
        "kesenjangan_uji_rumus_kabupaten_2019.xlsx",  # the gap page's workbook
        "akses_perbandingan_skenario.csv",
        "akses_perbandingan_skenario.xlsx",
        f"{dataset}_v1_rejected.csv",  # the data page: rows an upload set aside
        FORMULAS[0] + ".csv.rejected.csv",  # the upload flow: rows this file would not store
    }
    assert expected <= set(files), sorted(files)
    profile = [n for n in files if n.startswith("profil_61-06_")]
    assert any(n.endswith(".csv") for n in profile) and any(n.endswith(".xlsx") for n in profile), sorted(files)
    for name, data in files.items():
        if name.endswith((".csv", ".xlsx")):
            assert _unsafe_cells(name, data) == [], name
    everything = "\n".join(_all_text(n, d) for n, d in files.items() if n.endswith((".csv", ".xlsx")))
    for formula in FORMULAS:  # each arrived, as text
        assert "'" + formula.strip() in everything or "'" + formula in everything, formula
    table = pd.read_csv(io.BytesIO(files["uji_rumus_kabupaten_2019.csv"]), encoding="utf-8-sig", dtype={"Kode Kemendagri": str})
    assert table.set_index("Kode Kemendagri")["Nilai"].to_dict() == {  # the map CSV's headings are in the user's language
        "61.02": -2.5,
        "61.06": 10.0,
        "61.71": 20.0,
        "64.11": 30.0,
        "64.72": 40.0,
    }
    book = openpyxl.load_workbook(io.BytesIO(files["kesenjangan_uji_rumus_kabupaten_2019.xlsx"]))
    assert any(isinstance(c.value, float) for r in book.worksheets[0].iter_rows() for c in r)


# ------------------------------------------------------------------------------------------ oversized and malformed


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (101 * 1024 * 1024))
    return buffer.getvalue()


def _styled_empty_cells() -> bytes:
    """A small workbook whose sheet holds a million formatted but empty cells (and one value)."""
    book = xlsx_bytes({"Data": [["wilayah", "tahun", "nilai"], ["Kab. Kapuas Hulu", 2019, 1]]})
    source = zipfile.ZipFile(io.BytesIO(book))
    empty_rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}" s="0"/>' for c in "ABCDEFGHIJ") + "</row>" for r in range(3, 100_003))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</sheetData>", empty_rows.encode() + b"</sheetData>")
            archive.writestr(member, content)
    return buffer.getvalue()


def _rows(n: int) -> bytes:
    return ("wilayah;tahun;nilai\n" + "Kab. Kapuas Hulu;2019;1\n" * n).encode()


BAD_FILES: dict[str, tuple[str, Any, str]] = {  # case: (file name, bytes or a maker, error key)
    "over_byte_limit": ("besar.csv", lambda: b"a;1\n" * (MAX_FILE_BYTES // 4 + 1), "upload_error_too_large"),
    "over_row_limit": ("panjang.csv", lambda: _rows(MAX_ROWS + 1), "upload_error_too_many_rows"),
    "over_column_limit": (
        "lebar.csv",
        lambda: (";".join(f"k{i}" for i in range(MAX_COLUMNS + 1)) + "\n").encode(),
        "upload_error_too_many_columns",
    ),
    "5000_columns": (
        "lebar.csv",
        lambda: (";".join(["wilayah", *map(str, range(4999))]) + "\nA;" + ";1" * 4998 + "\n").encode(),
        "upload_error_too_many_columns",
    ),
    "empty": ("kosong.csv", b"", "upload_error_empty"),
    "only_blanks": ("kosong.csv", b"\r\n \n\t\n", "upload_error_empty"),
    "header_only": ("judul.csv", b"wilayah;tahun;nilai\n", "upload_error_no_rows"),
    "binary_named_csv": ("data.csv", bytes(range(256)) * 64, "upload_error_binary"),
    "xlsx_not_a_zip": ("data.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n", "upload_error_file_type"),
    "truncated_xlsx": (
        "data.xlsx",
        lambda: xlsx_bytes({"a": [["wilayah", "nilai"], ["Kapuas Hulu", 1]]})[:600],
        "upload_error_broken_excel",
    ),
    "zip_bomb_xlsx": ("bom.xlsx", _zip_bomb, "upload_error_excel_too_big"),
    "styled_empty_xlsx": ("gaya.xlsx", _styled_empty_cells, "upload_error_styled_empty"),
    "utf16_without_bom": ("utf16.csv", "wilayah\ttahun\tnilai\nKab. Kapuas Hulu\t2019\t1\n".encode("utf-16-le"), "upload_error_binary"),
    "unclosed_quote": ("kutip.csv", b'wilayah;nilai\nA;"' + b"x" * 200_000 + b"\n", "upload_error_csv_malformed"),
    "html_as_csv": ("tabel.csv", b"<html><body><table><tr><td>a</td></tr></table></body></html>", "upload_error_html"),
    "executable": ("program.exe", b"MZ\x90\x00", "upload_error_file_type"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_oversized_and_malformed_uploads_get_a_clear_message_and_store_nothing(editors: str, mini: Path, case: str) -> None:
    name, data, key = BAD_FILES[case]
    data = data() if callable(data) else data
    lang = "en" if list(BAD_FILES).index(case) % 2 else "id"
    _, registry_before = _previous_upload()
    files_before = sorted(os.listdir(uploads.uploads_dir()))
    at = _upload(_editor_page(lang), name, data)
    assert not at.exception, at.exception
    opening = merged()[key][lang].split("{")[0][:24]  # the message's own words, in the user's language
    (error,) = at.error
    assert error.value.startswith(opening), (error.value, opening)
    assert "Traceback" not in error.value and not any(b.label.startswith(("Simpan", "Store")) for b in at.button)
    assert (uploads.uploads_dir() / "registry.json").read_bytes() == registry_before
    assert sorted(os.listdir(uploads.uploads_dir())) == files_before
    assert _layered_value(mini, "wb_electricity_access", "61.06", 2019) == [55.5]


@pytest.mark.parametrize(
    ("case", "data"),
    [
        ("latin1", "wilayah;tahun;nilai (é)\nKab. Kapuas Hulu;2019;12,5\nKab. Mempawah;2019;7,5\n".encode("latin-1")),
        ("utf16_with_bom", "wilayah\ttahun\tnilai\nKab. Kapuas Hulu\t2019\t12,5\nKab. Mempawah\t2019\t7,5\n".encode("utf-16")),
    ],
)
def test_latin1_and_utf16_text_files_are_read_not_refused(editors: str, mini: Path, case: str, data: bytes) -> None:
    at = _upload(_editor_page(), f"{case}.csv", data)
    assert not at.exception and not at.error
    assert "**2** cocok" in " ".join(m.value for m in at.markdown)
    assert uploads.history().empty  # nothing is stored before the editor confirms


# ------------------------------------------------------------------------------------------ the editor check


CRAFTED_STATE = {  # every key the upload and rollback widgets use, and neighbours of the editor's session key
    "upload_file": None,
    "upload_indicator": "wb_electricity_access",
    "upload_title": "dari penyusup",
    "upload_replace": True,
    "rollback_dataset": None,  # filled in with the stored dataset
    "rollback_version": 0,
    "editor": True,
    "role": "editor",
    "is_editor": True,
    "_editor": EDITOR,
    "editor_user": EDITOR,
    "_editor_user_": EDITOR,
    "_EDITOR_USER": EDITOR,
    "_editor_user ": EDITOR,
    "user": EDITOR,
}


@pytest.mark.parametrize(
    "claimed", ["mallory", f"{EDITOR} ", EDITOR.upper(), f"{EDITOR}\x00", [EDITOR], {"name": EDITOR}, EDITOR.encode(), None]
)
def test_a_viewer_cannot_reach_upload_or_rollback_by_crafting_state(editors: str, mini: Path, claimed: object) -> None:
    """Editors are configured, nobody signed in: whatever the session claims, the page stays the viewer's."""
    dataset, registry_before = _previous_upload()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    for key, value in {**CRAFTED_STATE, "rollback_dataset": dataset}.items():
        if value is not None:
            at.session_state[key] = value
    if claimed is not None:
        at.session_state["_editor_user"] = claimed
    at.switch_page(str(PAGES / "data_catalogue.py")).run()
    assert not at.exception, at.exception
    assert not at.get("file_uploader") and not any(b.label == "Kembalikan" for b in at.button)
    assert any(c.value == t("data_viewer_note", "id") for c in at.caption)
    assert at.text_input(key="sign_in_user")  # the way in is signing in
    assert (uploads.uploads_dir() / "registry.json").read_bytes() == registry_before


def test_link_parameters_do_not_make_an_editor(editors: str, mini: Path) -> None:
    _, registry_before = _previous_upload()
    params = {"editor": "1", "role": "editor", "_editor_user": EDITOR, "user": EDITOR, "admin": "true", "upload": "1", "rollback": "0"}
    at = _open("data_catalogue.py", params, "en")
    assert not at.exception
    assert not at.get("file_uploader") and not any(b.label == "Roll back" for b in at.button)
    assert any(c.value == t("data_viewer_note", "en") for c in at.caption)
    assert "_editor_user" not in at.session_state
    assert (uploads.uploads_dir() / "registry.json").read_bytes() == registry_before


def test_an_editor_removed_from_the_configuration_loses_the_upload_page_at_once(
    editors: str, mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _editor_page()
    monkeypatch.setenv("EQUITY_EDITORS", "siti:" + auth.make_hash("lain", iterations=1_000))
    at.run()
    assert not at.get("file_uploader") and any(c.value == t("data_viewer_note", "id") for c in at.caption)


def _guards_script() -> None:
    import pandas as pd
    import streamlit as st

    from kalimantan_equity.ui import editor, upload_flow

    try:
        editor.require_editor()
        st.write("require_editor: allowed")
    except editor.NotAnEditor:
        st.write("require_editor: refused")
    rows = pd.DataFrame({"region_code": ["61.06"], "year": [2019], "value": [1.0], "row_no": [2], "replaces": [True]})
    empty = pd.DataFrame({"row_no": [], "reason_key": [], "reason": []})
    plan = {"raw": "x", "indicator": "wb_electricity_access", "new_meta": None, "rows": rows, "aside": rows.iloc[0:0].assign(reason_key=[])}
    upload_flow._commit("id", "a.csv", b"x", [plan], empty, "T", "P", "L")


@pytest.mark.parametrize("claimed", [None, "mallory"])
def test_the_server_side_guards_refuse_without_a_signed_in_editor(editors: str, mini: Path, claimed: str | None) -> None:
    """Called directly, as crafted widget state might try to reach them: both refuse and store nothing."""
    at = AppTest.from_function(_guards_script, default_timeout=TIMEOUT)
    if claimed:
        at.session_state["_editor_user"] = claimed
    at.run()
    assert not at.exception, at.exception
    assert "require_editor: refused" in [m.value for m in at.markdown]
    assert [e.value for e in at.error] == [t("data_not_editor", "id")]
    assert uploads.history().empty and not (uploads.uploads_dir() / "registry.json").exists()


# ------------------------------------------------------------------------------------------ extreme values and maths


def test_extreme_and_impossible_values_are_refused_or_held_never_stored(mini: Path) -> None:
    """±1e308 and other magnitudes no indicator can have are refused with their reason; a percentage
    outside 0–100 is held back until the editor confirms that row; non-numbers stay missing."""
    con = warehouse.connect(mini)
    regions, crosswalk = warehouse.run(con, "upload_regions"), warehouse.run(con, "crosswalk")
    values = ["1e308", "-1e308", "1,234,567", "1e3", "inf", "nan", "55.5"]
    rows = [["wilayah", "tahun", "nilai"], *(["Kab. Kapuas Hulu", 2013 + i, v] for i, v in enumerate(values))]
    prepared = pipeline.prepare("ekstrem.csv", csv_bytes(rows, sep=","), regions, crosswalk, unit="%", number_locale="en")
    assert prepared.clean[["region_code", "year", "value"]].values.tolist() == [["61.06", 2019, 55.5]]
    reasons = dict(zip(prepared.rejected["row_no"], prepared.rejected["reason_key"], strict=True))
    assert reasons[2] == reasons[3] == "upload_reason_magnitude"
    assert (reasons[6], reasons[7]) == ("upload_reason_not_numeric", "upload_reason_missing_value")  # never a number
    assert sorted(prepared.held["value"].tolist()) == [1000.0, 1234567.0]  # held back, not stored
    book = xlsx_bytes({"a": [["wilayah", "tahun", "nilai"], ["Kab. Kapuas Hulu", 2019, 1e308], ["Kab. Kapuas Hulu", 2020, -1e300]]})
    native = pipeline.prepare("ekstrem.xlsx", book, regions, crosswalk)
    assert native.clean.empty and set(native.rejected["reason_key"]) == {"upload_reason_magnitude"}


def test_dollar_signs_in_names_are_drawn_as_text_in_map_images_and_decks(mini: Path) -> None:
    """``(US$) … (US$)`` is not maths: map images and the one-page profile PDF draw it as typed, and
    an unbalanced ``$\\frac{$`` (which mathtext cannot parse) does not break them. (Deck charts are
    native PowerPoint charts, whose text is never maths.)"""
    from kalimantan_equity.geo.mpl_text import mpl_escape

    text = "Belanja (US$) per kapita (US$)"
    assert Text(text=mpl_escape(text))._preprocess_math(mpl_escape(text)) == (text, False)  # drawn exactly as typed
    from kalimantan_equity.geo import render
    from kalimantan_equity.services import briefings

    geometry = next((ROOT / "static" / "geo").glob("kabupaten.*.geojson"))
    name = "Belanja (US$) per kapita (US$) $\\frac{$"
    stamp = render.Stamp(title=name, subtitle=name, source=f"Sumber: {name}", date="Dibuat 3 Desember 2026")
    image = render.map_image(geometry, {"61.06": "#ff0000"}, [("#cccccc", name)], stamp, unit=name, note=name)
    assert image.startswith(b"\x89PNG")
    sheet = briefings.ProfileSheet(title=name, subtitle=name, map_png=image, map_caption=name, columns=["A (US$)", "B"], rows=[[name, "1"]],
                                   summary=[name], sources=[name], made="3 Desember 2026")  # fmt: skip
    assert briefings.profile_pdf(sheet).startswith(b"%PDF")
