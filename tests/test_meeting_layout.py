"""Meeting mode as a projector sees it: every slide of every presenting page fits one screen.

For each screen size a Rakor projector has (1920×1080, 1366×768, 1280×720) and both languages, the
test opens each page in meeting mode, steps through its slides, takes a screenshot of each into
``test-output/meeting/`` (a person looks at them) and checks what the room would notice: nothing
below the fold (neither the document nor Streamlit's own scrolling pane scrolls, and no element ends
below the window), no app or chart chrome, the map large, type large, and no request off the server.
"""

from __future__ import annotations

import pytest

from tests.browser_support import OUT, Page

pytestmark = pytest.mark.browser
SIZES = [(1920, 1080), (1366, 768), (1280, 720)]
_TRANSPARENT = ("none", "rgba(0, 0, 0, 0)")

# How far the page reaches below the window: the document's own scroll, Streamlit's scrolling panes,
# and the lowest visible element (so a pane that hides its overflow cannot pass either).
_OVERFLOW = """() => {
  const over = [document.scrollingElement.scrollHeight - innerHeight];
  for (const el of document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"], [data-testid="stMainBlockContainer"]')) {
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowY)) over.push(el.scrollHeight - el.clientHeight);
  }
  const shown = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stElementContainer"]')]
    .filter(e => e.offsetParent !== null && getComputedStyle(e).position !== 'fixed');
  for (const el of shown) { const r = el.getBoundingClientRect(); if (r.height > 0) over.push(r.bottom - innerHeight); }
  return Math.max(...over);
}"""

# Share of the window covered by the drawn map: the box around every painted polygon, clipped to the window.
_MAP_SHARE = """() => {
  const ps = [...document.querySelectorAll('.js-plotly-plot .choroplethlocation')]
    .filter(p => !['none', 'rgba(0, 0, 0, 0)'].includes(getComputedStyle(p).fill));
  if (!ps.length) return 0;
  const boxes = ps.map(p => p.getBoundingClientRect()).filter(b => b.width > 0);
  const x0 = Math.max(0, Math.min(...boxes.map(b => b.left))), x1 = Math.min(innerWidth, Math.max(...boxes.map(b => b.right)));
  const y0 = Math.max(0, Math.min(...boxes.map(b => b.top))), y1 = Math.min(innerHeight, Math.max(...boxes.map(b => b.bottom)));
  return Math.max(0, x1 - x0) * Math.max(0, y1 - y0) / (innerWidth * innerHeight);
}"""

# The smallest text drawn inside Plotly charts (legends, axes, titles, annotations), in CSS pixels.
_SMALLEST_CHART_TEXT = """() => {
  const sizes = [...document.querySelectorAll('.js-plotly-plot text')]
    .filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0)
    .map(t => parseFloat(getComputedStyle(t).fontSize));
  return sizes.length ? Math.min(...sizes) : null;
}"""

_CHROME = """() => [
  '.modebar', '[data-testid="stHeader"]', '[data-testid="stToolbar"]', '[data-testid="stTooltipIcon"]',
  '[data-testid="stExpander"]', '[data-testid="stDownloadButton"]', '[data-testid="stSidebar"]'
].filter(s => [...document.querySelectorAll(s)].some(e => e.offsetParent !== null && e.getBoundingClientRect().height > 0))"""


def _settle(tab: Page) -> None:
    """Wait until Streamlit has finished the run and Plotly has drawn."""
    page = tab.page
    # the run is over when no element is stale (waiting for its replacement) any more
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=90_000)
    page.wait_for_timeout(900)


