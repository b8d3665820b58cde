"""A presenter's deep link on a freshly started server: without the warm-up that scripts/run.sh
does, Streamlit shows its "Page not found" box over the right page; with it, the page opens cleanly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser_support import Page, running_app
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
LINK = "/kesenjangan?rapat=1&ind=bps_p0"
HEADING = "Persentase penduduk miskin (P0)"  # the gap page's first meeting slide for that link


def _first_visit(browser, url: str) -> tuple[bool, str]:
    tab = Page(browser, url)
    tab.open(LINK)
    tab.page.wait_for_timeout(3000)  # the box, when it comes, comes with the first run
    shown = tab.page.get_by_text("Page not found").count() > 0
    heading = tab.page.locator("h1").first.inner_text()
    tab.page.close()
    return shown, heading


def test_cold_server_shows_the_box_and_the_warm_up_removes_it(browser, tmp_path: Path) -> None:
    with running_app(tmp_path / "cold") as url:
        shown, heading = _first_visit(browser, url)
    assert shown and heading.startswith(HEADING)  # Streamlit's behaviour this guards against
    with running_app(tmp_path / "warm") as url:
        port = str(urlparse(url).port)
        done = subprocess.run(
            [sys.executable, "-m", "kalimantan_equity.warm_up", "--server.port", port],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        shown, heading = _first_visit(browser, url)
    assert not shown and heading.startswith(HEADING)


def test_the_warm_up_finds_the_server_where_streamlit_serves_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from kalimantan_equity import warm_up

    monkeypatch.delenv("STREAMLIT_SERVER_PORT", raising=False)
    monkeypatch.delenv("STREAMLIT_SERVER_BASE_URL_PATH", raising=False)
    assert warm_up.server_address([]) == "127.0.0.1:8501"
    assert warm_up.server_address(["--server.port", "9000", "--server.baseUrlPath=/dasbor/"]) == "127.0.0.1:9000/dasbor"
    monkeypatch.setenv("STREAMLIT_SERVER_PORT", "8777")
    assert warm_up.server_address([]) == "127.0.0.1:8777"
    assert warm_up.server_address(["--server.port=9001"]) == "127.0.0.1:9001"  # the command line wins, as for Streamlit
