"""Service access: distances checked by hand and against the geodesic, the what-if against a fresh
recomputation, partial mobile coverage, validation of new units, and the exported comparison."""

from __future__ import annotations

import io
import json
import math
from dataclasses import replace
from pathlib import Path

import duckdb
import numpy as np
import openpyxl
import pandas as pd
import plotly.io as pio
import pytest

from kalimantan_equity.geo import nearest as near
from kalimantan_equity.services import access, accesstables, accessview, export, mapview, warehouse
from kalimantan_equity.services.i18n import md_escape

BATULICIN = "Kantor Imigrasi Kelas II TPI Batulicin"
KOTABARU = "63.02"
KOTABARU_TOWN = (116.222944, -3.242097)  # where Eazy Paspor visits (desa Kotabaru Hilir area)
PASSPORT = access.Settings(kinds=access.PASSPORT_KINDS, threshold_km=50)  # the passport question: offices and units, 50 km


def _haversine_km(lon1: float, lat1: float, lon2: float, lat2: float, radius: float = 6371.0088) -> float:
    """The textbook great-circle formula, written out here so the hand check does not use the code under test."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def data(real_db: Path) -> dict[str, pd.DataFrame]:
    with duckdb.connect(str(real_db), read_only=True) as con:
        return {
            name: warehouse.run(con, name)
            for name in ("access_villages", "access_points", "access_districts", "access_regencies", "provinces", "sources")
        }


@pytest.fixture(scope="module")
def villages(data) -> access.Villages:
    return access.prepare_villages(data["access_villages"])


def _measures(data, villages, settings: access.Settings, new: list[access.NewPoint] | None = None) -> pd.DataFrame:
    points = access.select_points(data["access_points"], settings)
    result = access.current(villages, points)
    if new:
        result = access.with_new(villages, result, new, settings)
    return access.village_measures(villages, result, settings)


# ---------------------------------------------------------------- distances


@pytest.mark.parametrize(
    ("a", "b", "by_hand_km"),
    [
        (KOTABARU_TOWN, (115.945265, -3.509858), 42.85),  # Kotabaru town -> Kanim Batulicin, across the strait
        ((109.340303, -0.048737), (108.978592, 0.902064), 113.12),  # Kanim Pontianak -> Kanim Singkawang
        ((117.137160, -0.475970), (116.925511, -1.255848), 89.85),  # Kanim Samarinda -> Kanim Balikpapan
        ((112.923372, 0.883144), (110.597928, 0.122266), 272.06),  # Kanim Putussibau -> Kanim Sanggau, far west of 114° E
    ],
)
def test_distance_matches_hand_checked_pairs(a, b, by_hand_km: float) -> None:
    assert _haversine_km(*a, *b) == pytest.approx(by_hand_km, abs=0.01)
    km = near.distances_km(near.unit_vectors([a[0]], [a[1]]), near.unit_vectors([b[0]], [b[1]]))[0, 0]
    assert km == pytest.approx(by_hand_km, abs=0.01)
    assert near.geodesic_km(a[0], a[1], b[0], b[1]) == pytest.approx(by_hand_km, abs=0.01)


def test_great_circle_stays_within_the_stated_margin_of_the_wgs84_geodesic(data, villages) -> None:
    """200,000 random village–service point pairs across Kalimantan: the sphere is within the 0.6 %
    of the ellipsoid that the method text states."""
    from pyproj import Geod

    pts = data["access_points"].dropna(subset=["lon", "lat"])
    rng = np.random.default_rng(3)
    v, p = rng.integers(0, len(villages.frame), 200_000), rng.integers(0, len(pts), 200_000)
    lon, lat = villages.frame["rep_lon"].to_numpy()[v], villages.frame["rep_lat"].to_numpy()[v]
    plon, plat = pts["lon"].to_numpy()[p], pts["lat"].to_numpy()[p]
    _, _, metres = Geod(ellps="WGS84").inv(lon, lat, plon, plat)
    apart = metres > 1000.0  # a PLBN sits on its village's own point
    ratio = near.geodesic_km(lon, lat, plon, plat)[apart] / (metres[apart] / 1000.0)
    assert np.abs(ratio - 1).max() < 0.006


def test_every_kotabaru_village_is_nearest_to_the_batulicin_office(data, villages) -> None:
    m = _measures(data, villages, access.Settings(kinds=("kanim",)))
    kotabaru = m[m["regency_code"] == KOTABARU]
    assert len(kotabaru) == 202
    assert set(kotabaru["nearest_point"]) == {BATULICIN}
    town = kotabaru[kotabaru["name"] == "Kotabaru Hulu"].iloc[0]
    assert town["km"] == pytest.approx(42.8, abs=1.0)  # the town across the water from Batulicin


def test_nearest_agrees_with_brute_force_haversine_on_every_village(data, villages) -> None:
    pts = access.select_points(data["access_points"], access.Settings(kinds=access.FIXED_KINDS)).fixed
    km, idx = near.nearest(villages.xyz, near.unit_vectors(pts["lon"], pts["lat"]))
    lon, lat = villages.frame["rep_lon"].to_numpy(), villages.frame["rep_lat"].to_numpy()
    best_km, best_idx = np.full(len(lon), np.inf), np.full(len(lon), -1)
    for j, (plon, plat) in enumerate(zip(pts["lon"], pts["lat"], strict=True)):  # by hand, one point at a time
        p1, p2 = np.radians(lat), math.radians(plat)
        a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * math.cos(p2) * np.sin(np.radians(plon - lon) / 2) ** 2
        d = 2 * 6371.0088 * np.arcsin(np.sqrt(a))
        closer = d < best_km
        best_km[closer], best_idx[closer] = d[closer], j
    np.testing.assert_allclose(km, best_km, rtol=0, atol=1e-6)
    tie = np.isclose(km, best_km) & (idx != best_idx)  # two points at the same spot (a school and a puskesmas in one compound)
    assert np.array_equal(idx[~tie], best_idx[~tie])
    np.testing.assert_array_equal(pts[["lon", "lat"]].to_numpy()[idx[tie]], pts[["lon", "lat"]].to_numpy()[best_idx[tie]])


def test_no_point_counted_means_every_village_is_beyond(data, villages) -> None:
    m = _measures(data, villages, access.Settings(kinds=()))
    assert m["beyond"].all() and m["km"].isna().all()
    row = access.access_by_area(m, "all").iloc[0]
    assert row["n_beyond"] == 7229 and math.isnan(row["median_km"])


def test_villages_without_a_point_are_left_out_and_counted(villages) -> None:
    assert len(villages.frame) == 7229
    assert len(villages.unlocated) == 23
    assert not villages.unlocated["has_polygon"].any()


# ---------------------------------------------------------------- what-if


def test_a_passport_unit_in_kotabaru_equals_a_recomputation_from_scratch(data, villages) -> None:
    settings = PASSPORT
    points = access.select_points(data["access_points"], settings)
    unit = access.example_point(data["access_districts"], data["access_points"], data["access_villages"], access.PASSPORT_KINDS)
    assert unit.kind == "ulp" and unit.district_code.startswith(KOTABARU)
    quick = access.with_new(villages, access.current(villages, points), [unit], settings)
    fresh = access.from_scratch(villages, points, [unit], settings)
    np.testing.assert_allclose(quick.km, fresh.km, rtol=1e-12, atol=1e-9)
    assert np.array_equal(quick.nearest, fresh.nearest)
    assert quick.names == fresh.names
    pd.testing.assert_frame_equal(
        access.access_by_area(access.village_measures(villages, quick, settings), "regency"),
        access.access_by_area(access.village_measures(villages, fresh, settings), "regency"),
    )


def test_the_default_is_the_puskesmas_and_its_example_a_new_one_in_mantangai(data, villages) -> None:
    settings = access.Settings()
    assert settings.kinds == ("puskesmas",) and settings.threshold_km == 10
    points = access.select_points(data["access_points"], settings)
    assert set(points.fixed["kind"]) == {"puskesmas"} and len(points.fixed) > 700
    assert points.mobile.empty  # the visiting passport services are no partial coverage of a puskesmas
    unit = access.example_point(data["access_districts"], data["access_points"], data["access_villages"], settings.kinds)
    assert unit.kind == "puskesmas" and unit.district_code == "62.03.09"  # Mantangai, Kabupaten Kapuas
    now = _measures(data, villages, settings)
    mantangai = now[now["district_code"] == "62.03.09"]
    by_district = access.access_by_area(now, "district").set_index("code")
    assert by_district["n_beyond"].idxmax() == "62.03.09" and int(mantangai["beyond"].sum()) == 29
    after = _measures(data, villages, settings, [unit])
    wide = access.compare(now, {"A": after}).set_index("code")
    assert wide.loc["62.03", "brought_A"] == wide.loc[access.KALIMANTAN, "brought_A"] == 13  # Mantangai's own villages
    quick = access.with_new(villages, access.current(villages, points), [unit], settings)
    fresh = access.from_scratch(villages, points, [unit], settings)
    np.testing.assert_allclose(quick.km, fresh.km, rtol=1e-12, atol=1e-9)
    assert (
        access.example_point(data["access_districts"], data["access_points"], data["access_villages"], ("plbn",)) is None
    )  # no example for border posts


def test_random_scenarios_equal_recomputation_from_scratch(data, villages) -> None:
    """Several units of every kind at random villages, three settings: the quick path never drifts."""
    rng = np.random.default_rng(8)
    rows = villages.frame.sample(12, random_state=8)
    units = [
        access.NewPoint(f"u{i}", kind, float(r.rep_lon), float(r.rep_lat), r.district_code, 3.0 if kind == "mobile" else None)
        for i, (r, kind) in enumerate(zip(rows.itertuples(), rng.choice(list(access.ALL_KINDS), 12), strict=True))
    ]
    for settings in (
        PASSPORT,
        access.Settings(),
        access.Settings(kinds=("plbn", "pos"), statuses=("open", "planned")),
        access.Settings(detour=1.7),
    ):
        points = access.select_points(data["access_points"], settings)
        quick = access.village_measures(villages, access.with_new(villages, access.current(villages, points), units, settings), settings)
        fresh = access.village_measures(villages, access.from_scratch(villages, points, units, settings), settings)
        np.testing.assert_allclose(quick["km"], fresh["km"], rtol=1e-12)
        assert (quick["beyond"] == fresh["beyond"]).all()
        np.testing.assert_allclose(quick["partial_share"], fresh["partial_share"])


def test_the_kotabaru_unit_brings_kotabaru_villages_within_50_km(data, villages) -> None:
    settings = PASSPORT
    unit = access.example_point(data["access_districts"], data["access_points"], data["access_villages"], access.PASSPORT_KINDS)
    now = _measures(data, villages, settings)
    after = _measures(data, villages, settings, [unit])
    wide = access.compare(now, {"A": after})
    assert wide["code"].tolist() == [access.KALIMANTAN, KOTABARU]  # only Kotabaru changes
    kalimantan, kotabaru = wide.iloc[0], wide.iloc[1]
    assert kotabaru["brought_A"] > 20
    assert kalimantan["brought_A"] == kotabaru["brought_A"]
    assert kotabaru["median_change_A_km"] < -5
    assert (after["km"] <= now["km"] + 1e-9).all()  # a new unit never takes anyone further away
    # the town itself now has the unit on its doorstep
    town = after[(after["regency_code"] == KOTABARU) & (after["name"] == "Kotabaru Hulu")].iloc[0]
    assert town["km"] < 5 and town["nearest_point"] == unit.name


def test_three_scenarios_side_by_side(data, villages) -> None:
    settings = PASSPORT
    districts = data["access_districts"].set_index("code")
    unit = lambda code, kind="ulp": access.NewPoint(code, kind, districts.loc[code, "rep_lon"], districts.loc[code, "rep_lat"], code)  # noqa: E731
    now = _measures(data, villages, settings)
    scenarios = {
        "A": _measures(
            data,
            villages,
            settings,
            [access.example_point(data["access_districts"], data["access_points"], data["access_villages"], access.PASSPORT_KINDS)],
        ),
        "B": _measures(data, villages, settings, [unit("63.02.13")]),  # Pamukan Utara, far north of Kotabaru
        "C": _measures(data, villages, settings, [unit("63.02.13", "plbn")]),  # a PLBN does not count for passports
    }
    wide = access.compare(now, scenarios)
    assert {"brought_A", "brought_B", "brought_C"} <= set(wide.columns)
    assert (wide["brought_C"] == 0).all()
    assert wide.set_index("code").loc[KOTABARU, "brought_B"] > 0
    display = accesstables.comparison_display(wide, list(scenarios), "id", "50 km")
    assert "B: desa baru ≤ 50 km" in display.columns and display.iloc[0, 0] == "Kalimantan"


# ---------------------------------------------------------------- detour, thresholds, mobile services


def test_detour_factor_scales_every_distance(data, villages) -> None:
    straight = _measures(data, villages, access.Settings(threshold_km=50))
    detour = _measures(data, villages, access.Settings(threshold_km=100, detour=2.0))
    np.testing.assert_allclose(detour["km"], 2 * straight["km"])
    assert (detour["beyond"] == straight["beyond"]).all()  # 2 × d > 100 exactly when d > 50
    assert accessview.distance_unit(access.Settings(detour=1.3), "id") == "km (garis lurus × 1,3 faktor jalan memutar)"
    assert accessview.distance_unit(access.Settings(), "en") == "km (straight line)"


def test_threshold_counts_and_percentiles(data, villages) -> None:
    m = _measures(data, villages, access.Settings(threshold_km=50))
    regencies = access.access_by_area(m, "regency").set_index("code")
    kotabaru = m[m["regency_code"] == KOTABARU]["km"].to_numpy()
    row = regencies.loc[KOTABARU]
    assert row["n_villages"] == 202
    assert row["n_beyond"] == int((kotabaru > 50).sum())
    assert row["median_km"] == pytest.approx(np.median(kotabaru))
    assert row["p90_km"] == pytest.approx(np.percentile(kotabaru, 90))
    assert row["share_beyond"] == pytest.approx(100 * row["n_beyond"] / 202)
    assert regencies["n_villages"].sum() == 7229
    districts = access.access_by_area(m, "district")
    assert len(districts) == 626 and districts["n_villages"].sum() == 7229


def test_closed_points_are_left_out_unless_asked_for(data) -> None:
    default = access.select_points(data["access_points"], PASSPORT)
    assert not default.fixed["name"].str.contains("historical").any()
    assert (default.fixed["status"] == "open").all()
    with_closed = access.select_points(data["access_points"], replace(PASSPORT, statuses=access.STATUSES))
    assert with_closed.fixed["name"].str.contains("Barabai").any()


def test_mobile_service_is_partial_coverage_never_a_shorter_distance(data, villages) -> None:
    settings = PASSPORT
    points = access.select_points(data["access_points"], settings)
    eazy = points.mobile[points.mobile["name"].str.contains("Kotabaru")].iloc[0]
    assert eazy["days"] == 4 and eazy["days_basis"] == "access_days_kotabaru"
    tarakan = points.mobile[points.mobile["name"].str.contains("Malinau")].iloc[0]
    assert tarakan["days"] == access.DEFAULT_MOBILE_DAYS
    assert (
        access.select_points(data["access_points"], replace(PASSPORT, mobile_days=6)).mobile.set_index("name").loc[tarakan["name"], "days"]
        == 6
    )

    m = _measures(data, villages, settings)
    kotabaru = m[m["regency_code"] == KOTABARU]
    partial = kotabaru[kotabaru["mobile_partial"]]
    assert len(partial) > 0 and partial["beyond"].all()
    assert partial["partial_share"].unique().tolist() == [pytest.approx(4 / 30)]
    row = access.access_by_area(m, "regency").set_index("code").loc[KOTABARU]
    assert row["partial_equiv"] == pytest.approx(len(partial) * 4 / 30)

    visiting = access.NewPoint("Layanan keliling baru", "mobile", *KOTABARU_TOWN, "63.02.06", 8.0)
    after = _measures(data, villages, settings, [visiting])
    np.testing.assert_array_equal(after["km"], m["km"])  # distance untouched
    assert after[after["regency_code"] == KOTABARU]["partial_share"].max() == pytest.approx(8 / 30)


# ---------------------------------------------------------------- new units from the form


def _place(data, **kw):
    defaults = dict(
        districts=data["access_districts"],
        villages=data["access_villages"],
        extent=access.bounds(data["provinces"]),
        districts_geojson=None,
        lang="id",
    )
    return access.place(**(defaults | kw))


def test_place_in_a_district_or_a_clicked_village(data) -> None:
    unit = _place(data, name="", kind="ulp", where="district", district_code="63.02.06")
    assert isinstance(unit, access.NewPoint)
    assert unit.name == "Unit layanan paspor (baru) – Pulaulaut Utara" and unit.district_code == "63.02.06"
    village = _place(data, name="Pos Sebatik", kind="pos", where="village", village_code="65.03.10.2001")
    assert isinstance(village, access.NewPoint) and village.district_code == "65.03.10"
    mobile = _place(data, name="Keliling", kind="mobile", where="district", district_code="63.02.06", days=4)
    assert isinstance(mobile, access.NewPoint) and mobile.days == 4.0


def test_place_at_coordinates_checks_kalimantan_and_the_district(data, real_db: Path) -> None:
    with duckdb.connect(str(real_db), read_only=True) as con:
        kecamatan = warehouse.run(con, "geo_assets").set_index("level").loc["kecamatan", "file_name"]
    polygons = real_db.parent / "geo" / kecamatan
    inside = _place(data, name="ULP", kind="ulp", where="coords", lon=KOTABARU_TOWN[0], lat=KOTABARU_TOWN[1], districts_geojson=polygons)
    assert isinstance(inside, access.NewPoint) and inside.district_code == "63.02.06"
    far = _place(data, name="ULP", kind="ulp", where="coords", lon=106.8, lat=-6.2, districts_geojson=polygons)  # Jakarta
    assert isinstance(far, access.Problem) and far.key == "access_err_outside_bbox"
    assert far.values["lon0"] == "108,60"  # the extent, in the user's number format
    swapped = _place(data, name="ULP", kind="ulp", where="coords", lon=-3.24, lat=116.22, districts_geojson=polygons)
    assert isinstance(swapped, access.Problem) and swapped.key == "access_err_outside_bbox"
    sea = _place(data, name="ULP", kind="ulp", where="coords", lon=117.5, lat=-3.0, districts_geojson=polygons)  # Makassar Strait
    assert isinstance(sea, access.Problem) and sea.key == "access_err_no_district"
    sabah = _place(data, name="ULP", kind="ulp", where="coords", lon=116.0, lat=4.4, districts_geojson=polygons)  # Sabah, in the bbox
    assert isinstance(sabah, access.Problem) and sabah.key == "access_err_no_district"


@pytest.mark.parametrize(
    ("kw", "key"),
    [
        (dict(kind="kantor", where="district", district_code="63.02.06"), "access_err_kind"),
        (dict(kind="ulp", where="district", district_code="99.99.99"), "access_err_district"),
        (dict(kind="ulp", where="district", district_code="63.02.06", name="x" * 81), "access_err_name_long"),
        (dict(kind="mobile", where="district", district_code="63.02.06", days=0), "access_err_days"),
        (dict(kind="mobile", where="district", district_code="63.02.06", days=None), "access_err_days"),
        (dict(kind="ulp", where="village", village_code=None), "access_err_village"),
        (dict(kind="ulp", where="village", village_code="61.01.10.2012"), "access_err_village"),  # no polygon, no point
        (dict(kind="ulp", where="coords", lon=None, lat=None), "access_err_coords"),
        (dict(kind="ulp", where="coords", lon=float("nan"), lat=1.0), "access_err_coords"),
        (dict(kind="ulp", where="elsewhere"), "access_err_where"),
    ],
)
def test_bad_units_are_refused_with_a_reason(data, kw: dict, key: str) -> None:
    result = _place(data, **({"name": ""} | kw))
    assert isinstance(result, access.Problem) and result.key == key


def test_names_from_the_form_stay_plain_text() -> None:
    assert md_escape("[x](javascript:alert(1)) *b*") == "\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\*b\\*"


def test_stored_scenarios_round_trip() -> None:
    unit = access.NewPoint("ULP", "ulp", 116.2, -3.2, "63.02.06")
    restored = access.from_state({"A": [unit.as_dict()], "Z": [unit.as_dict()]})
    assert restored == {"A": [unit], "B": [], "C": []}


# ---------------------------------------------------------------- figures and exports


def test_map_figure_draws_villages_by_url_and_points_by_kind(data, villages) -> None:
    settings = PASSPORT
    points = access.select_points(data["access_points"], settings)
    unit = access.example_point(data["access_districts"], data["access_points"], data["access_villages"], access.PASSPORT_KINDS)
    m = access.village_measures(villages, access.with_new(villages, access.current(villages, points), [unit], settings), settings)
    meta = accessview.indicator_meta(settings, "en", accessview.citation(data["sources"], "en"))
    fig = accessview.map_figure(
        m,
        meta,
        "en",
        mapview.MapLayer("/app/static/geo/desa.x.geojson", "desa"),
        mapview.MapLayer("/app/static/geo/provinsi.x.geojson", "provinsi"),
        mapview.MapLayer("/app/static/geo/kabupaten.x.geojson", "kabupaten"),
        points,
        [unit],
        "A",
        KOTABARU,
        access.bounds(data["provinces"]),
        "quantiles",
    )
    payload = pio.to_json(fig, validate=False)
    traces = json.loads(payload)["data"]
    villages_drawn = [tr for tr in traces if tr["type"] == "choropleth" and tr["geojson"].endswith("desa.x.geojson")]
    assert sum(len(tr["locations"]) for tr in villages_drawn) == 7229
    assert all(isinstance(tr["geojson"], str) for tr in traces if tr["type"] == "choropleth")  # never embedded polygons
    outline = [tr for tr in traces if tr.get("name") == "selected"]
    assert outline[0]["locations"] == [KOTABARU] and outline[0]["geojson"].endswith("kabupaten.x.geojson")
    kinds = [tr["name"] for tr in traces if tr["type"] == "scattergeo"]
    assert kinds == ["Immigration office", "Passport service unit", "Mobile service", "New units, scenario A"]
    assert "km (straight line)" in villages_drawn[0]["hovertemplate"]
    assert all(tr["unselected"]["marker"]["opacity"] == 1 for tr in traces)  # a click does not grey the map out
    assert "approximate coordinates" in traces[-2]["hovertext"][0]
    assert len(payload) < 500_000  # a village-level rerun stays under the 500 KB target


def test_comparison_exports_as_csv_and_excel_with_metadata(data, villages) -> None:
    settings = PASSPORT
    now = _measures(data, villages, settings)
    unit = access.NewPoint('=HYPERLINK("http://x")', "ulp", *KOTABARU_TOWN, "63.02.06")
    wide = access.compare(now, {"A": _measures(data, villages, settings, [unit])})
    table = accesstables.comparison_export(wide, ["A"], "en", "50 km")
    csv = pd.read_csv(io.BytesIO(export.to_csv_bytes(table)), encoding="utf-8-sig")
    assert csv.columns.tolist()[:3] == ["Code", "Area", "Villages"]
    assert csv.loc[1, "Code"] == KOTABARU and csv.loc[1, "A: villages brought ≤ 50 km"] > 0
    points = accesstables.scenario_points_frame({"A": [unit], "B": [], "C": []}, data["access_districts"], settings, "en")
    cite = accessview.citation(data["sources"], "en")
    meta = accesstables.metadata(settings, "en", cite, 23, access.select_points(data["access_points"], settings).mobile)
    regencies = accesstables.area_table(access.access_by_area(now, "regency"), "en", "regency", "50 km", formatted=False)
    sheets = {"comparison": table, "scenario units": points, "regencies now": regencies}
    book = openpyxl.load_workbook(io.BytesIO(export.to_excel_bytes(sheets, meta)))
    assert book.sheetnames == ["comparison", "scenario units", "regencies now", "metadata"]
    header = [c.value for c in book["regencies now"][1]]
    assert header[:4] == ["Code", "Area", "Group", "Villages"]
    first = [c.value for c in book["regencies now"][2]]
    assert first[1] == "Kabupaten Mahakam Ulu" and isinstance(first[4], float)  # the farthest first, numbers stay numbers
    assert book["scenario units"]["B2"].value.startswith("'=")  # a formula from the form arrives as text
    notes = " ".join(str(c.value) for row in book["metadata"].iter_rows() for c in row)
    assert "only village counts are available" in notes
    assert "23 villages" in notes and "straight line" in notes and "approximate coordinates" in notes
    assert "Eazy Passport Kotabaru" in notes and "4 (brief" in notes
