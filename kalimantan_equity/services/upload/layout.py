"""What a table's rows and columns mean, and the same table as long rows (one value per row).

Officials' tables come in four shapes and this module tells them apart from the header alone,
checked against the cells:

- **long**: a region, a year, (an indicator), one value column (``wilayah;tahun;nilai``);
- **wide by year**: a column per year (``Kabupaten/Kota;2019;2020;2021``);
- **wide by indicator**: a column per indicator, the year in a column, the title or the caller;
- **BPS export**: as bps.go.id writes it, a title over the years in a second header row, names
  without codes and each province as a CAPITALS row followed by its regencies.

Every cell that becomes a value keeps its row number and column label, so a rejected value can be
shown where the user will find it. Rows that are not data (titles, notes, repeated headers) are
listed with a reason, never dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from kalimantan_equity.services.upload.match import is_total, province_code_of
from kalimantan_equity.services.upload.numbers import is_missing, vote
from kalimantan_equity.services.upload.reader import Explanation, RawRow, RawTable, UploadError

KINDS = ("long", "wide_year", "wide_indicator", "bps_export")
_HEADER_SCAN = 20  # title lines above a header are few; a header further down is not one
_CONTENT_SAMPLE = 2000  # rows looked at to tell a text column from a value column
_NOTE_LENGTH = 60  # longer than any regency name ("Kabupaten Kepulauan Siau Tagulandang Biaro" is 42)

_YEAR_IN_LABEL = re.compile(r"(?<!\d)((?:1[89]|2[01])\d{2})(?!\d)")
_YEAR_CELL = re.compile(r"(?:tahun|year|thn\.?)?\s*(\d{4})(?:\.0)?\s*(?:\*{1,3}|\([a-z.]+\)|[a-z])?", re.IGNORECASE)
# Periods shorter than a year (a month, a quarter, a date): the year is kept, the table is flagged.
_MONTHS = (
    "jan|januari|january|feb|februari|february|mar|maret|march|apr|april|mei|may|jun|juni|june|jul|juli|july|"
    "agu|agt|agus|agustus|aug|august|sep|sept|september|okt|oktober|oct|october|nov|nopember|november|des|desember|dec|december"
)
_SUB_ANNUAL = (
    re.compile(r"(\d{4})-\d{1,2}(?:-\d{1,2}(?:[T ][\d:.]+)?)?"),  # 2024-01, 2024-01-15, Excel's 2024-01-15T10:00:00
    re.compile(r"\d{1,2}[/.-](?:\d{1,2}[/.-])?(\d{4})"),  # 01/2024, 15/01/2024, 15.01.2024
    re.compile(rf"(?:{_MONTHS})\.?\s*(\d{{4}})", re.IGNORECASE),  # Januari 2024, Jan 2024
    re.compile(r"(?:triwulan|tw|kuartal|semester|smt|q)\s*[ivx1-4]+\s*[/-]?\s*(\d{4})", re.IGNORECASE),  # Triwulan I 2024
)
_FILLER = re.compile(r"\b(tahun|year|thn|th)\b\.?", re.IGNORECASE)
_NOTE_START = ("sumber", "source", "catatan", "keterangan", "note", "ket.", "ket:", "*", "©", "access time", "untuk penjelasan")
_NUMBERING = re.compile(r"\(?\d{1,2}\)?")
_CODE_AND_NAME = re.compile(r"\[?(\d{2}\.?\d{2})\]?\s*[-–.:]?\s+(\D.*)")  # "6106 Ketapang", "[61.06] Kapuas Hulu"

# Header words (folded to lower-case tokens) that say what a column holds.
_CODE_WORDS = {"kode", "code", "kd", "id", "kodewilayah", "kode_wilayah", "idwilayah"}
_PROVINCE_WORDS = {"provinsi", "province", "prov", "propinsi"}
_REGION_WORDS = {"wilayah", "kabupaten", "kab", "kota", "kabkota", "region", "regency", "daerah", "district", "lokasi", "location", "city"}
_NAME_WORDS = {"nama", "name"}
_INDICATOR_WORDS = {
    "sektor",
    "bidang",
    "indikator",
    "indicator",
    "variabel",
    "variable",
    "uraian",
    "jenis",
    "series",
    "seri",
    "komponen",
    "rincian",
    "kategori",
}
_YEAR_WORDS = {"tahun", "year", "thn", "periode", "period", "bulan", "month", "tanggal", "date", "waktu", "triwulan"}
_UNIT_WORDS = {"satuan", "unit", "units"}
_IGNORE_WORDS = {"keterangan", "ket", "catatan", "sumber", "source", "note", "notes", "remark", "remarks", "metadata", "status"}
_IGNORE_LABELS = {"no", "nomor", "no urut", "urutan", "nr", "num"}
_VALUE_WORDS = {"nilai", "value", "angka", "jumlah", "capaian", "realisasi", "data", "total"}
_PERCENT_WORDS = ("%", "persen", "percent", "persentase", "pct")
# Coordinates are numbers but never an indicator: a value picker that offered them stored latitudes.
_COORDINATE_WORDS = {
    "lat", "latitude", "lintang", "lon", "lng", "long", "longitude", "bujur", "koordinat", "coordinate", "coordinates",
    "x", "y", "easting", "northing", "geom", "geometry", "wkt",
}  # fmt: skip
_COORDINATE_FILLER = {"wgs84", "wgs", "84", "dd", "deg", "degree", "degrees", "derajat", "utm", "titik", "point", "decimal", "desimal"}
# Row identifiers of other systems: numbers, never values.
_IDENTIFIER_WORDS = {"objectid", "fid", "gid", "uuid", "guid", "oid", "rowid", "npsn", "nik", "nib", "idsbr"}
_UNIT_IN_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")  # "Rata-rata Lama Sekolah (Tahun)": "tahun" is a unit here
ROLES = ("code", "name", "province", "year", "unit", "value", "coordinate", "ignore")  # what the editor may set


@dataclass(frozen=True)
class Column:
    """A column as the layout reads it."""

    index: int
    label: str
    role: str  # code, name, province(_code), indicator, year, unit, value, ignore (reported) or empty
    indicator: str = ""  # value columns: the indicator their header names
    year: int | None = None  # value columns: the year their header names
    percent: bool = False  # the header says the unit is a percentage


@dataclass(frozen=True)
class LayoutInfo:
    """The detected shape, told so the user can check it."""

    kind: str
    explanation: Explanation
    header_rows: tuple[int, ...]
    columns: tuple[Column, ...]
    title: str = ""
    province_rows: int = 0
    sub_annual: str = ""  # label of a period column holding months or dates (rows share a year)

    def labels(self, role: str) -> list[str]:
        """Header labels of the columns read in one role (e.g. "ignore", to tell the user)."""
        return [c.label for c in self.columns if c.role == role]


@dataclass(frozen=True)
class LongRows:
    """Long rows (``LONG_COLUMNS``), the layout they were read with, and the input rows that did
    not become values (titles, notes, rows without a region), each with its reason."""

    rows: pd.DataFrame
    info: LayoutInfo
    rejected: list[dict[str, object]]


LONG_COLUMNS = {
    "row_no": "int64",
    "region_raw": "str",
    "name_raw": "str",
    "province_raw": "str",
    "indicator_raw": "str",
    "year": "Int64",
    "year_raw": "str",
    "value_raw": "str",
    "value_native": "bool",
    "column": "str",
    "unit_raw": "str",
    "percent": "bool",
}


def parse_year(text: str) -> int | None:
    """A year cell (``2020``, ``2020*``, ``Tahun 2021``, Excel's 2020.0); None when it is not one."""
    return parse_period(text)[0]


def parse_period(text: str) -> tuple[int | None, bool]:
    """The year of a period cell and whether the period is shorter than a year.

    Complaint logs and monthly reports carry ``2024-01`` or ``Januari 2024``: the dashboard keeps
    one value per year, so their rows are read with their year and the table is flagged, rather
    than refused or silently added up.
    """
    raw = text.strip()
    found = _YEAR_CELL.fullmatch(raw)
    if found:
        return int(found.group(1)), False
    for pattern in _SUB_ANNUAL:
        found = pattern.fullmatch(raw)
        if found:
            return int(found.group(1)), True
    return None, False


def _header_year(label: str) -> tuple[int | None, str]:
    """The year a header names and what is left of it (``IPM 2020`` -> 2020, ``IPM``)."""
    years = _YEAR_IN_LABEL.findall(label)
    if len(set(years)) != 1:
        return None, label
    rest = _YEAR_IN_LABEL.sub(" ", label)
    rest = _FILLER.sub(" ", rest)
    rest = re.sub(r"[\s*()\[\]_\-–›:/]+$", "", re.sub(r"^[\s*()\[\]_\-–›:/]+", "", rest))
    return int(years[0]), re.sub(r"\s+", " ", rest).strip()


def _tokens(label: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", label.lower()))


def _label_role(label: str) -> str:
    """A column's role from its header text alone ("" when the header does not say)."""
    text = label.strip().lower()
    if not text:
        return ""
    if _header_year(label)[0] is not None:
        return "value"
    # Words in brackets are units ("(Tahun)", "(Jiwa)", "(%)"), not what the column is: read them
    # only when nothing else is left ("(Tahun)" alone still names a year column).
    outside = _UNIT_IN_PARENS.sub(" ", label)
    if _tokens(outside):
        label, text = outside, outside.strip().lower()
    tokens = _tokens(label)
    if tokens and tokens <= _COORDINATE_WORDS | _COORDINATE_FILLER:  # every word says position ("x" alone, not "x rumah")
        return "coordinate"
    if tokens & _IDENTIFIER_WORDS:
        return "ignore"
    joined = " ".join(re.findall(r"[a-z0-9]+", text))
    if joined in _IGNORE_LABELS or text == "#":
        return "ignore"
    if tokens & _INDICATOR_WORDS:
        return "indicator"
    is_code = bool(tokens & _CODE_WORDS) or joined.startswith("kode") or joined in {"bps", "kemendagri", "kode bps"}
    region_words = tokens & (_REGION_WORDS | {"kabupaten/kota"})
    if tokens & _PROVINCE_WORDS and not region_words:
        return "province_code" if is_code else "province"
    if is_code:
        return "code"
    if region_words or tokens & _NAME_WORDS:
        return "name"
    if tokens & _YEAR_WORDS:
        return "year"
    if tokens & _UNIT_WORDS:
        return "unit"
    if tokens & _IGNORE_WORDS:
        return "ignore"
    return "value"


def _is_percent_label(label: str) -> bool:
    lowered = label.lower()
    return any(word in lowered for word in _PERCENT_WORDS)


def _is_numeric(text: str, native: bool) -> bool:
    return native or vote(text) in {"id", "en", "either", "plain"}


def _is_code_like(text: str) -> bool:
    return bool(re.fullmatch(r"\d{2}(\.\d{1,2})?|\d{4}", text.strip()))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _cell(row: RawRow, index: int) -> str:
    return row.cells[index] if index < len(row.cells) else ""


def _nonempty(row: RawRow) -> list[int]:
    return [i for i, c in enumerate(row.cells) if c]


def _is_numbering_row(row: RawRow) -> bool:
    """BPS publications put "(1) (2) (3)" under the header; it numbers columns, it is not data."""
    cells = [row.cells[i] for i in _nonempty(row)]
    if len(cells) < 2 or not all(_NUMBERING.fullmatch(c) for c in cells):
        return False
    numbers = [int(re.sub(r"\D", "", c)) for c in cells]
    return numbers == sorted(numbers) and len(set(numbers)) == len(numbers) and any("(" in c for c in cells)


def _note(row: RawRow, reason: str, detail: str = "") -> dict[str, object]:
    text = " ".join(c for c in row.cells if c)
    return {"row_no": row.row_no, "column": "", "region": "", "value": "", "reason_key": reason, "detail": detail or text[:120]}


def to_long(table: RawTable, year: int | None = None, roles: Mapping[str, str] | None = None) -> LongRows:
    """Detect the table's layout and melt it into long rows.

    ``year`` is the caller's year for a table that names none (a one-year SPM report); a year in
    the columns or in a year column always wins over it. ``roles`` ({column label: role}, roles in
    :data:`ROLES`) are the editor's corrections of the detected roles; they always win.
    """
    header_rows, body, titles, rejected = _header(table)
    width = max(table.width, 1)
    columns = _assign_roles(_combined_labels(header_rows, width), body, width, roles or {})
    picked = _pick_columns(columns)
    title_years = {y for t in titles for y in _YEAR_IN_LABEL.findall(t)}
    title_year = int(next(iter(title_years))) if len(title_years) == 1 else None
    fallback_year = year if year is not None else title_year
    picked = _place_in_time(picked, fallback_year)
    title = titles[0] if titles else ""
    melted = _melt(body, header_rows, picked, fallback_year, title)
    rejected += melted.rejected
    frame = pd.DataFrame(melted.records).astype(LONG_COLUMNS)
    if frame.empty:
        raise UploadError("upload_error_no_rows")
    kind = _kind(melted.caps_provinces and melted.provinces_with_regencies > 0, picked.year, picked.values)
    years = sorted({int(y) for y in frame["year"].dropna()})
    params: dict[str, object] = {
        "columns": len(picked.values),
        "years": f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "—"),
        "indicators": int(frame["indicator_raw"].nunique()),
        "provinces": melted.province_rows,
    }
    info = LayoutInfo(
        kind,
        Explanation(f"upload_layout_{kind}", params),
        tuple(r.row_no for r in header_rows),
        tuple(picked.columns),
        title,
        melted.province_rows,
        picked.year.label if melted.sub_annual and picked.year is not None else "",
    )
    return LongRows(frame, info, rejected)


def _header(table: RawTable) -> tuple[list[RawRow], list[RawRow], list[str], list[dict[str, object]]]:
    """The header row (the first of two or more filled cells), a second one below it where there is
    one (BPS: the years under a title that spans them), the body, the title lines above, and those
    title lines as rejected rows."""
    rows = table.rows
    header_at = next((i for i, r in enumerate(rows[:_HEADER_SCAN]) if len(_nonempty(r)) >= 2), None)
    if header_at is None:
        raise UploadError("upload_error_single_column" if table.width <= 1 else "upload_error_no_header")
    top = rows[header_at]
    if any(_is_numeric(top.cells[i], i in top.native) and _header_year(top.cells[i])[0] is None for i in _nonempty(top)):
        raise UploadError("upload_error_no_header", row=top.row_no)
    rejected: list[dict[str, object]] = [_note(r, "upload_reason_title_row") for r in rows[:header_at]]
    titles = [" ".join(c for c in r.cells if c) for r in rows[:header_at]]
    header_rows = [top]
    body_at = header_at + 1
    if body_at < len(rows):
        sub = rows[body_at]
        first = _nonempty(top)[0]
        filled = _nonempty(sub)
        years_below = [i for i in filled if _header_year(sub.cells[i])[0] is not None]
        texts_below = [i for i in filled if not _is_numeric(sub.cells[i], i in sub.native)]
        spans = [i for i in filled if not _cell(top, i)]
        if (
            filled
            and not _cell(sub, first)
            and len(years_below) + len(texts_below) == len(filled)
            and (years_below or spans)
            and not any(is_total(sub.cells[i]) or province_code_of(sub.cells[i]) for i in texts_below)
        ):
            header_rows.append(sub)
            body_at += 1
    return header_rows, rows[body_at:], titles, rejected


@dataclass(frozen=True)
class _Picked:
    """The columns read in each role: one per role, and every value column."""

    columns: list[Column]
    values: list[Column]
    code: Column | None
    name: Column | None
    province: Column | None
    indicator: Column | None
    year: Column | None
    unit: Column | None


def _pick_columns(columns: list[Column]) -> _Picked:
    """The first column of each role; refuses a table without values or without a region column."""
    by_role: dict[str, list[Column]] = {}
    for column in columns:
        by_role.setdefault(column.role, []).append(column)
    value_columns = by_role.get("value", [])
    if not value_columns:
        raise UploadError("upload_error_no_value_column")

    def first(*names: str) -> Column | None:
        return next((by_role[n][0] for n in names if by_role.get(n)), None)

    code_col, name_col, province_col = first("code"), first("name"), first("province", "province_code")
    if code_col is None and name_col is None and province_col is not None:
        name_col, province_col = province_col, None  # a table by province: its rows are reported, not lost
    if code_col is None and name_col is None:
        raise UploadError("upload_error_no_region_column")
    return _Picked(columns, value_columns, code_col, name_col, province_col, first("indicator"), first("year"), first("unit"))


def _place_in_time(picked: _Picked, fallback_year: int | None) -> _Picked:
    """Every value column needs a year: from its header, a year column, or the title or caller."""
    if picked.year is not None or fallback_year is not None:
        return picked
    values = picked.values
    columns = picked.columns
    if any(c.year is not None for c in values):
        # Years in some headers ("IPM 2024", "IPM 2025") and none in others ("Luas"): the columns
        # without a year cannot be placed in time; they are shown as ignored, the rest is read.
        dated = {c.index for c in values if c.year is not None}
        columns = [c if c.role != "value" or c.index in dated else Column(c.index, c.label, "ignore") for c in columns]
        values = [c for c in values if c.index in dated]
    if any(c.year is None for c in values):
        raise UploadError("upload_error_no_year")
    return _Picked(columns, values, picked.code, picked.name, picked.province, picked.indicator, picked.year, picked.unit)


@dataclass
class _Melted:
    records: dict[str, list[object]]
    rejected: list[dict[str, object]]
    caps_provinces: bool
    province_rows: int = 0
    provinces_with_regencies: int = 0
    sub_annual: bool = False


def _melt(body: list[RawRow], header_rows: list[RawRow], picked: _Picked, fallback_year: int | None, title: str) -> _Melted:
    """One record per value cell of the body; rows that are not data are rejected with a reason.

    A CAPITALS province row (BPS) gives the province of the regencies below it."""
    code_col, name_col = picked.code, picked.name
    region_col = name_col if name_col is not None else code_col
    region_index = region_col.index if region_col is not None else 0  # _pick_columns refuses a table with neither
    caps_provinces = any(
        _is_caps(_cell(r, region_index)) and province_code_of(_cell(r, region_index)) for r in body if _cell(r, region_index)
    )
    out = _Melted({name: [] for name in LONG_COLUMNS}, [], caps_provinces)
    records, rejected = out.records, out.rejected
    province_context = ""
    context_pending = False
    header_cells = [r.cells for r in header_rows]
    value_indexes = [c.index for c in picked.values]
    for row in body:
        if row.cells in header_cells:
            rejected.append(_note(row, "upload_reason_repeated_header"))
            continue
        if _is_numbering_row(row):
            rejected.append(_note(row, "upload_reason_title_row"))
            continue
        code = _cell(row, code_col.index) if code_col else ""
        name = _cell(row, name_col.index) if name_col else ""
        both = _CODE_AND_NAME.fullmatch(name) if not code else None
        if both:  # a code and a name in one cell: the name checks the code, as a separate column would
            code, name = both.group(1), both.group(2).strip()
        region_text = name or code
        has_values = any(not is_missing(_cell(row, i)) for i in value_indexes)
        if not code and not name:
            rejected.append(_note(row, "upload_reason_no_region" if has_values else "upload_reason_note_row"))
            continue
        if not has_values and _is_note(region_text):
            rejected.append(_note(row, "upload_reason_note_row"))
            continue
        if name and province_code_of(name) and (_is_caps(name) or not caps_provinces):
            province_context = name
            out.province_rows += 1
            context_pending = True
        elif context_pending and not is_total(region_text):
            out.provinces_with_regencies += 1
            context_pending = False
        province = _cell(row, picked.province.index) if picked.province else province_context
        row_indicator = _cell(row, picked.indicator.index) if picked.indicator else ""
        row_year_raw = _cell(row, picked.year.index) if picked.year else ""
        unit = _cell(row, picked.unit.index) if picked.unit else ""
        for column in picked.values:
            if column.year is not None:
                year_value: int | None = column.year
                year_raw = str(column.year)
            elif picked.year is not None:
                year_raw = row_year_raw
                year_value, shorter = parse_period(row_year_raw)
                out.sub_annual = out.sub_annual or shorter
            else:
                year_value = fallback_year
                year_raw = str(fallback_year)
            # a row's indicator (or sector) refines the column's: "Jumlah pengaduan › Kesehatan"
            indicator = " › ".join(p for p in (column.indicator, row_indicator) if p) or title
            records["row_no"].append(row.row_no)
            records["region_raw"].append(code or name)
            records["name_raw"].append(name if code else "")
            records["province_raw"].append(province)
            records["indicator_raw"].append(indicator)
            records["year"].append(year_value)
            records["year_raw"].append(year_raw)
            records["value_raw"].append(_cell(row, column.index))
            records["value_native"].append(column.index in row.native)
            records["column"].append(column.label)
            records["unit_raw"].append(unit)
            records["percent"].append(column.percent or _is_percent_label(indicator))
    return out


def _kind(province_sections: bool, year_col: Column | None, value_columns: list[Column]) -> str:
    if province_sections:
        return "bps_export"
    if year_col is not None and len(value_columns) == 1:
        return "long"
    if any(c.year is not None for c in value_columns):
        return "wide_year"
    return "wide_indicator"


def _is_note(text: str) -> bool:
    lowered = text.strip().lower()
    return len(lowered) > _NOTE_LENGTH or "http" in lowered or ":" in lowered or lowered.startswith(_NOTE_START)


def _combined_labels(header_rows: list[RawRow], width: int) -> list[tuple[str, str]]:
    """(top, below) per column; a title over several columns (a merged cell) spans them."""
    top = [_cell(header_rows[0], i) for i in range(width)]
    below = [_cell(header_rows[1], i) for i in range(width)] if len(header_rows) > 1 else [""] * width
    spanned = list(top)
    for i in range(1, width):
        if not spanned[i] and below[i] and spanned[i - 1] and below[i - 1]:
            spanned[i] = spanned[i - 1]
    return list(zip(spanned, below, strict=True))


def _assign_roles(labels: list[tuple[str, str]], body: list[RawRow], width: int, overrides: Mapping[str, str]) -> list[Column]:
    """Roles from the header words, then checked against the cells below them; the editor's
    ``overrides`` (by label) win over both."""
    stats = [_content(body, i) for i in range(width)]
    columns: list[Column] = []
    taken: set[str] = set()
    for index, (top, below) in enumerate(labels):
        label = " › ".join(p for p in (top, below) if p)
        role = _label_role(label)
        text_share, code_share, filled = stats[index]
        if role == "year" and filled and _year_share(body, index) < 0.5:
            role = "value"  # "Tahun" over cells like 7,53 is a unit, not the period
        shown = label or f"#{index + 1}"
        if overrides.get(shown) in ROLES:
            role = str(overrides[shown])
            if role == "province":
                role = "province_code" if code_share >= 0.9 else "province"
            if role in taken and role != "value":
                taken.discard(role)  # the editor's column wins over a detected one of the same kind
                columns = [c if c.role != role else Column(c.index, c.label, "ignore") for c in columns]
            if role != "value":
                taken.add(role)
                columns.append(Column(index, shown, role))
                continue
        if role == "" and filled:  # no header: the cells decide
            if code_share >= 0.9 and "code" not in taken and "name" not in taken:
                role = "code"
            elif text_share >= 0.6:
                role = "name" if "name" not in taken and "code" not in taken else "ignore"
            else:
                role = "value"
        elif role == "":
            role = "empty"  # no header and no cells: nothing to read, nothing to report
        if role in {"code", "name", "province", "province_code", "indicator", "year", "unit"} and role in taken:
            role = "ignore"  # a second column of the same kind is shown as ignored, not guessed at
        if role == "value" and filled and text_share >= 0.6 and overrides.get(shown) != "value":
            role = "ignore"  # a text column (notes, status words) is not values
        taken.add(role)
        year, rest = _header_year(label) if role == "value" else (None, label)
        if role == "value":
            parts = [p for p in (top, below) if p]
            indicator_parts = [p for p in parts if _header_year(p)[0] is None]
            indicator = " › ".join(indicator_parts) if indicator_parts else rest
            if year is None and set(_tokens(label)) <= _VALUE_WORDS:
                indicator = ""  # "nilai" names no indicator; the title or indicator column will
            columns.append(Column(index, label or f"#{index + 1}", role, indicator, year, _is_percent_label(label)))
        else:
            columns.append(Column(index, label or f"#{index + 1}", role))
    if not any(c.role in {"code", "name"} for c in columns):
        columns = _region_by_content(columns, stats)
    return columns


def _region_by_content(columns: list[Column], stats: list[tuple[float, float, int]]) -> list[Column]:
    """No header names a region column: the leftmost column of names (or codes) is one."""
    for position, column in enumerate(columns):
        text_share, code_share, filled = stats[column.index]
        if column.role in {"value", "ignore"} and filled:
            if text_share >= 0.6:
                columns[position] = Column(column.index, column.label, "name")
                return columns
            if code_share >= 0.9 and position == 0:
                columns[position] = Column(column.index, column.label, "code")
                return columns
    return columns


def _year_share(body: list[RawRow], index: int) -> float:
    """Share of the filled cells of a column that read as a year (or a month or date of one)."""
    cells = [c for r in body[:_CONTENT_SAMPLE] if (c := _cell(r, index)) and not is_missing(c)]
    return sum(parse_period(c)[0] is not None for c in cells) / len(cells) if cells else 0.0


def _content(body: list[RawRow], index: int) -> tuple[float, float, int]:
    """Share of text cells and of code-like cells among the filled cells of a column (judged on
    the first rows: a column's kind shows long before 100,000 rows)."""
    text = code = filled = 0
    for row in body[:_CONTENT_SAMPLE]:
        cell = _cell(row, index)
        if not cell or is_missing(cell):
            continue
        filled += 1
        native = index in row.native
        if _is_code_like(cell):
            code += 1
        if not _is_numeric(cell, native):
            text += 1
    return (text / filled, code / filled, filled) if filled else (0.0, 0.0, 0)
