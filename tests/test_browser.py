"""The real page in a real browser: Debian's chromium, driven by Playwright, against a live server.

Screenshots land in ``test-output/`` (kept by CI as artefacts) so a person can look at them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUT = ROOT / "test-output"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The app as the README starts it (it builds the data first if needed), on a free port."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EQUITY_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("the app did not start: " + proc.stdout.read().decode(errors="replace")[-2000:])
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"Debian's chromium is missing at {CHROMIUM} (apt-get install chromium)"
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Page:
    """A browser tab that records every request it makes."""

    def __init__(self, browser, url: str, width: int = 1600, height: int = 1000) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.base = url

    def open(self, path: str = "/") -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_selector("h1", timeout=90_000)

    def wait_for_map(self, at_least: int) -> None:
        self.page.wait_for_function(
            "n => document.querySelectorAll('.js-plotly-plot .choroplethlocation').length >= n", arg=at_least, timeout=90_000
        )
        self.page.wait_for_timeout(800)  # let plotly finish painting before reading colours

    def fills(self) -> list[str]:
        return self.page.eval_on_selector_all(".js-plotly-plot .choroplethlocation", "paths => paths.map(p => getComputedStyle(p).fill)")

    def foreign_hosts(self) -> set[str]:
        own = urlparse(self.base).netloc
        return {urlparse(u).netloc for u in self.requests if urlparse(u).scheme in ("http", "https", "ws", "wss")} - {own}

    def shot(self, name: str) -> None:
        OUT.mkdir(exist_ok=True)
        self.page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)

    def choose(self, widget_label: str, option: str) -> None:
        """Pick an option in a Streamlit selectbox by typing it, as a user searching the list would."""
        box = self.page.get_by_label(widget_label, exact=True)
        box.click()
        box.fill(option)
        self.page.get_by_role("option", name=option).first.click()


def _coloured(fills: list[str]) -> list[str]:
    """Fills of polygons painted with a class colour (not transparent outlines, not grey no-data)."""
    return [f for f in fills if f not in ("none", "rgba(0, 0, 0, 0)", "rgb(189, 189, 189)", "rgb(214, 228, 240)")]


def test_regency_map_draws_all_56_with_data_and_stays_offline(server: str, browser) -> None:
    tab = Page(browser, server)
    tab.open("/")
    tab.wait_for_map(56)
    coloured = _coloured(tab.fills())
    assert len(coloured) == 56, f"{len(coloured)} regencies painted with data"
    assert len(set(coloured)) == 5  # five classes by default
    assert tab.page.get_by_text("Akses listrik rumah tangga").first.is_visible()
    tab.shot("overview_id")
    assert tab.foreign_hosts() == set(), "the page fetched from another host"


def test_switching_indicator_and_level_recolours_and_draws_villages(server: str, browser) -> None:
    tab = Page(browser, server, width=1920, height=1080)
    tab.open("/?lang=en")
    tab.wait_for_map(56)
    before = tab.fills()
    tab.choose("Indicator", "Village development (IDM) › Village Development Index (IDM)")
    tab.page.wait_for_function("() => document.body.innerText.includes('Not applicable (9)')", timeout=60_000)
    tab.wait_for_map(56)
    after = tab.fills()
    assert after != before, "the colours did not change with the indicator"
    tab.page.get_by_text("Village", exact=True).click()
    tab.wait_for_map(7000)
    fills = tab.fills()
    assert len(_coloured(fills)) > 6000, "village polygons were not painted"
    # a ring wound the wrong way paints the whole frame: no village may cover a tenth of the map
    largest = tab.page.eval_on_selector_all(
        ".js-plotly-plot .choroplethlocation",
        "ps => { const f = ps[0].ownerSVGElement.getBoundingClientRect(); "
        "const painted = ps.filter(p => getComputedStyle(p).fill !== 'rgba(0, 0, 0, 0)'); "
        "return Math.max(...painted.map(p => { const b = p.getBoundingClientRect(); return b.width * b.height; })) / (f.width * f.height); }",
    )
    assert largest < 0.1, f"one village covers {largest:.0%} of the map"
    assert "rgb(214, 228, 240)" in fills  # kelurahan and city villages: not applicable
    tab.shot("villages_en")
    geometry = [u for u in tab.requests if "/app/static/geo/" in u]
    assert len(geometry) == len(set(geometry)), "a geometry file was fetched twice"
    assert tab.foreign_hosts() == set()


def test_about_page_renders_in_both_languages(server: str, browser) -> None:
    for lang, heading in (("id", "Sumber data"), ("en", "Data sources")):
        tab = Page(browser, server)
        tab.open(f"/tentang?lang={lang}")
        tab.page.get_by_text(heading).first.wait_for(timeout=60_000)
        tab.shot(f"about_{lang}")
        assert tab.foreign_hosts() == set()
