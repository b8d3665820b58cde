"""Faults: a process killed in the middle of a data build or an upload, a damaged or missing database
file, a missing source file. After each, the previous data is intact and the dashboard still works.

The kills are real: a child process runs the build (``python -m kalimantan_equity.data.build``'s ``main``) or an
upload commit against temporary paths, stops at a chosen point of its work (a pause patched into
that child only, so the moment is exact, not a race), and receives SIGKILL there, which no clean-up
code survives. The parent then checks what a user would see.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kalimantan_equity.data import build
from kalimantan_equity.data.sources import FILES
from kalimantan_equity.services import uploads
from kalimantan_equity.services.i18n import md_escape
from tests.conftest import ROOT

TIMEOUT = 120
KILL_WAIT_S = 120

# Run in the child: install the pause for one point of the work, then do the work.
_CHILD = r"""
import os, sys, time
from pathlib import Path

point, ready, work = sys.argv[1], Path(sys.argv[2]), sys.argv[3]


def pause():
    ready.write_text(str(os.getpid()))
    time.sleep(600)  # SIGKILL arrives here
    raise SystemExit("not killed")


real_replace = os.replace


def replace(src, dst, *args, **kwargs):
    src, dst = str(src), str(dst)
    if (point == "swap" and ".building-" in src) or (point == "manifest" and dst.endswith(".manifest.json")) \
            or (point == "observations" and dst.endswith(".v2.parquet")) \
            or (point == "rejected" and dst.endswith(".v2.rejected.parquet")) \
            or (point in ("registry", "rollback") and dst.endswith("registry.json")):
        pause()
    return real_replace(src, dst, *args, **kwargs)


os.replace = replace

if work == "build":
    import duckdb as real_duckdb
    from kalimantan_equity.data import build

    class Connection:  # the temporary database, paused once the observations table is half-way in
        def __init__(self, con):
            self._con = con

        def __getattr__(self, name):
            return getattr(self._con, name)

        def execute(self, sql, *args):
            if point == "tables" and sql.startswith("CREATE TABLE observations"):
                self._con.execute("CHECKPOINT")
                pause()
            return self._con.execute(sql, *args)

    class DuckDB:
        def __getattr__(self, name):
            return getattr(real_duckdb, name)

        def connect(self, path, *args, **kwargs):
            con = real_duckdb.connect(path, *args, **kwargs)
            return Connection(con) if ".building-" in str(path) else con

    build.duckdb = DuckDB()
    real_ensure = build.ensure_built

    def ensure_built(progress=None, force=False):
        def report(fraction, step):
            if point == "geometry" and step == "write_geometry":
                pause()
        return real_ensure(report, force)

    build.ensure_built = ensure_built
    raise SystemExit(build.main(["--force"]))

import pandas as pd
from kalimantan_equity.services import uploads

source = {"title": "Uji", "publisher": "Dinas", "licence": "-", "url": "", "citation_id": "Dinas", "citation_en": "Agency"}
if work == "commit":
    rows = pd.DataFrame({"region_code": ["61.06"], "year": [2019], "value": [66.6], "replaces": [True]})
    uploads.commit(indicator_id="wb_electricity_access", title="Uji", file_name="b.csv", file_sha256="1" * 64, user="budi",
                   rows=rows, rejected=pd.DataFrame({"row_no": [3], "reason": ["x"]}), source=source)
else:
    uploads.rollback(uploads.dataset_id_for("wb_electricity_access", "Uji"), 1, "budi")
raise SystemExit("finished without being killed")
"""


def _kill_at(point: str, work: str, tmp: Path) -> None:
    """Run ``work`` in a child process and SIGKILL it when it reaches ``point``."""
    ready = tmp / f"ready-{work}-{point}"
    ready.unlink(missing_ok=True)
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, point, str(ready), work],
        cwd=ROOT,
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + KILL_WAIT_S
    while not ready.exists():
        if child.poll() is not None:
            pytest.fail(f"the {work} ended before reaching {point!r}: " + child.stdout.read().decode(errors="replace")[-3000:])
        if time.monotonic() > deadline:
            child.kill()
            pytest.fail(f"the {work} did not reach {point!r} in {KILL_WAIT_S} s")
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    child.stdout.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in build.TABLES}  # noqa: S608 - our table names


def _map(lang: str = "id", selected: str | None = None) -> AppTest:
    """The map on electricity access 2019 (the indicator these tests upload to), as a link opens it."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params["ind"] = "wb_electricity_access"
    if lang != "id":
        at.query_params["lang"] = lang
    if selected:
        at.session_state["selected_region"] = selected
    return at.run()


