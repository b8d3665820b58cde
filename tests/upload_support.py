"""Shared by the upload tests: the regions and crosswalk frames the page passes, and file writers.

The frames come from the warehouse the dashboard uses (opened read-only); when it has not been
built yet, from the session's own build of ../shared/data (``real_db``). Every messy file is
written here by the tests themselves, never copied from the shared folder.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
WAREHOUSE = ROOT / "data" / "warehouse" / "kalimantan.duckdb"
SAMPLE = ROOT.parent / "shared" / "data" / "samples" / "bps_export_ipm_kabkota_2011_2021.xlsx"


def load_frames(request: pytest.FixtureRequest) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(regions, crosswalk) exactly as the page reads them from the warehouse (each test module
    wraps this in its own ``frames`` fixture)."""
    db = WAREHOUSE if WAREHOUSE.exists() else request.getfixturevalue("real_db")
    con = duckdb.connect(str(db), read_only=True)
    try:
        regions = con.execute("SELECT code, name, prov_code FROM regions WHERE level IN ('provinsi', 'kabupaten') ORDER BY code").df()
        crosswalk = con.execute("SELECT kemendagri_code, bps_code, name FROM crosswalk ORDER BY kemendagri_code").df()
    finally:
        con.close()
    assert len(regions) == 61 and len(crosswalk) == 56
    return regions, crosswalk


def csv_bytes(rows: Sequence[Sequence[object]], sep: str = ";", encoding: str = "utf-8", newline: str = "\r\n") -> bytes:
    """A CSV as office software writes it (no quoting unless needed)."""
    lines = []
    for row in rows:
        cells = []
        for cell in row:
            text = "" if cell is None else str(cell)
            if sep in text or '"' in text or "\n" in text:
                text = '"' + text.replace('"', '""') + '"'
            cells.append(text)
        lines.append(sep.join(cells))
    return (newline.join(lines) + newline).encode(encoding)


def xlsx_bytes(sheets: dict[str, Sequence[Sequence[object]]]) -> bytes:
    """A workbook with one sheet per entry; numbers stay numbers, text stays text."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
