"""Uploaded bytes become tables of text, or a clear, translatable refusal; numbers read per column."""

from __future__ import annotations

import io
import random
import zipfile

import openpyxl
import pytest

from kalimantan_equity.services.upload import numbers, reader
from kalimantan_equity.services.upload.reader import UploadError, read_tables
from tests.upload_support import csv_bytes, xlsx_bytes

INDONESIAN_ROWS = [
    ["Kabupaten/Kota", "Tahun", "Capaian SPM Pendidikan (%)"],
    ["Kab. Sambas", "2023", "67,03"],
    ["Kab. Kapuas Hulu", "2023", "-"],
]


def _error(file_name: str, data: bytes) -> UploadError:
    with pytest.raises(UploadError) as caught:
        read_tables(file_name, data)
    return caught.value


# --- encodings and delimiters ----------------------------------------------------------------------


def test_semicolon_csv_with_decimal_commas_keeps_its_columns() -> None:
    (table,) = read_tables("spm.csv", csv_bytes(INDONESIAN_ROWS, sep=";"))
    assert table.delimiter == ";"
    assert [r.cells for r in table.rows] == [tuple(r) for r in INDONESIAN_ROWS]
    assert [r.row_no for r in table.rows] == [1, 2, 3]


def test_comma_csv_with_quoted_decimal_commas() -> None:
    (table,) = read_tables("spm.csv", csv_bytes(INDONESIAN_ROWS, sep=","))
    assert table.delimiter == ","
    assert table.rows[1].cells == ("Kab. Sambas", "2023", "67,03")


def test_utf8_with_byte_order_mark_has_a_clean_first_header() -> None:
    (table,) = read_tables("spm.csv", b"\xef\xbb\xbf" + csv_bytes(INDONESIAN_ROWS))
    assert table.rows[0].cells[0] == "Kabupaten/Kota"
    assert table.encoding == "utf-8-sig"


def test_cp1252_file_from_an_indonesian_excel() -> None:
    rows = [
        ["Wilayah", "Indikator", "2022"],
        ["Kab. Paser", "Rasio murid–guru (Pendidikan dasar)", "17,5"],
        ["Kota Tarakan", "Catatan: dicek ulang", "16,2"],
    ]
    (table,) = read_tables("rasio.csv", csv_bytes(rows, encoding="cp1252"))
    assert table.encoding == "cp1252"
    assert table.rows[1].cells[1] == "Rasio murid–guru (Pendidikan dasar)"


def test_a_file_mixing_utf8_and_cp1252_lines_keeps_every_character() -> None:
    data = b"Wilayah;Keterangan;2022\r\n" + "Kab. Berau;Ibu kota Tanjung Redeb – dicek;1,5\r\n".encode("cp1252")
    data += "Kota Bontang;Wilayah pesisir – Rp 1.000;2,5\r\n".encode()
    (table,) = read_tables("mixed.csv", data)
    assert table.encoding == "utf-8+cp1252"
    assert table.rows[1].cells[1].endswith("– dicek")
    assert table.rows[2].cells[1] == "Wilayah pesisir – Rp 1.000"


