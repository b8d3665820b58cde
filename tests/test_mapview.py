"""The map figure carries values, colours and words, never polygons, and says what it shows."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest

from kalimantan_equity.services import catalogue, mapview, warehouse

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


def _values(data: object) -> list:
    """A figure array as the browser reads it: a typed array (``dtype`` + base64 ``bdata``) decoded."""
    if isinstance(data, dict):
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=np.dtype(data["dtype"])).tolist()
    return list(data)


def _geometry_file(real_db: Path, level: str) -> Path:
    return next((real_db.parent / "geo").glob(f"{level}.*.geojson"))


def test_a_village_map_names_regions_by_the_files_short_ids_and_a_click_maps_back(real_db: Path) -> None:
    path = _geometry_file(real_db, "desa")
    con = warehouse.connect(real_db)
    cat = warehouse.run(con, "indicator_catalogue")
    meta = mapview.IndicatorMeta.from_row(catalogue.row(cat, "idm_score"), "id")
    frame = warehouse.run(con, "map_values", indicator="idm_score", year=2024, level="desa", province=None, region_types=GROUPS)
    layer = mapview.MapLayer(f"/app/static/geo/{path.name}", "desa", str(path))
    fig = mapview.build_map(frame, meta, 2024, "id", layer, selected="64.11.01.2001")
    by_id = {f["properties"]["i"]: f["id"] for f in json.loads(path.read_text())["features"]}
    regions = [t for t in fig.to_dict()["data"] if t.get("featureidkey") == "properties.i"]
    # every village once, named by the id the browser matches in the same file
    drawn = [by_id[i] for t in regions for i in _values(t["locations"])]
    assert sorted(drawn) == sorted(frame["code"])
    # what a click reports (the short id) leads back to the village; a code is taken as it is
    first = _values(regions[0]["locations"])[0]
    assert layer.region_of(first) == by_id[first] and layer.region_of("64.11") == "64.11"
    assert layer.region_of(None) is None and layer.region_of(True) is None
    # the selected village's outline still names it by its code (one region: nothing to save)
    assert [t["locations"] for t in fig.to_dict()["data"] if t.get("name") == "selected"] == [["64.11.01.2001"]]
    # the short ids are what make the village map small: half the bytes of the codes
    with_codes = mapview.build_map(frame, meta, 2024, "id", mapview.MapLayer(layer.url, "desa"))
    assert len(pio.to_json(fig).encode()) < 0.6 * len(pio.to_json(with_codes).encode())


def test_a_file_without_short_ids_is_drawn_by_codes(tmp_path: Path) -> None:
    old = tmp_path / "kabupaten.old.geojson"
    old.write_text(
        json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "id": "61.01", "properties": {"n": "Sambas"}}]})
    )
    layer = mapview.MapLayer("/app/static/geo/kabupaten.old.geojson", "kabupaten", str(old))
    assert layer.short_ids() == {} and mapview.MapLayer(layer.url, "kabupaten", str(tmp_path / "gone.geojson")).short_ids() == {}


def test_rivers_are_an_optional_layer_on_the_equity_map(real_db: Path) -> None:
    con = warehouse.connect(real_db)
    cat = warehouse.run(con, "indicator_catalogue")
    meta = mapview.IndicatorMeta.from_row(catalogue.row(cat, "bps_ipm_2024"), "en")
    frame = warehouse.run(con, "map_values", indicator="bps_ipm_2024", year=2024, level="kabupaten", province=None, region_types=GROUPS)
    layer = mapview.MapLayer("/app/static/geo/kabupaten.abc.geojson", "kabupaten")
    rivers = mapview.MapLayer("/app/static/geo/rivers.abc.geojson", "rivers")
    plain = mapview.equity_map(frame, meta, 2024, "en", layer, layer, None)
    with_rivers = mapview.equity_map(frame, meta, 2024, "en", layer, layer, None, river_layer=rivers)
    assert "rivers" not in pio.to_json(plain)
    added = [t for t in with_rivers.to_dict()["data"] if t.get("geojson") == rivers.url]
    # one thin band by URL (no coordinates in the figure), named in the legend
    assert len(added) == 1 and added[0]["name"] == "Main rivers (GSHHG)" and added[0]["showlegend"]
    assert '"coordinates"' not in pio.to_json(with_rivers)
    assert len(pio.to_json(with_rivers)) - len(pio.to_json(plain)) < 400
