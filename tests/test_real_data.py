"""The warehouse built from the real shared data: every series on the right region.

These checks read the source files independently of the build code and compare with what the
warehouse holds, so a wrong crosswalk or a shifted code cannot pass by agreeing with itself.
"""

from __future__ import annotations

import html
import json

import duckdb
import pandas as pd
import pytest

from kalimantan_equity.services.names import same_region
from tests.conftest import SHARED


def _regions(con: duckdb.DuckDBPyConnection, level: str) -> pd.DataFrame:
    return con.execute("SELECT * FROM regions WHERE level = $level", {"level": level}).df()


def test_region_counts_match_the_boundaries(real_con: duckdb.DuckDBPyConnection) -> None:
    counts = dict(real_con.execute("SELECT level, count(*) FROM regions WHERE has_polygon GROUP BY level").fetchall())
    assert counts == {"provinsi": 5, "kabupaten": 56, "kecamatan": 626, "desa": 7229}
    # IDM villages newer than the boundaries are kept, listed as having no polygon
    assert real_con.execute("SELECT count(*) FROM regions WHERE NOT has_polygon").fetchone()[0] == 23


def test_region_groups_are_nine_cities_and_eight_border_regencies(real_con: duckdb.DuckDBPyConnection) -> None:
    groups = dict(real_con.execute("SELECT region_type, count(*) FROM region_groups GROUP BY 1").fetchall())
    assert groups == {"kota": 9, "perbatasan": 8, "kabupaten": 39}
    border = {r[0] for r in real_con.execute("SELECT regency_code FROM region_groups WHERE region_type = 'perbatasan'").fetchall()}
    assert {"61.06", "65.03", "64.11"} <= border  # Kapuas Hulu, Nunukan, Mahakam Ulu


def test_regions_have_area_point_and_remoteness(real_con: duckdb.DuckDBPyConnection) -> None:
    reg = _regions(real_con, "kabupaten").set_index("code")
    assert reg["area_km2"].between(50, 60000).all()
    total = reg["area_km2"].sum()
    assert 500_000 < total < 560_000  # Kalimantan's five provinces: about 544,000 km²
    # Kapuas Hulu is far from Pontianak; Kota Pontianak is the capital itself
    assert reg.loc["61.06", "km_to_capital"] > 350
    assert reg.loc["61.71", "km_to_capital"] < 10
    assert reg.loc["61.71", "km_to_city"] == 0
    assert reg["rep_lon"].between(108, 120).all() and reg["rep_lat"].between(-5, 5).all()


def test_the_23_differing_regencies_land_on_their_own_polygon(real_con: duckdb.DuckDBPyConnection) -> None:
    """For every regency whose BPS code differs, the value published under that BPS code sits on
    the polygon whose Kemendagri code the crosswalk names (e.g. Kapuas Hulu: BPS 6108 -> 61.06)."""
    crosswalk = pd.read_csv(SHARED / "reference/crosswalk_kemendagri_bps_kalimantan.csv", dtype=str)
    differing = crosswalk[crosswalk["kode_kemendagri_nodot"] != crosswalk["kode_bps"]]
    assert len(differing) == 23
    source = pd.read_csv(SHARED / "indicators/worldbank_indodapoer_2019_kalimantan.csv", dtype={"kode_bps": str})
    by_bps = source.set_index("kode_bps")
    polygons = _regions(real_con, "kabupaten").set_index("code")
    for _, row in differing.iterrows():
        code = row["kode_kemendagri"]
        stored = real_con.execute(
            "SELECT value FROM observations WHERE indicator_id = 'wb_electricity_access' AND year = 2019 AND region_code = $code",
            {"code": code},
        ).fetchone()[0]
        assert stored == pytest.approx(by_bps.loc[row["kode_bps"], "electricity_access"]), code
        assert same_region(row["nama"], polygons.loc[code, "name"]), code
    # the classic trap, spelled out
    assert polygons.loc["61.06", "name"] == "Kabupaten Kapuas Hulu"
    kapuas_hulu = real_con.execute(
        "SELECT value FROM observations WHERE indicator_id = 'bps_ipm' AND year = 2019 AND region_code = '61.06'"
    ).fetchone()[0]
    assert kapuas_hulu == pytest.approx(65.65)


