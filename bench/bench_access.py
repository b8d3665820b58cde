"""Benchmark: recomputing a what-if scenario for every village, the current method beside the one it
replaced and a naive all-pairs baseline, in one run.

    .venv/bin/python -m bench.bench_access                    # prints a Markdown table
    .venv/bin/python -m bench.bench_access --kind puskesmas   # a new puskesmas (or --kind smp)
    .venv/bin/python -m bench.bench_access --repeat 15

The scenario is a new unit against the open points of its kind: a passport unit (ULP) in Kotabaru
against the immigration offices and passport units (``--kind ulp``), or a new puskesmas or SMP at
the village farthest from one. Timed, each over the 7,229 villages with a point:

- after, incremental: ``min(current distance, distance to the new unit)`` (``services.access.with_new``);
- after, from scratch: unit-sphere coordinates of the points, a k-d tree, one query per village
  (``geo.nearest``; the exact great-circle nearest point);
- before, from scratch: what ``geo/access.py`` did until the nearest-point code was made one module:
  points projected to Lambert azimuthal equal-area (114° E, 0°), a planar k-d tree, one query per village;
- naive, all pairs: the haversine formula for every village–point pair (NumPy, vectorised), then the minimum;
- naive, Python loop: the haversine formula in a double loop, as a first script would do it;
- the whole scenario as the page computes it (distances, per-village measures, Kalimantan and regency
  summaries, comparison with today), the village map figure serialised as ``st.plotly_chart`` does it,
  and a full page rerun through Streamlit's AppTest after adding the unit with the page's own form.

Figures are medians over ``--repeat`` runs on this machine.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import plotly.io as pio
from pyproj import Transformer
from scipy.spatial import cKDTree

from kalimantan_equity.data import build
from kalimantan_equity.geo import nearest as near
from kalimantan_equity.services import access, accessview, mapview, warehouse

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 1000  # "under a second" for a scenario over every village
_BEFORE_CRS = "+proj=laea +lat_0=0 +lon_0=114 +datum=WGS84 +units=m +no_defs"  # the replaced method's projection


def _median_ms(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def _python_loop(lon: np.ndarray, lat: np.ndarray, plon: np.ndarray, plat: np.ndarray) -> np.ndarray:
    out = np.empty(len(lon))
    for i, (x, y) in enumerate(zip(lon.tolist(), lat.tolist(), strict=True)):
        best = math.inf
        for px, py in zip(plon.tolist(), plat.tolist(), strict=True):
            p1, p2 = math.radians(y), math.radians(py)
            a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(px - x) / 2) ** 2
            best = min(best, 2 * 6371.0088 * math.asin(math.sqrt(a)))
        out[i] = best
    return out


def _all_pairs(lon: np.ndarray, lat: np.ndarray, plon: np.ndarray, plat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Haversine for every village–point pair, in blocks of villages so thousands of schools fit in memory."""
    km, idx = np.empty(len(lon)), np.empty(len(lon), dtype=np.int64)
    step = max(1, 4_000_000 // max(1, len(plon)))
    for start in range(0, len(lon), step):
        part = slice(start, start + step)
        pairs = near.geodesic_km(lon[part, None], lat[part, None], plon[None, :], plat[None, :])
        idx[part] = pairs.argmin(axis=1)
        km[part] = pairs[np.arange(len(idx[part])), idx[part]]
    return km, idx


def _before(village_xy: np.ndarray, plon: np.ndarray, plat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The replaced method: project the points, build a planar k-d tree, query every (pre-projected) village."""
    x, y = Transformer.from_crs("EPSG:4326", _BEFORE_CRS, always_xy=True).transform(plon, plat)
    dist, idx = cKDTree(np.column_stack([x, y]) / 1000.0).query(village_xy, k=1)
    return np.asarray(dist), np.asarray(idx)


def _after(village_xyz: np.ndarray, plon: np.ndarray, plat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return near.nearest(village_xyz, near.unit_vectors(plon, plat))


def _apptest_ms(repeat: int, unit: access.NewPoint, kinds: tuple[str, ...]) -> float:
    """Median time of a page rerun after adding the unit to a fresh scenario: the Kotabaru example
    button for a passport unit, else the page's form (the unit's kind, placed at its district)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page(str(ROOT / "kalimantan_equity" / "pages" / "service_access.py")).run()
    at.multiselect(key="access_kinds").set_value(list(kinds)).run()
    example = unit.kind == "ulp"
    if not example:
        at.selectbox(key="access_new_kind").set_value(unit.kind).run()
        at.radio(key="access_loc").set_value("district").run()
        at.selectbox(key="access_new_district").set_value(unit.district_code).run()
    times = []
    for i in range(repeat):
        scenario = access.SCENARIOS[i % len(access.SCENARIOS)]
        at.radio(key="access_edit").set_value(scenario).run()
        if "access_scenarios" in at.session_state and at.session_state["access_scenarios"].get(scenario):
            at.button(key=f"access_clear_{scenario}").click().run()
        started = time.perf_counter()
        at.button(key="access_example" if example else "access_add").click().run()
        times.append((time.perf_counter() - started) * 1000)
        if at.exception or not at.session_state["access_scenarios"].get(scenario):
            raise SystemExit("the page did not add the unit")
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument(
        "--kind",
        choices=["ulp", "puskesmas", "smp"],
        default="puskesmas",
        help="ulp: a passport unit in Kotabaru; puskesmas / smp: a new unit at the village farthest from one",
    )
    args = parser.parse_args(argv)
    build.ensure_built()
    con = warehouse.connect(build.db_path())
    village_rows = warehouse.run(con, "access_villages")
    point_rows = warehouse.run(con, "access_points")
    districts = warehouse.run(con, "access_districts")
    settings = access.Settings(kinds=("kanim", "ulp") if args.kind == "ulp" else (args.kind,))
    villages = access.prepare_villages(village_rows)
    points = access.select_points(point_rows, settings)
    base = access.current(villages, points)
    if args.kind == "ulp":
        unit = access.example_point(districts, point_rows, village_rows, access.PASSPORT_KINDS)
    else:  # a new puskesmas or SMP where it helps most: the village farthest from one today
        far = villages.frame.iloc[int(np.nanargmax(base.km))]
        unit = access.NewPoint(f"{args.kind} baru", args.kind, float(far["rep_lon"]), float(far["rep_lat"]), str(far["district_code"]))
    n, m = len(villages.frame), len(points.fixed) + 1
    lon, lat = villages.frame["rep_lon"].to_numpy(), villages.frame["rep_lat"].to_numpy()
    plon = np.append(points.fixed["lon"].to_numpy(), unit.lon)
    plat = np.append(points.fixed["lat"].to_numpy(), unit.lat)
    x, y = Transformer.from_crs("EPSG:4326", _BEFORE_CRS, always_xy=True).transform(lon, lat)
    village_xy = np.column_stack([x, y]) / 1000.0  # the replaced method projected the villages once, as this does the sphere

    incremental_ms, quick = _median_ms(lambda: access.with_new(villages, base, [unit], settings), args.repeat)
    scratch_ms, fresh = _median_ms(lambda: access.from_scratch(villages, points, [unit], settings), args.repeat)
    after_ms, (after_km, after_idx) = _median_ms(lambda: _after(villages.xyz, plon, plat), args.repeat)
    before_ms, (before_km, before_idx) = _median_ms(lambda: _before(village_xy, plon, plat), args.repeat)
    naive_ms, (naive_km, naive_idx) = _median_ms(lambda: _all_pairs(lon, lat, plon, plat), max(3, args.repeat // 3))
    # The Python loop is minutes for hundreds of puskesmas or thousands of schools: timed for the few immigration points only.
    loop_ms = _median_ms(lambda: _python_loop(lon, lat, plon, plat), 1)[0] if m < 200 else float("nan")
    same = bool(np.allclose(quick.km, fresh.km, rtol=1e-12) and np.array_equal(quick.nearest, fresh.nearest))
    after_gap = float(np.max(np.abs(after_km - naive_km)))
    after_same = int((after_idx == naive_idx).sum())
    before_gap = float(np.max(np.abs(before_km - naive_km) / np.maximum(naive_km, 1.0)))
    before_same = int((before_idx == naive_idx).sum())

    now = access.village_measures(villages, base, settings)

    def whole_scenario() -> object:
        after = access.village_measures(villages, access.with_new(villages, base, [unit], settings), settings)
        access.access_by_area(after, "district")
        return access.compare(now, {"A": after})

    scenario_ms, _ = _median_ms(whole_scenario, args.repeat)
    meta = accessview.indicator_meta(settings, "id", "bench")
    after = access.village_measures(villages, quick, settings)
    layer = mapview.MapLayer("/app/static/geo/desa.x.geojson", "desa")

    def figure() -> int:
        fig = accessview.map_figure(
            after, meta, "id", layer, layer, layer, points, [unit], "A", unit.district_code[:5], mapview.KALIMANTAN_BBOX, "quantiles"
        )
        return len(pio.to_json(fig, validate=False).encode())

    figure_ms, payload = _median_ms(figure, args.repeat)
    page_ms = _apptest_ms(max(3, args.repeat // 2), unit, settings.kinds)

    what = (
        "a passport unit in Kotabaru"
        if args.kind == "ulp"
        else f"a new {args.kind} at the village farthest from one ({unit.district_code})"
    )
    print(f"Scenario: {what}; {n:,} villages, {m} counted points ({', '.join(settings.kinds)}, open) after adding it.")
    print(f"Incremental result equals the from-scratch recomputation: {'yes' if same else 'NO'}.")
    print(
        f"Against brute-force haversine: after, nearest point the same for {after_same:,} of {n:,} villages, "
        f"distance within {after_gap:.1e} km; before, the same point for {before_same:,}, distance within {before_gap:.2%}."
    )
    print()
    print("| step | method | time (ms) | faster than naive all pairs | target |")
    print("|---|---|---:|---:|---|")
    rows = [
        ("nearest distance, every village", "after: incremental, min(current, new unit)", incremental_ms),
        ("nearest distance, every village", "after: from scratch, unit-sphere k-d tree (convert + index + query)", after_ms),
        ("nearest distance, every village", "before: from scratch, projected planar k-d tree (project + index + query)", before_ms),
        ("nearest distance, every village", "after: from scratch as the page calls it (access.from_scratch)", scratch_ms),
        ("nearest distance, every village", "naive: all pairs, NumPy haversine (vectorised)", naive_ms),
        ("nearest distance, every village", "naive: all pairs, Python haversine loop", loop_ms),
        ("whole scenario", "after: distances + measures + district/regency/Kalimantan summaries + comparison", scenario_ms),
        ("village map", f"after: figure built and serialised ({payload / 1000:.0f} KB)", figure_ms),
        ("page", "after: full page rerun after adding the unit, AppTest", page_ms),
    ]
    for step, method, ms in rows:
        distance = step == "nearest distance, every village"
        target = f"< {TARGET_MS} ms" if method.startswith("after") and step != "page" else "—"
        speed = f"{naive_ms / ms:.0f}×" if distance and np.isfinite(ms) else "—"
        print(f"| {step} | {method} | {ms:.1f} | {speed} | {target} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
