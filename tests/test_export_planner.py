"""Downloads a planner can use: headers in the user's language, words for codes, rounded values,
empty cells for missing ones, formulas still neutralised; the map image shows what the screen shows."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from PIL import Image

from kalimantan_equity.services import export


def _villages() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": ["61.06.01.2001", "61.06.01.2002", "61.06.01.2003"],
            "name": ['=HYPERLINK("x")', "Nanga Dua", "@Desa"],
            "idm_status": ["MANDIRI", None, "SANGAT TERTINGGAL"],
            "note": ["none", "nan", "None"],
            "indicator_id": ["idm_score", "idm_score", "bps_p0"],
            "value": [0.812345678, np.nan, 69.28658429745398],
            "has_polygon": [True, False, True],
            "region_type": ["perbatasan", "kota", "kabupaten"],
        }
    )


def test_csv_reads_as_a_planner_expects_in_both_languages() -> None:
    for lang, headers, status, yes in (
        ("id", ["Kode Kemendagri", "Nama wilayah", "Status IDM", "Catatan", "Kode indikator", "Nilai", "Ada batas wilayah di peta", "Kelompok"],
         ["Mandiri", None, "Sangat tertinggal"], "Ya"),
        ("en", ["Kemendagri code", "Region", "IDM status", "Note", "Indicator code", "Value", "Has a boundary on the map", "Group"],
         ["Mandiri (independent)", None, "Sangat tertinggal (very lagging)"], "Yes"),
    ):  # fmt: skip
        data = export.to_csv_bytes(_villages(), lang=lang, decimals={"idm_score": 4, "bps_p0": 2})
        text = data.decode("utf-8-sig")
        assert "none" not in text.lower() and "nan" not in text.lower().replace("nanga", "")
        back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert list(back.columns) == headers
        assert [v or None for v in back[headers[2]]] == status
        assert back[headers[3]].tolist() == ["", "", ""]  # "none", "nan", "None" are empty cells
        assert back[headers[5]].tolist() == ["0.8123", "", "69.29"]  # each row at its indicator's decimals
        assert back[headers[6]].tolist() == [yes, "Tidak" if lang == "id" else "No", yes]
        assert back[headers[1]].tolist()[0] == '\'=HYPERLINK("x")' and back[headers[1]].tolist()[2] == "'@Desa"
        assert back[headers[0]].tolist()[0] == "61.06.01.2001"  # codes stay codes


def test_excel_cells_are_empty_not_none_and_numbers_stay_numbers() -> None:
    meta = pd.DataFrame({"field": ["sumber"], "value": ["BPS (reference/x.csv)"]})
    book = openpyxl.load_workbook(io.BytesIO(export.to_excel_bytes({"desa": _villages()}, meta, "en", {"idm_score": 4, "bps_p0": 1})))
    sheet = book["desa"]  # a name without a translation is kept
    assert [c.value for c in sheet[1]][:3] == ["Kemendagri code", "Region", "IDM status"]
    assert sheet["C3"].value is None and sheet["D2"].value is None  # empty, not "None"
    assert sheet["F2"].value == 0.8123 and sheet["F4"].value == 69.3 and sheet["F3"].value is None
    assert sheet["B2"].value.startswith("'=")
    assert [sheet["H2"].value, sheet["H3"].value] == ["Border regency", "City"]


def test_citations_name_publisher_and_year_never_a_file_path() -> None:
    assert export.plain_source("Simulated data: SPM achievement (seeded generator, see data/README.md)", 2025) == (
        "Simulated data: SPM achievement (seeded generator), 2025"
    )
    assert export.plain_source("Daftar perbatasan/tertinggal (reference/border_flags_kalimantan.csv)") == "Daftar perbatasan/tertinggal"
    assert export.plain_source("© 2024 Cahya DSN, github.com/cahyadsn/wilayah_boundaries (MIT), commit 3c5a796") == (
        "© 2024 Cahya DSN, github.com/cahyadsn/wilayah_boundaries (MIT)"
    )
    assert export.plain_source("BPS, Kemiskinan Kabupaten/Kota, Maret 2024", 2024) == "BPS, Kemiskinan Kabupaten/Kota, Maret 2024"


def test_gap_workbook_speaks_the_users_language(real_env: Path) -> None:
    from kalimantan_equity.services import catalogue, gaps, gaptables, warehouse

    con = warehouse.connect(real_env)
    row = catalogue.row(warehouse.run(con, "indicator_catalogue"), "idm_score")
    frame = warehouse.run(
        con, "map_values", indicator="idm_score", year=2024, level="kabupaten", province=None, region_types=list(gaps.GROUPS)
    )
    table = gaps.group_table(frame, gaps.Spec.from_row(row, "kabupaten"))
    book = openpyxl.load_workbook(io.BytesIO(gaptables.workbook({"groups": table.rows}, row, 2024, "kabupaten", "none", "all", "en")))
    assert book.sheetnames == ["Groups", "metadata"]
    sheet = book["Groups"]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["Group", "Region", "Number of regions"] and "group" not in headers
    groups = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert groups == ["City", "Other regency", "Border regency", "All of Kalimantan"]
    means = [r[headers.index("Headline mean")] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert means[0] is None  # IDM does not apply to cities: an empty cell, not "nan" or 0
    assert all(m is None or round(m, 4) == m for m in means)  # IDM's four decimals


def test_map_image_shows_border_plbn_posts_and_the_gap_sentence(real_env: Path) -> None:
    from kalimantan_equity.services import catalogue, warehouse
    from kalimantan_equity.ui import exports

    con = warehouse.connect(real_env)
    row = catalogue.row(warehouse.run(con, "indicator_catalogue"), "bps_p0")
    frame = warehouse.run(
        con, "map_values", indicator="bps_p0", year=2024, level="kabupaten", province=None, region_types=["kota", "kabupaten", "perbatasan"]
    )
    image = Image.open(io.BytesIO(exports.view_image(frame, row, 2024, "kabupaten", "id", "quantiles", 5, "png", None))).convert("RGB")
    pixels = np.asarray(image).reshape(-1, 3).astype(int)
    near = lambda rgb: int((np.abs(pixels - np.array(rgb)).max(axis=1) < 12).sum())  # noqa: E731
    assert near((0x0B, 0x3D, 0x91)) > 20  # the PLBN diamonds (and their legend entry)
    assert near((0x5B, 0x2A, 0x86)) > 20  # the land border and its legend entry
    right = np.asarray(image)[:, int(image.size[0] * 0.7) :]
    from kalimantan_equity.services import mapview

    meta = mapview.IndicatorMeta.from_row(row, "id")
    plain = Image.open(io.BytesIO(exports.map_image(frame, meta, 2024, "kabupaten", "id", "quantiles", 5, "png"))).convert("RGB")
    assert (right != np.asarray(plain)[:, int(image.size[0] * 0.7) :]).any()  # the gap sentence under the legend
