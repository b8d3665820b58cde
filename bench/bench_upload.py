"""Benchmark: deciding clashes for an upload, and parsing an upload on a rerun, before and after.

    .venv/bin/python -m bench.bench_upload

Clashes: ``uploads.decide`` built the set of clashing (region, year) pairs once per uploaded row,
so 4,000 clashing rows cost 4,000 sets of 4,000 pairs (quadratic: the issue measured 20 s). The
"before" figure runs that loop as it was; "after" is the function as it is now (the set built once).
Parse on rerun: the page re-read and re-matched the whole file on every rerun (typing a title);
now the result is cached by the file's bytes and the editor's answers, so a rerun is a cache hit.
"""

from __future__ import annotations

import statistics
import time

import pandas as pd

from kalimantan_equity.services import uploads


def _old_decide(clean: pd.DataFrame, clash: pd.DataFrame) -> pd.DataFrame:
    """The clash loop as it was before issue 15 (one set per row)."""
    key = list(zip(clean["region_code"], clean["year"], strict=True))
    clashing = pd.Series([k in set(zip(clash["region_code"], clash["year"], strict=True)) for k in key], index=clean.index, dtype=bool)
    return clean[~clashing]


def _frames(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    codes = [f"{61 + i % 5}.{i % 97:02d}" for i in range(n)]
    years = [1990 + i // 97 for i in range(n)]
    clean = pd.DataFrame({"region_code": codes, "year": years, "value": [float(i) for i in range(n)], "row_no": range(n)})
    existing = clean.assign(value=clean["value"] + 1, source_title="BPS")
    return clean, existing


def _median(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    print("| clashing rows | before (s) | after (s) |")
    print("|---:|---:|---:|")
    for n in (1_000, 4_000):
        clean, existing = _frames(n)
        clash = uploads.clashes(clean, existing)
        assert len(clash) == n
        before = _median(lambda c=clean, k=clash: _old_decide(c, k), 1 if n > 1000 else 3)
        after = _median(lambda c=clean, k=clash, e=existing: uploads.decide(c, k, False, e), 5)
        rows, aside = uploads.decide(clean, clash, False, existing)
        assert rows.empty and len(aside) == n  # the same answer: every clashing row set aside
        print(f"| {n:,} | {before:.2f} | {after:.3f} |")


def parse_on_rerun() -> None:
    """A 99,000-row upload: the first read, and a rerun with the same file and answers."""
    from pathlib import Path

    from kalimantan_equity.services import warehouse
    from kalimantan_equity.ui import upload_flow

    con = warehouse.connect(Path(__file__).resolve().parent.parent / "data" / "warehouse" / "kalimantan.duckdb")
    regions, crosswalk = warehouse.run(con, "upload_regions"), warehouse.run(con, "crosswalk")
    names = crosswalk["name"].tolist()
    lines = ["wilayah;indikator;tahun;nilai"] + [
        f"{names[i % len(names)]};Indikator {i // (len(names) * 35)};{1990 + (i // len(names)) % 35};{i % 1000},5" for i in range(99_000)
    ]
    data = ("\n".join(lines) + "\n").encode()
    answers = (("code_system", None), ("choices", ()), ("year", None), ("number_locale", None), ("roles", ()), ("confirmed", ()))
    start = time.perf_counter()
    upload_flow._prepare("besar.csv", data, regions, crosswalk, answers)
    first = time.perf_counter() - start
    start = time.perf_counter()
    upload_flow._prepare("besar.csv", data, regions, crosswalk, answers)
    again = time.perf_counter() - start
    print(
        f"\n| 99,000-row upload | first read (s) | rerun (s) |\n|---|---:|---:|\n| before: read on every rerun | {first:.2f} | {first:.2f} |"
    )
    print(f"| after: cached by file and answers | {first:.2f} | {again:.3f} |")


if __name__ == "__main__":
    main()
    parse_on_rerun()
