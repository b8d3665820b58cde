"""What every page shares: the data (built on first start), the connection, cached queries, language.

Pages call :func:`require_data` first; it builds the warehouse with a progress bar when needed
and shows a friendly page, never a traceback, when a source file is missing or broken. A served
deployment (replicas behind a proxy) builds the data as a step of its own and only serves it:
there a missing warehouse is said to the visitor, never built inside a visitor's request.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from kalimantan_equity.data import build
from kalimantan_equity.data.errors import BuildError
from kalimantan_equity.services import catalogue, uploads, warehouse
from kalimantan_equity.services.i18n import STRINGS, md_escape, normalise_language, t
from kalimantan_equity.services.settings import settings

_BUILD_LOCK = threading.Lock()
_LOG = logging.getLogger(__name__)
_checked: dict[str, tuple[int, int, int] | None] = {}  # database paths found current (or built), with the file's identity then
_failed: dict[str, tuple[float, BuildError]] = {}  # failed builds, retried once the file may be fixed
_RETRY_AFTER_S = 30.0  # a broken source is re-checked at most twice a minute, not on every click


def build_on_request() -> bool:
    """May a page build the data? Yes for the embedded single-machine default (``streamlit run app.py``);
    no where the deployment says so, or where uploads live in PostgreSQL (then there are replicas, and
    a build in one visitor's request would race the others and the build job)."""
    return settings().build_on_request  # EQUITY_BUILD_ON_REQUEST: "0" in deploy/, the build is a job of its own


def language() -> str:
    from kalimantan_equity.ui.components.language import current  # the frame's switch owns the choice

    return normalise_language(current())


def require_data() -> Path:
    """Path of a usable warehouse; builds it on first start. Stops the page with a message if none."""
    lang = language()
    db = build.db_path()
    key = str(db)
    error = rebuilt = None
    if not _still_checked(key, db) and not build_on_request():
        _serve_built_only(db, key, lang)  # stops the page when there is nothing to serve
    elif not _still_checked(key, db):  # first use, or the file was replaced, removed or changed since it was checked
        with _BUILD_LOCK:
            if not _still_checked(key, db):
                _checked.pop(key, None)
                failed_at, error = _failed.get(key, (0.0, None))
                if error is None or time.monotonic() - failed_at > _RETRY_AFTER_S:
                    error, rebuilt = _build_with_progress(lang)
                if error is None:
                    _checked[key] = _identity(db)
                    _failed.pop(key, None)
                else:
                    _failed[key] = (time.monotonic(), error)
    if rebuilt is not None:  # a damaged or deleted database file was rebuilt from the sources: say so
        st.info(t(f"data_rebuilt_{rebuilt}", lang), icon=":material/build:")
    if error is not None:
        usable = db.is_file() and _opens(db)
        # The file's name helps the administrator; its folder, and the settings that move it, stay in the log.
        _LOG.error("data build failed: %s: %s (sources in %s)", error.file, error.problem, build.source_dir())
        st.error(
            f"**{t('build_failed_title', lang)}**\n\n"
            + t("build_failed_body", lang, file=Path(str(error.file)).name, problem=error.problem)
        )
        if usable:
            st.info(t("build_failed_previous", lang))
        else:
            st.markdown(t("build_failed_fix", lang))
            st.stop()
    layer = uploads.active_layer()
    if layer.problem and layer.stamp == "unreachable":  # PostgreSQL down: no file to put right, just wait
        st.warning(t("uploads_unreachable", lang), icon=":material/report:")
    elif layer.problem:  # the built data is shown; uploads wait until their files are put right
        st.warning(t("uploads_unreadable", lang, problem=md_escape(layer.problem)), icon=":material/report:")
    elif layer.missing_files:  # only those uploads are hidden
        st.warning(t("uploads_file_missing", lang, files=md_escape(", ".join(layer.missing_files))), icon=":material/report:")
    return db


def _serve_built_only(db: Path, key: str, lang: str) -> None:
    """Serve the warehouse as the build job left it, whatever the sources (the image may not carry them);
    with none, or a damaged one, say so in the visitor's language and stop the page."""
    if db.is_file() and build.database_problem(db) is None:
        _checked[key] = _identity(db)
        return
    st.error(f"**{t('data_not_built_title', lang)}**\n\n{t('data_not_built_body', lang)}", icon=":material/hourglass_empty:")
    st.stop()


def _identity(db: Path) -> tuple[int, int, int] | None:
    """Which file is there now (a rebuild swaps in a new one; damage changes its time or size)."""
    try:
        stat = db.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def _still_checked(key: str, db: Path) -> bool:
    """The file found usable earlier is still the one there (one stat per page run)."""
    identity = _identity(db)
    return identity is not None and _checked.get(key) == identity


def _build_with_progress(lang: str) -> tuple[BuildError | None, str | None]:
    """Build when needed. Returns the build's error, if any, and ``"damaged"`` or ``"missing"``
    when the database had to be rebuilt because its file was broken or gone (not just new sources)."""
    src, db, static = build.source_dir(), build.db_path(), build.static_dir()
    try:
        if build.is_current(src, db, static):
            return None, None
    except BuildError as exc:
        return exc, None
    problem = build.database_problem(db)
    heading = t("building_data" if problem is None else f"data_rebuilding_{problem}", lang)
    bar = st.progress(0.0, text=heading)

    def report(fraction: float, step: str) -> None:
        label = t(f"build_step_{step}", lang) if f"build_step_{step}" in STRINGS else step
        bar.progress(min(max(fraction, 0.0), 1.0), text=f"{heading} {label}")

    try:
        build.ensure_built(report)
    except BuildError as exc:
        return exc, None
    finally:
        bar.empty()
    _connect.clear()
    return None, problem


def _opens(db: Path) -> bool:
    """The file is a database as the last build wrote it, with every table (not garbage, not truncated)."""
    return db.is_file() and build.database_problem(db) is None


@st.cache_resource(show_spinner=False, max_entries=4)
def _connect(path: str, stamp: float, uploads_stamp: str) -> duckdb.DuckDBPyConnection:
    """One shared connection per warehouse file and uploads version; queries take their own cursor."""
    return warehouse.connect(Path(path), uploads.active_layer())


def data_version() -> tuple[str, float, str]:
    """A cache key for anything computed from the data: changes with a rebuild or an upload."""
    return _version()


def _version() -> tuple[str, float, str]:
    """What the cached data depends on: the warehouse file, its build, and the active uploads."""
    db = build.db_path()
    return str(db), db.stat().st_mtime, uploads.active_layer().stamp


def connection() -> duckdb.DuckDBPyConnection:
    return _connect(*_version())


def query(name: str, **params: Any) -> pd.DataFrame:
    """Run a named query that depends on the user's choices, cached per data version and values.

    Village-level results (7,229 rows, about 1.3 MB each) have a cache of their own, so memory stays
    bounded by design (32 × 1.3 MB + 512 small results), not by how users happen to browse."""
    cached = _cached_village_query if params.get("level") == "desa" else _cached_query
    return cached(name, *_version(), tuple(sorted(params.items(), key=lambda kv: kv[0])))


def reference(name: str) -> pd.DataFrame:
    """A parameterless reference query (catalogue, provinces, geometry files): cached per data version."""
    return _cached_reference(name, *_version())


# Bounded caches: at most this many distinct choices are kept per process, and for an hour.
@st.cache_data(show_spinner=False, max_entries=512, ttl=3600)
def _cached_query(name: str, path: str, stamp: float, uploads_stamp: str, params: tuple) -> pd.DataFrame:
    return warehouse.run(_connect(path, stamp, uploads_stamp), name, **dict(params))


@st.cache_data(show_spinner=False, max_entries=32, ttl=3600)
def _cached_village_query(name: str, path: str, stamp: float, uploads_stamp: str, params: tuple) -> pd.DataFrame:
    return warehouse.run(_connect(path, stamp, uploads_stamp), name, **dict(params))


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_reference(name: str, path: str, stamp: float, uploads_stamp: str) -> pd.DataFrame:
    frame = warehouse.run(_connect(path, stamp, uploads_stamp), name)
    if name == "indicator_catalogue":  # its lists (ids, labels, levels, years) are then computed once per data version
        catalogue.stamp(frame, (path, stamp, uploads_stamp))
    return frame


def static_root() -> str:
    """URL prefix of Streamlit's static serving (``./static`` is served at ``/app/static``)."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return (f"/{base}" if base else "") + "/app/static"


def static_url(file_name: str) -> str:
    """URL of a generated geometry file."""
    return f"{static_root()}/geo/{file_name}"


def static_path(file_name: str) -> Path:
    """Where the build wrote a generated geometry file on this machine (read by a check on the server)."""
    return build.static_dir() / file_name


DEMO_PARAM = "demo"  # in links: ``demo=1`` opens with the demonstration (simulated) series offered
_DEMO = "_demo_on"  # the choice itself; the sidebar toggle only shows and changes it


def demo_data() -> bool:
    """Whether this session asked for demonstration data (simulated series). Off unless asked for.

    Real data is the default everywhere: indicator lists, default presentation steps and the profile's
    scorecard leave the simulated series out unless this is on (and where they appear they stay marked
    as simulated). Seeded once from the link's ``demo=1``; the sidebar toggle changes it."""
    if _DEMO not in st.session_state:
        st.session_state[_DEMO] = st.query_params.get(DEMO_PARAM) == "1"
    return bool(st.session_state[_DEMO])


def set_demo_data(on: bool) -> None:
    """Turn demonstration data on or off for this session, and keep the choice in the link."""
    st.session_state[_DEMO] = bool(on)
    if on:
        st.query_params[DEMO_PARAM] = "1"
    else:
        st.query_params.pop(DEMO_PARAM, None)


def shown_indicators(cat: pd.DataFrame) -> list[str]:
    """The indicators a user is offered: real ones, plus the simulated ones when demonstration data is on."""
    from kalimantan_equity.services import catalogue

    simulated = set(cat.loc[cat["simulated"].astype(bool), "indicator_id"])
    return [i for i in catalogue.indicator_ids(cat) if demo_data() or i not in simulated]
