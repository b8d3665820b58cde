"""Shared fixtures: a warehouse built from a miniature source folder, and one from the real data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from kalimantan_equity.data import build
from tests.fixture_data import write_sources

pytest_plugins = ["tests.browser_support", "tests.postgres_support"]  # live server, chromium, PostgreSQL schema

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EQUITY_SOURCE_DIR", ROOT.parent / "shared" / "data"))


@pytest.fixture(autouse=True)
def _isolated_uploads(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every test starts with no uploads of its own and never touches the real upload folder."""
    folder = tmp_path_factory.mktemp("uploads")
    monkeypatch.setenv("EQUITY_UPLOADS_DIR", str(folder))
    monkeypatch.delenv("EQUITY_UPLOADS_DSN", raising=False)  # the folder store unless a test asks for PostgreSQL
    return folder


def build_into(src: Path, out: Path) -> Path:
    """Build a warehouse from ``src`` into ``out`` (database and geometry), returning the db path."""
    db, static = out / "warehouse.duckdb", out / "geo"
    build.build(src, db, static, lambda _f, _m: None)
    return db


@pytest.fixture
def env_paths(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Path]:
    """Point the build at a fresh miniature source folder and a temporary output folder."""
    src = write_sources(tmp_path / "shared")
    paths = {"src": src, "db": tmp_path / "out" / "warehouse.duckdb", "static": tmp_path / "out" / "geo"}
    monkeypatch.setenv("EQUITY_SOURCE_DIR", str(paths["src"]))
    monkeypatch.setenv("EQUITY_DB_PATH", str(paths["db"]))
    monkeypatch.setenv("EQUITY_STATIC_DIR", str(paths["static"]))
    return paths


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("fixture")
    return build_into(write_sources(base / "shared"), base / "out")


@pytest.fixture(scope="session")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse built from ../shared/data, as the dashboard uses it."""
    assert SHARED.is_dir(), f"the shared data folder is missing: {SHARED}"
    return build_into(SHARED, tmp_path_factory.mktemp("real"))


@pytest.fixture
def real_env(real_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app (AppTest) at the warehouse built from the real data."""
    monkeypatch.setenv("EQUITY_SOURCE_DIR", str(SHARED))
    monkeypatch.setenv("EQUITY_DB_PATH", str(real_db))
    monkeypatch.setenv("EQUITY_STATIC_DIR", str(real_db.parent / "geo"))
    return real_db


@pytest.fixture
def real_con(real_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(real_db), read_only=True)
    yield con
    con.close()
