"""From an official's messy file to a checked long table, a match report and every rejected row."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from kalimantan_equity.services import i18n
from kalimantan_equity.services.strings.upload import STRINGS
from kalimantan_equity.services.upload import Prepared, UploadError, layout, pipeline, prepare, validate
from tests.upload_support import SAMPLE, csv_bytes, load_frames, xlsx_bytes


@pytest.fixture(scope="module")
def frames(request: pytest.FixtureRequest) -> tuple[pd.DataFrame, pd.DataFrame]:
    return load_frames(request)


ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2025, 6, 1)


def _prepare(frames_: tuple[pd.DataFrame, pd.DataFrame], name: str, data: bytes, **kwargs: object) -> Prepared:
    regions, crosswalk = frames_
    return prepare(name, data, regions, crosswalk, today=TODAY, **kwargs)  # type: ignore[arg-type]


def _values(result: Prepared) -> dict[tuple[str, str, int], float]:
    return {(r.region_code, r.indicator_raw, r.year): r.value for r in result.clean.itertuples()}


def _data_rows(data: bytes, name: str) -> set[int]:
    """Row numbers of every non-empty row below the header, read independently of the library."""
    if name.endswith(".xlsx"):
        sheet = openpyxl.load_workbook(io.BytesIO(data), data_only=True).worksheets[0]
        return {i for i, row in enumerate(sheet.iter_rows(values_only=True), start=1) if any(v not in (None, "") for v in row)}
    text = data.decode("utf-8-sig", errors="replace")
    return {i for i, line in enumerate(text.splitlines(), start=1) if line.strip(" ;,\t")}


def _assert_nothing_dropped(result: Prepared, data: bytes, name: str) -> None:
    accounted = set(result.clean["row_no"]) | set(result.rejected["row_no"]) | set(result.held["row_no"]) | set(result.layout.header_rows)
    assert _data_rows(data, name) <= accounted


# --- an Indonesian-locale long CSV -----------------------------------------------------------------

SPM_ROWS = [
    ["Kabupaten/Kota", "Indikator", "Tahun", "Nilai", "Satuan"],
    ["Kab. Sambas", "Capaian SPM Pendidikan", "2022", "67,03", "%"],
    ["Kab. Sambas", "Capaian SPM Pendidikan", "2023", "69,5", "%"],
    ["KAPUAS HULU", "Capaian SPM Pendidikan", "2023", "-", "%"],
    ["Pasir", "Capaian SPM Pendidikan", "2023", "…", "%"],
    ["Kota Tarakan", "Capaian SPM Pendidikan", "2023", "NA", "%"],
    ["Kab. Sambas", "Jumlah penduduk", "2023", "629.905", "jiwa"],
    ["Kota Tarakan", "Jumlah penduduk", "2023", "242.786", "jiwa"],
    ["Kab. Paser", "Capaian SPM Pendidikan", "2022", "112,5", "%"],
    ["Kab. Sambas", "Capaian SPM Pendidikan", "1985", "50", "%"],
    ["Kab. Sambas", "Capaian SPM Pendidikan", "2023", "69,5", "%"],
    ["Kab. Tanah Laut", "Capaian SPM Pendidikan", "2023", "=1+1", "%"],
    ["Kab. Tanah Laut", "Capaian SPM Pendidikan", "2022", "2.5", "%"],
]


def test_indonesian_semicolon_csv(frames) -> None:
    data = csv_bytes(SPM_ROWS, sep=";", encoding="cp1252")
    result = _prepare(frames, "spm_2023.csv", data)
    assert result.layout.kind == "long"
    assert result.source.delimiter == ";"
    (fmt,) = result.number_formats
    assert (fmt.locale, fmt.explanation.key) == ("id", "upload_locale_decimal_comma")
    assert _values(result) == {
        ("61.01", "Capaian SPM Pendidikan", 2022): 67.03,
        ("61.01", "Capaian SPM Pendidikan", 2023): 69.5,
        ("61.01", "Jumlah penduduk", 2023): 629905.0,  # thousands dot, not 629.905 people
        ("65.71", "Jumlah penduduk", 2023): 242786.0,
    }
    # 112,5 % is held back, not stored, until the editor confirms that very row
    assert list(zip(result.held["row_no"], result.held["value"], result.held["confirmed"], strict=True)) == [(9, 112.5, False)]
    confirmed = _prepare(frames, "spm_2023.csv", data, confirmed=[(9, "Nilai")])
    assert _values(confirmed)[("64.01", "Capaian SPM Pendidikan", 2022)] == 112.5
    assert confirmed.held["confirmed"].tolist() == [True]  # still listed, now marked as the editor's confirmed value
    reasons = dict(zip(result.rejected["row_no"], result.rejected["reason_key"], strict=True))
    assert reasons == {
        4: "upload_reason_missing_value",  # "-" is missing, not zero
        5: "upload_reason_missing_value",
        6: "upload_reason_missing_value",
        10: "upload_reason_year_out_of_range",
        11: "upload_reason_duplicate",
        12: "upload_reason_not_numeric",  # a formula is text, never evaluated
        13: "upload_reason_number_format",  # "2.5" in an Indonesian column is not guessed
    }
    findings = set(zip(result.findings["finding_key"], result.findings["row_no"], strict=True))
    assert ("upload_finding_percent_range", 9) in findings  # 112,5 %
    assert ("upload_finding_year_range", 10) in findings
    assert ("upload_finding_duplicate_same", 3) in findings
    assert ("upload_finding_not_numeric", 12) in findings
    report = result.report.set_index("region")
    assert report.loc["KAPUAS HULU", "code"] == "61.06"
    assert report.loc["Pasir", ["code", "reason_key"]].tolist() == ["64.01", "upload_match_old_name"]
    _assert_nothing_dropped(result, data, "spm.csv")


def test_the_caller_can_overrule_the_number_format(frames) -> None:
    rows = [["Wilayah", "Tahun", "Nilai"], ["Kab. Sambas", "2023", "1.234"], ["Kab. Landak", "2023", "2.500"]]
    guessed = _prepare(frames, "x.csv", csv_bytes(rows, sep=";"))
    assert guessed.number_formats[0].explanation.key == "upload_locale_from_semicolon"
    assert sorted(guessed.clean["value"]) == [1234.0, 2500.0]
    english = _prepare(frames, "x.csv", csv_bytes(rows, sep=";"), number_locale="en")
    assert sorted(english.clean["value"]) == [1.234, 2.5]


# --- a wide-by-year workbook -----------------------------------------------------------------------


def _wide_year_workbook() -> bytes:
    return xlsx_bytes(
        {
            "Air minum": [
                ["Persentase rumah tangga dengan akses air minum layak (%)"],
                [],
                ["Kode Wilayah", "Nama Wilayah", 2019, 2020, 2021, "Keterangan"],
                ["61.06", "Kab. Kapuas Hulu", 71.2, 73.45, "74,1", ""],
                [61.1, "Kabupaten Melawi", 60.5, "-", 64.0, "data sementara"],
                ["61.71", "Kota Pontianak", 95.0, 96.2, 97.5, ""],
                ["64.11", "Mahakam Hulu", None, 40.3, 43.0, "pemekaran"],
                ["", "Sumber: Dinas PUPR", None, None, None, ""],
            ]
        }
    )


def test_wide_by_year_excel(frames) -> None:
    data = _wide_year_workbook()
    result = _prepare(frames, "air_minum.xlsx", data)
    assert result.layout.kind == "wide_year"
    assert result.layout.explanation.params["years"] == "2019–2021"
    assert result.layout.labels("ignore") == ["Keterangan"]
    values = _values(result)
    title = "Persentase rumah tangga dengan akses air minum layak (%)"
    assert values[("61.06", title, 2020)] == 73.45
    assert values[("61.06", title, 2021)] == 74.1  # a text cell in Indonesian format beside Excel numbers
    assert values[("61.10", title, 2019)] == 60.5  # the code 61.10 that Excel stored as 61.1
    assert ("61.10", title, 2020) not in values
    assert len(result.clean) == 10
    rejected = result.rejected.set_index(["row_no", "column"])["reason_key"].to_dict()
    assert rejected[(5, "2020")] == "upload_reason_missing_value"
    assert rejected[(7, "2019")] == "upload_reason_missing_value"
    assert rejected[(1, "")] == "upload_reason_title_row"
    assert rejected[(8, "")] == "upload_reason_note_row"
    assert ("upload_finding_ignored_column", "Keterangan") in set(
        zip(result.findings["finding_key"], result.findings["column"], strict=True)
    )
    _assert_nothing_dropped(result, data, "x.xlsx")


def test_percent_checks_follow_the_unit(frames) -> None:
    rows = [["Wilayah", "Tahun", "Nilai"], ["Kab. Sambas", "2023", "134"], ["Kab. Landak", "2023", "-3"]]
    plain = _prepare(frames, "x.csv", csv_bytes(rows, sep=","))
    assert "upload_finding_percent_range" not in set(plain.findings["finding_key"])
    as_percent = _prepare(frames, "x.csv", csv_bytes(rows, sep=","), unit="%")
    assert (as_percent.findings["finding_key"] == "upload_finding_percent_range").sum() == 2
    assert set(as_percent.findings["severity"]) == {"warning"}  # kept: a gross ratio may exceed 100


# --- wide by indicator -------------------------------------------------------------------------------


def test_wide_by_indicator_with_a_year_column(frames) -> None:
    rows = [
        ["region", "year", "hdi", "poverty_rate (%)"],
        ["Kabupaten Sambas", "2019", "67.03", "9.5"],
        ["Kota Balikpapan", "2019", "80.11", "2.6"],
    ]
    result = _prepare(frames, "dapoer.csv", csv_bytes(rows, sep=","))
    assert result.layout.kind == "wide_indicator"
    assert _values(result) == {
        ("61.01", "hdi", 2019): 67.03,
        ("61.01", "poverty_rate (%)", 2019): 9.5,
        ("64.71", "hdi", 2019): 80.11,
        ("64.71", "poverty_rate (%)", 2019): 2.6,
    }


def test_a_file_without_a_year_asks_for_one(frames) -> None:
    rows = [["Kabupaten/Kota", "Capaian SPM Kesehatan", "Capaian SPM Sosial"], ["Kab. Berau", "88,5", "91,2"]]
    with pytest.raises(UploadError) as caught:
        _prepare(frames, "spm.csv", csv_bytes(rows))
    assert caught.value.key == "upload_error_no_year"
    result = _prepare(frames, "spm.csv", csv_bytes(rows), year=2024)
    assert _values(result) == {("64.03", "Capaian SPM Kesehatan", 2024): 88.5, ("64.03", "Capaian SPM Sosial", 2024): 91.2}
    titled = _prepare(frames, "spm.csv", csv_bytes([["Laporan Capaian SPM Tahun 2023"], *rows]))
    assert set(titled.clean["year"]) == {2023}


def test_a_monthly_complaint_log_is_flagged_not_silently_added_up(frames) -> None:
    rows = [
        ["Bulan", "Kabupaten/Kota", "Sektor", "Jumlah pengaduan"],
        ["2024-01", "Kota Tarakan", "Kesehatan", "12"],
        ["2024-02", "Kota Tarakan", "Kesehatan", "9"],
        ["Januari 2024", "Kab. Nunukan", "Pendidikan", "4"],
    ]
    result = _prepare(frames, "lapor.csv", csv_bytes(rows))
    assert _values(result) == {("65.03", "Jumlah pengaduan › Pendidikan", 2024): 4.0}
    assert result.layout.sub_annual == "Bulan"
    findings = dict(zip(result.findings["finding_key"], result.findings["severity"], strict=True))
    assert findings["upload_finding_sub_annual"] == "warning"
    assert findings["upload_finding_duplicate_conflict"] == "error"  # two months of Tarakan in one year


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2021", (2021, False)),
        ("2021*", (2021, False)),
        ("Tahun 2021", (2021, False)),
        ("2024-01", (2024, True)),
        ("2024-01-15T10:00:00", (2024, True)),
        ("15/01/2024", (2024, True)),
        ("Agustus 2023", (2023, True)),
        ("Triwulan II 2022", (2022, True)),
        ("2020/2021", (None, False)),
        ("dua ribu", (None, False)),
    ],
)
def test_periods(text: str, period: tuple[int | None, bool]) -> None:
    assert layout.parse_period(text) == period


# --- a BPS export ------------------------------------------------------------------------------------


def _bps_style_export() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Provinsi/Kabupaten/Kota", "[Metode Baru] Umur Harapan Hidup Saat Lahir (UHH) (Tahun)", None, None])
    sheet.merge_cells("B1:D1")
    sheet.append([None, "2019", "2020", "2021"])
    for row in [
        ["ACEH", "69.87", "69.93", "70.03"],
        ["Simeulue", "65.16", "65.28", "65.42"],
        ["JAWA BARAT", "72.85", "73.04", "73.23"],
        ["Kota Banjar", "70.90", "71.11", "71.33"],
        ["KALIMANTAN BARAT", "70.56", "70.69", "70.76"],
        ["Sambas", "69.91", "70.05", "70.12"],
        ["Pontianak", "70.28", "70.44", "70.53"],
        ["Kapuas Hulu", "70.89", "71.03", "71.12"],
        ["Kota Pontianak", "72.90", "73.05", "73.15"],
        ["KALIMANTAN SELATAN", "68.49", "68.66", "68.83"],
        ["Kota Baru", "67.83", "67.99", "68.15"],
        ["Banjar", "67.62", "67.79", "67.96"],
        ["Kota Banjar Baru", "71.11", "71.26", "71.41"],
        ["KALIMANTAN TIMUR", "74.22", "74.33", "74.61"],
        ["Pasir", "72.42", "72.52", "72.58"],
        ["Mahakam Hulu", "…", "72.10", "72.16"],
        ["INDONESIA", "71.34", "71.47", "71.57"],
        [],
        ["Source Url: https://www.bps.go.id/indicator/26/414/1/-metode-baru-umur-harapan-hidup-saat-lahir-uhh-.html"],
        ["Access Time: June 2, 2025, 10:01 am"],
    ]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_bps_export_with_capital_province_rows(frames) -> None:
    data = _bps_style_export()
    result = _prepare(frames, "uhh.xlsx", data)
    assert result.layout.kind == "bps_export"
    assert result.layout.header_rows == (1, 2)
    report = result.report.set_index("region")
    expected = {
        "Sambas": "61.01",
        "Pontianak": "61.02",  # the old name of Mempawah: the file writes the city as "Kota Pontianak"
        "Kapuas Hulu": "61.06",
        "Kota Pontianak": "61.71",
        "Kota Baru": "63.02",
        "Banjar": "63.03",
        "Kota Banjar Baru": "63.72",
        "Pasir": "64.01",
        "Mahakam Hulu": "64.11",
    }
    assert report.loc[list(expected), "code"].to_dict() == expected
    assert set(report.loc[report["status"] == "outside"].index) == {"ACEH", "Simeulue", "JAWA BARAT", "Kota Banjar"}
    assert report.loc["Kota Banjar", "province"] == "JAWA BARAT"  # not Kabupaten Banjar of Kalimantan Selatan
    assert set(report.loc[report["status"] == "aggregate"].index) == {
        "KALIMANTAN BARAT",
        "KALIMANTAN SELATAN",
        "KALIMANTAN TIMUR",
        "INDONESIA",
    }
    assert result.status_counts == {"matched": 9, "outside": 4, "aggregate": 4}
    indicator = "[Metode Baru] Umur Harapan Hidup Saat Lahir (UHH) (Tahun)"
    assert len(result.clean) == 9 * 3 - 1
    assert _values(result)[("61.06", indicator, 2021)] == 71.12
    assert result.layout.explanation.params["provinces"] == 5
    notes = result.rejected[result.rejected["reason_key"] == "upload_reason_note_row"]
    assert list(notes["row_no"]) == [21, 22]
    _assert_nothing_dropped(result, data, "uhh.xlsx")


def test_bps_export_with_several_indicators_under_one_title_each(frames) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Provinsi/Kabupaten/Kota", "Harapan Lama Sekolah (Tahun)", None, "Rata-rata Lama Sekolah (Tahun)", None])
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("D1:E1")
    sheet.append([None, "2020", "2021", "2020", "2021"])
    sheet.append(["KALIMANTAN UTARA", "13.02", "13.05", "9.00", "9.11"])
    sheet.append(["Malinau", "13.05", "13.06", "9.21", "9.24"])
    sheet.append(["Kota Tarakan", "13.59", "13.60", "9.95", "10.11"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = _prepare(frames, "pendidikan.xlsx", buffer.getvalue())
    assert result.layout.kind == "bps_export"
    values = _values(result)
    assert values[("65.02", "Harapan Lama Sekolah (Tahun)", 2021)] == 13.06
    assert values[("65.71", "Rata-rata Lama Sekolah (Tahun)", 2020)] == 9.95
    assert len(values) == 8


def test_a_total_row_at_the_bottom_does_not_make_a_bps_export(frames) -> None:
    rows = [["Kabupaten/Kota", "2023"], ["Malinau", "1,5"], ["Nunukan", "2,5"], ["KALIMANTAN UTARA", "4,0"]]
    result = _prepare(frames, "x.csv", csv_bytes(rows))
    assert result.layout.kind == "wide_year"
    assert result.report.set_index("region").loc["KALIMANTAN UTARA", "status"] == "aggregate"
    assert len(result.clean) == 2


def test_a_table_by_province_is_reported_not_lost(frames) -> None:
    rows = [["Provinsi", "2023"], ["Aceh", "72,8"], ["Kalimantan Barat", "70,5"]]
    result = _prepare(frames, "prov.csv", csv_bytes(rows))
    assert result.clean.empty
    assert result.status_counts == {"outside": 1, "aggregate": 1}
    assert list(result.rejected["reason_key"]) == ["upload_reason_outside", "upload_reason_aggregate"]


def test_the_real_bps_sample_matches_all_56_regencies(frames) -> None:
    result = _prepare(frames, SAMPLE.name, SAMPLE.read_bytes())
    regions, _ = frames
    regencies = set(regions.loc[regions["code"].str.len() == 5, "code"])
    matched = result.report[result.report["status"] == "matched"]
    assert set(matched["code"]) == regencies and len(matched) == 56
    counts = result.status_counts
    assert counts.get("unmatched", 0) == 0 and counts.get("ambiguous", 0) == 0
    assert counts["aggregate"] == 6  # five Kalimantan provinces and Indonesia
    assert counts["outside"] == 487  # 29 other provinces and their 458 regencies: counted, listed, not errors
    assert len(result.clean) == 112 and set(result.clean["year"]) == {2020, 2021}
    assert _values(result)[("61.06", "[Metode Baru] Indeks Pembangunan Manusia", 2021)] == 65.75


# --- the region-code trap ----------------------------------------------------------------------------


def test_a_file_keyed_by_bps_codes_lands_on_the_right_regencies(frames) -> None:
    _, crosswalk = frames
    rows = [["Kode", "Tahun", "Nilai"]] + [[b, "2022", f"{i},5"] for i, b in enumerate(crosswalk["bps_code"], start=1)]
    result = _prepare(frames, "bps.csv", csv_bytes(rows))
    assert result.code_system.system == "bps"
    assert result.code_system.explanation.params == {"system": "BPS", "count": 2, "examples": "6404, 6405"}
    by_code = dict(zip(result.report["region"], result.report["code"], strict=True))
    assert by_code["6108"] == "61.06"  # BPS 6108 = Kapuas Hulu
    assert by_code["6106"] == "61.04"  # BPS 6106 = Ketapang, never Kapuas Hulu
    assert len(result.clean) == 56 and result.clean["region_code"].is_unique


def test_names_beside_4_digit_codes_decide_the_system(frames) -> None:
    rows = [
        ["Kode", "Kabupaten/Kota", "2022"],
        ["6104", "Mempawah", "10,1"],
        ["6106", "Ketapang", "10,2"],
        ["6108", "Kapuas Hulu", "10,3"],
        ["6101", "Sambas", "10,4"],
    ]
    result = _prepare(frames, "x.csv", csv_bytes(rows))
    assert result.code_system.explanation.key == "upload_codes_by_names"
    assert result.code_system.explanation.params == {"system": "BPS", "agree": 3, "total": 3}
    assert _values(result)[("61.06", "", 2022)] == 10.3


def test_a_code_and_a_name_in_one_cell(frames) -> None:
    rows = [["Wilayah", "2022"], ["6108 Kapuas Hulu", "1,5"], ["6106 Ketapang", "2,5"], ["[61.72] Kota Singkawang", "3,5"]]
    result = _prepare(frames, "x.csv", csv_bytes(rows))
    assert result.code_system.explanation.key == "upload_codes_by_names"
    assert _values(result) == {("61.06", "", 2022): 1.5, ("61.04", "", 2022): 2.5, ("61.72", "", 2022): 3.5}


def test_undecidable_codes_wait_for_the_user(frames) -> None:
    rows = [["Kode", "2022"], ["6106", "1,5"], ["6108", "2,5"], ["6101", "3,5"]]
    result = _prepare(frames, "x.csv", csv_bytes(rows))
    assert result.code_system.undecided and result.needs_choice
    assert list(result.clean["region_code"]) == ["61.01"]
    assert (result.rejected["reason_key"] == "upload_reason_ambiguous").sum() == 2
    settled = _prepare(frames, "x.csv", csv_bytes(rows), code_system="kemendagri")
    assert not settled.needs_choice
    assert _values(settled) == {("61.06", "", 2022): 1.5, ("61.08", "", 2022): 2.5, ("61.01", "", 2022): 3.5}


def test_choices_from_the_report_settle_ambiguous_names(frames) -> None:
    rows = [["Wilayah", "Tahun", "Nilai"], ["Pontianak", "2023", "5,5"], ["Atlantis", "2023", "1"]]
    first = _prepare(frames, "x.csv", csv_bytes(rows))
    key = first.report.loc[first.report["region"] == "Pontianak", "choice_key"].item()
    assert first.report.loc[first.report["region"] == "Pontianak", "candidates"].item() == ("61.02", "61.71")
    second = _prepare(frames, "x.csv", csv_bytes(rows), choices={key: "61.71", "Atlantis": ""})
    assert _values(second) == {("61.71", "", 2023): 5.5}
    assert second.report.set_index("region").loc["Atlantis", "status"] == "skipped"
    assert "upload_reason_skipped" in set(second.rejected["reason_key"])


# --- checks against stored values and within the file ------------------------------------------------


def test_duplicates_that_disagree_keep_neither(frames) -> None:
    rows = [["Wilayah", "Tahun", "Nilai"], ["Kab. Sambas", "2023", "10"], ["SAMBAS", "2023", "12"], ["Kab. Landak", "2023", "11"]]
    result = _prepare(frames, "x.csv", csv_bytes(rows))
    assert list(result.clean["region_code"]) == ["61.08"]
    conflict = result.findings[result.findings["finding_key"] == "upload_finding_duplicate_conflict"]
    assert conflict["severity"].tolist() == ["error"] and conflict["detail"].item() == "2, 3: 10 / 12"
    assert (result.rejected["reason_key"] == "upload_reason_duplicate_conflict").sum() == 2


def test_jumps_against_the_previous_year_and_replaced_values(frames) -> None:
    rows = [["Wilayah", "Tahun", "Nilai"], ["Kab. Sambas", "2023", "6703"], ["Kab. Landak", "2022", "66"], ["Kab. Landak", "2023", "67"]]
    existing = pd.DataFrame({"region_code": ["61.01", "61.08"], "year": [2022, 2023], "value": [66.5, 65.0]})
    result = _prepare(frames, "x.csv", csv_bytes(rows), existing=existing)
    jumps = result.findings[result.findings["finding_key"] == "upload_finding_jump"]
    assert jumps[["region_code", "year", "previous"]].values.tolist() == [["61.01", 2023, 66.5]]
    replaced = result.findings[result.findings["finding_key"] == "upload_finding_replaces"]
    assert replaced[["region_code", "year", "value", "previous"]].values.tolist() == [["61.08", 2023, 67.0, 65.0]]
    assert len(result.clean) == 3  # warnings do not remove values


def test_years_out_of_range_are_rejected(frames) -> None:
    rows = [
        ["Wilayah", "Tahun", "Nilai"],
        ["Kab. Sambas", "1989", "1"],
        ["Kab. Sambas", "2026", "2"],
        ["Kab. Sambas", "2027", "3"],
        ["Kab. Sambas", "20x3", "4"],
    ]
    result = _prepare(frames, "x.csv", csv_bytes(rows))
    assert list(result.clean["year"]) == [2026]  # next year is allowed (targets)
    reasons = dict(zip(result.rejected["row_no"], result.rejected["reason_key"], strict=True))
    assert reasons == {2: "upload_reason_year_out_of_range", 4: "upload_reason_year_out_of_range", 5: "upload_reason_bad_year"}
    assert validate.year_bounds(TODAY) == (1990, 2026)


# --- other files -------------------------------------------------------------------------------------


def test_utf8_bom_and_cp1252_files_give_the_same_result(frames) -> None:
    rows = [["Kabupaten/Kota", "Indikator", "Tahun", "Nilai"], ["Kab. Tanah Bumbu", "Rasio murid–guru", "2022", "17,5"]]
    bom = _prepare(frames, "a.csv", b"\xef\xbb\xbf" + csv_bytes(rows))
    cp1252 = _prepare(frames, "b.csv", csv_bytes(rows, encoding="cp1252"))
    assert (bom.source.encoding, cp1252.source.encoding) == ("utf-8-sig", "cp1252")
    assert _values(bom) == _values(cp1252) == {("63.10", "Rasio murid–guru", 2022): 17.5}


def test_a_file_without_a_header_is_refused(frames) -> None:
    with pytest.raises(UploadError) as caught:
        _prepare(frames, "x.csv", csv_bytes([["Kab. Sambas", "2023", "67,03"], ["Kab. Landak", "2023", "66,1"]]))
    assert caught.value.key == "upload_error_no_header"


def test_a_sheet_can_be_chosen_and_a_cover_sheet_is_passed_over(frames) -> None:
    data = xlsx_bytes({"Sampul": [["Laporan", "Dinas Kesehatan"], ["Dibuat", "2024"]], "Data": [["Wilayah", 2023], ["Kota Tarakan", 88.0]]})
    result = _prepare(frames, "x.xlsx", data)
    assert result.source.sheet == "Data" and result.source.sheets == ("Sampul", "Data")
    with pytest.raises(UploadError) as caught:
        _prepare(frames, "x.xlsx", data, sheet="Tidak ada")
    assert caught.value.details["sheets"] == "Sampul, Data"


# --- the result's shape and its translations ---------------------------------------------------------


def test_result_tables_have_their_documented_columns_and_types(frames) -> None:
    result = _prepare(frames, "spm.csv", csv_bytes(SPM_ROWS))
    assert result.clean.dtypes.astype(str).to_dict() == pipeline.CLEAN_COLUMNS
    assert list(result.rejected.columns) == list(pipeline.REJECTED_COLUMNS)
    assert list(result.report.columns) == list(pipeline.REPORT_COLUMNS)
    assert list(result.findings.columns) == list(validate.FINDING_COLUMNS)
    assert set(result.report["status"]) <= {"matched", "ambiguous", "unmatched", "outside", "aggregate", "skipped"}


def _emitted_keys() -> set[str]:
    keys: set[str] = set()
    for path in (ROOT / "kalimantan_equity" / "services" / "upload").glob("*.py"):
        keys |= set(re.findall(r"\"(upload_[a-z_]+)\"", path.read_text()))
    keys |= {f"upload_layout_{kind}" for kind in layout.KINDS}
    return keys


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", text))


def test_every_key_the_library_emits_is_translated() -> None:
    missing = sorted(_emitted_keys() - set(STRINGS))
    assert not missing, missing
    for key, texts in STRINGS.items():
        assert key.startswith("upload_") and set(texts) == {"id", "en"}, key
        assert all(_placeholders(text) == _placeholders(texts["id"]) for text in i18n.forms(texts["en"])), key  # every plural form


def test_placeholders_are_filled_by_the_row_that_carries_the_key() -> None:
    families = {
        "upload_reason_": set(pipeline.REJECTED_COLUMNS),
        "upload_finding_": set(validate.FINDING_COLUMNS),
        "upload_match_": set(pipeline.REPORT_COLUMNS),
        "upload_ambiguous_": set(pipeline.REPORT_COLUMNS),
        "upload_unmatched_": set(pipeline.REPORT_COLUMNS),
        "upload_outside_": set(pipeline.REPORT_COLUMNS),
        "upload_aggregate_": set(pipeline.REPORT_COLUMNS),
        "upload_layout_": {"columns", "years", "indicators", "provinces"},
    }
    for key, texts in STRINGS.items():
        for prefix, allowed in families.items():
            if key.startswith(prefix):
                assert _placeholders(texts["id"]) <= allowed, key


def test_every_message_of_a_real_result_formats_in_both_languages(frames) -> None:
    result = _prepare(frames, "uhh.xlsx", _bps_style_export())
    tables = [result.rejected, result.report, result.findings]
    for table in tables:
        for row in table.to_dict("records"):
            for lang in ("id", "en"):
                key = row.get("reason_key") or row["finding_key"]
                assert i18n.t(key, lang, **row)  # the row itself fills the placeholders, as on the page
    for explanation in [result.code_system.explanation, result.layout.explanation, *(f.explanation for f in result.number_formats)]:
        assert STRINGS[explanation.key]["id"].format(**explanation.params)


def test_no_streamlit_in_the_library() -> None:
    for path in [
        *(ROOT / "kalimantan_equity" / "services" / "upload").glob("*.py"),
        ROOT / "kalimantan_equity" / "services" / "strings" / "upload.py",
    ]:
        assert "streamlit" not in path.read_text(), path
