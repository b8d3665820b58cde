"""Benchmark: server time and bytes per map interaction, ours beside the naive approach, one run.

    .venv/bin/python -m bench.bench_map            # prints a Markdown table
    .venv/bin/python -m bench.bench_map --repeat 9

"Ours" is what the equity-map page does on a rerun: the bound DuckDB query (no cache), the
classification and the figure, serialised exactly as ``st.plotly_chart`` does
(``plotly.io.to_json(fig, validate=False)``), geometry referenced by URL. "Naive" is the usual
``px.choropleth(frame, geojson=<the source boundary file>, ...)``: one trace with the polygons
embedded, sent again on every rerun. A full page rerun through Streamlit's AppTest (cold query cache) is timed too, so the
Streamlit overhead is visible. Figures are medians over ``--repeat`` runs on this machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import plotly.express as px
import plotly.io as pio

from kalimantan_equity.data import build
from kalimantan_equity.data.sources import FILES
from kalimantan_equity.services import catalogue, mapview, summary, warehouse

ROOT = Path(__file__).resolve().parent.parent
GROUPS = ["kota", "kabupaten", "perbatasan"]
CASES = [  # level, indicator, year: a real series at each level
    ("kabupaten", "wb_electricity_access", 2019),
    ("kecamatan", "idm_score", 2024),
    ("desa", "idm_score", 2024),
]
TARGETS = {"kabupaten": (150, 50_000), "kecamatan": (None, None), "desa": (1000, 500_000)}


def _ours(con, cat, level: str, indicator: str, year: int) -> tuple[float, int]:
    started = time.perf_counter()
    frame = warehouse.run(con, "map_values", indicator=indicator, year=year, level=level, province=None, region_types=GROUPS)
    population = (
        warehouse.run(con, "population_nearest", year=year).set_index("region_code")["population"] if level == "kabupaten" else None
    )
    row = catalogue.row(cat, indicator)
    summary.headline(frame, row["aggregate"], int(row["direction"]), level, population)
    meta = mapview.IndicatorMeta.from_row(row, "id")
    fig = mapview.build_map(frame, meta, year, "id", mapview.MapLayer("/app/static/geo/x.geojson", level))
    payload = pio.to_json(fig, validate=False)
    return (time.perf_counter() - started) * 1000, len(payload.encode())


def _naive(con, level: str, indicator: str, year: int, geojson: dict) -> tuple[float, int]:
    started = time.perf_counter()
    frame = warehouse.run(con, "map_values", indicator=indicator, year=year, level=level, province=None, region_types=GROUPS)
    fig = px.choropleth(frame, geojson=geojson, locations="code", featureidkey="properties.kode", color="value", hover_name="name")
    fig.update_geos(fitbounds="locations", visible=False)
    payload = pio.to_json(fig, validate=False)
    return (time.perf_counter() - started) * 1000, len(payload.encode())


def _apptest_rerun_ms(level: str, indicator: str, repeat: int) -> float:
    """Median time of a page rerun after a new choice: the choice's queries miss the cache,
    the reference tables (catalogue, provinces, geometry list) are warm, as on a running server."""
    from streamlit.testing.v1 import AppTest

    from kalimantan_equity.ui import context

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.selectbox(key="ind").set_value(indicator).run()
    at.radio(key="lvl").set_value(level).run()
    times = []
    for i in range(repeat):
        context._cached_query.clear()  # the new choice's values are not cached yet
        started = time.perf_counter()
        at.slider(key="k").set_value(4 if i % 2 == 0 else 5).run()
        times.append((time.perf_counter() - started) * 1000)
        assert not at.exception
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    build.ensure_built()
    con = warehouse.connect(build.db_path())
    cat = warehouse.run(con, "indicator_catalogue")
    rows = []
    for level, indicator, year in CASES:
        geometry = json.loads((build.source_dir() / FILES[f"boundary_{level}"]).read_text())
        ours = [_ours(con, cat, level, indicator, year) for _ in range(args.repeat)]
        naive = [_naive(con, level, indicator, year, geometry) for _ in range(max(3, args.repeat // 2))]
        page_ms = _apptest_rerun_ms(level, indicator, args.repeat)
        rows.append(
            (
                level,
                len(geometry["features"]),
                statistics.median(t for t, _ in ours),
                ours[0][1],
                page_ms,
                statistics.median(t for t, _ in naive),
                naive[0][1],
            )
        )
    print(
        "| level | regions | ours: figure path (ms) | ours: bytes per interaction | ours: full page rerun, AppTest (ms) | naive: figure path (ms) | naive: bytes | target (ms / bytes) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for level, n, ms, size, page_ms, naive_ms, naive_size in rows:
        t_ms, t_bytes = TARGETS[level]
        target = "—" if t_ms is None else f"< {t_ms} ms / < {t_bytes // 1000} KB"
        print(
            f"| {level} | {n:,} | {ms:.0f} | {size / 1000:.1f} KB | {page_ms:.0f} | {naive_ms:.0f} | {naive_size / 1e6:.2f} MB | {target} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