@pytest.mark.parametrize(
    ("file", "code_column", "name_column", "nodot"),
    [
        ("bps_ipm_lfsp2020_kalimantan_2024.csv", "kode_kab", "nama_kab", True),
        ("bps_poverty_kalimantan_2024.csv", "kode_kab", "nama_kab", True),
        ("bps_ipm_components_kalimantan_2010_2021.csv", "kode_kemendagri", "nama", False),
        ("kemendes_idm_2023_2024_kalimantan_kabupaten.csv", "kode_kemendagri", "kabupaten", False),
        ("worldbank_indodapoer_2000_2014_kalimantan_long.csv", "kode_kemendagri", "nama_kemendagri", False),
    ],
)
def test_every_source_row_names_the_region_it_lands_on(
    real_con: duckdb.DuckDBPyConnection, file: str, code_column: str, name_column: str, nodot: bool
) -> None:
    source = pd.read_csv(SHARED / "indicators" / file, dtype=str)
    codes = source[code_column].str[:2] + "." + source[code_column].str[2:4] if nodot else source[code_column]
    names = _regions(real_con, "kabupaten").set_index("code")["name"]
    mismatched = [(c, n) for c, n in zip(codes, source[name_column], strict=True) if not same_region(n, names[c])]
    assert mismatched == []


def test_old_name_pontianak_regency_is_mempawah(real_con: duckdb.DuckDBPyConnection) -> None:
    source = pd.read_csv(SHARED / "indicators/worldbank_indodapoer_2019_kalimantan.csv", dtype=str)
    row = source[source["district"] == "Pontianak"].iloc[0]  # DAPOER still uses the old name
    names = _regions(real_con, "kabupaten").set_index("code")["name"]
    assert row["kode_kemendagri"] == "61.02"
    assert names["61.02"] == "Kabupaten Mempawah"
    assert same_region("Kabupaten Pontianak", names["61.02"])
    assert not same_region("Kota Pontianak", names["61.02"])


def test_ipm_method_break_keeps_two_series(real_con: duckdb.DuckDBPyConnection) -> None:
    years = dict(
        real_con.execute(
            "SELECT indicator_id, list(DISTINCT year ORDER BY year) FROM observations "
            "WHERE indicator_id IN ('bps_ipm', 'bps_ipm_2024') GROUP BY 1"
        ).fetchall()
    )
    assert years["bps_ipm"] == list(range(2010, 2022))
    assert years["bps_ipm_2024"] == [2024]
    groups = real_con.execute("SELECT DISTINCT series_group FROM indicators WHERE indicator_id IN ('bps_ipm', 'bps_ipm_2024')").fetchall()
    assert groups == [("ipm_baru",)], "same concept, two series: a trend chart draws them as separate lines"


