"""Uploaded bytes to raw tables of text, refusing what is not a plain table before parsing it.

Officials send what their office software gives them: a CSV saved by an Indonesian Excel
(semicolons, cp1252), a UTF-8 file with a byte-order mark, an .xlsx downloaded from bps.go.id, and
sometimes an old .xls renamed, a macro workbook or a PDF. This module only decides what the bytes
are and turns them into rows of text; what the rows mean is :mod:`services.upload.layout`'s job.

Every refusal is an :class:`UploadError` carrying a translation key, so the page says what is
wrong in the user's language and never shows a traceback. Nothing in a file is evaluated: Excel is
read with ``data_only`` (a formula gives its cached result or nothing) and a text starting with
``=`` stays text.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import warnings
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import PurePath
from typing import NamedTuple

_LOG = logging.getLogger(__name__)

# --- Limits (enforced before the whole file is parsed wherever the format allows) -----------------
MAX_FILE_BYTES = 10 * 1024 * 1024  # a BPS table of every regency in Indonesia is < 5 MB; twice that leaves room
MAX_ROWS = 100_000  # 56 regencies × 35 years × 50 indicators in long form, or all 514 regencies × 20 years × 10
MAX_COLUMNS = 500  # a wide table of 40 years × 12 indicators is 480 columns; wider is not a regency table
MAX_CELLS = 2_000_000  # bounds the memory held for one upload (~200 MB of Python strings) whatever the shape
MAX_INFLATED_BYTES = 100 * 1024 * 1024  # a 5 MB .xlsx inflates to ~40 MB of XML; far more is a zip bomb
MAX_ROW_INDEX = 2 * MAX_ROWS  # Excel row numbers beyond this are padding or a trap, not data
_SNIFF_LINES = 50  # enough lines to see a delimiter's pattern, few enough to stay instant
_BINARY_CONTROL_SHARE = 0.01  # text files have no control characters; random bytes have ~10 %

ALLOWED_EXTENSIONS = frozenset({".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ""})


class UploadError(Exception):
    """The one error a malformed upload raises: a translation key and the values its text needs.

    The page shows ``t(error.key, lang, **error.details)``; the key names the problem, never the
    Python exception behind it (that goes to the log).
    """

    def __init__(self, key: str, **details: object) -> None:
        super().__init__(key)
        self.key = key
        self.details: dict[str, object] = details

    def __str__(self) -> str:
        return f"{self.key} {self.details}" if self.details else self.key


class Explanation(NamedTuple):
    """A decision the upload made, told as a translation key and the values its text needs."""

    key: str
    params: dict[str, object]


class RawRow(NamedTuple):
    """One non-empty row: its number as the user sees it (Excel row, CSV record) and its cells."""

    row_no: int
    cells: tuple[str, ...]
    native: frozenset[int] = frozenset()  # positions of cells that Excel stored as numbers


@dataclass(frozen=True)
class RawTable:
    """A sheet or a CSV file as text cells; empty rows are left out, row numbers are kept."""

    name: str
    rows: list[RawRow]
    source: str  # "csv" or "xlsx"
    encoding: str | None = None
    delimiter: str | None = None

    @property
    def width(self) -> int:
        """Cells in the widest row: a table one cell wide cannot pair a region with a value."""
        return max((len(r.cells) for r in self.rows), default=0)


def read_tables(file_name: str, data: bytes) -> list[RawTable]:
    """Every table in the upload (a CSV gives one, a workbook one per sheet with content).

    The content decides the format, not the name: a CSV saved as ``.xlsx`` is still read, a
    ``.xls`` renamed ``.xlsx`` is named for what it is.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("data must be bytes")
    data = bytes(data)
    size = len(data)
    if size > MAX_FILE_BYTES:
        raise UploadError("upload_error_too_large", size_mb=_mb(size), max_mb=_mb(MAX_FILE_BYTES))
    extension = PurePath(file_name or "").suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise UploadError("upload_error_file_type", extension=extension or "?")
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise UploadError("upload_error_empty")
    kind = _sniff(data)
    if kind == "zip":
        tables = _read_xlsx(data, extension)
    elif kind == "ole":
        raise UploadError("upload_error_xls")
    elif kind != "text":
        raise UploadError("upload_error_file_type", extension=kind)
    else:
        tables = [_read_csv(data, file_name)]
    tables = [t for t in tables if t.rows]
    if not tables:
        raise UploadError("upload_error_empty")
    if all(t.width <= 1 for t in tables):
        raise UploadError("upload_error_single_column")
    return [t for t in tables if t.width > 1] or tables


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


