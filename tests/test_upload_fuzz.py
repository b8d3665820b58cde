"""Whatever bytes arrive, the upload returns a result or raises its one error type, never a traceback."""

from __future__ import annotations

import io
import math
from datetime import date

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kalimantan_equity.services.strings.upload import STRINGS
from kalimantan_equity.services.upload import Prepared, UploadError, prepare, validate
from tests.upload_support import load_frames


@pytest.fixture(scope="module")
def frames(request: pytest.FixtureRequest) -> tuple[pd.DataFrame, pd.DataFrame]:
    return load_frames(request)


TODAY = date(2025, 6, 1)
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Cells an official's file might hold, good and bad, so random tables reach the deep paths.
TOKENS = [
    "Kab. Sambas",
    "KAPUAS HULU",
    "Pontianak",
    "Kota Pontianak",
    "Pasir",
    "Kota Banjar",
    "KALIMANTAN BARAT",
    "ACEH",
    "INDONESIA",
    "6106",
    "6108",
    "61.06",
    "61.1",
    "11.01",
    "Tahun",
    "Kabupaten/Kota",
    "Kode",
    "Indikator",
    "Nilai",
    "Satuan",
    "%",
    "2019",
    "2020",
    "2026",
    "1850",
    "67,03",
    "71.99",
    "1.234.567",
    "1,234.5",
    "1.234",
    "-",
    "…",
    "..",
    "NA",
    "",
    "=1+1",
    "abc",
    "1e999",
    '"',
    "Sumber: BPS",
]


def _check(result: Prepared, regions: pd.DataFrame) -> None:
    """What a user relies on in any result: stored values are real numbers on real regencies."""
    low, high = validate.year_bounds(TODAY)
    clean = result.clean
    assert set(clean["region_code"]) <= set(regions["code"])
    assert all(math.isfinite(v) for v in clean["value"])
    assert clean["year"].between(low, high).all()
    for row in result.rejected.to_dict("records"):
        assert row["reason_key"] in STRINGS
        STRINGS[row["reason_key"]]["id"].format(**row)


def _run(frames_: tuple[pd.DataFrame, pd.DataFrame], name: str, data: bytes, **kwargs: object) -> None:
    regions, crosswalk = frames_
    try:
        result = prepare(name, data, regions, crosswalk, today=TODAY, **kwargs)  # type: ignore[arg-type]
    except UploadError as error:
        assert error.key in STRINGS, error.key
        for lang in ("id", "en"):
            STRINGS[error.key][lang].format(**error.details)  # the page can always show it
        return
    _check(result, regions)


@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(["data.csv", "data.xlsx", "data.txt", "data.xls", "data"]))
def test_random_bytes(frames, data: bytes, name: str) -> None:
    _run(frames, name, data)


@FUZZ
@given(
    text=st.text(alphabet=st.sampled_from(list("abcKAB .,;\t\n\r\"'-–…%=0123456789éü\x00")), max_size=400),
    encoding=st.sampled_from(["utf-8", "cp1252", "utf-8-sig", "utf-16"]),
)
def test_random_csvish_text(frames, text: str, encoding: str) -> None:
    _run(frames, "data.csv", text.encode(encoding, errors="ignore"))


HEADERS = ["Kabupaten/Kota", "Kode", "Provinsi", "Tahun", "Indikator", "Nilai", "Satuan", "Keterangan", "2020", "2021", "IPM (%)", "No", ""]


@FUZZ
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=2, max_size=6),
    rows=st.lists(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=6), min_size=1, max_size=12),
    sep=st.sampled_from([";", ",", "\t"]),
    year=st.sampled_from([None, 2023]),
    system=st.sampled_from([None, "bps", "kemendagri"]),
)
def test_random_tables_of_plausible_cells(
    frames, header: list[str], rows: list[list[str]], sep: str, year: int | None, system: str | None
) -> None:
    text = "\n".join(sep.join(row) for row in [header, *rows])
    _run(frames, "data.csv", text.encode(), year=year, code_system=system)


def _workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def workbook() -> bytes:
    return _workbook(
        [
            ["Provinsi/Kabupaten/Kota", "IPM", None],
            [None, "2020", "2021"],
            ["KALIMANTAN BARAT", "67.66", "67.90"],
            ["Sambas", 67.03, "67.10"],
        ]
    )


@FUZZ
@given(cuts=st.lists(st.tuples(st.integers(0, 20_000), st.binary(min_size=1, max_size=8)), max_size=6), truncate=st.integers(0, 20_000))
def test_damaged_workbooks(frames, workbook: bytes, cuts: list[tuple[int, bytes]], truncate: int) -> None:
    data = bytearray(workbook)
    for position, patch in cuts:
        at = position % len(data)
        data[at : at + len(patch)] = patch
    _run(frames, "ipm.xlsx", bytes(data[: max(truncate, 1)] if truncate < len(data) else data))


@FUZZ
@given(
    rows=st.lists(
        st.lists(st.one_of(st.sampled_from(TOKENS), st.floats(allow_nan=True), st.integers(-(10**6), 10**6), st.none()), max_size=5),
        max_size=8,
    )
)
def test_random_workbooks(frames, rows: list[list[object]]) -> None:
    _run(frames, "data.xlsx", _workbook([[c if not (isinstance(c, str) and c.startswith("=")) else "'" + c for c in r] for r in rows]))
