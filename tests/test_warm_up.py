"""A presenter's deep link on a freshly started server opens the right page cleanly, before and
after the warm-up that scripts/run.sh does.

Streamlit's "Page not found" box over the right page (streamlit/streamlit#9992) came from a
``pages/`` folder beside ``app.py``: Streamlit then looks there for pages of its own before the app's
``st.navigation`` has run once. The pages live in the package now (``kalimantan_equity/pages``), so a
cold server answers a deep link cleanly; this test keeps it so. The warm-up is kept for speed: it
pays the imports and the first queries, so the meeting's first visitor does not."""

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
    # Wait for the page itself, however long a cold first run takes on a busy machine: Streamlit
    # queues its box before the script runs, so once the heading is drawn the box would be there too.
    tab.page.locator("h1", has_text=HEADING).first.wait_for(timeout=90_000)
    tab.page.wait_for_timeout(500)
    shown = tab.page.get_by_text("Page not found").count() > 0
    heading = tab.page.locator("h1").first.inner_text()
    tab.page.close()
    return shown, heading


def test_no_pages_folder_beside_the_app() -> None:
    assert not (ROOT / "pages").exists(), "a pages/ folder beside app.py brings back Streamlit's false 'Page not found' box"


def test_a_deep_link_opens_cleanly_on_a_cold_server_and_after_the_warm_up(browser, tmp_path: Path) -> None:
    with running_app(tmp_path / "cold") as url:
        shown, heading = _first_visit(browser, url)
    assert not shown and heading.startswith(HEADING)
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
