"""The real page in a real browser: Debian's chromium, driven by Playwright, against a live server.

Screenshots land in ``test-output/`` (kept by CI as artefacts) so a person can look at them.
"""

from __future__ import annotations

import pytest

from tests.browser_support import Page

pytestmark = pytest.mark.browser
BORDER_FILL = "rgb(91, 42, 134)"  # the land border band, drawn from its own file


def _coloured(fills: list[str]) -> list[str]:
    """Fills of polygons painted with a class colour (not transparent outlines, not grey no-data)."""
    return [f for f in fills if f not in ("none", "rgba(0, 0, 0, 0)", "rgb(189, 189, 189)", "rgb(214, 228, 240)", BORDER_FILL)]


def test_regency_map_draws_all_56_with_data_and_stays_offline(server: str, browser) -> None:
    tab = Page(browser, server)
    tab.open("/")
    tab.wait_for_map(56)
    coloured = _coloured(tab.fills())
    assert len(coloured) == 56, f"{len(coloured)} regencies painted with data"
    assert len(set(coloured)) == 5  # five classes by default
    assert tab.page.get_by_text("IPM 2024").first.is_visible()  # the first view: the clearest real city-border gap
    tab.shot("overview_id")
    # a click on a regency selects it: the panel below the map names it
    # the largest regency, so the click lands on its polygon and not on a border post's marker or a name label
    largest = tab.page.eval_on_selector_all(
        ".js-plotly-plot .choroplethlocation",
        "ps => ps.slice(0, 56).map((p, i) => [i, p.getBoundingClientRect()]).sort((a, b) => b[1].width * b[1].height - a[1].width * a[1].height)[0][0]",
    )
    tab.page.locator(".js-plotly-plot .choroplethlocation").nth(largest).click(force=True)
    tab.page.get_by_role("button", name="Hapus pilihan wilayah").wait_for(timeout=60_000)
    assert tab.page.locator("h3").filter(has_text="Kabupaten").count() + tab.page.locator("h3").filter(has_text="Kota").count() >= 1
    tab.shot("overview_selected_id")
    assert tab.foreign_hosts() == set(), "the page fetched from another host"


def test_switching_indicator_and_level_recolours_and_draws_villages(server: str, browser) -> None:
    tab = Page(browser, server, width=1920, height=1080)
    tab.open("/?lang=en")
    tab.wait_for_map(56)
    before = tab.fills()
    tab.choose("Indicator", "Village Development Index (IDM) · Village development (IDM)")
    tab.page.wait_for_function("() => document.body.textContent.includes('Not applicable (9)')", timeout=60_000)
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
        "const painted = ps.filter(p => !['rgba(0, 0, 0, 0)', 'rgb(91, 42, 134)'].includes(getComputedStyle(p).fill)); "
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


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_meeting_mode_link_in_both_languages(server: str, browser, width: int, height: int) -> None:
    """A shared link opens straight into meeting mode: no sidebar, large type, the map drawn."""
    for lang in ("id", "en"):
        tab = Page(browser, server, width=width, height=height)
        tab.open(f"/?rapat=1&lang={lang}&ind=bps_p0&yr=2024&steps=bps_p0,idm_score")
        tab.wait_for_map(56)
        assert not tab.page.locator('[data-testid="stSidebar"]').is_visible()
        exit_label = "Keluar dari mode rapat" if lang == "id" else "Leave meeting mode"
        assert tab.page.get_by_role("button", name=exit_label).is_visible()
        assert len(_coloured(tab.fills())) == 56
        tab.shot(f"meeting_{lang}_{width}x{height}")
        assert tab.foreign_hosts() == set()


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/kesenjangan?ind=bps_p0", {"id": "Kota, kabupaten lain", "en": "Cities, other regencies"}),  # the first slide
        ("/profil?region=61.06", {"id": "Kabupaten Kapuas Hulu", "en": "Kabupaten Kapuas Hulu"}),
        ("/akses?kab=64.11", {"id": "Seberapa jauh", "en": "How far"}),
    ],
)
def test_meeting_mode_links_to_the_other_pages_in_both_languages(server: str, browser, path: str, heading: dict[str, str]) -> None:
    """A shared link to any page opens in meeting mode: no sidebar, the page's own heading, its figure drawn."""
    for lang in ("id", "en"):
        tab = Page(browser, server, width=1280, height=720)
        tab.open(f"{path}&rapat=1&lang={lang}")
        tab.page.get_by_role("heading", level=1).filter(has_text=heading[lang]).first.wait_for(timeout=60_000)
        if path.startswith("/profil"):  # a regency's slide is its summary: where it stands, in words
            tab.page.get_by_text("peringkat" if lang == "id" else "rank").first.wait_for(timeout=90_000)
        elif path.startswith("/kesenjangan"):  # the first slide: the groups' headline figures
            tab.page.wait_for_selector('[data-testid="stMetricValue"]', timeout=90_000)
        else:
            tab.page.wait_for_selector(".js-plotly-plot", timeout=90_000)
        tab.page.wait_for_timeout(1500)
        assert not tab.page.locator('[data-testid="stSidebar"]').is_visible()
        exit_label = "Keluar dari mode rapat" if lang == "id" else "Leave meeting mode"
        assert tab.page.get_by_role("button", name=exit_label).is_visible()
        tab.shot(f"meeting_{lang}_{path.split('?')[0].strip('/')}")
        assert tab.foreign_hosts() == set()


def test_meeting_mode_steps_with_arrow_keys_and_a_clickers_page_keys(server: str, browser) -> None:
    """Keyboard stepping: → and Page Down go forward, ← and Page Up back; each step is its own link."""
    tab = Page(browser, server, width=1280, height=720)
    tab.open("/?rapat=1&ind=bps_p0&yr=2024&steps=bps_p0,idm_score,wb_electricity_access")
    tab.wait_for_map(56)
    page = tab.page
    page.wait_for_timeout(1500)  # the first run finishes drawing the ranking before the presenter starts
    for key, expected in (("ArrowRight", "idm_score"), ("PageDown", "wb_electricity_access"), ("ArrowLeft", "idm_score"),
                          ("PageUp", "bps_p0")):  # fmt: skip
        page.keyboard.press(key)
        page.wait_for_function("ind => new URL(location.href).searchParams.get('ind') === ind", arg=expected, timeout=60_000)
        page.wait_for_function(
            "n => document.body.innerText.includes(n)",
            arg=f"Langkah {['bps_p0', 'idm_score', 'wb_electricity_access'].index(expected) + 1} dari 3",
        )
    assert not page.get_by_role("button", name="Berikutnya").nth(1).is_visible()  # the clicker's twin is hidden
    assert tab.foreign_hosts() == set()


def test_data_catalogue_page_in_both_languages(server: str, browser) -> None:
    for lang, heading in (("id", "Katalog data"), ("en", "Data catalogue")):
        tab = Page(browser, server)
        tab.open(f"/data?lang={lang}")
        tab.page.get_by_text(heading).first.wait_for(timeout=60_000)
        tab.page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
        tab.shot(f"data_{lang}")
        assert tab.foreign_hosts() == set()
