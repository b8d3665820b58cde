"""Benchmark: a meeting opens the link at once. The current code beside a baseline commit, one run.

    .venv/bin/python -m bench.bench_burst                      # baseline = main, 30 sessions
    .venv/bin/python -m bench.bench_burst --baseline-ref HEAD~3 --sessions 20 --rounds 1

Each variant is started as its own server (``streamlit run app.py``, loopback, headless) from its
own tree: the working tree as it is, and ``git archive <baseline-ref>`` unpacked into a temporary
folder with its own data build (same sources). The variants take turns (baseline, current, baseline,
current, ...) so other work on the machine weighs on both alike. Against each server, over
Streamlit's own websocket protocol (the client of :mod:`bench.load_test`):

- **server CPU of a new regency-level view**: one fresh session opens a map link nobody opened yet
  (``/?ind=…&yr=…``); the server's CPU time (utime + stime of its process tree) around that one
  interaction, nothing else running against it; median over several views;
- **server CPU of a view already opened**: a second fresh session opens the same links;
- **bytes per interaction**: what the server sends for a widget change in an open session (another
  year at regency level; the level switched to villages), by a client that keeps Streamlit's message
  cache as a browser does: the messages' own size, and what crossed the network (the websocket's
  frames, compressed where the server compresses);
- **burst, same link**: ``--sessions`` sessions open one link at the same moment; seconds until the
  last has its page (first view of that link on a warm server);
- **burst, different views**: ``--sessions`` sessions open as many different regency-level links;
- errors (an exception element, an error box, a closed socket, no map title) and the server's RSS.

Nothing here is a test: it prints figures beside the targets, and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.load_test import BrowserClient, Client, Run, _process_tree, _usage, app_facts, free_port, stop_server, wait_healthy

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"cpu_seen_ms": 80, "cpu_new_ms": 150, "kb_regency": 10, "kb_village": 120, "burst_same_s": 3, "burst_diff_s": 8}


@dataclass
class Figures:
    cpu_new_ms: list[float] = field(default_factory=list)
    cpu_seen_ms: list[float] = field(default_factory=list)
    kb_regency: list[float] = field(default_factory=list)
    kb_village: list[float] = field(default_factory=list)
    wire_kb_regency: list[float] = field(default_factory=list)
    wire_kb_village: list[float] = field(default_factory=list)
    burst_same_s: list[float] = field(default_factory=list)
    burst_diff_s: list[float] = field(default_factory=list)
    errors: int = 0
    rss_mb: list[float] = field(default_factory=list)
    error_notes: list[str] = field(default_factory=list)


def prepare_baseline(ref: str, into: Path) -> Path:
    """The baseline's files (``git archive``) with its own data build, so neither variant rebuilds the other's."""
    tree = into / "baseline"
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    env = _env(tree)
    subprocess.run([sys.executable, "-m", "kalimantan_equity.data.build"], cwd=tree, env=env, check=True, capture_output=True)
    return tree


def _env(tree: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EQUITY_")}
    env["EQUITY_SOURCE_DIR"] = os.environ.get("EQUITY_SOURCE_DIR", str((ROOT.parent / "shared" / "data").resolve()))
    env["EQUITY_UPLOADS_DIR"] = str(tree / "data" / "bench-uploads")  # no uploads: both variants show the built data
    env["PYTHONPATH"] = str(tree)
    return env


def start(tree: Path, port: int, log: Path, extra: tuple[str, ...] = ()) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", *extra]
    cmd += ["--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"]
    return subprocess.Popen(cmd, cwd=tree, env=_env(tree), stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)


def _problem(run: Run, title: str) -> str | None:
    if run.exceptions:
        return "exception: " + run.exceptions[0].message[:120]
    if any(a.format == 1 for a in run.of_type("alert")):
        return "error box"
    if title not in run.headings():
        return "no map title"
    return None


async def open_link(port: int, query: dict[str, str], title: str, kind: type[Client] = Client) -> tuple[Run, Client]:
    client = kind(port, timeout=120)
    await client.open()
    run = await client.rerun(page="", query_string=urlencode(query), fresh=True)
    problem = _problem(run, title)
    if problem:
        await client.close()
        raise RuntimeError(problem)
    return run, client


def cpu_s(pid: int) -> float:
    return _usage(_process_tree(pid))[1]


async def _timed_open(proc: subprocess.Popen, port: int, query: dict[str, str], title: str) -> tuple[float, Client]:
    before = cpu_s(proc.pid)
    _run, client = await open_link(port, query, title)
    await asyncio.sleep(0.3)  # the run's tail (post-run collection, message flush) counts too
    return (cpu_s(proc.pid) - before) * 1000, client


async def measure(proc: subprocess.Popen, port: int, facts, views: list[dict[str, str]], burst: int, figures: Figures) -> None:
    title = facts.map_title
    # warm: the server has served one page (imports done, catalogue read), as after run.sh's warm-up;
    # the presenter's tab stays open (with no session left, Streamlit drops its compiled page scripts)
    _r, presenter = await open_link(port, {}, title)
    for view in views[:5]:  # a new view, then the same view by a second visitor
        ms, c = await _timed_open(proc, port, view, title)
        figures.cpu_new_ms.append(ms)
        await c.close()
        ms, c = await _timed_open(proc, port, view, title)
        figures.cpu_seen_ms.append(ms)
        await c.close()
    # bytes of one interaction in an open session: another year at regency level (an indicator with
    # several years; most links above name a one-year series), then villages
    # (a client that keeps Streamlit's message cache, as a browser does: bench.bench_bytes has the detail)
    _r, c = await open_link(port, {"ind": "bps_hls", "lvl": "kabupaten"}, title, BrowserClient)
    found = c.last.widget("yr")
    held = c.widgets.get(found[1].id) if found else None
    other = next((o for o in found[1].options if held is None or o != held.string_value), None) if found else None
    if other is not None:
        r = await c.rerun(changes=[WidgetState(id=found[1].id, string_value=other)])
        figures.kb_regency.append(r.bytes / 1024)
        figures.wire_kb_regency.append(r.wire_bytes / 1024)
    await c.close()
    # villages: a village-level indicator, then switch the level
    _r, c = await open_link(port, {"ind": "idm_score", "lvl": "kecamatan"}, title, BrowserClient)
    found = c.last.widget("lvl")
    r = await c.rerun(changes=[WidgetState(id=found[1].id, string_value=facts.level_labels["desa"])])
    figures.kb_village.append(r.bytes / 1024)
    figures.wire_kb_village.append(r.wire_bytes / 1024)
    await c.close()

    async def one(query: dict[str, str]) -> float:
        try:
            _run, client = await open_link(port, query, title)
            await client.close()
        except Exception as exc:  # counted, not raised: the burst goes on
            figures.errors += 1
            figures.error_notes.append(repr(exc)[:160])
        return time.monotonic()

    same = views[-1]  # not opened above: its first view is part of the burst
    started = time.monotonic()
    ends = await asyncio.gather(*(one(same) for _ in range(burst)))
    figures.burst_same_s.append(max(ends) - started)
    figures.rss_mb.append(_usage(_process_tree(proc.pid))[0])
    distinct = views[5 : 5 + burst]
    started = time.monotonic()
    ends = await asyncio.gather(*(one(v) for v in distinct))
    figures.burst_diff_s.append(max(ends) - started)
    figures.rss_mb.append(_usage(_process_tree(proc.pid))[0])
    await presenter.close()


def regency_views(facts, n: int, seed_offset: int) -> list[dict[str, str]]:
    """Distinct regency-level links (indicator × year), a different slice per round so each is new."""
    from kalimantan_equity.data import build
    from kalimantan_equity.services import catalogue, warehouse

    con = warehouse.connect(build.db_path())
    cat = warehouse.run(con, "indicator_catalogue")
    con.close()
    pairs = [
        {"ind": i, "lvl": "kabupaten", "yr": str(y)}
        for i in catalogue.indicator_ids(cat)
        if "kabupaten" in catalogue.levels_for(cat, i)
        for y in catalogue.years_for(cat, i, "kabupaten")
    ]
    pairs = pairs[seed_offset:] + pairs[:seed_offset]
    return list(itertools.islice(itertools.cycle(pairs), n))


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def report(results: dict[str, Figures], ref: str, sessions: int) -> str:
    rows = [
        ("server CPU, a view someone already opened (ms)", "cpu_seen_ms", f"≤ {TARGETS['cpu_seen_ms']}"),
        ("server CPU, a new regency-level view (ms)", "cpu_new_ms", f"≤ {TARGETS['cpu_new_ms']}"),
        ("KB per interaction, regency level (another year): messages", "kb_regency", "—"),
        ("KB per interaction, regency level (another year): on the wire", "wire_kb_regency", f"≤ {TARGETS['kb_regency']}"),
        ("KB per interaction, villages (level switched): messages", "kb_village", "—"),
        ("KB per interaction, villages (level switched): on the wire", "wire_kb_village", f"≤ {TARGETS['kb_village']}"),
        (f"{sessions} sessions open the same link: all done (s)", "burst_same_s", f"≤ {TARGETS['burst_same_s']}"),
        (f"{sessions} different regency views: all done (s)", "burst_diff_s", f"≤ {TARGETS['burst_diff_s']}"),
    ]
    names = list(results)
    out = [f"| measure (median) | {' | '.join(names)} | target |", "|---|" + "---:|" * len(names) + "---|"]
    for text, key, target in rows:
        cells = []
        for name in names:
            value = _median(getattr(results[name], key))
            cells.append("—" if value is None else (f"{value:.0f}" if key.startswith("cpu") else f"{value:.1f}"))
        out.append(f"| {text} | {' | '.join(cells)} | {target} |")
    out.append(f"| errors | {' | '.join(str(results[n].errors) for n in names)} | 0 |")
    out.append(f"| server RSS after the bursts, max (MB) | {' | '.join(f'{max(results[n].rss_mb or [0]):.0f}' for n in names)} | — |")
    for name in names:
        for note in results[name].error_notes[:3]:
            out.append(f"\n{name}: {note}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-ref", default="main", help="git ref of the code to compare with (default: main)")
    parser.add_argument("--sessions", type=int, default=30, help="sessions in each burst (≤ 60)")
    parser.add_argument("--rounds", type=int, default=2, help="turns per variant, interleaved")
    parser.add_argument("--keep", action="store_true", help="keep the baseline's temporary tree")
    parser.add_argument(
        "--ablation",
        action="store_true",
        help="also the current code with the post-run collection on, with the file watcher on, and with websocket compression off",
    )
    args = parser.parse_args(argv)
    sessions = max(1, min(args.sessions, 60))
    facts = app_facts()
    work = Path(tempfile.mkdtemp(prefix="bench-burst-"))
    base = f"baseline ({args.baseline_ref})"
    try:
        print(f"preparing {args.baseline_ref} in {work} ...", flush=True)
        variants = {base: (prepare_baseline(args.baseline_ref, work), ()), "current": (ROOT, ())}
        if args.ablation:
            variants["current, postScriptGC on"] = (ROOT, ("--runner.postScriptGC", "true"))
            variants["current, file watcher on"] = (ROOT, ("--server.fileWatcherType", "auto"))
            variants["current, websocket compression off"] = (ROOT, ("--server.enableWebsocketCompression", "false"))
        results = {name: Figures() for name in variants}
        for round_no in range(args.rounds):
            for i, (name, (tree, extra)) in enumerate(variants.items()):
                port = free_port("127.0.0.1")
                proc = start(tree, port, work / f"variant{i}-{round_no}.log", extra)
                try:
                    wait_healthy(proc, port)
                    views = regency_views(facts, 5 + sessions + 1, seed_offset=round_no * 7)
                    asyncio.run(measure(proc, port, facts, views, sessions, results[name]))
                    print(f"round {round_no + 1}, {name}: done", flush=True)
                finally:
                    stop_server(proc)
        print(report(results, args.baseline_ref, sessions))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
