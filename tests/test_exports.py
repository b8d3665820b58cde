"""Exports from the equity map: image of slide size, data as CSV, and a briefing deck that opens."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def test_map_image_is_slide_sized_and_stamped(real_env: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params["ind"] = "spm_kesehatan"
    at.query_params["demo"] = "1"  # a simulated series is offered with demonstration data only
    at.run()
    assert not at.exception
    buttons = {el.proto.id.rsplit("-", 1)[-1]: el.proto.label for el in at.get("download_button")}
    # the map and the ranking beside it, each as PNG and SVG (made on click), and the data behind the view
    assert {key: buttons.get(key) for key in ("dl_map_png", "dl_map_svg", "dl_rank_png", "dl_rank_svg")} == {
        "dl_map_png": "Gambar PNG",
        "dl_map_svg": "Gambar SVG",
        "dl_rank_png": "Gambar PNG",
        "dl_rank_svg": "Gambar SVG",
    }
    assert "Unduh data tampilan ini (CSV)" in buttons.values()
    next(b for b in at.button if b.label.startswith("Siapkan bahan rapat")).click().run()
    assert not at.exception
    assert "Unduh bahan rapat (PPTX)" in [el.proto.label for el in at.get("download_button")]


def test_services_make_a_png_of_1920x1080_and_a_deck_with_pictures(real_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kalimantan_equity.geo import render
    from kalimantan_equity.services import catalogue, deck, mapview, warehouse

    con = warehouse.connect(real_env)
    cat = warehouse.run(con, "indicator_catalogue")
    assets = warehouse.run(con, "geo_assets").set_index("level")["file_name"]
    geo = real_env.parent / "geo"
    frame = warehouse.run(
        con,
        "map_values",
        indicator="spm_kesehatan",
        year=2025,
        level="kabupaten",
        province=None,
        region_types=["kota", "kabupaten", "perbatasan"],
    )
    meta = mapview.IndicatorMeta.from_row(catalogue.row(cat, "spm_kesehatan"), "id")
    painting = mapview.paint(frame, meta, "id", "quantiles", 5)
    png = render.map_image(geo / assets["kabupaten"], painting.colour_of, painting.legend,
                           render.Stamp("Judul", "Sub", "Sumber: x", "Dibuat hari ini", "DATA SIMULASI"), geo / assets["provinsi"])  # fmt: skip
    assert Image.open(io.BytesIO(png)).size == (1920, 1080)
    bars = deck.Bars("Capaian SPM kesehatan (%), 2025", ["Kota", "Kab. lain", "Perbatasan"], [90.1, 85.0, 80.2], 1)
    slide = deck.Slide(
        "Capaian SPM kesehatan (%), 2025", "Sumber: simulasi", "DATA SIMULASI", picture=png, charts=[bars], text=["Kota: 90,1 %"]
    )
    pptx = Presentation(io.BytesIO(deck.build("Judul", "Sub", [slide, slide], "Sumber", ["BPS"])))
    assert len(pptx.slides) == 1 + 2 + 1  # title, two maps, sources
    assert [sum(sh.shape_type == 13 for sh in s.shapes) for s in pptx.slides] == [0, 1, 1, 0]  # only maps are pictures
    assert [sum(sh.has_chart for sh in s.shapes) for s in pptx.slides] == [0, 1, 1, 0]  # bars are native charts
    texts = [" ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in pptx.slides]
    assert "DATA SIMULASI" in texts[1] and "Sumber: simulasi" in texts[1]


def test_csv_of_the_view_parses_back_to_the_same_numbers(real_env: Path) -> None:
    from kalimantan_equity.services import catalogue, mapview, warehouse
    from kalimantan_equity.ui import exports

    con = warehouse.connect(real_env)
    cat = warehouse.run(con, "indicator_catalogue")
    frame = warehouse.run(
        con, "map_values", indicator="bps_p0", year=2024, level="kabupaten", province=None, region_types=["kota", "kabupaten", "perbatasan"]
    )
    meta = mapview.IndicatorMeta.from_row(catalogue.row(cat, "bps_p0"), "id")
    data = pd.read_csv(io.BytesIO(exports.data_csv(frame, meta, 2024, "id")), encoding="utf-8-sig", dtype={"Kode Kemendagri": str})
    merged = data.merge(frame, left_on="Kode Kemendagri", right_on="code")
    assert len(merged) == 56 and (merged["Nilai"] == merged["value"].round(meta.decimals)).all()
    assert set(data["Sumber"]) == {"BPS, Kemiskinan Kabupaten/Kota, Maret 2024"} and data["Data simulasi"].isna().all()
    assert set(data["Dibuat"]) == {date.today().isoformat()}  # stamped with the day it was made


def test_briefing_deck_follows_the_maps_province_and_groups(real_env: Path) -> None:
    """A deck for a chosen set of regencies: the province and groups filtered on the map."""
    from kalimantan_equity.services import warehouse

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=240)
    at.query_params["prov"] = "64"
    at.query_params["types"] = "kabupaten,perbatasan"
    at.query_params["steps"] = "bps_p0,idm_score"
    at.run()
    next(b for b in at.button if b.label.startswith("Siapkan bahan rapat")).click().run()
    assert not at.exception
    pptx = Presentation(io.BytesIO(at.session_state["_deck"]["data"]))
    assert "Unduh bahan rapat (PPTX)" in [el.proto.label for el in at.get("download_button")]
    assert len(pptx.slides) == 1 + 2 + 3  # title, two steps, the gap charts, the table, sources
    assert pptx.slides[0].shapes[1].text_frame.text.startswith("Kalimantan Timur · Bahan rapat koordinasi")
    table = next(sh.table for sh in pptx.slides[4].shapes if sh.has_table)
    named = {table.cell(i, 2).text for i in range(1, len(table.rows))}
    con = warehouse.connect(real_env)
    allowed = set(
        con.execute("SELECT name FROM regions WHERE level = 'kabupaten' AND code LIKE '64.%' AND region_type <> 'kota'").df()["name"]
    )
    assert named and named <= allowed  # no city, nothing outside East Kalimantan
    at.selectbox(key="prov").set_value("61").run()  # another province: the Kaltim deck is no longer offered
    assert "Unduh bahan rapat (PPTX)" not in [el.proto.label for el in at.get("download_button")]


def test_access_map_image_draws_the_service_points_over_the_distances(real_env: Path) -> None:
    """The access page's map export: villages coloured by distance, the counted points as diamonds."""
    from kalimantan_equity.services import catalogue, mapview, warehouse
    from kalimantan_equity.ui import exports

    con = warehouse.connect(real_env)
    cat = warehouse.run(con, "indicator_catalogue")
    frame = warehouse.run(
        con, "map_values", indicator="idm_score", year=2024, level="desa", province=None, region_types=["kota", "kabupaten", "perbatasan"]
    )
    meta = mapview.IndicatorMeta.from_row(catalogue.row(cat, "idm_score"), "id")
    diamond = (11, 61, 145)  # the points' colour, used nowhere else on the map
    without = Image.open(io.BytesIO(exports.map_image(frame, meta, 2024, "desa", "id", "quantiles", 5, "png"))).convert("RGB")
    points = ([117.14, 109.33, 116.83], [-0.5, 0.0, 3.3], "Titik layanan yang dihitung")
    drawn = exports.map_image(frame, meta, 2024, "desa", "id", "quantiles", 5, "png", title="Akses", points=points)
    with_points = Image.open(io.BytesIO(drawn)).convert("RGB")
    assert with_points.size == (1920, 1080)
    count = lambda image: sum(1 for px in image.get_flattened_data() if max(abs(a - b) for a, b in zip(px, diamond, strict=True)) < 12)  # noqa: E731
    assert count(without) == 0 < count(with_points)
