"""The one DuckDB connection module: open the warehouse read-only and run named queries.

Queries live one per file in ``queries/`` and are loaded by name; values are always bound
(``$name`` placeholders), never formatted into the SQL text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
_QUERY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    """Read-only connection; each thread must take its own ``cursor()`` from it."""
    return duckdb.connect(str(path), read_only=True)


@cache
def load_query(name: str) -> str:
    """SQL text of ``queries/<name>.sql``. Only plain names: nothing from a URL becomes a path."""
    if not _QUERY_NAME.match(name):
        raise ValueError(f"invalid query name {name!r}")
    path = QUERY_DIR / f"{name}.sql"
    if not path.is_file():
        raise ValueError(f"no query named {name!r}")
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    return sorted(p.stem for p in QUERY_DIR.glob("*.sql"))


def run(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pd.DataFrame:
    """Run a named query on a fresh cursor with bound parameters and return a DataFrame."""
    cursor = con.cursor()
    try:
        return cursor.execute(load_query(name), params).df()
    finally:
        cursor.close()
