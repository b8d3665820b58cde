"""The gap-analysis page in a real browser: its charts are drawn, its formulas typeset, nothing fetched
from another host. Screenshots land in ``test-output/``."""

from __future__ import annotations

import pytest

from tests.browser_support import Page

pytestmark = pytest.mark.browser

_COUNT = "sel => document.querySelectorAll(sel).length"


def _wait_for(tab: Page, selector: str, at_least: int) -> int:
    tab.page.wait_for_function(f"n => document.querySelectorAll({selector!r}).length >= n", arg=at_least, timeout=90_000)
    return tab.page.evaluate(_COUNT, selector)


def test_gap_page_draws_trend_contributions_scorecard_and_formulas_offline(server: str, browser) -> None:
    tab = Page(browser, server, width=1600, height=1000)
    received: list[int] = []  # the server's messages, as the browser receives them
    tab.page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.append(len(payload))))
    tab.open("/kesenjangan")
    tab.page.get_by_text("Apakah kesenjangan layanan dasar menyempit?").first.wait_for(timeout=90_000)
    _wait_for(tab, ".js-plotly-plot", 3)  # trend, contributions, scorecard
    tab.page.wait_for_timeout(800)  # let plotly finish painting
    assert tab.page.locator("[role=dialog]").count() == 0  # a first deep link opens cleanly
    # trend: one drawn line per series and measure, never one line through the method break
    lines = tab.page.eval_on_selector_all(
        ".js-plotly-plot .scatterlayer .js-line", "ps => ps.filter(p => (p.getAttribute('d') || '').length > 10).length"
    )
    assert lines >= 2, f"{lines} trend lines drawn"
    assert tab.page.get_by_text("ganti metode").first.is_visible()
    # another trend measure redraws the trend alone: the tables and figures around it are not sent again
    page_load = len(received)
    tab.choose("Ukuran tren", "Theil T (× 1000)")
    tab.page.get_by_text("Theil T (× 1000)").last.wait_for(timeout=60_000)
    tab.page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot .gtitle')].some(t => t.textContent.includes('Theil T'))", timeout=60_000
    )
    tab.page.wait_for_timeout(500)
    measure_change = len(received) - page_load
    assert 0 < measure_change < page_load / 4, (measure_change, page_load)
    # contributions: fifteen bars; scorecard: a heatmap image with its numbers written in the cells
    assert _wait_for(tab, ".js-plotly-plot .barlayer .point path", 15) >= 15
    assert _wait_for(tab, ".js-plotly-plot .heatmaplayer image", 1) >= 1
    cells = tab.page.eval_on_selector_all(".js-plotly-plot .heatmaplayer text", "ts => ts.map(t => t.textContent)")
    # eighteen real proxies × three groups (the seven simulated SPM rows only with demonstration data)
    assert len(cells) == 18 * 3 and all("," in c for c in cells), cells  # Indonesian decimals: 2,0 km
    # methods panel: opening it typesets every formula with KaTeX, from the app's own server
    tab.page.get_by_text("Metode: cara membaca setiap ukuran").click()
    assert _wait_for(tab, ".katex", 10) >= 10
    tab.shot("gap_id")
    assert tab.foreign_hosts() == set(), "the page fetched from another host"


def test_gap_page_in_english_on_a_simulated_spm_indicator(server: str, browser) -> None:
    tab = Page(browser, server, width=1600, height=1000)
    tab.open("/kesenjangan?lang=en&demo=1")  # simulated series are offered with demonstration data only
    tab.page.get_by_text("Is the gap in basic services closing?").first.wait_for(timeout=90_000)
    assert tab.page.locator("[role=dialog]").count() == 0  # a first deep link opens cleanly
    tab.choose("Indicator", "⚠ SPM achievement: health · SPM Health · Simulated data")
    tab.page.get_by_text("Simulated data: these figures are generated").first.wait_for(timeout=60_000)
    tab.page.get_by_text("Share of the total shortfall from the target").first.wait_for(timeout=60_000)
    _wait_for(tab, ".js-plotly-plot .barlayer .point path", 15)
    tab.page.wait_for_timeout(800)
    tab.shot("gap_en")
    assert tab.foreign_hosts() == set()
