"""One entry point from an uploaded file to a checked long table and the report the user confirms.

:func:`prepare` reads the bytes, finds the layout, reads numbers in each column's own format,
matches every region key to a Kemendagri code and checks the values, and stores nothing: the page
shows the report (matched, ambiguous with candidates, unmatched with suggestions, outside
coverage), the user settles what is open (``choices``, ``code_system``, ``year``), and the page
calls :func:`prepare` again with those answers before it stores ``clean``.

Every input value ends in exactly one of three tables: ``clean``, ``held`` (outside the valid range,
awaiting the editor's confirmation) or ``rejected`` (with a reason
key), so nothing the user sent disappears silently.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from kalimantan_equity.services.upload import validate
from kalimantan_equity.services.upload.layout import LayoutInfo, LongRows, to_long
from kalimantan_equity.services.upload.match import SYSTEMS, CodeSystemDecision, Gazetteer, Match, RegionKey, decide_code_system, match_all
from kalimantan_equity.services.upload.numbers import LOCALES, LocaleGuess, default_locale, guess_locale, parse_number
from kalimantan_equity.services.upload.reader import Explanation, RawTable, UploadError, read_tables

MAX_MAGNITUDE = 1e15  # East Kalimantan's GRDP in rupiah is ~8e14: no regency indicator is larger; 1e308 is a slip or an attack
CLEAN_COLUMNS = {"indicator_raw": "str", "region_code": "str", "year": "int64", "value": "float64", "row_no": "int64"}
REJECTED_COLUMNS = {"row_no": "int64", "column": "str", "region": "str", "value": "str", "reason_key": "str", "detail": "str"}
REPORT_COLUMNS = {
    "choice_key": "str",  # pass back in ``choices`` to settle this region
    "region": "str",  # the region cell as written (a code or a name)
    "name": "str",  # the name beside a code, when the file has both
    "province": "str",  # the province the file puts it in (column or CAPITALS row)
    "status": "str",  # matched, ambiguous, unmatched, outside, aggregate or skipped
    "code": "str",  # the Kemendagri code chosen ("" unless matched)
    "region_name": "str",
    "candidates": "object",  # tuple of codes: the choices (ambiguous) or suggestions (unmatched)
    "candidate_names": "object",
    "reason_key": "str",
    "detail": "str",
    "rows": "int64",  # input rows with this key
    "first_row": "int64",
}
HELD_COLUMNS = {**CLEAN_COLUMNS, "column": "str", "region": "str", "value_raw": "str", "reason_key": "str", "confirmed": "bool"}
_LOCALE_EXAMPLE = {"id": "1.234,5", "en": "1,234.5"}
_STATUS_REASONS = {
    "ambiguous": "upload_reason_ambiguous",
    "unmatched": "upload_reason_unmatched",
    "outside": "upload_reason_outside",
    "aggregate": "upload_reason_aggregate",
    "skipped": "upload_reason_skipped",
}


@dataclass(frozen=True)
class ColumnFormat:
    """How the numbers of one value column were read, and why."""

    column: str
    locale: str  # "id" (1.234,5) or "en" (1,234.5)
    explanation: Explanation


@dataclass(frozen=True)
class SourceInfo:
    file_name: str
    kind: str  # "csv" or "xlsx"
    encoding: str | None
    delimiter: str | None
    sheet: str
    sheets: tuple[str, ...]  # every sheet with a table, for a sheet picker


@dataclass(frozen=True)
class Prepared:
    """Everything the page shows before storing, and the clean table it stores after."""

    clean: pd.DataFrame  # indicator_raw, region_code, year, value, row_no
    report: pd.DataFrame  # one row per region key: REPORT_COLUMNS
    rejected: pd.DataFrame  # row_no, column, region, value, reason_key, detail
    findings: pd.DataFrame  # validate.FINDING_COLUMNS
    code_system: CodeSystemDecision
    layout: LayoutInfo
    number_formats: tuple[ColumnFormat, ...]
    source: SourceInfo
    # Values outside the indicator's valid range (a percentage above 100): not in ``clean`` unless
    # the editor confirmed them row by row (``confirmed`` in :func:`prepare`). HELD_COLUMNS.
    held: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(HELD_COLUMNS)).astype(HELD_COLUMNS))

    @property
    def status_counts(self) -> dict[str, int]:
        """Region keys per status, for the report's headline ("54 matched, 487 outside")."""
        return {str(k): int(v) for k, v in self.report["status"].value_counts().items()}

    @property
    def needs_choice(self) -> bool:
        """True while a region or the code system waits for the user."""
        return bool((self.report["status"] == "ambiguous").any()) or self.code_system.undecided

    @property
    def has_errors(self) -> bool:
        """True when some values were refused for a reason the user should fix in the file."""
        return bool((self.findings["severity"] == "error").any())


