"""The sidebar's indicator list in a real browser: every option is shown whole (Debian's chromium)."""

from __future__ import annotations

import pytest

from tests.browser_support import OUT, Page

pytestmark = pytest.mark.browser

# Scrolls Streamlit's virtual list from top to bottom and measures every option's text against its row.
_EVERY_OPTION = """async () => {
  const list = document.querySelector('[role="listbox"]');
  const seen = new Map();
  for (let y = 0; y <= list.scrollHeight; y += 120) {
    list.scrollTop = y;
    await new Promise(r => setTimeout(r, 60));
    for (const option of document.querySelectorAll('[role="option"]')) {
      const row = option.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(option);
      const text = range.getBoundingClientRect();
      seen.set(option.innerText, text.width <= row.width + 1 && text.height <= row.height + 1);
    }
  }
  return [...seen];
}"""


@pytest.mark.parametrize(("width", "height", "lang"), [(1366, 768, "en"), (1920, 1080, "id")])
def test_indicator_options_are_never_cut(server: str, browser, width: int, height: int, lang: str) -> None:
    """Long names ("Villages beyond 10 km of a senior secondary school (SMA/SMK) · SPM Education")
    must not end in the same "…" as their neighbours: the list opens wider than the sidebar and a
    name too long even then wraps inside its row."""
    tab = Page(browser, server, width=width, height=height)
    tab.open(f"/?lang={lang}")
    tab.page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    tab.page.wait_for_selector('[role="option"]', timeout=30_000)
    options = dict(tab.page.evaluate(_EVERY_OPTION))
    tab.page.screenshot(path=str(OUT / f"indicator_options_{width}x{height}_{lang}.png"))
    assert len(options) >= 60, len(options)  # the whole list was seen, not only its first screen
    cut = [text for text, whole in options.items() if not whole]
    assert not cut, cut
    assert max(map(len, options)) > 70  # long names are there to be cut, and are not
