"""Shared by the browser tests: a live app server, Debian's chromium, and a recording tab.

The fixtures ``server`` (one app process per test module) and ``browser`` are registered for
every test by ``tests/conftest.py``; import ``Page`` to drive a tab.
"""

from __future__ import annotations

import contextlib
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


@contextlib.contextmanager
def running_app(folder: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """The app as the README starts it (it builds the data first if needed), on a free port, with
    an upload folder of its own under ``folder`` (and ``extra_env``, e.g. an editor); yields its
    address and stops it afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EQUITY_")}
    env["EQUITY_UPLOADS_DIR"] = str(folder / "uploads")
    env.update(extra_env or {})
    log_path = folder / "streamlit.log"
    with log_path.open("wb") as log:  # a file, not a pipe: an undrained pipe fills and blocks the server
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address", "127.0.0.1"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
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
                pytest.fail("the app did not start: " + log_path.read_text(errors="replace")[-2000:])
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_app(tmp_path_factory.mktemp("server")) as url:
        yield url


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