def test_mahakam_ulu_early_ipm_is_missing_not_zero(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = real_con.execute(
        "SELECT year, value FROM observations WHERE indicator_id = 'bps_ipm' AND region_code = '64.11' ORDER BY year"
    ).fetchall()
    assert [y for y, _ in rows][0] == 2013
    assert all(v > 50 for _, v in rows)


def test_idm_villages_match_polygons_and_cities_are_not_applicable(real_con: duckdb.DuckDBPyConnection) -> None:
    n_villages, n_drawn = real_con.execute("SELECT count(*), sum(has_polygon::int) FROM village_status").fetchone()
    assert (n_villages, n_drawn) == (6638, 6615)
    na = {
        r[0]
        for r in real_con.execute(
            "SELECT region_code FROM not_applicable WHERE indicator_id = 'idm_score' AND length(region_code) = 5"
        ).fetchall()
    }
    cities = {r[0] for r in real_con.execute("SELECT regency_code FROM region_groups WHERE region_type = 'kota'").fetchall()}
    assert na == cities
    # no region is both scored and not applicable
    clash = real_con.execute("SELECT count(*) FROM observations o JOIN not_applicable n USING (indicator_id, region_code)").fetchone()[0]
    assert clash == 0


def test_service_points_are_placed_inside_kalimantan(real_con: duckdb.DuckDBPyConnection) -> None:
    pts = real_con.execute("SELECT * FROM service_points WHERE source_id = 'reference_points'").df()  # facilities: test_facilities.py
    assert (pts["kind"] == "plbn").sum() == 9
    assert (pts["kind"] != "plbn").sum() == 31
    assert pts["lon"].between(108, 120).all() and pts["lat"].between(-5, 5).all()
    batulicin = pts[pts["name"].str.contains("Batulicin") & (pts["kind"] == "kanim")].iloc[0]
    assert batulicin["regency_code"] == "63.10"  # Tanah Bumbu
    immigration = pts[pts["kind"] != "plbn"]
    assert set(immigration.loc[immigration["verified"] == "no", "status"]) == {"closed"}  # historical units


def test_simulated_series_are_flagged(real_con: duckdb.DuckDBPyConnection) -> None:
    flags = real_con.execute(
        "SELECT i.indicator_id, i.simulated, s.simulated FROM indicators i JOIN sources s USING (source_id)"
    ).fetchall()
    for indicator, ind_flag, src_flag in flags:
        assert ind_flag == src_flag, indicator
        assert ind_flag == indicator.startswith(("spm_", "lapor_")), indicator


def test_geometry_files_hold_every_region_and_no_values(real_db, real_con: duckdb.DuckDBPyConnection) -> None:
    assets = real_con.execute(
        "SELECT level, file_name, n_features FROM geo_assets WHERE level NOT IN ('perbatasan', 'rivers')"
    ).fetchall()  # rivers: a context band, not regions
    for level, file_name, n_features in assets:
        collection = json.loads((real_db.parent / "geo" / file_name).read_text())
        ids = [f["id"] for f in collection["features"]]
        expected = {r[0] for r in real_con.execute("SELECT code FROM regions WHERE level = $l AND has_polygon", {"l": level}).fetchall()}
        assert set(ids) == expected and len(ids) == n_features
        names = dict(real_con.execute("SELECT code, name FROM regions WHERE level = $l", {"l": level}).fetchall())
        # the region's name (for the map's hover) and its short id (the figure's key), nothing else: no values,
        # so one file serves every indicator and year
        assert all(
            f["properties"] == {"n": html.escape(names[f["id"]], quote=False), "i": i} for i, f in enumerate(collection["features"], 1)
        )


def test_geometry_rings_run_clockwise_and_are_valid(real_db, real_con: duckdb.DuckDBPyConnection) -> None:
    """d3-geo (inside Plotly) fills the whole globe for a counter-clockwise exterior ring."""
    import shapely
    from shapely.geometry import shape

    for (file_name,) in real_con.execute("SELECT file_name FROM geo_assets WHERE level <> 'rivers'").fetchall():  # regions only
        collection = json.loads((real_db.parent / "geo" / file_name).read_text())
        geoms = [shape(f["geometry"]) for f in collection["features"]]
        assert all(shapely.is_valid(geoms)), file_name
        for geom in geoms:
            for polygon in getattr(geom, "geoms", [geom]):
                assert not polygon.exterior.is_ccw, file_name
                assert all(ring.is_ccw for ring in polygon.interiors), file_name


def test_village_simplification_adds_no_visible_gaps_or_overlaps() -> None:
    """Coverage simplification keeps shared edges shared; plain simplification would not."""
    from kalimantan_equity.geo import boundaries

    villages = boundaries.read_level(SHARED / "boundaries/kalimantan_desa.geojson", "desa")
    simplified = boundaries.simplify(villages, "desa")
    total_km2 = boundaries.measures(villages)["area_km2"].sum()
    before, after = boundaries.overlap_km2(villages), boundaries.overlap_km2(simplified)
    naive = boundaries.overlap_km2(villages.assign(geometry=villages.geometry.simplify(boundaries.SIMPLIFY_TOLERANCE["desa"])))
    assert after < 0.0002 * total_km2  # under 0.02 % of Kalimantan, about 100 km²
    assert after < naive / 10
    assert before <= after


def test_land_border_runs_from_tanjung_datu_to_sebatik() -> None:
    import numpy as np

    from kalimantan_equity.geo import border, boundaries, nearest

    regencies = boundaries.read_level(SHARED / "boundaries/kalimantan_kabkota.geojson", "kabupaten")
    line = border.land_border(regencies)
    km = 0.0
    for part in line.geoms:
        xy = np.asarray(part.coords)
        km += nearest.geodesic_km(xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1]).sum()
    assert 1_600 < km < 2_200  # the Kalimantan–Malaysia land border is about 2,000 km
    west, south, east, north = line.bounds
    assert south > 0.8, "the border never dips to the equator: a coast was taken for it"
    assert west == pytest.approx(109.6, abs=0.2) and east == pytest.approx(117.9, abs=0.1)


def test_each_geometry_file_has_its_gzip_beside_it_for_the_proxy(real_db, real_con: duckdb.DuckDBPyConnection) -> None:
    """nginx ``gzip_static`` serves ``<file>.gz`` as is: it must be exactly the file, compressed."""
    import gzip

    for (file_name,) in real_con.execute("SELECT file_name FROM geo_assets").fetchall():
        path = real_db.parent / "geo" / file_name
        packed = path.with_name(file_name + ".gz")
        assert gzip.decompress(packed.read_bytes()) == path.read_bytes(), file_name
        assert packed.stat().st_size < path.stat().st_size / 2
