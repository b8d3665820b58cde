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

from kalimantan_equity.services import uploads

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
MACRO_DIR = QUERY_DIR / "macros"  # rules every query shares (the value status): created on each connection
_QUERY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def connect(path: Path, layer: uploads.Layer | None = None) -> duckdb.DuckDBPyConnection:
    """A connection whose tables are the warehouse's, read-only, with active uploads laid over them.

    The warehouse file is attached read-only to an in-memory database that holds one view per
    table. Where uploads exist, ``observations``, ``indicators`` and ``sources`` also show them;
    an uploaded value that the user chose over an existing one hides that one. Each thread must
    take its own ``cursor()`` from the returned connection. The shared rules in ``queries/macros/``
    are created last, on this connection: a macro is expanded when a query calls it, so it reads
    the views above (uploads included), and a warehouse file needs no rebuild to have it.
    """
    con = duckdb.connect(":memory:")
    con.execute("ATTACH ? AS wh (READ_ONLY)", [str(path)])
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables WHERE table_catalog = 'wh'").fetchall()]
    layer = layer or uploads.Layer()
    overlaid = {"observations", "indicators", "sources"} if layer.observation_files else set()
    for table in tables:
        if not _QUERY_NAME.match(table):  # names come from our own build; refuse anything else
            continue
        if table not in overlaid:
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM wh.{table}")  # noqa: S608
    if overlaid:
        _overlay(con, layer)
    for macro in sorted(MACRO_DIR.glob("*.sql")):
        con.execute(macro.read_text(encoding="utf-8"))
    return con


def _overlay(con: duckdb.DuckDBPyConnection, layer: uploads.Layer) -> None:
    """Uploads are read once per layer version into memory, with the warehouse's column types."""
    for table, rows in (("indicators", layer.indicators), ("sources", layer.sources)):
        con.execute(f"CREATE TABLE upload_{table} AS SELECT * FROM wh.{table} LIMIT 0")  # noqa: S608 - fixed names
        if rows:
            frame = pd.DataFrame(list(rows))
            con.register("incoming", frame)
            columns = ", ".join(f'"{c}"' for c in frame.columns if _QUERY_NAME.match(c))
            con.execute(f"INSERT INTO upload_{table} BY NAME SELECT {columns} FROM incoming")  # noqa: S608 - allow-listed names
            con.unregister("incoming")
    con.execute(
        "CREATE TABLE uploaded_observations AS SELECT * FROM read_parquet($files)", {"files": [str(p) for p in layer.observation_files]}
    )
    con.execute(
        """
        CREATE VIEW observations AS
        SELECT o.* FROM wh.observations AS o
        WHERE NOT EXISTS (
            SELECT 1 FROM uploaded_observations AS u
            WHERE u.replaces AND u.indicator_id = o.indicator_id AND u.region_code = o.region_code AND u.year = o.year
        )
        UNION ALL BY NAME
        SELECT indicator_id, region_code, year, value, numerator, denominator, note, source_id FROM uploaded_observations
        """
    )
    con.execute(
        """
        CREATE VIEW indicators AS
        SELECT * FROM wh.indicators UNION ALL BY NAME
        SELECT * FROM upload_indicators WHERE indicator_id NOT IN (SELECT indicator_id FROM wh.indicators)
        """
    )
    con.execute("CREATE VIEW sources AS SELECT * FROM wh.sources UNION ALL BY NAME SELECT * FROM upload_sources")


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
