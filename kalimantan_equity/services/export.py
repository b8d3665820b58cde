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
from typing import SupportsIndex, SupportsInt

import numpy as np
import pandas as pd

from kalimantan_equity.services.i18n import STRINGS, label, t

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


# Columns that hold an indicator's own values: rounded to the indicator's decimals. Other numbers
# (scores, shares, ratios, coordinates) get the places that keep them meaningful.
_VALUE_COLUMNS = frozenset({"value", "prov_mean", "diff_prov", "cities_mean", "target", "mean", "pop_mean", "median", "min", "max",
                            "headline", "gap", "shortfall", "mean_shortfall", "pop_mean_shortfall"})  # fmt: skip
_PLACES = {"lat": 5, "lon": 5, "rep_lat": 5, "rep_lon": 5, "km_to_capital": 1, "distance": 1}
_VILLAGE_STATUS = {"MANDIRI", "MAJU", "BERKEMBANG", "TERTINGGAL", "SANGAT TERTINGGAL"}
_CITATIONS = frozenset({"citation_id", "citation_en", "source"})


def _code_label(column: str, value: object, lang: str) -> object:
    """The word a planner reads for a code: MANDIRI -> Mandiri / Mandiri (independent), kota -> Kota."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if column in ("status", "idm_status"):
        text = str(value).upper()
        if text in _VILLAGE_STATUS:
            key = "profile_status_" + text.lower().replace(" ", "_")
            return t(key, lang)
        words = {"NO_STATUS": "profile_status_none", "NOT_APPLICABLE": "not_applicable", "NA": "not_applicable",
                 "MISSING": "no_data", "VALUE": None}  # fmt: skip
        word = words.get(text)
        return t(word, lang) if word else ("" if text == "VALUE" else value)
    if column == "region_type" or (column == "group" and value in ("kota", "kabupaten", "perbatasan")):
        return label("region_types", str(value), lang)
    if column == "group" and value == "all":
        return t("all_provinces", lang)
    if column == "level":
        return label("levels", str(value), lang)
    if column == "sector":
        return label("sectors", str(value), lang)
    if column == "kind":
        return label("point_kinds", str(value), lang)
    if column == "weighting" and f"weighting_{value}" in STRINGS:
        return t(f"weighting_{value}", lang)
    if column == "direction" and pd.notna(value) and isinstance(value, str | SupportsInt | SupportsIndex):  # what int() takes
        return t({1: "higher_better", -1: "lower_better"}.get(int(value), "neutral_direction"), lang)
    if column in _CITATIONS:
        return plain_source(str(value))
    return value


def for_planner(frame: pd.DataFrame, lang: str, decimals: int | Mapping[str, int] | None = None) -> pd.DataFrame:
    """A downloaded table as a planner reads it: headers in ``lang``, codes as words, yes/no for
    true/false, the indicator's values rounded to its decimals (``decimals``: one number, or one per
    ``indicator_id`` of the rows), other numbers to useful places, and empty cells for missing values.
    Identifiers (Kemendagri codes, indicator codes) stay as they are: they join to other tables."""
    out = frame.copy()
    per_row = None
    if isinstance(decimals, Mapping) and "indicator_id" in out.columns:
        per_row = out["indicator_id"].map(decimals)
    measured = out["measure"].astype(str) if "measure" in out.columns else None
    for column in out.columns:
        series = out[column]
        if column == "direction":
            out[column] = series.map(lambda v: None if pd.isna(v) else _code_label("direction", v, lang)).astype(object)
        elif column == "aggregate":
            out[column] = series.map(lambda v: t(f"xv_aggregate_{v}", lang) if f"xv_aggregate_{v}" in STRINGS else blank_missing(v)).astype(
                object
            )
        elif pd.api.types.is_bool_dtype(series) or (
            series.dtype == object and series.dropna().map(type).eq(bool).all() and series.notna().any()
        ):
            out[column] = series.map(lambda v: None if v is None or v is pd.NA else t("xv_yes" if bool(v) else "xv_no", lang)).astype(
                object
            )
        elif pd.api.types.is_float_dtype(series):
            if column in _VALUE_COLUMNS and isinstance(decimals, int):
                places = pd.Series(decimals, index=out.index)
            elif column in _VALUE_COLUMNS and per_row is not None:
                places = per_row.fillna(4)
            else:
                places = pd.Series(_PLACES.get(column, 4), index=out.index)
            if measured is not None and column == "value":  # a trend table: only group means and gaps are in the indicator's unit
                places = places.where(measured.str.startswith(("mean_", "gap_")), 4)
            out[column] = [None if pd.isna(v) else round(float(v), int(p)) for v, p in zip(series, places, strict=True)]
            out[column] = out[column].astype(float)
        elif series.dtype == object or pd.api.types.is_string_dtype(series):
            out[column] = series.map(lambda v, c=column: blank_missing(_code_label(c, blank_missing(v), lang))).astype(object)
    out.columns = [t(f"xh_{c}", lang) if f"xh_{c}" in STRINGS else str(c).replace("_", " ").capitalize() for c in out.columns]
    return out


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


def to_csv_bytes(
    frame: pd.DataFrame, simulated: bool = False, lang: str | None = None, decimals: int | Mapping[str, int] | None = None
) -> bytes:
    """UTF-8 CSV with a byte-order mark (Excel opens it with the right characters).

    Lines end in CR LF, as Excel writes them; a cell holding a line break of either kind is then
    quoted, so a carriage return inside a name can never start a new row with ``=…``."""
    if lang is not None:  # for a planner: see for_planner
        frame = for_planner(frame, lang, decimals)
    text: str = safe_frame(frame).to_csv(index=False, lineterminator="\r\n")
    if simulated:
        text = f"# {SIMULATED_NOTE}\r\n" + text
    return text.encode("utf-8-sig")


def to_excel_bytes(
    sheets: Mapping[str, pd.DataFrame], metadata: pd.DataFrame, lang: str | None = None, decimals: int | Mapping[str, int] | None = None
) -> bytes:
    """An .xlsx workbook: one sheet per table plus a ``metadata`` sheet, all cells neutralised; with
    ``lang``, every sheet as a planner reads it (see :func:`for_planner`)."""
    if lang is not None:
        sheets = {
            t(f"xs_{name}", lang) if f"xs_{name}" in STRINGS else name: for_planner(frame, lang, decimals) for name, frame in sheets.items()
        }
        metadata = for_planner(metadata, lang)
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
