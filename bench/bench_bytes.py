"""Benchmark: bytes per map interaction, the current code beside a baseline commit, one run.

    .venv/bin/python -m bench.bench_bytes                    # baseline = main
    .venv/bin/python -m bench.bench_bytes --baseline-ref HEAD~3 --detail

Each variant is started as its own server (``streamlit run app.py``, loopback, headless) from its own
tree (the working tree, and ``git archive <ref>`` with its own data build), one after the other. In one
open session on the equity map, over Streamlit's own websocket protocol (the client of
:mod:`bench.load_test`), each interaction's bytes are what the client receives from sending the widget
change to the run's ``script_finished``:

- **regency level**: another year (the first change after the link opened); another indicator;
  another number of classes; the rivers turned on; another number of classes with the rivers on;
- **villages**: the level switched from districts to villages (IDM); then another village indicator
  (the village indicators have one year each).

The client behaves as a browser does with Streamlit's message cache: it keeps every message the
server marks cacheable (a new element of ≥ 10 KB) for two runs and names them in its next rerun, so
an unchanged large element comes back as a reference (``ref_hash``), as in a browser.

``--detail`` prints, for the current code, where the bytes of each interaction go: per element
(type and key), and for the map figure per trace and per key of its JSON. Bytes are deterministic
(the same data gives the same bytes), so one round is enough. Each interaction is counted twice: the
messages' own size, and what crossed the network (the websocket's frames as they arrive on the socket,
compressed where the server compresses: ``server.enableWebsocketCompression``). The targets are about
the network. Nothing here is a test: it prints the
figures beside the targets and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.bench_burst import prepare_baseline, start
from bench.load_test import BrowserClient, app_facts, free_port, stop_server, wait_healthy

ROOT = Path(__file__).resolve().parent.parent
TARGETS_KB = {"regency": 10, "village": 120}


@dataclass
class Interaction:
    name: str
    kb: float
    wire_kb: float
    messages: list[tuple[ForwardMsg, int]] = field(default_factory=list)


async def change(client: BrowserClient, key: str, pick) -> Interaction | None:  # noqa: ANN001 - pick: options -> value
    """Change one widget (``pick`` chooses from its options) and record the interaction, as a browser sends it."""
    found = client.last.widget(key)
    if not found:
        return None
    kind, proto = found
    value = pick(list(proto.options) if kind in ("selectbox", "radio", "multiselect") else [])
    if value is None:
        return None
    state = WidgetState(id=proto.id)
    if kind == "slider":
        state.double_array_value.data[:] = [value]
    elif kind == "checkbox":
        state.bool_value = bool(value)
    else:
        state.string_value = value
    run = await client.rerun(changes=[state])
    return Interaction(key, run.bytes / 1024, run.wire_bytes / 1024, list(client.messages))


def other_option(client: BrowserClient, key: str):  # noqa: ANN202
    """Any option but the one the widget holds now."""
    found = client.last.widget(key)
    held = client.widgets.get(found[1].id) if found else None
    current = held.string_value if held is not None else None
    return lambda options: next((o for o in options if o != current), None)


async def measure(port: int, facts) -> dict[str, Interaction]:  # noqa: ANN001
    out: dict[str, Interaction] = {}
    client = BrowserClient(port, timeout=120)
    await client.open()
    await client.rerun(page="", query_string="ind=bps_hls&lvl=kabupaten", fresh=True)
    step = await change(client, "yr", other_option(client, "yr"))
    if step:
        out["regency: another year"] = step
    names = facts.indicator_labels
    step = await change(client, "ind", lambda o: names.get("bps_p0") if names.get("bps_p0") in o else None)
    if step:
        out["regency: another indicator"] = step
    k = client.last.widget("k")
    if k:
        step = await change(client, "k", lambda _o: 4.0 if list(k[1].value or k[1].default) != [4.0] else 6.0)
        if step:
            out["regency: number of classes"] = step
    step = await change(client, "map_rivers", lambda _o: True)
    if step:
        out["regency: rivers turned on"] = step
    k = client.last.widget("k")
    if k:
        step = await change(client, "k", lambda _o: 6.0)  # a number not shown before: a new map
        if step:
            out["regency: number of classes, rivers on"] = step
    await client.close()

    client = BrowserClient(port, timeout=120)
    await client.open()
    names = facts.indicator_labels
    await client.rerun(page="", query_string="ind=idm_score&lvl=kecamatan", fresh=True)
    step = await change(client, "lvl", lambda _o: facts.level_labels["desa"])
    if step:
        out["villages: level switched"] = step
    step = await change(client, "ind", lambda o: names.get("idm_ike") if names.get("idm_ike") in o else None)
    if step:
        out["villages: another indicator"] = step
    await client.close()
    return out


def _json_size(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())


def breakdown(step: Interaction) -> list[str]:
    """Where one interaction's bytes go: per element, and the map figure per trace and key."""
    per_element: dict[str, int] = defaultdict(int)
    lines = []
    for message, size in step.messages:
        kind = message.WhichOneof("type")
        if kind == "delta":
            delta = message.delta.WhichOneof("type")
            if delta == "new_element":
                element = message.delta.new_element
                etype = element.WhichOneof("type")
                proto = getattr(element, etype)
                ident = getattr(proto, "id", "") or ""
                name = f"{etype} {ident.rsplit('-', 1)[-1] if ident else ''}".strip()
                per_element[name] += size
                if etype == "plotly_chart" and size > 2000:
                    lines += _figure_lines(name, proto)
            else:
                per_element[f"delta {delta}"] += size
        else:
            per_element[kind] += size
    head = [f"  {name}: {size / 1024:.1f} KB" for name, size in sorted(per_element.items(), key=lambda kv: -kv[1]) if size >= 300]
    rest = sum(size for size in per_element.values() if size < 300)
    return [*head, f"  (elements under 0.3 KB: {rest / 1024:.1f} KB together)", *lines]


