"""Downloads: CSV and Excel files that are safe to open and say where their numbers come from.

A cell a spreadsheet would run as a formula (text starting with ``= + - @``, or a tab or carriage
return) is prefixed with an apostrophe, so ``=HYPERLINK(...)`` from an uploaded name arrives as
text. Numbers stay numbers. Every Excel workbook carries a metadata sheet: indicator names in both
languages, units, years, sources, licences and whether the figures are simulated.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SIMULATED_NOTE = "DATA SIMULASI / SIMULATED DATA — bukan statistik resmi / not official statistics"


def neutralise(value: object) -> object:
    """Text that a spreadsheet would evaluate gets a leading apostrophe; everything else is kept."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell (and column name) neutralised."""
    out = frame.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out


def to_csv_bytes(frame: pd.DataFrame, simulated: bool = False) -> bytes:
    """UTF-8 CSV with a byte-order mark (Excel opens it with the right characters).

    Lines end in CR LF, as Excel writes them; a cell holding a line break of either kind is then
    quoted, so a carriage return inside a name can never start a new row with ``=…``."""
    text = safe_frame(frame).to_csv(index=False, lineterminator="\r\n")
    if simulated:
        text = f"# {SIMULATED_NOTE}\r\n" + text
    return text.encode("utf-8-sig")


def to_excel_bytes(sheets: Mapping[str, pd.DataFrame], metadata: pd.DataFrame) -> bytes:
    """An .xlsx workbook: one sheet per table plus a ``metadata`` sheet, all cells neutralised."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            safe_frame(frame).to_excel(writer, sheet_name=_sheet_name(name), index=False)
        safe_frame(metadata).to_excel(writer, sheet_name="metadata", index=False)
    return buffer.getvalue()


def _sheet_name(name: str) -> str:
    """Excel allows 31 characters and none of ``[]:*?/\\``."""
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in name)
    return cleaned[:31] or "data"
