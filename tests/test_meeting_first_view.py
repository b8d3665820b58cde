"""The first ten seconds of a meeting: what the room reads on the first view, from real data.

Ties read "=1", villages are named with their district and regency, the map fits the regions it
shows and marks the cities and border regencies, and the profile shows only real rows by default.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from kalimantan_equity.services import catalogue, mapview, ranking, summary, warehouse
from tests.conftest import ROOT

GROUPS = list(summary.GROUPS)
LAYER = mapview.MapLayer("/app/static/geo/kabupaten.x.geojson", "kabupaten")


def _frame(con, indicator: str, year: int, level: str) -> pd.DataFrame:
    return warehouse.run(con, "map_values", indicator=indicator, year=year, level=level, province=None, region_types=GROUPS)


def test_ties_share_a_rank_written_with_an_equals_sign(real_db: Path) -> None:
    con = warehouse.connect(real_db)
    rows = ranking.ranked(_frame(con, "wb_electricity_access", 2019, "kabupaten"), 1)
    rows = rows.assign(tied=ranking.tied(rows), place=ranking.place_names(rows, None))
    top = rows[rows["rank"] == 1]
    assert len(top) > 1 and top["tied"].all()  # several regencies at 100 %
    figure = ranking.figure(rows.head(12), len(rows), mapview.IndicatorMeta.from_row(_meta(con, "wb_electricity_access"), "id"), "id", None)
    labels = [y for trace in figure.data for y in trace.y]
    assert all(label.startswith("=1 ") for label in labels if label.split(" ")[0] in ("=1", "1."))
    assert not any(label.startswith("1. ") for label in labels)
    assert ranking.rank_text(3, False) == "3." and ranking.rank_text(3, True) == "=3"


def test_village_rankings_name_village_district_and_regency(real_db: Path) -> None:
    con = warehouse.connect(real_db)
    rows = ranking.ranked(_frame(con, "idm_score", 2024, "desa"), 1)
    places = warehouse.run(con, "region_places", level="desa")
    named = ranking.place_names(rows, places)
    first = rows.iloc[0]
    parts = named.iloc[0].split(", ")
    assert parts[0] == first["name"] and len(parts) == 3 and parts[2].startswith(("Kabupaten ", "Kota "))
    assert named.nunique() > rows["name"].nunique()  # village names repeat; with district and regency they part


def test_map_fits_the_shown_regions_and_marks_cities_and_border_regencies(real_db: Path) -> None:
    con = warehouse.connect(real_db)
    places = warehouse.run(con, "region_places", level="kabupaten")
    border_only = warehouse.run(con, "map_values", indicator="bps_ipm_2024", year=2024, level="kabupaten", province=None,
                                region_types=["perbatasan"])  # fmt: skip
    lon0, lat0, lon1, lat1 = mapview.fit_bbox(places, border_only["code"])
    k_lon0, k_lat0, k_lon1, k_lat1 = mapview.KALIMANTAN_BBOX
    assert (lon1 - lon0) * (lat1 - lat0) < 0.6 * (k_lon1 - k_lon0) * (k_lat1 - k_lat0)  # the eight border regencies fill the frame
    frame = _frame(con, "bps_ipm_2024", 2024, "kabupaten")
    meta = mapview.IndicatorMeta.from_row(_meta(con, "bps_ipm_2024"), "en")
    fig = mapview.build_map(frame, meta, 2024, "en", LAYER)
    mapview.add_group_marks(fig, frame, LAYER, "en")
    mapview.add_name_labels(fig, frame, places, size=18, px_per_degree=70)
    names = ("Cities (blue line)", "Border regencies (green line)")
    marks = {tr.name: set(tr.locations) for tr in fig.data if tr.name in names and tr.type == "choropleth"}
    assert len(marks["Cities (blue line)"]) == 9 and len(marks["Border regencies (green line)"]) == 8
    # the legend shows each outline as a line of its colour (a hollow choropleth's own swatch is blank)
    keys = {tr.name: tr.line.color for tr in fig.data if tr.name in names and tr.type == "scattergeo" and tr.showlegend is not False}
    assert keys == {"Cities (blue line)": mapview.GROUP_MARKS["kota"], "Border regencies (green line)": mapview.GROUP_MARKS["perbatasan"]}
    labels = next(tr for tr in fig.data if tr.name == "labels")
    assert 15 <= len(labels.text) <= 56 and "Kapuas Hulu" in labels.text  # the large regencies are named, none overlapping
    legend = mapview.legend_html(mapview.for_meeting(fig), meta.unit, "en")
    assert "Cities (blue line)" in legend and "Border regencies (green line)" in legend and fig.layout.showlegend is False
    assert f"border:0.2rem solid {mapview.GROUP_MARKS['kota']}'></span><span>Cities (blue line)" in legend  # the slide's key too


def test_profile_scorecard_is_real_data_unless_demonstration_data_is_asked_for(real_env: Path) -> None:
    def scorecard(**params: str) -> pd.DataFrame:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=240)
        for key, value in {"region": "61.06", **params}.items():
            at.query_params[key] = value
        at.run()
        at.switch_page(str(ROOT / "kalimantan_equity" / "pages" / "regency_profile.py")).run()
        assert not at.exception
        return next(df.value for df in at.dataframe if "Jenis data" in df.value.columns)

    assert set(scorecard()["Jenis data"]) == {"✓ Data resmi"}
    assert "⚠ Data simulasi" in set(scorecard(demo="1")["Jenis data"])


def _meta(con, indicator: str) -> pd.Series:
    return catalogue.row(warehouse.run(con, "indicator_catalogue"), indicator)