def prepare(
    file_name: str,
    data: bytes,
    regions: pd.DataFrame,
    crosswalk: pd.DataFrame,
    existing: pd.DataFrame | None = None,
    code_system: str | None = None,
    *,
    choices: Mapping[str, str | None] | None = None,
    sheet: str | None = None,
    year: int | None = None,
    unit: str | None = None,
    number_locale: str | None = None,
    today: date | None = None,
    roles: Mapping[str, str] | None = None,
    confirmed: Collection[tuple[int, str]] = (),
    units: Mapping[str, str] | None = None,
) -> Prepared:
    """Read, match and check an upload; raise :class:`UploadError` for a file that is not a table.

    ``regions``: code (``61.06`` regencies, ``61`` provinces), name. ``crosswalk``: kemendagri_code,
    bps_code. ``existing``: stored values (region_code, year, value[, indicator_raw]) to spot
    jumps and replacements. The user's answers: ``code_system`` ("kemendagri"/"bps") for 4-digit
    codes, ``choices`` ({report key or region cell: code, or "" to leave it out}), ``sheet``,
    ``year`` (for a file that names none), ``unit`` (the indicator's unit; "%" turns on the
    0–100 check), ``number_locale`` ("id"/"en") to overrule the guessed number format, ``roles``
    ({column label: role}) to correct the detected column roles, ``confirmed`` ((row_no, column)
    pairs of held values the editor confirmed one by one; they stay in ``held`` with
    ``confirmed`` set and are stored), ``units`` ({indicator_raw: unit}) for a file of several
    indicators mapped to indicators with their own units (wins over ``unit``).
    """
    if code_system is not None and code_system not in SYSTEMS:
        raise ValueError(f"code_system must be one of {SYSTEMS}")
    if number_locale is not None and number_locale not in LOCALES:
        raise ValueError(f"number_locale must be one of {LOCALES}")
    gazetteer = Gazetteer.build(regions, crosswalk)
    tables = read_tables(file_name, data)
    table, long = _first_table(tables, sheet, year, roles)
    info = long.info
    rows = long.rows

    formats = _number_formats(rows, table, number_locale)
    keys = [
        RegionKey(r, n, p)
        for r, n, p in zip(rows["region_raw"].tolist(), rows["name_raw"].tolist(), rows["province_raw"].tolist(), strict=True)
    ]
    distinct = list(dict.fromkeys(keys))
    code_header = next(iter(info.labels("code")), "")
    decision = decide_code_system(((k.region, k.name) for k in distinct), gazetteer, code_system, code_header)
    matches = match_all(distinct, gazetteer, decision, choices)

    candidates, rejected, findings = _check_values(keys, rows, matches, formats, today, unit, units)
    rejected = list(long.rejected) + rejected
    candidates, held, checked = _hold_out_of_range(candidates, confirmed)
    findings += checked
    findings += validate.jumps_and_replacements(candidates, existing)
    if info.sub_annual:
        findings.append(validate.finding("upload_finding_sub_annual", "warning", column=info.sub_annual))
    findings += [validate.finding("upload_finding_ignored_column", "info", column=c.label) for c in info.columns if c.role == "ignore"]

    clean = candidates[list(CLEAN_COLUMNS)].sort_values(["row_no", "region_code", "year"], kind="stable").reset_index(drop=True)
    return Prepared(
        clean=clean,
        report=_report(distinct, keys, rows, matches, gazetteer),
        rejected=pd.DataFrame(rejected, columns=list(REJECTED_COLUMNS))
        .astype(REJECTED_COLUMNS)
        .sort_values("row_no", kind="stable")
        .reset_index(drop=True),
        findings=validate.findings_frame(findings),
        code_system=decision,
        layout=info,
        number_formats=tuple(formats),
        source=SourceInfo(file_name, table.source, table.encoding, table.delimiter, table.name, tuple(t.name for t in tables)),
        held=held.astype(HELD_COLUMNS).sort_values("row_no", kind="stable").reset_index(drop=True),
    )


