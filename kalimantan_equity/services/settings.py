"""Every environment variable the app and the build read, in one place.

A maintainer looking for "what can I set?" reads :data:`VARIABLES` (name, meaning, default; the
README's table is the same list); code asks :func:`settings` and never ``os.environ``. The variables
are read when :func:`settings` is called, not once at import: a dozen dictionary look-ups cost
nothing beside a page run, and a test that sets a variable (``monkeypatch.setenv``) or a process
started with another environment sees it at once, with no cache to clear.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the project folder: data/warehouse, data/uploads and static/ live there


@dataclass(frozen=True)
class Variable:
    name: str
    meaning: str
    default: str


VARIABLES = (
    Variable("EQUITY_SOURCE_DIR", "folder of the shared source data the build reads", "`../shared/data`"),
    Variable("EQUITY_DB_PATH", "the warehouse file the build writes and the app reads", "`data/warehouse/kalimantan.duckdb`"),
    Variable("EQUITY_STATIC_DIR", "where the build writes map geometry (the app serves `static/geo`)", "`static/geo`"),
    Variable("EQUITY_UPLOADS_DIR", "folder of uploaded datasets (one machine)", "`data/uploads`"),
    Variable("EQUITY_UPLOADS_DSN", "libpq connection string: uploads in PostgreSQL, seen by every replica", "unset (the folder)"),
    Variable("EQUITY_UPLOADS_SCHEMA", "PostgreSQL schema of the upload tables", "`equity_uploads`"),
    Variable("EQUITY_UPLOADS_CACHE", "local cache of uploaded files read from PostgreSQL", "`equity-uploads` in the temporary folder"),
    Variable(
        "EQUITY_BUILD_ON_REQUEST",
        "`0`: serve the built data only (the build is a job of its own); `1`: a page may build it",
        "`1`, or `0` when `EQUITY_UPLOADS_DSN` is set",
    ),
    Variable(
        "EQUITY_EDITORS", "editors as `name:<hash>`, comma-separated (`python -m kalimantan_equity.services.auth` makes a hash)", "none"
    ),
    Variable("EQUITY_EDITOR_EMAILS", "e-mail addresses that are editors after an OIDC login, comma-separated", "none"),
    Variable("EQUITY_TRUSTED_PROXY", "`1`: behind a reverse proxy, throttle sign-ins by its `X-Real-IP` header", "`0`"),
    Variable("EQUITY_LOG_LEVEL", "level of the server log (`DEBUG`, `INFO`, `WARNING`, `ERROR`)", "`INFO`"),
)
_OFF = ("0", "false", "no", "off")


@dataclass(frozen=True)
class Settings:
    source_dir: Path
    db_path: Path
    static_dir: Path
    uploads_dir: Path
    uploads_dsn: str  # empty: the local folder store
    uploads_schema: str
    uploads_cache: Path
    build_on_request: bool
    editors: dict[str, str]  # name -> password hash
    editor_emails: frozenset[str]  # lower case
    trusted_proxy: bool
    log_level: str


def settings(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings from ``environ`` (default: this process's environment), read now."""
    env = os.environ if environ is None else environ

    def path(name: str) -> Path:
        return _resolved(name, env.get(name) or "", os.getcwd())

    dsn = env.get("EQUITY_UPLOADS_DSN", "").strip()
    build = env.get("EQUITY_BUILD_ON_REQUEST", "").strip().lower()
    return Settings(
        source_dir=path("EQUITY_SOURCE_DIR"),
        db_path=path("EQUITY_DB_PATH"),
        static_dir=path("EQUITY_STATIC_DIR"),
        uploads_dir=path("EQUITY_UPLOADS_DIR"),
        uploads_dsn=dsn,
        uploads_schema=env.get("EQUITY_UPLOADS_SCHEMA") or "equity_uploads",
        uploads_cache=_uploads_cache(env.get("EQUITY_UPLOADS_CACHE") or ""),
        # Replicas (uploads in PostgreSQL) never build in a visitor's request unless told to: it would
        # race the other replicas and the build job.
        build_on_request=build not in _OFF if build else not dsn,
        editors=_editors(env.get("EQUITY_EDITORS", "")),
        editor_emails=frozenset(e.strip().lower() for e in env.get("EQUITY_EDITOR_EMAILS", "").split(",") if e.strip()),
        trusted_proxy=env.get("EQUITY_TRUSTED_PROXY", "").strip() == "1",
        log_level=(env.get("EQUITY_LOG_LEVEL") or "INFO").strip().upper(),
    )


_DEFAULT_PATHS = {
    "EQUITY_SOURCE_DIR": ROOT.parent / "shared" / "data",
    "EQUITY_DB_PATH": ROOT / "data" / "warehouse" / "kalimantan.duckdb",
    "EQUITY_STATIC_DIR": ROOT / "static" / "geo",
    "EQUITY_UPLOADS_DIR": ROOT / "data" / "uploads",
}


@functools.lru_cache(maxsize=64)
def _resolved(name: str, given: str, cwd: str) -> Path:
    """The variable's path (or its default), resolved, remembered per value and working folder.

    Building and resolving a path walks every folder with a system call, and the pages ask for the
    settings on every query: 150 µs a call for the four paths, a dozen calls a page run, before."""
    return Path(given or _DEFAULT_PATHS[name]).resolve()


@functools.lru_cache(maxsize=8)
def _uploads_cache(given: str) -> Path:
    return Path(given) if given else Path(tempfile.gettempdir()) / "equity-uploads"


def _editors(text: str) -> dict[str, str]:
    """``"budi:scrypt$...,sari:scrypt$..."`` as a name → hash mapping; malformed items are skipped."""
    editors = {}
    for item in text.split(","):
        name, _, stored = item.strip().partition(":")
        if name and stored:
            editors[name.strip()] = stored.strip()
    return editors


def markdown_table() -> str:
    """The variables as the README's table (a test keeps the two the same)."""
    rows = ["| variable | meaning | default |", "|---|---|---|"]
    rows += [f"| `{v.name}` | {v.meaning} | {v.default} |" for v in VARIABLES]
    return "\n".join(rows)