def test_excel_unicode_text_is_utf16_with_tabs() -> None:
    text = "Wilayah\tTahun\tNilai\r\nKab. Sintang\t2021\t66,93\r\n"
    (table,) = read_tables("export.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    assert table.delimiter == "\t"
    assert table.rows[1].cells == ("Kab. Sintang", "2021", "66,93")


def test_excel_sep_line_sets_the_delimiter_and_row_numbers_stay_true() -> None:
    (table,) = read_tables("x.csv", b"sep=;\r\nWilayah;Nilai\r\nKab. Sambas;1,5\r\n\r\nKab. Landak;2,5\r\n")
    assert table.delimiter == ";"
    assert [(r.row_no, r.cells[0]) for r in table.rows] == [(2, "Wilayah"), (3, "Kab. Sambas"), (5, "Kab. Landak")]


def test_a_text_starting_with_equals_stays_text() -> None:
    (table,) = read_tables("x.csv", csv_bytes([["Wilayah", "Nilai"], ['=HYPERLINK("http://x")', "=1+1"]]))
    assert table.rows[1].cells == ('=HYPERLINK("http://x")', "=1+1")


# --- refusals --------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n   \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"])
def test_an_empty_file_is_refused(data: bytes) -> None:
    assert _error("kosong.csv", data).key == "upload_error_empty"


@pytest.mark.parametrize("name", ["data.csv", "data.xlsx", "data.txt"])
def test_random_binary_is_refused_whatever_its_name(name: str) -> None:
    data = random.Random(7).randbytes(4096)
    assert _error(name, data).key in {"upload_error_binary", "upload_error_file_type"}
    assert _error(name, b"Wilayah;Nilai\nSambas;\x00\x01\x02\x03").key == "upload_error_binary"


def test_an_old_xls_renamed_xlsx_is_named_for_what_it_is() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + random.Random(1).randbytes(2048)
    assert _error("laporan.xlsx", ole).key == "upload_error_xls"
    assert _error("laporan.xls", ole).key == "upload_error_xls"


def test_a_web_page_saved_as_xls_is_recognised() -> None:
    html = b"<html><body><table><tr><td>Sambas</td><td>67,03</td></tr></table></body></html>"
    assert _error("bps.xls", html).key == "upload_error_html"


def test_other_file_types_are_refused_by_name_and_by_content() -> None:
    assert _error("data.json", b'{"a": 1}').key == "upload_error_file_type"
    error = _error("laporan.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    assert (error.key, error.details["extension"]) == ("upload_error_file_type", "PDF")


def _valid_xlsx() -> bytes:
    return xlsx_bytes({"Data": [["Wilayah", 2020], ["Kab. Sambas", 67.03]]})


def test_a_truncated_workbook_is_broken_excel() -> None:
    data = _valid_xlsx()
    assert _error("ipm.xlsx", data[: len(data) // 2]).key == "upload_error_broken_excel"


def test_a_zip_that_is_not_a_workbook() -> None:
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert _error("laporan.xlsx", docx.getvalue()).key == "upload_error_file_type"
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert _error("data.xlsx", other.getvalue()).key == "upload_error_broken_excel"


def _with_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr(name, content)
    return out.getvalue()


def test_macro_workbooks_are_refused() -> None:
    assert _error("makro.xlsm", _valid_xlsx()).key == "upload_error_macro"
    assert _error("makro.xlsx", _with_member(_valid_xlsx(), "xl/vbaProject.bin", b"\x00" * 64)).key == "upload_error_macro"


def test_xml_entities_in_a_workbook_are_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    assert _error("bom.xlsx", _with_member(_valid_xlsx(), "xl/custom.xml", bomb)).key == "upload_error_broken_excel"


def test_a_one_column_file_is_refused() -> None:
    assert _error("satu.csv", b"Wilayah\nKab. Sambas\nKab. Landak\n").key == "upload_error_single_column"
    assert _error("satu.xlsx", xlsx_bytes({"A": [["Wilayah"], ["Kab. Sambas"]]})).key == "upload_error_single_column"


# --- limits ----------------------------------------------------------------------------------------


def test_the_size_limit_is_checked_before_anything_is_parsed() -> None:
    data = b"Wilayah;Nilai\n" + b"x" * reader.MAX_FILE_BYTES
    error = _error("besar.csv", data)
    assert error.key == "upload_error_too_large"
    assert error.details["max_mb"] == "10.0"


def test_row_and_column_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_ROWS", 5)
    rows = [["Wilayah", "Nilai"]] + [[f"Kab. {i}", "1"] for i in range(10)]
    assert _error("panjang.csv", csv_bytes(rows)).key == "upload_error_too_many_rows"
    assert _error("panjang.xlsx", xlsx_bytes({"A": rows})).key == "upload_error_too_many_rows"
    monkeypatch.setattr(reader, "MAX_COLUMNS", 3)
    wide = [["Wilayah", "2019", "2020", "2021", "2022"], ["Kab. Sambas", "1", "2", "3", "4"]]
    assert _error("lebar.csv", csv_bytes(wide)).key == "upload_error_too_many_columns"
    assert _error("lebar.xlsx", xlsx_bytes({"A": wide})).key == "upload_error_too_many_columns"


def test_a_workbook_that_inflates_too_far_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_INFLATED_BYTES", 2_000)
    assert _error("bom.xlsx", _valid_xlsx()).key == "upload_error_excel_too_big"


# --- Excel cells -----------------------------------------------------------------------------------


def test_excel_cells_keep_numbers_as_numbers_and_never_evaluate_formulas() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kode", "Wilayah", 2020, 2021])
    sheet.append([61.1, "Kab. Melawi", 65.55, "65,87"])
    sheet.append(["6106", "=cmd|' /C calc'!A0", "=1+1", None])
    sheet["B3"].data_type = "s"  # a text cell that starts with "=", as a pasted name would
    buffer = io.BytesIO()
    book.save(buffer)
    (table,) = read_tables("ipm.xlsx", buffer.getvalue())
    header, melawi, trap = table.rows
    assert header.cells == ("Kode", "Wilayah", "2020", "2021") and header.native == frozenset({2, 3})
    assert melawi.cells == ("61.1", "Kab. Melawi", "65.55", "65,87") and melawi.native == frozenset({0, 2})
    assert trap.cells == ("6106", "=cmd|' /C calc'!A0")  # the formula has no cached result: empty, never "2"


def test_every_sheet_with_a_table_is_offered() -> None:
    data = xlsx_bytes({"Catatan": [["Dibuat oleh Dinas"]], "IPM": [["Wilayah", 2020], ["Kab. Sambas", 67.03]], "Kosong": []})
    tables = read_tables("buku.xlsx", data)
    assert [t.name for t in tables] == ["IPM"]


# --- numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [
        ("67,03", "id", 67.03),
        ("1.234.567", "id", 1234567.0),
        ("1.234,5", "id", 1234.5),
        ("1.234", "id", 1234.0),
        ("-12,5", "id", -12.5),
        ("\u221212,5", "id", -12.5),
        ("45,5%", "id", 45.5),
        ("Rp 1.500.000", "id", 1500000.0),
        ("1 234,5", "id", 1234.5),
        ("71.99", "en", 71.99),
        ("1,234.5", "en", 1234.5),
        ("1,234", "en", 1234.0),
        ("1.5E+03", "en", 1500.0),
        ("0", "en", 0.0),
    ],
)
def test_numbers_in_their_column_format(text: str, locale: str, value: float) -> None:
    parsed = numbers.parse_number(text, locale)
    assert parsed.reason is None
    assert parsed.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["-", "…", "..", "...", "", "NA", "n/a", "N/A", " - "])
def test_missing_markers_are_missing_not_zero(text: str) -> None:
    assert numbers.parse_number(text, "id") == numbers.Parsed(None, "upload_reason_missing_value")


@pytest.mark.parametrize("text", ["abc", "=1+1", "inf", "1e999", "12,5 ha", "#DIV/0!", "TRUE"])
def test_what_is_not_a_number_never_becomes_one(text: str) -> None:
    parsed = numbers.parse_number(text, "en")
    assert parsed.value is None and parsed.reason == "upload_reason_not_numeric"


def test_a_value_in_the_other_format_is_rejected_not_misread() -> None:
    assert numbers.parse_number("2.5", "id").reason == "upload_reason_number_format"
    assert numbers.parse_number("67,03", "en").reason == "upload_reason_number_format"


def test_the_column_format_comes_from_values_that_can_only_be_read_one_way() -> None:
    guess = numbers.guess_locale(["1.234", "67,03", "-", "12"])
    assert guess is not None and guess.locale == "id"
    assert guess.explanation.key == "upload_locale_decimal_comma"
    assert guess.explanation.params["example"] == "67,03"
    assert numbers.guess_locale(["71.99", "1.234"]).locale == "en"
    assert numbers.guess_locale(["1.234", "2.500", "12"]) is None  # could be either: nothing is decided


def test_a_column_that_cannot_tell_follows_the_file_then_the_delimiter() -> None:
    decided = numbers.guess_locale(["67,03"])
    assert decided is not None
    assert numbers.default_locale([decided], ",").locale == "id"
    assert numbers.default_locale([], ";").explanation.key == "upload_locale_from_semicolon"
    assert numbers.default_locale([], ",").locale == "en"
