"""Downloads parse back to the same numbers, and formulas arrive as text."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from kalimantan_equity.services import export


def test_formula_cells_are_neutralised_and_numbers_kept() -> None:
    frame = pd.DataFrame({"name": ['=HYPERLINK("http://x")', "+62 811", "-1", "@SUM(A1)", "Sambas"], "value": [1.5, -2.0, 3.0, 4.0, 5.25]})
    csv = pd.read_csv(io.BytesIO(export.to_csv_bytes(frame)), encoding="utf-8-sig")
    assert csv["name"].tolist() == ['\'=HYPERLINK("http://x")', "'+62 811", "'-1", "'@SUM(A1)", "Sambas"]
    assert csv["value"].tolist() == [1.5, -2.0, 3.0, 4.0, 5.25]


def test_excel_has_data_and_metadata_sheets() -> None:
    frame = pd.DataFrame({"code": ["61.06"], "value": [65.65]})
    meta = pd.DataFrame({"indicator": ["IPM"], "source": ["=cmd|' /C calc'!A0"]})
    book = openpyxl.load_workbook(io.BytesIO(export.to_excel_bytes({"IPM/2019": frame}, meta)))
    assert book.sheetnames == ["IPM_2019", "metadata"]
    assert book["IPM_2019"]["B2"].value == 65.65
    assert book["IPM_2019"]["A2"].value == "61.06"  # codes stay text, never numbers
    assert book["metadata"]["B2"].value.startswith("'=")


def test_simulated_csv_says_so_first() -> None:
    data = export.to_csv_bytes(pd.DataFrame({"v": [1]}), simulated=True).decode("utf-8-sig")
    assert data.splitlines()[0].startswith("# DATA SIMULASI")
