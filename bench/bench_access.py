"""Benchmark: recomputing a what-if scenario for every village, ours beside a naive all-pairs baseline, one run.

    .venv/bin/python -m bench.bench_access            # prints a Markdown table
    .venv/bin/python -m bench.bench_access --repeat 15

The scenario is the brief's example: a passport unit (ULP) in Kotabaru, against the open
immigration offices and passport units. Timed, each over the 7,229 villages with a point:

- ours, incremental: ``min(current distance, distance to the new unit)`` (``services.access.with_new``);
- ours, from scratch: project the points, build a k-d tree, query every village;
- naive, all pairs: the WGS84 geodesic for every village–point pair (pyproj, vectorised), then the minimum;
- naive, Python loop: the haversine formula in a double loop, as a first script would do it;
- the whole scenario as the page computes it (distances, per-village measures, Kalimantan and regency
  summaries, comparison with today), the village map figure serialised as ``st.plotly_chart`` does it,
  and a full page rerun through Streamlit's AppTest after adding the unit.

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

from data import build
from geo import access as geo
from services import access, mapview, warehouse

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 1000  # "well under a second" for a scenario over every village


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


def _apptest_ms(repeat: int) -> float:
    """Median time of a page rerun after adding the Kotabaru unit to a fresh scenario."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page(str(ROOT / "pages" / "service_access.py")).run()
    times = []
    for i in range(repeat):
        scenario = access.SCENARIOS[i % len(access.SCENARIOS)]
        at.radio(key="access_edit").set_value(scenario).run()
        if "access_scenarios" in at.session_state and at.session_state["access_scenarios"].get(scenario):
            at.button(key=f"access_clear_{scenario}").click().run()
        started = time.perf_counter()
        at.button(key="access_example").click().run()
        times.append((time.perf_counter() - started) * 1000)
        assert not at.exception
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument(
        "--kind",
        choices=["ulp", "puskesmas", "smp"],
        default="ulp",
        help="ulp: the brief's passport unit in Kotabaru; puskesmas / smp: a new unit at the village farthest from one",
    )
    args = parser.parse_args(argv)
    build.ensure_built()
    con = warehouse.connect(build.db_path())
    village_rows = warehouse.run(con, "access_villages")
    point_rows = warehouse.run(con, "access_points")
    districts = warehouse.run(con, "access_districts")
    settings = access.Settings() if args.kind == "ulp" else access.Settings(kinds=(args.kind,))
    villages = access.prepare_villages(village_rows)
    points = access.select_points(point_rows, settings)
    base = access.current(villages, points)
    if args.kind == "ulp":
        unit = access.example_point(districts, point_rows)
    else:  # a new puskesmas or SMP where it helps most: the village farthest from one today
        far = villages.frame.iloc[int(np.nanargmax(base.km))]
        unit = access.NewPoint(f"{args.kind} baru", args.kind, float(far["rep_lon"]), float(far["rep_lat"]), str(far["district_code"]))
    n, m = len(villages.frame), len(points.fixed) + 1
    lon, lat = villages.frame["rep_lon"].to_numpy(), villages.frame["rep_lat"].to_numpy()
    plon = np.append(points.fixed["lon"].to_numpy(), unit.lon)
    plat = np.append(points.fixed["lat"].to_numpy(), unit.lat)

    incremental_ms, quick = _median_ms(lambda: access.with_new(villages, base, [unit], settings), args.repeat)
    scratch_ms, fresh = _median_ms(lambda: access.from_scratch(villages, points, [unit], settings), args.repeat)
    naive_ms, (naive_km, _idx) = _median_ms(lambda: geo.naive_nearest_km(lon, lat, plon, plat), max(3, args.repeat // 3))
    # The Python loop is minutes for hundreds of puskesmas or thousands of schools: timed for the few immigration points only.
    loop_ms = _median_ms(lambda: _python_loop(lon, lat, plon, plat), 1)[0] if m < 200 else float("nan")
    same = bool(np.allclose(quick.km, fresh.km, rtol=1e-12) and np.array_equal(quick.nearest, fresh.nearest))
    worst = float(np.max(np.abs(quick.km - naive_km) / np.maximum(naive_km, 1.0)))

    now = access.village_measures(villages, base, settings)

    def whole_scenario() -> object:
        after = access.village_measures(villages, access.with_new(villages, base, [unit], settings), settings)
        access.summarise(after, "district")
        return access.compare(now, {"A": after})

    scenario_ms, _ = _median_ms(whole_scenario, args.repeat)
    meta = access.indicator_meta(settings, "id", "bench")
    after = access.village_measures(villages, quick, settings)
    layer = mapview.MapLayer("/app/static/geo/desa.x.geojson", "desa")

    def figure() -> int:
        fig = access.map_figure(
            after, meta, "id", layer, layer, layer, points, [unit], "A", unit.district_code[:5], mapview.KALIMANTAN_BBOX, "quantiles"
        )
        return len(pio.to_json(fig, validate=False).encode())

    figure_ms, payload = _median_ms(figure, args.repeat)
    page_ms = _apptest_ms(max(3, args.repeat // 2))

    what = (
        "a passport unit in Kotabaru"
        if args.kind == "ulp"
        else f"a new {args.kind} at the village farthest from one ({unit.district_code})"
    )
    print(f"Scenario: {what}; {n:,} villages, {m} counted points ({', '.join(settings.kinds)}, open) after adding it.")
    print(
        f"Incremental result equals the from-scratch recomputation: {'yes' if same else 'NO'}; "
        f"largest difference from the geodesic baseline: {worst:.2%}."
    )
    print()
    print("| step | method | time (ms) | faster than naive all pairs | target |")
    print("|---|---|---:|---:|---|")
    rows = [
        ("nearest distance, every village", "ours: incremental, min(current, new unit)", incremental_ms),
        ("nearest distance, every village", "ours: from scratch, k-d tree (project + index + query)", scratch_ms),
        ("nearest distance, every village", "naive: all pairs, pyproj geodesic (vectorised)", naive_ms),
        ("nearest distance, every village", "naive: all pairs, Python haversine loop", loop_ms),
        ("whole scenario", "ours: distances + measures + district/regency/Kalimantan summaries + comparison", scenario_ms),
        ("village map", f"ours: figure built and serialised ({payload / 1000:.0f} KB)", figure_ms),
        ("page", "ours: full page rerun after adding the unit, AppTest", page_ms),
    ]
    for step, method, ms in rows:
        ours_distance = step == "nearest distance, every village"
        target = f"< {TARGET_MS} ms" if method.startswith("ours") and step != "page" else "—"
        speed = f"{naive_ms / ms:.0f}×" if ours_distance else "—"
        print(f"| {step} | {method} | {ms:.1f} | {speed} | {target} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
