"""The map figure carries values, colours and words, never polygons, and says what it shows."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import plotly.io as pio
import pytest

from services import catalogue, mapview, warehouse

GROUPS = ["kota", "kabupaten", "perbatasan"]


def _figure(db: Path, indicator: str, year: int, level: str, lang: str = "id", **kw):
    con = warehouse.connect(db)
    cat = warehouse.run(con, "indicator_catalogue")
    meta = mapview.IndicatorMeta.from_row(catalogue.row(cat, indicator), lang)
    frame = warehouse.run(con, "map_values", indicator=indicator, year=year, level=level, province=None, region_types=GROUPS)
    layer = mapview.MapLayer(f"/app/static/geo/{level}.abc.geojson", level)
    return mapview.build_map(frame, meta, year, lang, layer, **kw), frame, meta


def test_figure_refers_to_geometry_by_url(real_db: Path) -> None:
    fig, frame, _ = _figure(real_db, "idm_score", 2024, "desa")
    spec = json.loads(pio.to_json(fig))
    geojsons = {trace.get("geojson") for trace in spec["data"] if trace["type"] == "choropleth"}
    assert geojsons == {"/app/static/geo/desa.abc.geojson"}
    assert '"coordinates"' not in pio.to_json(fig)
    drawn = sum(len(tr["locations"]) for tr in spec["data"] if tr["type"] == "choropleth")
    assert drawn == len(frame) == 7229


def test_every_region_is_drawn_once_with_no_data_and_not_applicable_apart(real_db: Path) -> None:
    fig, frame, _ = _figure(real_db, "idm_score", 2024, "kabupaten", lang="en")
    names = [tr.name for tr in fig.data if tr.type == "choropleth" and tr.showlegend]
    assert any(n.startswith("Not applicable (9)") for n in names)
    located = [c for tr in fig.data if tr.type == "choropleth" for c in tr.locations]
    assert sorted(located) == sorted(frame["code"])


def test_legend_counts_add_up_and_use_locale_numbers(real_db: Path) -> None:
    fig, frame, _ = _figure(real_db, "wb_electricity_access", 2019, "kabupaten", lang="id", k=5)
    labels = [tr.name for tr in fig.data if tr.type == "choropleth" and tr.showlegend]
    counts = [int(name.rsplit("(", 1)[1].rstrip(")")) for name in labels]
    assert sum(counts) == 56
    assert "," in labels[0] and "." not in labels[0].split("(")[0]  # 83,4 – 96,2


def test_hover_names_source_year_and_simulated_mark(real_db: Path) -> None:
    fig, _, meta = _figure(real_db, "spm_kesehatan", 2025, "kabupaten", lang="id")
    template = fig.data[0].hovertemplate
    assert "Data simulasi" in template and "2025" in template and meta.citation in template
    real, _, _ = _figure(real_db, "bps_p0", 2024, "kabupaten", lang="en")
    assert "Simulated" not in real.data[0].hovertemplate and "BPS" in real.data[0].hovertemplate


def test_rank_follows_direction() -> None:
    values = pd.Series([10.0, 30.0, 20.0])
    assert list(mapview.rank_values(values, 1)) == [3, 1, 2]
    assert list(mapview.rank_values(values, -1)) == [1, 3, 2]


@pytest.mark.parametrize("level", ["kabupaten", "kecamatan", "desa"])
def test_payload_stays_small(real_db: Path, level: str) -> None:
    indicator, year = ("idm_score", 2024) if level == "desa" else ("spm_pendidikan", 2025)
    fig, _, _ = _figure(real_db, indicator, year, level)
    limit = {"kabupaten": 50_000, "kecamatan": 150_000, "desa": 500_000}[level]
    assert len(pio.to_json(fig).encode()) < limit