def _shows_the_map(at: AppTest) -> None:
    assert not at.exception, at.exception
    assert at.title[0].value in ("Di mana layanan dasar tertinggal?", "Where do basic services fall short?")
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert any(trace.get("type") == "choropleth" and trace.get("locations") for trace in figure["data"])


def _texts(at: AppTest) -> str:
    parts = [e.value for e in at.error] + [i.value for i in at.info] + [m.value for m in at.markdown] + [c.value for c in at.caption]
    return "\n".join(str(p) for p in parts)


# ------------------------------------------------------------------------------------------ build


@pytest.mark.parametrize("point", ["geometry", "tables", "swap", "manifest"])
def test_a_build_killed_midway_leaves_the_previous_database_and_the_app_works(env_paths: dict[str, Path], point: str) -> None:
    """``python -m kalimantan_equity.data.build --force`` killed: while writing geometry, half-way through writing the
    tables, just before swapping the new file in, and after the swap but before its manifest."""
    db, manifest = env_paths["db"], build.manifest_path(env_paths["db"])
    build.ensure_built()
    before, manifest_before, counts_before = _digest(db), manifest.read_text(), _counts(db)

    _kill_at(point, "build", env_paths["db"].parent)

    assert _counts(db) == counts_before
    if point == "manifest":  # the new file was in place, its record not yet: it no longer matches what was recorded
        assert manifest.read_text() == manifest_before and build.database_problem(db) == "damaged"
    else:  # the file the app reads was never touched
        assert _digest(db) == before and manifest.read_text() == manifest_before
        assert build.database_problem(db) is None
    if point in ("tables", "swap"):
        assert list(db.parent.glob("*.building-*")), "the killed build's temporary file is there (no clean-up ran)"

    at = _map()
    _shows_the_map(at)
    assert _counts(db) == counts_before
    if point == "manifest":
        assert "dibangun ulang dari berkas sumber" in _texts(at)  # the app noticed and rebuilt, saying so
    else:
        assert _digest(db) == before, "the app used the previous database as it was, without rebuilding"
    # the next build (any start) clears what the killed one left and finds everything current
    assert not build.ensure_built().built
    assert not list(db.parent.glob("*.building-*")) and not list(env_paths["static"].glob("*.tmp"))
    assert build.database_problem(db) is None


# ------------------------------------------------------------------------------------------ uploads


def _first_version(value: float = 55.5) -> None:
    rows = pd.DataFrame({"region_code": ["61.06"], "year": [2019], "value": [value], "replaces": [True]})
    source = {"title": "Uji", "publisher": "Dinas", "licence": "-", "url": "", "citation_id": "Dinas", "citation_en": "Agency"}
    uploads.commit(indicator_id="wb_electricity_access", title="Uji", file_name="a.csv", file_sha256="0" * 64, user="budi",
                   rows=rows, rejected=pd.DataFrame({"row_no": [2], "reason": ["x"]}), source=source)  # fmt: skip


def _shown_value(lang: str = "id") -> str:
    """The value the map's region panel shows for Kapuas Hulu (61.06), electricity access 2019."""
    at = _map(lang, selected="61.06")
    _shows_the_map(at)
    return {m.label: m.value for m in at.metric}["%"]


def _catalogue_version() -> str:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    at.switch_page(str(ROOT / "kalimantan_equity" / "pages" / "data_catalogue.py")).run()
    assert not at.exception
    table = at.dataframe[0].value
    return str(table.loc[table["Indikator"] == "Akses listrik rumah tangga", "Versi"].iloc[0])


@pytest.mark.parametrize("point", ["observations", "rejected", "registry"])
def test_an_upload_killed_midway_leaves_the_previous_version_on_every_page(
    env_paths: dict[str, Path], _isolated_uploads: Path, point: str
) -> None:
    """A commit of version 2 killed: before its values file is in place, before its rejected-rows
    file is, and with the new registry written but not yet swapped in."""
    build.ensure_built()
    _first_version()
    registry_before = (_isolated_uploads / "registry.json").read_bytes()
    assert _shown_value() == "55,5"

    _kill_at(point, "commit", _isolated_uploads)

    assert (_isolated_uploads / "registry.json").read_bytes() == registry_before
    history = uploads.history()
    assert history["version"].tolist() == [1] and bool(history["active"].iloc[0])  # no half version anywhere
    assert [p.name for p in uploads.active_layer().observation_files] == [f"{history['dataset_id'].iloc[0]}.v1.parquet"]
    assert _shown_value() == "55,5"  # exactly the previous version's value
    assert _catalogue_version().startswith("v1 ·")
    # the store is not wedged: the next commit is version 2, and nothing the killed one left stays behind
    rows = pd.DataFrame({"region_code": ["61.06"], "year": [2019], "value": [66.6], "replaces": [True]})
    source = {"title": "Uji", "publisher": "Dinas", "licence": "-", "url": "", "citation_id": "Dinas", "citation_en": "Agency"}
    _, version = uploads.commit(indicator_id="wb_electricity_access", title="Uji", file_name="b.csv", file_sha256="1" * 64,
                                user="budi", rows=rows, rejected=pd.DataFrame({"row_no": [], "reason": []}), source=source)  # fmt: skip
    assert version == 2 and not list(_isolated_uploads.glob("*.tmp"))
    assert _shown_value("en") == "66.6"