def _figure_lines(name: str, proto: Any) -> list[str]:
    spec = json.loads(proto.spec) if proto.spec else {}
    lines = [f"  {name}: spec {len(proto.spec.encode()) / 1024:.1f} KB, config {len(proto.config.encode()) / 1024:.1f} KB"]
    for i, trace in enumerate(spec.get("data", [])):
        keys = sorted(((k, _json_size(v)) for k, v in trace.items()), key=lambda kv: -kv[1])
        total = sum(s for _k, s in keys)
        top = ", ".join(f"{k} {s / 1024:.1f}" for k, s in keys[:5])
        lines.append(f"    trace {i} ({trace.get('type')}, {str(trace.get('name', ''))[:24]}): {total / 1024:.1f} KB: {top}")
    lines.append(f"    layout: {_json_size(spec.get('layout', {})) / 1024:.1f} KB")
    return lines


def report(results: dict[str, dict[str, Interaction]]) -> str:
    """Per variant two figures: the messages' own size, and what crossed the network (the websocket's
    compressed frames, as a browser's network panel counts them). The targets are about the network."""
    names = list(results)
    steps = list(dict.fromkeys(s for r in results.values() for s in r))
    head = " | ".join(f"{n}: messages | {n}: on the wire" for n in names)
    out = [f"| KB per interaction | {head} | target (wire) |", "|---|" + "---:|---:|" * len(names) + "---|"]
    for step in steps:
        target = TARGETS_KB["village" if step.startswith("villages") else "regency"]
        cells = []
        for n in names:
            found = results[n].get(step)
            cells += [f"{found.kb:.1f}", f"{found.wire_kb:.1f}"] if found else ["—", "—"]
        out.append(f"| {step} | {' | '.join(cells)} | ≤ {target} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-ref", default="main", help="git ref of the code to compare with (default: main)")
    parser.add_argument("--no-baseline", action="store_true", help="measure the current code only")
    parser.add_argument("--detail", action="store_true", help="where the current code's bytes go, per element and trace")
    args = parser.parse_args(argv)
    facts = app_facts()
    work = Path(tempfile.mkdtemp(prefix="bench-bytes-"))
    try:
        variants: dict[str, Path] = {}
        if not args.no_baseline:
            print(f"preparing {args.baseline_ref} in {work} ...", flush=True)
            variants[f"baseline ({args.baseline_ref})"] = prepare_baseline(args.baseline_ref, work)
        variants["current"] = ROOT
        results = {}
        for i, (name, tree) in enumerate(variants.items()):
            port = free_port("127.0.0.1")
            proc = start(tree, port, work / f"variant{i}.log")
            try:
                wait_healthy(proc, port)
                results[name] = asyncio.run(measure(port, facts))
            finally:
                stop_server(proc)
        print(report(results))
        if args.detail:
            for step, interaction in results["current"].items():
                print(f"\n{step}: {interaction.kb:.1f} KB of messages, {interaction.wire_kb:.1f} KB on the wire")
                print("\n".join(breakdown(interaction)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
