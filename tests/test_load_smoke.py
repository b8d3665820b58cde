"""The load test's own check: a short run against its own server, and its judge on made-up answers.

The short run (3 sessions, one pass each, think 0.3 s) must show that the websocket client really drove the
pages: every session did every kind of step without an error, the village map drawn after the level
change is a different and larger map than the district one, a village click named the village and
opened its regency's profile through the map's link (the profile's title is checked per step), and
latencies and memory samples were recorded.
"""

from __future__ import annotations

import argparse

import pytest
from streamlit.proto.Element_pb2 import Element

from bench import load_test


def test_short_run_drives_every_step_without_errors(tmp_path):
    # one full pass per session (about 20 s on 2 cores), at most 45 s
    figures = load_test.main(["--sessions", "3", "--passes", "1", "--duration", "45", "--ramp", "2", "--baseline", "5"]
                             + ["--think", "0.3", "--no-warmup", "--timeout", "30", "--out", str(tmp_path)])  # fmt: skip
    base, load = figures["baseline"], figures["load"]
    assert load["errors"] == {}, load["error_examples"]
    assert base["errors"] == {}, base["error_examples"]
    assert load["sessions"] == load["sessions_held"] == 3
    assert load["sessions_all_kinds"] == 3, {k: v["n"] for k, v in load["by_kind"].items()}
    for kind in load_test.KINDS:
        row = load["by_kind"][kind]
        assert row["n"] >= 3 and row["errors"] == 0 and row["p50_ms"] > 0 and row["p95_ms"] >= row["p50_ms"], (kind, row)
    assert all(r["ms"] > 0 and r["bytes"] > 0 for r in figures["load_log"])
    # the level steps really changed the map: 56 regencies, then hundreds of districts, then thousands of villages
    seen = figures["locations_seen"]
    assert seen["kabupaten"] == 56 and 500 < seen["kecamatan"] < seen["desa"], seen
    # and the village step carried the village map: its regions as 2-byte short ids, values and ranks (~95 KB
    # against a district step's ~40 KB, which carries 626 regions and the rest of the page)
    assert load["by_kind"]["level_desa"]["mean_kb"] > 2 * load["by_kind"]["level"]["mean_kb"]
    assert load["profiles_opened_by_link"] >= 3  # the village click offered its regency's profile link
    samples = figures["memory_timeline"]
    assert len(samples) >= 15 and all(s["rss_mb"] > 50 for s in samples)
    assert figures["memory"]["peak_mb"] >= figures["memory"]["before_load_mb"] > 0
    assert figures["server_alive_at_end"] and figures["server_log_tracebacks"] == 0
    assert (tmp_path / figures["json_path"].rsplit("/", 1)[-1]).is_file()
    assert "level_desa" in load_test.report(figures)


FACTS = load_test.Facts({}, {}, [], [], {}, {}, [], "Peta", "Kesenjangan", ("Maaf, tampilan ini gagal dimuat.",))


def _judge(*elements: Element, status: int = 0, not_found: bool = False) -> tuple[str | None, str | None]:
    walker = load_test.Walker(0, "load", 1, FACTS, argparse.Namespace(seed=1, timeout=1, think=0), [], 0.0)
    walker.client = load_test.Client(1, 1)
    run = load_test.Run(elements={(0, i): e for i, e in enumerate(elements)}, status=status, page_not_found=not_found)
    return walker._judge(run)


def _alert(body: str, fmt: int) -> Element:
    element = Element()
    element.alert.body, element.alert.format = body, fmt
    return element


def test_judge_counts_what_a_viewer_would_see_as_broken():
    heading = Element()
    heading.heading.body = "Peta"
    assert _judge(heading) == (None, None)
    assert _judge(heading, _alert("Data simulasi", 2)) == (None, None)  # a warning is not an error
    assert _judge(_alert("Maaf, tampilan ini gagal dimuat. Coba lagi.", 1))[0] == "friendly_error"
    assert _judge(_alert("Berkas sumber rusak", 1))[0] == "error_alert"
    crash = Element()
    crash.exception.type, crash.exception.message = "KeyError", "'x'"
    assert _judge(heading, crash) == ("exception", "KeyError: 'x'")
    assert _judge(heading, not_found=True)[0] == "page_not_found"
    assert _judge(heading, status=1)[0] == "compile_error"


@pytest.mark.parametrize("argv", [["--host", "0.0.0.0"], ["--host", "example.org"], ["--sessions", "500"], ["--duration", "4000"]])
def test_bounded_and_loopback_only(argv):
    with pytest.raises(SystemExit):
        load_test.parse_args(argv)
