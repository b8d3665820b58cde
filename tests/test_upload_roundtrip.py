"""What is stored equals what the file says, region by region, in every shape an official sends.

Tables are generated from known values (hypothesis) in each supported layout (long, wide by year,
wide by indicator, the BPS export), with regions written as Kemendagri codes, BPS codes, current
or old names, numbers in Indonesian or English format, extra coordinate and identifier columns,
and units in the headers ("(Tahun)", "(Jiwa)"). The file is read back through the same pipeline
the page uses; an ambiguous region is settled as an editor would (with the right code, which must
be among the candidates), and then every generated value must be in ``clean``, on its regency,
year and column, and nothing else.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kalimantan_equity.services.upload import prepare
from tests.upload_support import csv_bytes, load_frames, xlsx_bytes

TODAY = date(2025, 6, 1)
ROUNDS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
OLD_NAMES = {"64.01": "Kab. Pasir", "61.02": "Kabupaten Pontianak", "63.02": "Kota Baru"}  # names officials still write
INDICATORS = ["Rata-rata Lama Sekolah (Tahun)", "Jumlah Penduduk (Jiwa)", "Angka Harapan Hidup"]
PROVINCES = {
    "61": "KALIMANTAN BARAT",
    "62": "KALIMANTAN TENGAH",
    "63": "KALIMANTAN SELATAN",
    "64": "KALIMANTAN TIMUR",
    "65": "KALIMANTAN UTARA",
}


@pytest.fixture(scope="module")
def frames(request: pytest.FixtureRequest) -> tuple[pd.DataFrame, pd.DataFrame]:
    return load_frames(request)


def _number(value: float, style: str) -> str:
    """A value as an office writes it: Indonesian ``1.234,56`` or English ``1,234.56``."""
    text = f"{value:,.2f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") if style == "id" else text


def _region_cells(row: pd.Series, keys: str) -> list[str]:
    code, bps, name = row["kemendagri_code"], row["bps_code"], row["name"]
    if keys == "kemendagri":
        return [code, name]
    if keys == "bps":
        return [bps, name]
    if keys == "old" and code in OLD_NAMES:
        return [OLD_NAMES[code]]
    short = name.removeprefix("Kabupaten ")
    return [short.upper() if keys == "caps" else ("Kab. " + short if name.startswith("Kabupaten") else name)]


@st.composite
def tables(draw: st.DrawFn, crosswalk: pd.DataFrame) -> tuple[str, bytes, dict, set]:
    """A file and the values it holds: {(indicator, kemendagri code, year): value}."""
    shape = draw(st.sampled_from(["long", "wide_year", "wide_indicator", "bps_export"]))
    keys = draw(st.sampled_from(["kemendagri", "bps", "name", "caps", "old"]))
    style = draw(st.sampled_from(["id", "en"]))
    kind = draw(st.sampled_from(["csv", "xlsx"]))
    extras = draw(st.booleans())  # lat/lon and an object id beside the data
    picked = draw(st.lists(st.integers(0, len(crosswalk) - 1), min_size=1, max_size=8, unique=True))
    rows = crosswalk.iloc[sorted(picked)]
    if keys == "old":
        rows = crosswalk[crosswalk["kemendagri_code"].isin(OLD_NAMES)]
    if shape == "bps_export":
        keys = "name" if keys in {"kemendagri", "bps"} else keys  # BPS exports carry names only
    years = sorted(draw(st.lists(st.integers(2015, 2024), min_size=1, max_size=3, unique=True)))
    indicators = INDICATORS[: draw(st.integers(2, 3))] if shape == "wide_indicator" else INDICATORS[:1]
    if shape == "long":
        years = years[:1] if draw(st.booleans()) else years
    value = st.floats(0, 250_000, allow_nan=False).map(lambda v: round(v, 2))
    expected = {(i, c, y): draw(value) for i in indicators for c in rows["kemendagri_code"] for y in years}
    cell = (lambda v: v) if kind == "xlsx" and draw(st.booleans()) else (lambda v: _number(v, style))
    code_header = {"kemendagri": ["Kode Wilayah", "Nama"], "bps": ["Kode BPS", "Nama"]}.get(keys, ["Kabupaten/Kota"])
    extra_header = ["lat", "lon", "objectid"] if extras else []

    def extra(i: int) -> list[object]:
        return [_number(0.5 - i * 0.37, "en"), _number(110 + i * 0.5, "en"), 9000 + i] if extras else []

    table: list[list[object]] = []
    if shape == "long":
        table.append([*code_header, "Tahun", *extra_header, "Nilai"])
        for n, (_, r) in enumerate(rows.iterrows()):
            for y in years:
                table.append([*_region_cells(r, keys), y, *extra(n), cell(expected[(indicators[0], r["kemendagri_code"], y)])])
        title = indicators[0]
    elif shape == "wide_year":
        table.append([*code_header, *extra_header, *(f"{indicators[0]} {y}" for y in years)])
        for n, (_, r) in enumerate(rows.iterrows()):
            table.append([*_region_cells(r, keys), *extra(n), *(cell(expected[(indicators[0], r["kemendagri_code"], y)]) for y in years)])
        title = ""
    elif shape == "wide_indicator":
        table.append([*code_header, "Tahun", *extra_header, *indicators])
        for n, (_, r) in enumerate(rows.iterrows()):
            for y in years:
                table.append([*_region_cells(r, keys), y, *extra(n), *(cell(expected[(i, r["kemendagri_code"], y)]) for i in indicators)])
        title = ""
    else:  # BPS export: a title, the indicator over its years, each province as a CAPITALS row before its regencies
        table.append([f"{indicators[0]} Menurut Kabupaten/Kota"])
        table.append(["Kabupaten/Kota", indicators[0], *([""] * (len(years) - 1))])
        table.append(["", *(str(y) for y in years)])
        for province, part in rows.groupby(rows["kemendagri_code"].str[:2], sort=True):
            table.append([PROVINCES[province], *(cell(1.0) for _ in years)])
            for _, r in part.iterrows():
                table.append([*_region_cells(r, keys), *(cell(expected[(indicators[0], r["kemendagri_code"], y)]) for y in years)])
        title = indicators[0]
    data = xlsx_bytes({"Data": table}) if kind == "xlsx" else csv_bytes(table, sep=";" if style == "id" else ",")
    return f"tabel.{kind}", data, expected, {title}


def _stored(result, indicators: list[str]) -> dict[tuple[str, str, int], float]:
    """clean as {(generated indicator, code, year): value}: each indicator column is found by its name."""
    out = {}
    for r in result.clean.itertuples():
        names = [i for i in indicators if i in r.indicator_raw or r.indicator_raw in i] or indicators[:1]
        assert len(names) == 1 or len(indicators) == 1, r.indicator_raw
        out[(names[0], r.region_code, int(r.year))] = round(r.value, 2)
    return out


@given(data=st.data())
@ROUNDS
def test_every_shape_stores_exactly_what_the_file_holds(frames, data) -> None:
    regions, crosswalk = frames
    name, payload, expected, _title = data.draw(tables(crosswalk))
    system = "bps" if b"Kode BPS" in payload or (name.endswith("xlsx") and _has_bps_header(payload)) else None
    result = prepare(name, payload, regions, crosswalk, today=TODAY, code_system=system)
    open_keys = result.report[result.report["status"] == "ambiguous"]
    if len(open_keys):  # as an editor does: pick the right regency, which must be offered
        answers = {}
        for row in open_keys.itertuples():
            wanted = {c for (_, c, _) in expected}
            (right,) = wanted & set(row.candidates)
            answers[row.choice_key] = right
        result = prepare(name, payload, regions, crosswalk, today=TODAY, code_system=system, choices=answers)
    assert not result.needs_choice
    assert "lat" not in set(result.clean["indicator_raw"]) and "objectid" not in set(result.clean["indicator_raw"])
    indicators = sorted({i for (i, _, _) in expected}, key=INDICATORS.index)
    assert _stored(result, indicators) == expected
    assert result.held.empty  # none of these units has a valid range the values could leave


def _has_bps_header(payload: bytes) -> bool:
    import io

    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(payload), read_only=True).worksheets[0]
    return any(c == "Kode BPS" for row in sheet.iter_rows(max_row=1, values_only=True) for c in row)


def test_the_issue_files_coordinates_units_and_year_headers(frames) -> None:
    """The three files of the report: lat/lon beside the data, "(Tahun)" as a unit, years in headers."""
    regions, crosswalk = frames
    coords = csv_bytes([["Kabupaten/Kota", "lat", "lon", "Tahun", "Nilai"], ["Kapuas Hulu", "0,82", "112,9", 2023, "7,1"]])
    result = prepare("k.csv", coords, regions, crosswalk, today=TODAY)
    assert result.clean[["region_code", "value"]].values.tolist() == [["61.06", 7.1]]  # the value, never the latitude
    assert {c.label: c.role for c in result.layout.columns}["lat"] == "coordinate"

    units = csv_bytes(
        [
            ["Kabupaten/Kota", "Tahun", "Rata-rata Lama Sekolah (Tahun)", "Harapan Lama Sekolah (Tahun)"],
            ["Kapuas Hulu", 2023, "7,53", "12,4"],
        ]
    )
    result = prepare("u.csv", units, regions, crosswalk, today=TODAY)
    assert set(zip(result.clean["indicator_raw"], result.clean["value"], strict=True)) == {
        ("Rata-rata Lama Sekolah (Tahun)", 7.53),
        ("Harapan Lama Sekolah (Tahun)", 12.4),
    }
    years = csv_bytes([["Kabupaten/Kota", "Luas (km2)", "IPM … 2024", "IPM … 2025"], ["Kapuas Hulu", "29842", "68,1", "68,9"]])
    result = prepare("y.csv", years, regions, crosswalk, today=TODAY)
    assert sorted(zip(result.clean["year"], result.clean["value"], strict=True)) == [(2024, 68.1), (2025, 68.9)]
    assert "Luas (km2)" in result.layout.labels("ignore")  # no year for it: shown as ignored, the rest is read
    # the editor can still say a column is something else: "Luas" as the value with a year given
    result = prepare("y.csv", years, regions, crosswalk, today=TODAY, roles={"IPM … 2024": "ignore", "IPM … 2025": "ignore"}, year=2024)
    assert result.clean[["indicator_raw", "value"]].values.tolist() == [["Luas (km2)", 29842.0]]