# Magic numbers of formats people upload by mistake; named so the message can say what it is.
_MAGIC = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # .xls, .doc, or an encrypted .xlsx
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf", "7z"),
    (b"Rar!", "RAR"),
)


def _sniff(data: bytes) -> str:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return "text"


# --- CSV ---------------------------------------------------------------------------------------------


def _read_csv(data: bytes, file_name: str) -> RawTable:
    text, encoding = decode_text(data)
    if _looks_binary(text):
        raise UploadError("upload_error_binary")
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html", "<table", "<?xml")) or "<table" in head:
        raise UploadError("upload_error_html")
    if max(text.count("\n"), text.count("\r")) > 2 * MAX_ROWS:  # cheap guard; blank lines are allowed, rows are counted below
        raise UploadError("upload_error_too_many_rows", max_rows=MAX_ROWS)
    first_line_no = 1
    delimiter: str | None = None
    match = re.match(r"\s*sep=(.)\s*?(\r\n|\n|\r)", text)  # Excel's "sep=;" first line
    if match:
        delimiter, text, first_line_no = match.group(1), text[match.end() :], 2
    if delimiter is None:
        delimiter = sniff_delimiter(text)
    rows: list[RawRow] = []
    cells_total = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    line_no = first_line_no - 1
    try:
        for record in reader:
            start = line_no + 1
            line_no = reader.line_num + first_line_no - 1
            cells = _trim(tuple(_clean_text(c) for c in record))
            if not cells:
                continue
            if len(cells) > MAX_COLUMNS:
                raise UploadError("upload_error_too_many_columns", max_columns=MAX_COLUMNS)
            cells_total += len(cells)
            if len(rows) >= MAX_ROWS:
                raise UploadError("upload_error_too_many_rows", max_rows=MAX_ROWS)
            if cells_total > MAX_CELLS:
                raise UploadError("upload_error_too_many_cells", max_cells=MAX_CELLS)
            rows.append(RawRow(start, cells))
    except csv.Error as error:  # a field longer than the csv module's limit, mostly
        _LOG.info("csv parse failed: %s", error)
        raise UploadError("upload_error_csv_malformed", line=line_no + 1) from None
    return RawTable(PurePath(file_name or "upload").name, rows, "csv", encoding=encoding, delimiter=delimiter)


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in; a file mixing UTF-8 and cp1252 lines is read line by line.

    Offices edit the same CSV in Excel (cp1252) and in a browser or LibreOffice (UTF-8), so one
    file can hold both; decoding each line on its own keeps every character instead of failing.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_lines(data[3:], "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16 with tabs
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise UploadError("upload_error_encoding") from None
    return _decode_lines(data, None)


def _decode_lines(data: bytes, label: str | None) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), label or "utf-8"
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    seen_utf8 = seen_cp1252 = False
    for line in data.splitlines(keepends=True):
        try:
            decoded = line.decode("utf-8")
            seen_utf8 |= not line.isascii()
        except UnicodeDecodeError:
            seen_cp1252 = True
            try:
                decoded = line.decode("cp1252")
            except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
                decoded = line.decode("latin-1")
        parts.append(decoded)
    encoding = "utf-8+cp1252" if seen_utf8 and seen_cp1252 else "cp1252"
    return "".join(parts), encoding


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:65536]
    controls = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f\v") or c == "\x7f")
    return controls > _BINARY_CONTROL_SHARE * max(len(sample), 1)