def test_a_rollback_killed_midway_keeps_the_active_version(env_paths: dict[str, Path], _isolated_uploads: Path) -> None:
    build.ensure_built()
    _first_version(55.5)
    _first_version(66.6)  # version 2, active
    assert _shown_value() == "66,6"
    _kill_at("rollback", "rollback", _isolated_uploads)
    assert uploads.history().set_index("version")["active"].to_dict() == {1: False, 2: True}
    assert _shown_value() == "66,6"


def test_a_damaged_upload_registry_shows_the_built_data_says_why_and_is_never_written_over(
    env_paths: dict[str, Path], _isolated_uploads: Path
) -> None:
    build.ensure_built()
    built_value = _shown_value()
    _first_version(55.5)
    _first_version(66.6)  # version 2, active
    kept = (_isolated_uploads / "registry.json").read_bytes()
    assert (_isolated_uploads / "registry.json.bak").read_bytes() == kept  # a copy of the last good registry
    damaged = b'{"datasets": {"x": '  # cut off, as a full disk or a hand edit leaves it
    (_isolated_uploads / "registry.json").write_bytes(damaged)

    at = _map(selected="61.06")
    _shows_the_map(at)
    assert {m.label: m.value for m in at.metric}["%"] == built_value  # the built data, not a half-read upload
    assert any("Data unggahan tidak dapat dibaca" in w.value and md_escape("registry.json: JSONDecodeError") in w.value for w in at.warning)
    data_page = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    data_page.switch_page(str(ROOT / "kalimantan_equity" / "pages" / "data_catalogue.py")).run()
    assert not data_page.exception and len(data_page.dataframe[0].value) > 0
    with pytest.raises(uploads.RegistryError):  # a commit or rollback refuses rather than start a new registry
        _first_version(77.7)
    with pytest.raises(uploads.RegistryError):
        uploads.rollback(next(iter(json.loads(kept)["datasets"])), 1, "budi")
    assert (_isolated_uploads / "registry.json").read_bytes() == damaged
    # putting the kept copy back restores every version, the latest active, on every page
    (_isolated_uploads / "registry.json").write_bytes((_isolated_uploads / "registry.json.bak").read_bytes())
    assert _shown_value() == "66,6" and uploads.history()["version"].tolist() == [1, 2]


@pytest.mark.parametrize(
    "edit",
    ['"active_version": "1"', '"active_version": 1.5', '"active_version": true', '"source": null', '"rows": "12"'],
)
def test_a_hand_edited_registry_with_wrong_types_is_refused_as_damaged_not_a_crash(
    env_paths: dict[str, Path], _isolated_uploads: Path, edit: str
) -> None:
    build.ensure_built()
    built_value = _shown_value()
    _first_version(55.5)
    text = (_isolated_uploads / "registry.json").read_text(encoding="utf-8")
    key = edit.split(":")[0]
    edited = re.sub(rf"{re.escape(key)}: [^,\n}}]+", edit, text, count=1)
    assert edited != text
    (_isolated_uploads / "registry.json").write_text(edited, encoding="utf-8")
    with pytest.raises(uploads.RegistryError):
        uploads.history()
    at = _map(selected="61.06")
    _shows_the_map(at)
    assert {m.label: m.value for m in at.metric}["%"] == built_value
    assert any("Data unggahan tidak dapat dibaca" in w.value for w in at.warning)


def test_a_missing_values_file_hides_only_its_upload_and_names_it(env_paths: dict[str, Path], _isolated_uploads: Path) -> None:
    build.ensure_built()
    built_value = _shown_value()
    _first_version(55.5)
    (values_file,) = uploads.active_layer().observation_files
    values_file.unlink()
    at = _map("en", selected="61.06")
    _shows_the_map(at)
    assert {m.label: m.value for m in at.metric}["%"] == built_value.replace(",", ".")
    assert any(md_escape(values_file.name) in w.value and "that upload is not shown" in w.value for w in at.warning)


# ------------------------------------------------------------------------------------------ database file