def _check_slide(tab: Page, name: str, problems: list[str], *, map_share: float | None = None) -> None:
    tab.page.screenshot(path=str(OUT / "meeting" / f"{name}.png"))
    over = tab.page.evaluate(_OVERFLOW)
    if over > 1:
        problems.append(f"{name}: {over:.0f} px below the window")
    chrome = tab.page.evaluate(_CHROME)
    if chrome:
        problems.append(f"{name}: chrome on screen {chrome}")
    smallest = tab.page.evaluate(_SMALLEST_CHART_TEXT)
    if smallest is not None and smallest < 16:
        problems.append(f"{name}: chart text of {smallest} px")
    if map_share is not None:
        share = tab.page.evaluate(_MAP_SHARE)
        if share < map_share:
            problems.append(f"{name}: the map covers {share:.0%} of the screen")


def _step(tab: Page, expected_position: str) -> None:
    tab.page.keyboard.press("ArrowRight")
    tab.page.wait_for_function("t => document.body.innerText.includes(t)", arg=expected_position, timeout=60_000)
    _settle(tab)


def _every_slide(tab: Page, name: str, word: str, size: str, problems: list[str]) -> int:
    """Check the page's first slide and step through the rest ("Step 1 of N"); returns N."""
    n_slides = int(tab.page.evaluate("w => (document.body.innerText.match(new RegExp(w + ' 1 \\\\S+ (\\\\d+)')) || [0, 0])[1]", word))
    _check_slide(tab, f"{name}_1_{size}", problems)
    for n in range(2, n_slides + 1):
        _step(tab, f"{word} {n}")
        _check_slide(tab, f"{name}_{n}_{size}", problems)
    return n_slides


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_meeting_slide_fits_one_screen(server: str, browser, width: int, height: int, lang: str) -> None:
    (OUT / "meeting").mkdir(parents=True, exist_ok=True)
    size = f"{width}x{height}_{lang}"
    word = "Langkah" if lang == "id" else "Step"
    problems: list[str] = []
    tab = Page(browser, server, width=width, height=height)

    # The map: the default briefing, stepped like slides.
    tab.open(f"/?rapat=1&lang={lang}")
    tab.wait_for_map(56)
    _settle(tab)
    steps = tab.page.evaluate("() => (new URL(location.href).searchParams.get('steps') || '').split(',').filter(Boolean).length")
    assert steps >= 2, "the default presentation list has fewer than two steps"
    _check_slide(tab, f"map_1_{size}", problems, map_share=0.4 if width == 1920 else None)
    for n in range(2, steps + 1):
        _step(tab, f"{word} {n}")
        tab.wait_for_map(56)
        _check_slide(tab, f"map_{n}_{size}", problems, map_share=0.4 if width == 1920 else None)

    # The gap page: one message per slide.
    tab.open(f"/kesenjangan?rapat=1&lang={lang}")
    _settle(tab)
    assert _every_slide(tab, "gap", word, size, problems) >= 3, "the gap page has no slides in meeting mode"

    # The profile (its district map beside the summary; Mempawah has the longest summary) and the access page.
    for region, name in (("61.06", "Kapuas Hulu"), ("61.02", "Mempawah")):
        tab.open(f"/profil?rapat=1&lang={lang}&region={region}")
        tab.page.get_by_role("heading", level=1).filter(has_text=name).first.wait_for(timeout=60_000)
        tab.page.get_by_text("peringkat" if lang == "id" else "rank", exact=False).first.wait_for(timeout=60_000)
        tab.wait_for_map(5)
        _settle(tab)
        _check_slide(tab, f"profile_{region}_{size}", problems, map_share=0.15 if width == 1920 and region == "61.06" else None)
    tab.open(f"/akses?rapat=1&lang={lang}&kab=64.11")
    tab.wait_for_map(5000)  # every village painted: the slide is shown whole, not half-drawn
    _settle(tab)
    _check_slide(tab, f"access_{size}", problems)

    # About the data: the sources a few a slide, then the region groups.
    tab.open(f"/tentang?rapat=1&lang={lang}")
    _settle(tab)
    assert _every_slide(tab, "about", word, size, problems) >= 2, "the about page has no slides in meeting mode"

    assert tab.foreign_hosts() == set(), "a page fetched from another host"
    assert not problems, "\n".join(problems)
