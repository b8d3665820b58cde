"""What every page shares: the data (built on first start), the connection, cached queries, language.

Pages call :func:`require_data` first; it builds the warehouse with a progress bar when needed
and shows a friendly page, never a traceback, when a source file is missing or broken.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from data import build
from data.errors import BuildError
from services import uploads, warehouse
from services.i18n import DEFAULT_LANGUAGE, normalise_language, t

_BUILD_LOCK = threading.Lock()
_BUILD_STEPS = {
    "check_sources": ("Memeriksa berkas sumber", "Checking source files"),
    "read_boundaries": ("Membaca batas wilayah", "Reading boundaries"),
    "measure_regions": ("Menghitung luas dan jarak", "Measuring areas and distances"),
    "load_indicators": ("Memuat indikator", "Loading indicators"),
    "simulate": ("Membangkitkan data simulasi", "Generating simulated series"),
    "service_points": ("Menempatkan titik layanan", "Placing service points"),
    "write_geometry": ("Menulis geometri peta", "Writing map geometry"),
    "write_database": ("Menulis basis data", "Writing the database"),
    "done": ("Selesai", "Done"),
}
_checked: dict[str, None] = {}  # database paths found current (or built) in this process
_failed: dict[str, tuple[float, BuildError]] = {}  # failed builds, retried once the file may be fixed
_RETRY_AFTER_S = 30.0  # a broken source is re-checked at most twice a minute, not on every click


def language() -> str:
    return normalise_language(st.session_state.get("lang", DEFAULT_LANGUAGE))


def require_data() -> Path:
    """Path of a usable warehouse; builds it on first start. Stops the page with a message if none."""
    lang = language()
    db = build.db_path()
    key = str(db)
    error = None
    if key not in _checked:
        with _BUILD_LOCK:
            if key not in _checked:
                failed_at, error = _failed.get(key, (0.0, None))
                if error is None or time.monotonic() - failed_at > _RETRY_AFTER_S:
                    error = _build_with_progress(lang)
                if error is None:
                    _checked[key] = None
                    _failed.pop(key, None)
                else:
                    _failed[key] = (time.monotonic(), error)
    if error is not None:
        usable = db.is_file() and _opens(db)
        st.error(f"**{t('build_failed_title', lang)}**\n\n" + t("build_failed_body", lang, file=error.file, problem=error.problem))
        if usable:
            st.info(t("build_failed_previous", lang))
        else:
            st.markdown(t("build_failed_fix", lang, src=build.source_dir()))
            st.stop()
    return db


def _build_with_progress(lang: str) -> BuildError | None:
    src, db, static = build.source_dir(), build.db_path(), build.static_dir()
    try:
        if build.is_current(src, db, static):
            return None
    except BuildError as exc:
        return exc
    bar = st.progress(0.0, text=t("building_data", lang))
    column = 0 if lang == "id" else 1

    def report(fraction: float, step: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=f"{t('building_data', lang)} {_BUILD_STEPS.get(step, (step, step))[column]}")

    try:
        build.ensure_built(report)
    except BuildError as exc:
        return exc
    finally:
        bar.empty()
    _connect.clear()
    return None


def _opens(db: Path) -> bool:
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            con.execute("SELECT count(*) FROM regions").fetchone()
        return True
    except duckdb.Error:
        return False


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
    """Run a named query that depends on the user's choices, cached per data version and values."""
    return _cached_query(name, *_version(), tuple(sorted(params.items(), key=lambda kv: kv[0])))


def reference(name: str) -> pd.DataFrame:
    """A parameterless reference query (catalogue, provinces, geometry files): cached per data version."""
    return _cached_reference(name, *_version())


# Bounded caches: at most this many distinct choices are kept per process, and for an hour.
@st.cache_data(show_spinner=False, max_entries=512, ttl=3600)
def _cached_query(name: str, path: str, stamp: float, uploads_stamp: str, params: tuple) -> pd.DataFrame:
    return warehouse.run(_connect(path, stamp, uploads_stamp), name, **dict(params))


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_reference(name: str, path: str, stamp: float, uploads_stamp: str) -> pd.DataFrame:
    return warehouse.run(_connect(path, stamp, uploads_stamp), name)


def static_root() -> str:
    """URL prefix of Streamlit's static serving (``./static`` is served at ``/app/static``)."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return (f"/{base}" if base else "") + "/app/static"


def static_url(file_name: str) -> str:
    """URL of a generated geometry file."""
    return f"{static_root()}/geo/{file_name}"
