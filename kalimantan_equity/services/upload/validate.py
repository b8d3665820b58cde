"""Checks on values that were read correctly but may still be wrong.

A slip in an office spreadsheet rarely makes a value unreadable; it makes it implausible: a year
typed as 2102, a coverage of 134 %, a figure that jumps tenfold because ``67,03`` became ``6703``,
the same regency twice with two different values. These checks run before anything is stored and
return findings for the user to see; only what cannot be stored at all (a year out of range, a
conflicting duplicate) also leaves the clean table.
"""

from __future__ import annotations

import functools
import math
from collections import namedtuple
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import pandas as pd

MIN_YEAR = 1990  # the dashboard's oldest series start in 2000 (INDO-DAPOER); earlier is a typo or another table
JUMP_RATIO = 0.5  # IPM moves < 2 % a year, SPM coverage rarely by half: a 50 % change is mostly a slip (67,03 read as 6703)
JUMP_POINTS = 25.0  # for percentages: 25 points in one year is a definition change or a typo, not progress
_SAME = 1e-9  # relative tolerance for "the same value" (Excel's binary floats)

FINDING_COLUMNS = {
    "finding_key": "str",
    "severity": "str",  # "error": the value is not in the clean table; "warning": kept, please check
    "row_no": "Int64",
    "column": "str",
    "region_code": "str",
    "region": "str",
    "indicator": "str",
    "year": "Int64",
    "value": "float64",
    "previous": "float64",
    "detail": "str",
}
_PERCENT_UNITS = ("%", "persen", "percent", "pct", "persentase")


def iter_rows(frame: pd.DataFrame) -> Iterator[Any]:
    """Rows as named tuples of plain Python values: ``itertuples`` over pandas' Arrow-backed
    strings costs seconds at 100,000 rows, column lists cost milliseconds."""
    row_type = namedtuple("Row", [str(c) for c in frame.columns])  # type: ignore[misc]
    columns = [frame[c].tolist() for c in frame.columns]
    return (row_type._make(values) for values in zip(*columns, strict=True))


def year_bounds(today: date) -> tuple[int, int]:
    """Plausible years: from :data:`MIN_YEAR` to next year (targets and projections)."""
    return MIN_YEAR, today.year + 1


@functools.lru_cache(maxsize=1024)
def is_percent_unit(text: str | None) -> bool:
    """Whether a unit (the caller's, a unit column, a header) means the 0–100 check applies."""
    lowered = (text or "").strip().lower()
    return any(word in lowered for word in _PERCENT_UNITS)


def finding(key: str, severity: str, **values: object) -> dict[str, object]:
    """One finding row; absent fields stay empty so every finding has the same columns."""
    row: dict[str, object] = {name: None for name in FINDING_COLUMNS}
    row.update(finding_key=key, severity=severity, **values)
    for name, dtype in FINDING_COLUMNS.items():
        if dtype == "str" and row[name] is None:
            row[name] = ""
    return row


def findings_frame(rows: Iterable[dict[str, object]]) -> pd.DataFrame:
    """Findings with fixed columns and types, also when there are none (the page filters on them)."""
    return pd.DataFrame(list(rows), columns=list(FINDING_COLUMNS)).astype(FINDING_COLUMNS)


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_SAME, abs_tol=1e-12)


def split_duplicates(clean: pd.DataFrame) -> tuple[pd.Series, list[dict[str, object]], list[dict[str, object]]]:
    """Which rows to keep when a region, indicator and year appear more than once.

    Copies with the same value: the first is kept and the others listed (a warning). Copies that
    disagree: none is kept, because the file itself does not say which is right (an error).
    Returns the keep mask, the rejected entries and the findings.
    """
    keep = pd.Series(True, index=clean.index)
    rejected: list[dict[str, object]] = []
    findings: list[dict[str, object]] = []
    keys = ["region_code", "indicator_raw", "year"]
    repeated = clean[clean.duplicated(keys, keep=False)].sort_values([*keys, "row_no"], kind="stable")
    # Plain lists, grouped by hand: a file of 99,000 repeated rows took minutes through iterrows.
    groups: dict[tuple[Any, ...], list[tuple[Any, Any]]] = {}
    for index, row in zip(repeated.index, iter_rows(repeated), strict=True):
        groups.setdefault((row.region_code, row.indicator_raw, int(row.year)), []).append((index, row))
    for (code, indicator, year), members in groups.items():
        values = [row.value for _, row in members]
        rows_text = ", ".join(str(row.row_no) for _, row in members)
        first = members[0][1]
        base = {"region_code": code, "region": first.region, "indicator": indicator, "year": year, "row_no": int(first.row_no)}
        if all(_same(v, values[0]) for v in values):
            for index, row in members[1:]:
                keep[index] = False
                rejected.append(_rejected(row, "upload_reason_duplicate", f"= row {int(first.row_no)}"))
            findings.append(finding("upload_finding_duplicate_same", "warning", value=values[0], detail=rows_text, **base))
        else:
            for index, row in members:
                keep[index] = False
                rejected.append(_rejected(row, "upload_reason_duplicate_conflict", rows_text))
            detail = f"{rows_text}: " + " / ".join(f"{v:g}" for v in values)
            findings.append(finding("upload_finding_duplicate_conflict", "error", detail=detail, **base))
    return keep, rejected, findings