def _check_values(
    keys: list[RegionKey],
    rows: pd.DataFrame,
    matches: Mapping[RegionKey, Match],
    formats: list[ColumnFormat],
    today: date | None,
    unit: str | None,
    units: Mapping[str, str] | None,
) -> tuple[pd.DataFrame, list[dict[str, object]], list[dict[str, object]]]:
    """Each value in turn: its region matched, its year in range, a finite number in the column's format.

    Returns the values that pass (with whether each is a percentage, from the indicator's unit if
    given, else from the file), then the rejections and the findings; duplicates are removed."""
    low, high = validate.year_bounds(today or date.today())
    forced_percent = validate.is_percent_unit(unit) if unit is not None else None
    unit_of = {str(k): validate.is_percent_unit(v) for k, v in (units or {}).items()}
    locale_of = {f.column: f.locale for f in formats}
    rejected: list[dict[str, object]] = []
    findings: list[dict[str, object]] = []
    kept: dict[str, list[object]] = {
        n: [] for n in ("indicator_raw", "region_code", "year", "value", "row_no", "column", "region", "value_raw", "percent")
    }
    rejected_rows: set[tuple[int, RegionKey]] = set()
    for key, row in zip(keys, validate.iter_rows(rows), strict=True):
        match = matches[key]
        where = {"row_no": row.row_no, "column": row.column, "region": key.region, "value": row.value_raw}
        if match.status != "matched":
            if (row.row_no, key) not in rejected_rows:  # one entry per input row, not per value
                rejected_rows.add((row.row_no, key))
                rejected.append(
                    {**where, "column": "", "value": "", "reason_key": _STATUS_REASONS[match.status], "detail": match.detail or "—"}
                )
            continue
        if row.year is None or row.year is pd.NA:
            rejected.append({**where, "reason_key": "upload_reason_bad_year", "detail": row.year_raw})
            continue
        year_value = int(row.year)
        common = {
            "row_no": row.row_no,
            "column": row.column,
            "region_code": match.code,
            "region": key.region,
            "indicator": row.indicator_raw,
        }
        if not low <= year_value <= high:
            rejected.append({**where, "reason_key": "upload_reason_year_out_of_range", "detail": f"{year_value} ∉ {low}–{high}"})
            findings.append(validate.finding("upload_finding_year_range", "error", year=year_value, detail=f"{low}–{high}", **common))
            continue
        parsed = parse_number(row.value_raw, locale_of[row.column], row.value_native)
        if parsed.value is not None and not (math.isfinite(parsed.value) and abs(parsed.value) <= MAX_MAGNITUDE):
            rejected.append({**where, "reason_key": "upload_reason_magnitude", "detail": f"{MAX_MAGNITUDE:.0e}"})
            findings.append(validate.finding("upload_finding_magnitude", "error", year=year_value, detail=row.value_raw, **common))
            continue
        if parsed.value is None:
            detail = _LOCALE_EXAMPLE[locale_of[row.column]] if parsed.reason == "upload_reason_number_format" else ""
            rejected.append({**where, "reason_key": parsed.reason, "detail": detail})
            if parsed.reason != "upload_reason_missing_value":
                findings.append(validate.finding("upload_finding_not_numeric", "error", year=year_value, detail=row.value_raw, **common))
            continue
        forced = unit_of.get(row.indicator_raw, forced_percent)
        percent = forced if forced is not None else bool(row.percent or parsed.percent or validate.is_percent_unit(row.unit_raw))
        for name, value in (
            ("indicator_raw", row.indicator_raw),
            ("region_code", match.code),
            ("year", year_value),
            ("value", parsed.value),
            ("row_no", row.row_no),
            ("column", row.column),
            ("region", key.region),
            ("value_raw", row.value_raw),
            ("percent", percent),
        ):
            kept[name].append(value)

    candidates = pd.DataFrame(kept).astype({**CLEAN_COLUMNS, "column": "str", "region": "str", "value_raw": "str", "percent": "bool"})
    keep, duplicate_rejected, duplicate_findings = validate.split_duplicates(candidates)
    return candidates[keep], rejected + duplicate_rejected, findings + duplicate_findings


