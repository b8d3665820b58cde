"""Downloads: CSV and Excel files that are safe to open and say where their numbers come from.

A cell a spreadsheet would run as a formula (text starting with ``= + - @``, or a tab or carriage
return) is prefixed with an apostrophe, so ``=HYPERLINK(...)`` from an uploaded name arrives as
text. Numbers stay numbers. Every Excel workbook carries a metadata sheet: indicator names in both
languages, units, years, sources, licences and whether the figures are simulated.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SIMULATED_NOTE = "DATA SIMULASI / SIMULATED DATA — bukan statistik resmi / not official statistics"


_EMPTY_WORDS = frozenset({"none", "nan", "nat", "null", "<na>"})
# A file path in a citation ("reference/border_flags.csv", "lihat data/README.md") and a commit
# hash mean nothing to a reader of a deck or a spreadsheet: the publisher and the year do.
_COMMIT = re.compile(r",?\s*commit\s+[0-9a-f]{6,40}\b", re.IGNORECASE)
_TOKEN = re.compile(r"(?:(?:lihat|see)\s+)?([^\s(),;]+)")


def _is_path(token: str) -> bool:
    """``data/README.md`` or ``reference/`` is a path; ``Kabupaten/Kota`` and ``github.com/x`` are not."""
    if "/" not in token or "." in token.split("/")[0]:
        return False
    return token.endswith("/") or re.search(r"\.[A-Za-z]{1,5}$", token.rsplit("/", 1)[-1]) is not None


def plain_source(citation: str, year: int | str | None = None) -> str:
    """A citation as a reader wants it: publisher, title and year, without file paths or commits.

    Web addresses stay (``github.com/…``, ``data.go.id``): a host name has a dot before its first
    slash, a repository path does not. The year is added when the citation does not already name it."""
    text = _COMMIT.sub("", str(citation))
    text = _TOKEN.sub(lambda m: "" if _is_path(m.group(1)) else m.group(0), text)
    text = re.sub(r"\(\s*[,;]?\s*", "(", text)
    text = re.sub(r"\s*[,;]?\s*\)", ")", text)
    text = re.sub(r"\s*\(\)", "", text)
    text = re.sub(r"\s+([,;])", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;")
    if year is not None and str(year) not in text:
        text = f"{text}, {year}"
    return text


def blank_missing(value: object) -> object:
    """None, NaN and their spellings as text ("none", "nan") become an empty cell, never a word."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, str) and value.strip().lower() in _EMPTY_WORDS:
        return None
    return value


def planner_table(frame: pd.DataFrame, headers: Mapping[str, str], decimals: Mapping[str, int] | None = None) -> pd.DataFrame:
    """The table a planner opens: columns renamed to ``headers`` (in the user's language) and in
    that order, numbers rounded to the indicator's decimals, and empty cells for missing values."""
    out = frame[[c for c in headers if c in frame.columns]].copy()
    for column, digits in (decimals or {}).items():
        if column in out.columns:
            out[column] = pd.to_numeric(out[column], errors="coerce").round(int(digits))
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(blank_missing).astype(object)
    return out.rename(columns=dict(headers))


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