def _damage(db: Path, how: str) -> None:
    data = db.read_bytes()
    if how == "garbage":
        db.write_bytes(os.urandom(len(data)))
    elif how == "truncated":
        db.write_bytes(data[: len(data) // 2])
    elif how == "zero_bytes":
        db.write_bytes(b"")
    elif how == "flipped_bytes":  # a few bytes in the middle changed: the file still opens, its data does not
        middle = len(data) // 2
        db.write_bytes(data[:middle] + bytes(b ^ 0xFF for b in data[middle : middle + 64]) + data[middle + 64 :])
    elif how == "missing":
        db.unlink()
    else:
        raise AssertionError(how)


DAMAGE = ["garbage", "truncated", "zero_bytes", "flipped_bytes", "missing"]


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_or_missing_database_is_rebuilt_with_a_message_and_the_map_shows(env_paths: dict[str, Path], how: str) -> None:
    db = env_paths["db"]
    build.ensure_built()
    counts = _counts(db)
    _damage(db, how)
    assert build.database_problem(db) == ("missing" if how == "missing" else "damaged")
    lang = "en" if DAMAGE.index(how) % 2 else "id"
    at = _map(lang)
    _shows_the_map(at)
    expected = {
        ("id", False): "Berkas basis data rusak, jadi dibangun ulang dari berkas sumber.",
        ("en", False): "The database file was damaged, so it was rebuilt from the source files.",
        ("id", True): "Berkas basis data hilang, jadi dibangun ulang dari berkas sumber.",
        ("en", True): "The database file was missing, so it was rebuilt from the source files.",
    }[(lang, how == "missing")]
    assert any(expected in i.value for i in at.info)
    assert _counts(db) == counts and build.database_problem(db) is None
    # the next visit finds it current: no second rebuild, no message
    again = _map(lang)
    _shows_the_map(again)
    assert not any("dibangun ulang" in i.value or "rebuilt" in i.value for i in again.info)


@pytest.mark.parametrize("how", DAMAGE)
def test_the_build_command_alone_detects_a_damaged_database_with_unchanged_sources(
    env_paths: dict[str, Path], how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = env_paths["db"]
    build.ensure_built()
    counts = _counts(db)
    _damage(db, how)
    assert build.main([]) == 0
    out = capsys.readouterr().out
    assert f"is {'missing' if how == 'missing' else 'damaged'}: rebuilding it from the sources" in out and "Built " in out
    assert _counts(db) == counts and build.database_problem(db) is None
    assert build.main([]) == 0 and "up to date" in capsys.readouterr().out


def test_a_database_damaged_while_the_app_runs_is_rebuilt_on_the_next_page_view(env_paths: dict[str, Path]) -> None:
    db = env_paths["db"]
    _shows_the_map(_map())  # first start: builds, and this process remembers the file as checked
    counts = _counts(db)
    _damage(db, "truncated")
    at = _map()
    _shows_the_map(at)
    assert any("dibangun ulang" in i.value for i in at.info) and _counts(db) == counts


# ------------------------------------------------------------------------------------------ source files


@pytest.mark.parametrize(
    ("lang", "title"), [("id", "Data belum dapat disiapkan"), ("en", "The data could not be prepared")]
)  # fmt: skip
def test_a_missing_source_file_is_named_on_the_page_in_both_languages(env_paths: dict[str, Path], lang: str, title: str) -> None:
    """No database yet: the page names the missing file and says how to fix it; no traceback."""
    (env_paths["src"] / FILES["bps_poverty_2024"]).unlink()
    at = _map(lang)
    assert not at.exception
    error = " ".join(e.value for e in at.error)
    assert title in error and "bps_poverty_kalimantan_2024.csv" in error and "not found" in error
    assert "administrator" in _texts(at) and "Traceback" not in _texts(at)
    assert "EQUITY_SOURCE_DIR" not in _texts(at) and str(env_paths["src"]) not in _texts(at)  # no settings or folders on a page
    assert not at.get("plotly_chart")


def test_a_missing_source_file_with_a_previous_database_names_the_file_and_keeps_the_map(env_paths: dict[str, Path]) -> None:
    build.ensure_built()
    before = _digest(env_paths["db"])
    (env_paths["src"] / FILES["idm_kab"]).unlink()
    for lang, previous in (("id", "data versi sebelumnya"), ("en", "previous, intact version")):
        at = _map(lang)
        _shows_the_map(at)
        assert any("kemendes_idm_2023_2024_kalimantan_kabupaten.csv" in e.value for e in at.error)
        assert any(previous in i.value for i in at.info)
    assert _digest(env_paths["db"]) == before
