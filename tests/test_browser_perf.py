"""What the lighter page still shows in a real browser: the hover (names from the geometry file,
numbers formatted by Plotly in the page's language) and the copy-link field.

Screenshots land in ``test-output/``.
"""

from __future__ import annotations

import re

import pytest

from tests.browser_support import Page

pytestmark = pytest.mark.browser


def _hover_text(tab: Page, nth: int) -> str:
    tab.page.locator(".js-plotly-plot .choroplethlocation").nth(nth).hover(force=True)
    label = tab.page.locator(".js-plotly-plot .hoverlayer .hovertext").first
    label.wait_for(timeout=30_000)
    return label.evaluate("g => [...g.querySelectorAll('text.nums tspan.line')].map(t => t.textContent).join('\\n')")


@pytest.mark.parametrize(("lang", "rank_word", "number"), [("id", "Peringkat", r"\d+,\d"), ("en", "Rank", r"\d+\.\d")])
def test_the_map_hover_names_the_region_and_formats_its_value_in_the_language(
    server: str, browser, lang: str, rank_word: str, number: str
) -> None:
    from kalimantan_equity.data import build
    from kalimantan_equity.services import warehouse

    con = warehouse.connect(build.db_path())
    names = {r[0] for r in con.cursor().execute("SELECT name FROM regions WHERE level = 'kabupaten'").fetchall()}
    con.close()
    tab = Page(browser, server)
    tab.open(f"/?ind=wb_electricity_access&lvl=kabupaten&lang={lang}")
    tab.wait_for_map(56)
    text = _hover_text(tab, 20)
    first_line = text.splitlines()[0].strip()
    assert first_line in names, f"hover starts with {first_line!r}, not a regency's name"
    assert re.search(number, text.splitlines()[1]), text  # 93,4 % in Indonesian, 93.4 % in English
    assert rank_word in text and "56" in text, text
    tab.shot(f"map_hover_{lang}")


def test_the_copy_link_field_holds_the_views_link(server: str, browser) -> None:
    tab = Page(browser, server)
    tab.open("/?ind=wb_electricity_access&lvl=kabupaten")
    tab.wait_for_map(56)
    tab.page.get_by_text("Salin tautan tampilan ini").first.click()
    field = tab.page.locator("section[data-testid='stSidebar'] input[type='text']").last
    field.wait_for(timeout=30_000)
    link = field.input_value()
    assert link.startswith(server) and "ind=wb_electricity_access" in link, link
    assert not tab.page.locator("[data-testid='stCode']").count()  # no code box, so no syntax highlighter is loaded
    tab.shot("copy_link_id")