def _hold_out_of_range(
    candidates: pd.DataFrame, confirmed: Collection[tuple[int, str]]
) -> tuple[pd.DataFrame, pd.DataFrame, list[dict[str, object]]]:
    """Percentages outside 0–100 are held back until the editor confirms them one by one.

    Returns the values to store (confirmed ones included), the held values (each marked confirmed
    or not) and the range findings."""
    findings = validate.percent_out_of_range(candidates)
    outside = candidates["percent"] & ((candidates["value"] < 0) | (candidates["value"] > 100))
    ok = {(int(r), str(c)) for r, c in confirmed}
    confirmed_mask = pd.Series(
        [(r, c) in ok for r, c in zip(candidates["row_no"].tolist(), candidates["column"].tolist(), strict=True)],
        index=candidates.index,
        dtype=bool,
    )
    held = candidates[outside].assign(reason_key="upload_reason_out_of_range", confirmed=confirmed_mask[outside])[list(HELD_COLUMNS)]
    return candidates[~(outside & ~confirmed_mask)], held, findings


def _first_table(
    tables: list[RawTable], sheet: str | None, year: int | None, roles: Mapping[str, str] | None = None
) -> tuple[RawTable, LongRows]:
    """The chosen sheet, or the first that holds a table (a cover sheet of notes is passed over)."""
    if sheet is not None:
        chosen = [t for t in tables if t.name == sheet]
        if not chosen:
            raise UploadError("upload_error_unknown_sheet", sheet=sheet, sheets=", ".join(t.name for t in tables))
        return chosen[0], to_long(chosen[0], year, roles)
    first_error: UploadError | None = None
    for table in tables:
        try:
            return table, to_long(table, year, roles)
        except UploadError as error:
            first_error = first_error or error
    raise first_error or UploadError("upload_error_empty")  # no table at all (the reader refuses that first)


def _number_formats(rows: pd.DataFrame, table: RawTable, override: str | None) -> list[ColumnFormat]:
    """One number format per value column, each with the evidence it rests on."""
    columns = list(dict.fromkeys(rows["column"]))
    if override is not None:
        return [ColumnFormat(c, override, Explanation("upload_locale_override", {"locale": override})) for c in columns]
    guesses: dict[str, LocaleGuess | None] = {}
    for column, group in rows.groupby("column", sort=False):
        texts = group.loc[~group["value_native"], "value_raw"]
        guesses[str(column)] = guess_locale(texts)
    if all(bool(g) is False for g in guesses.values()) and bool(rows["value_native"].all()):
        return [ColumnFormat(c, "en", Explanation("upload_locale_native", {})) for c in columns]
    fallback = default_locale([g for g in guesses.values() if g is not None], table.delimiter)
    out = []
    for column in columns:
        guess = guesses.get(column) or fallback
        out.append(ColumnFormat(column, guess.locale, guess.explanation))
    return out


def _report(
    distinct: list[RegionKey], keys: list[RegionKey], rows: pd.DataFrame, matches: Mapping[RegionKey, Match], gazetteer: Gazetteer
) -> pd.DataFrame:
    row_sets: dict[RegionKey, set[int]] = {}
    for key, row_no in zip(keys, rows["row_no"].tolist(), strict=True):
        row_sets.setdefault(key, set()).add(int(row_no))
    records = []
    for key in distinct:
        match = matches[key]
        code = match.code or ""
        region = gazetteer.regencies.get(code)
        candidates = tuple(match.candidates)
        records.append(
            {
                "choice_key": key.id,
                "region": key.region,
                "name": key.name,
                "province": key.province,
                "status": match.status,
                "code": code,
                "region_name": region.name if region else "",
                "candidates": candidates,
                "candidate_names": tuple(gazetteer.regencies[c].name if c in gazetteer.regencies else c for c in candidates),
                "reason_key": match.reason_key,
                "detail": match.detail,
                "rows": len(row_sets[key]),
                "first_row": min(row_sets[key]),
            }
        )
    return pd.DataFrame(records, columns=list(REPORT_COLUMNS)).astype(REPORT_COLUMNS)
