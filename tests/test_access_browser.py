"""The service-access page in a real browser: the village map with service points, a clicked
village, and the scenario comparison. Screenshots land in ``test-output/``."""

from __future__ import annotations

import pytest

from tests.browser_support import Page

pytestmark = pytest.mark.browser

_PAINTED = "paths => paths.filter(p => !['none', 'rgba(0, 0, 0, 0)'].includes(getComputedStyle(p).fill)).length"


# A point inside the largest painted village (on screen), where a user would click it.
_A_VILLAGE_ON_TOP = """ps => {
  const painted = ps.filter(p => !['none', 'rgba(0, 0, 0, 0)'].includes(getComputedStyle(p).fill));
  const boxes = painted.map(p => [p, p.getBoundingClientRect()]).sort((a, b) => b[1].width * b[1].height - a[1].width * a[1].height);
  for (const [p, b] of boxes) {
    const x = b.x + b.width / 2, y = b.y + b.height / 2;
    const local = new DOMPoint(x, y).matrixTransform(p.getScreenCTM().inverse());
    if (p.isPointInFill(local)) return [x, y];
  }
  return null;
}"""


def _comparison_bars(tab: Page) -> int:
    return tab.page.eval_on_selector_all(".js-plotly-plot .barlayer .point path", "ps => ps.length")


def test_map_points_and_the_kotabaru_scenario_render_offline(server: str, browser) -> None:
    tab = Page(browser, server, width=1600, height=3000)  # tall: the whole page in one screenshot
    tab.open("/akses?kab=63.02&jenis=kanim,ulp&km=50")  # the passport view, from a link
    tab.wait_for_map(7229)
    painted = tab.page.eval_on_selector_all(".js-plotly-plot .choroplethlocation", _PAINTED)
    assert painted >= 7229, f"{painted} villages painted"
    markers = tab.page.eval_on_selector_all(".js-plotly-plot .scattergeo .point", "ps => ps.length")
    assert markers >= 20, f"{markers} service points drawn"
    assert tab.page.get_by_text("Median jarak, Kalimantan").first.is_visible()

    tab.page.get_by_role("button", name="Contoh: unit paspor di Kotabaru").click()
    tab.page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .barlayer .point path').length >= 2", timeout=60_000)
    assert _comparison_bars(tab) == 2  # Kalimantan and Kotabaru, scenario A
    tab.page.get_by_text("Perbandingan skenario").first.scroll_into_view_if_needed()
    assert tab.page.get_by_text("Desa yang masuk dalam 50 km karena unit baru").first.is_visible()
    tab.wait_for_map(7229)
    stars = tab.page.eval_on_selector_all(".js-plotly-plot .scattergeo .point", "ps => ps.length")
    assert stars == markers + 1, "the new unit is not on the map"
    tab.shot("access_id")
    assert tab.foreign_hosts() == set(), "the page fetched from another host"


def test_english_two_scenarios_and_a_clicked_village(server: str, browser) -> None:
    tab = Page(browser, server, width=1600, height=3000)  # tall: the whole page in one screenshot
    tab.open("/akses?lang=en&kab=63.02&jenis=kanim,ulp&km=50")
    tab.wait_for_map(7229)
    tab.page.get_by_role("button", name="Example: passport unit in Kotabaru").click()
    tab.page.wait_for_function("() => document.body.innerText.includes('added to scenario A')", timeout=60_000)
    tab.page.get_by_text("Scenario B", exact=True).first.click()
    tab.page.wait_for_timeout(1500)
    tab.choose("Kind of unit", "Passport service unit")  # the form offers a puskesmas first
    tab.page.wait_for_timeout(1500)
    tab.choose("District (its representative point)", "Pamukan Utara (Kabupaten Kotabaru)")
    tab.page.wait_for_timeout(1500)
    tab.page.get_by_role("button", name="Add unit").click()
    tab.page.wait_for_function("() => document.body.innerText.includes('added to scenario B')", timeout=60_000)
    tab.page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .barlayer .point path').length >= 4", timeout=60_000)
    bars = _comparison_bars(tab)
    assert bars >= 4 and bars % 2 == 0  # every area shown once per scenario, side by side
    legend = tab.page.eval_on_selector_all(".js-plotly-plot .legendtext", "ts => ts.map(t => t.textContent)")
    assert {"Scenario A", "Scenario B"} <= set(legend)
    assert tab.page.get_by_text("Download comparison (Excel)").first.is_visible()

    # a click on a village picks it as the place for the next unit
    tab.wait_for_map(7229)
    tab.page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    x, y = tab.page.eval_on_selector_all(".js-plotly-plot .choroplethlocation", _A_VILLAGE_ON_TOP)
    tab.page.mouse.click(x, y)
    clicked = tab.page.wait_for_function("() => document.body.innerText.includes('Village picked:')", timeout=30_000)
    assert clicked
    tab.page.wait_for_timeout(1000)
    assert tab.page.get_by_role("radio", name="Village on the map").is_checked()
    tab.shot("access_en")
    assert tab.foreign_hosts() == set()