_DELIMITERS = (";", ",", "\t", "|")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently into the most columns.

    Python's ``csv.Sniffer`` guesses wrong on Indonesian files, where ``67,03;68,10`` has commas
    in every value: counting how consistently each candidate splits the lines (header and
    missing-value rows included) separates the decimal comma from the field separator.
    """
    lines = [line for line in text[:200_000].splitlines() if line.strip()][:_SNIFF_LINES]
    sample = "\n".join(lines)
    best, best_score = ",", (-1.0, 0)
    for delimiter in _DELIMITERS:
        try:
            widths = [len(_trim(tuple(r))) for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if any(r)]
        except csv.Error:
            continue
        if not widths:
            continue
        mode = max(set(widths), key=lambda w: (widths.count(w), w))
        if mode < 2:
            continue
        consistency = sum(1 for w in widths if w == mode) / len(widths)
        score = (round(consistency, 2), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _clean_text(value: str) -> str:
    return value.replace("\xa0", " ").strip()


def _trim(cells: tuple[str, ...]) -> tuple[str, ...]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


# --- XLSX --------------------------------------------------------------------------------------------


def _read_xlsx(data: bytes, extension: str) -> list[RawTable]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise UploadError("upload_error_broken_excel") from None
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            raise UploadError("upload_error_file_type", extension="Word (.docx)")
        if "content.xml" in names and "mimetype" in names:
            raise UploadError("upload_error_file_type", extension="OpenDocument (.ods)")
        raise UploadError("upload_error_broken_excel")
    if extension == ".xlsm" or any(n.lower().endswith("vbaproject.bin") for n in names):
        raise UploadError("upload_error_macro")
    if sum(m.file_size for m in members) > MAX_INFLATED_BYTES:
        raise UploadError("upload_error_excel_too_big", max_mb=_mb(MAX_INFLATED_BYTES))
    if any(m.flag_bits & 0x1 for m in members):  # encrypted members
        raise UploadError("upload_error_broken_excel")
    try:
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                with archive.open(member) as handle:
                    head = handle.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:  # no Office file declares entities
                    raise UploadError("upload_error_broken_excel")
        _check_cell_counts(archive, [m for m in members if m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml")])
        return _read_workbook(data)
    except UploadError:
        raise
    except Exception as error:  # any failure inside openpyxl means a workbook it cannot read
        _LOG.info("xlsx parse failed: %r", error)
        raise UploadError("upload_error_broken_excel") from None


_STYLED_EMPTY_FLOOR = 200_000  # below this, openpyxl reads any sheet in about a second


def _check_cell_counts(archive: zipfile.ZipFile, sheets: list[zipfile.ZipInfo]) -> None:
    """Refuse, from the raw XML and in milliseconds, a workbook whose sheets hold millions of cells
    that are formatted but empty (a 112 KB file of 5 million styled cells cost openpyxl 34 s
    before "empty file"). Cells are counted by their tags, values by theirs: approximate at chunk
    edges, which is plenty for a guard."""
    cells = values = 0
    for member in sheets:
        with archive.open(member) as handle:
            tail = b""
            while chunk := handle.read(1 << 20):
                buffer = tail + chunk
                cells += buffer.count(b"<c ") + buffer.count(b"<c>")
                values += buffer.count(b"<v>") + buffer.count(b"<v ") + buffer.count(b"<is>")
                tail = buffer[-2:]  # shorter than a tag: nothing is counted twice
    if cells > MAX_CELLS:
        raise UploadError("upload_error_too_many_cells", max_cells=MAX_CELLS)
    if cells > _STYLED_EMPTY_FLOOR and values * 20 < cells:
        raise UploadError("upload_error_styled_empty", cells=cells, values=values)


def _read_workbook(data: bytes) -> list[RawTable]:
    import openpyxl  # imported here: CSV uploads and the page never pay for it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        try:
            tables: list[RawTable] = []
            cells_total = 0
            for sheet in book.worksheets:
                sheet.reset_dimensions()  # some exporters write a wrong <dimension>; read what is there
                rows: list[RawRow] = []
                # Without max_col each row is as long as its last cell (no padding to a fixed width).
                for row_no, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    if row_no > MAX_ROW_INDEX:
                        raise UploadError("upload_error_too_many_rows", max_rows=MAX_ROWS)
                    end = len(values)
                    while end and values[end - 1] is None:
                        end -= 1
                    if end > MAX_COLUMNS:
                        raise UploadError("upload_error_too_many_columns", max_columns=MAX_COLUMNS)
                    converted = [_cell_text(v) for v in values[:end]]
                    cells = _trim(tuple(text for text, _ in converted))
                    if not cells:
                        continue
                    native = frozenset(i for i, (_, is_number) in enumerate(converted) if is_number and i < len(cells))
                    cells_total += len(cells)
                    if len(rows) >= MAX_ROWS:
                        raise UploadError("upload_error_too_many_rows", max_rows=MAX_ROWS)
                    if cells_total > MAX_CELLS:
                        raise UploadError("upload_error_too_many_cells", max_cells=MAX_CELLS)
                    rows.append(RawRow(row_no, cells, native))
                tables.append(RawTable(str(sheet.title), rows, "xlsx"))
            return tables
        finally:
            book.close()


def _cell_text(value: object) -> tuple[str, bool]:
    """A cell as text, and whether Excel stored it as a number (then no locale guess is needed)."""
    if value is None:
        return "", False
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), False
    if isinstance(value, int):
        return str(value), True
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return "", False
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value)), True
        return repr(value), True
    if isinstance(value, datetime):
        return (value.date().isoformat() if value.time() == time(0) else value.isoformat()), False
    if isinstance(value, date | time):
        return value.isoformat(), False
    return _clean_text(str(value)), False