def _rejected(row: Any, reason: str, detail: str) -> dict[str, object]:
    return {
        "row_no": int(row.row_no),
        "column": row.column,
        "region": row.region,
        "value": row.value_raw,
        "reason_key": reason,
        "detail": detail,
    }


def percent_out_of_range(clean: pd.DataFrame) -> list[dict[str, object]]:
    """Percentages below 0 or above 100: kept (a gross ratio can exceed 100) but shown."""
    out = []
    bad = clean[clean["percent"] & ((clean["value"] < 0) | (clean["value"] > 100))]
    for row in iter_rows(bad):
        out.append(
            finding(
                "upload_finding_percent_range",
                "warning",
                row_no=row.row_no,
                column=row.column,
                region_code=row.region_code,
                region=row.region,
                indicator=row.indicator_raw,
                year=row.year,
                value=row.value,
            )
        )
    return out


def _existing_lookup(existing: pd.DataFrame | None) -> tuple[dict[tuple[Any, ...], float], bool]:
    """Stored values by (region, [indicator,] year); without an indicator column they apply to
    every indicator of the upload (the page passes the one indicator being replaced)."""
    if existing is None or existing.empty:
        return {}, False
    missing = {"region_code", "year", "value"} - set(existing.columns)
    if missing:
        raise ValueError(f"existing values need columns {sorted(missing)}")
    by_indicator = "indicator_raw" in existing.columns
    lookup: dict[tuple[Any, ...], float] = {}
    for row in iter_rows(existing):
        value = row.value
        if value is None or pd.isna(value):
            continue
        key = (str(row.region_code), str(row.indicator_raw), int(row.year)) if by_indicator else (str(row.region_code), int(row.year))
        lookup[key] = float(value)
    return lookup, by_indicator


def jumps_and_replacements(clean: pd.DataFrame, existing: pd.DataFrame | None) -> list[dict[str, object]]:
    """Year-on-year jumps (against the upload's own previous year, else the stored one) and stored
    values the upload would replace with a different figure."""
    stored, by_indicator = _existing_lookup(existing)
    own = {(r.region_code, r.indicator_raw, int(r.year)): float(r.value) for r in iter_rows(clean)}
    out: list[dict[str, object]] = []
    for row in iter_rows(clean):
        year = int(row.year)

        def stored_value(y: int, row: Any = row) -> float | None:
            key = (row.region_code, row.indicator_raw, y) if by_indicator else (row.region_code, y)
            return stored.get(key)

        base = {
            "row_no": row.row_no,
            "column": row.column,
            "region_code": row.region_code,
            "region": row.region,
            "indicator": row.indicator_raw,
            "year": year,
            "value": row.value,
        }
        previous = own.get((row.region_code, row.indicator_raw, year - 1))
        if previous is None:
            previous = stored_value(year - 1)
        if previous is not None and _is_jump(previous, row.value, row.percent):
            change = row.value - previous
            detail = f"{change:+.1f}" + (" pp" if row.percent else f" ({change / previous:+.0%})")
            out.append(finding("upload_finding_jump", "warning", previous=previous, detail=detail, **base))
        replaced = stored_value(year)
        if replaced is not None and not _same(replaced, row.value):
            out.append(finding("upload_finding_replaces", "warning", previous=replaced, **base))
    return out


def _is_jump(previous: float, value: float, percent: bool) -> bool:
    if percent:
        return abs(value - previous) > JUMP_POINTS
    if previous == 0:
        return False  # no scale to judge a change from zero against
    return abs(value - previous) > JUMP_RATIO * abs(previous)
