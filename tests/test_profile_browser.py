"""The regency profile in a real browser: Debian's chromium, driven by Playwright, against a live server.

Screenshots land in ``test-output/`` so a person can look at them.
"""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import duckdb
import openpyxl
import pandas as pd
import pytest

from kalimantan_equity.data import build
from kalimantan_equity.services import export, profile, warehouse
from kalimantan_equity.services.i18n import t
from tests.browser_support import Page

pytestmark = pytest.mark.browser

_NOT_DRAWN = ("none", "rgba(0, 0, 0, 0)")


@pytest.fixture(scope="module")
def app(server: str) -> str:
    """The live app, as a first visitor finds it: a deep link such as ``/profil`` opens cleanly on a
    fresh server (tests/test_warm_up.py)."""
    return server


def _no_dialog(tab: Page) -> None:
    assert tab.page.locator("[role=dialog]").count() == 0, tab.page.locator("[role=dialog]").first.inner_text()


def _painted(tab: Page) -> list[str]:
    return [f for f in tab.fills() if f not in _NOT_DRAWN]


def _wait_for_text(tab: Page, text: str) -> None:
    tab.page.wait_for_function("t => document.body.innerText.includes(t)", arg=text, timeout=90_000)


def test_profile_of_a_border_regency_and_a_city_in_both_languages(app: str, browser) -> None:
    tab = Page(browser, app, width=1600, height=4600)  # tall: the whole profile in one screenshot
    tab.open("/profil?region=61.06")
    _wait_for_text(tab, "Kartu skor")
    tab.wait_for_map(282)  # Kapuas Hulu's 282 villages (and the province outlines)
    assert tab.page.get_by_role("heading", name="Kabupaten Kapuas Hulu", exact=True).is_visible()
    painted = _painted(tab)
    assert len(painted) >= 282, f"{len(painted)} villages painted"
    assert "rgb(214, 228, 240)" in painted  # its four kelurahan: not applicable, drawn apart
    assert tab.page.get_by_text("relatif paling baik dalam").first.is_visible()
    assert tab.page.get_by_text("Status desa (IDM 2024)").is_visible()
    _no_dialog(tab)
    tab.shot("profile_id")
    assert tab.foreign_hosts() == set(), "the page fetched from another host"

    city = Page(browser, app, width=1600, height=4600)
    city.open("/profil?region=61.71&lang=en")
    _wait_for_text(city, "Not applicable: IDM covers villages (desa) only")
    city.wait_for_map(6)  # Pontianak's six districts, on the real distance to the nearest puskesmas
    assert city.page.get_by_role("heading", name="Kota Pontianak", exact=True).is_visible()
    assert not city.page.get_by_text("Simulated data: these district figures are generated").count()  # real data by default
    _no_dialog(city)
    city.shot("profile_en")
    assert city.foreign_hosts() == set()


def test_a_bad_link_shows_the_picker_and_a_pick_goes_into_the_link(app: str, browser) -> None:
    tab = Page(browser, app)
    tab.open("/profil?region=6106")
    _wait_for_text(tab, "tanpa titik tidak dipakai")
    tab.page.get_by_label("Kabupaten/kota", exact=True).wait_for(timeout=30_000)
    _wait_for_text(tab, "Pilih satu kabupaten/kota")
    tab.shot("profile_bad_link")
    tab.choose("Kabupaten/kota", "Kalimantan Selatan › Kabupaten Kotabaru")
    tab.page.get_by_role("heading", name="Kabupaten Kotabaru", exact=True).wait_for(timeout=60_000)
    tab.page.wait_for_function("() => location.search.includes('region=63.02')", timeout=30_000)
    assert parse_qs(urlparse(tab.page.url).query)["region"] == ["63.02"]
    assert not tab.page.get_by_text("tanpa titik tidak dipakai").count()
    assert tab.foreign_hosts() == set()


def test_downloads_from_the_page_parse_back_to_the_same_numbers(app: str, browser) -> None:
    tab = Page(browser, app)
    tab.open("/profil?region=64.11&demo=1")  # with demonstration data, so the scorecard holds simulated rows
    _wait_for_text(tab, "Kartu skor")
    with tab.page.expect_download(timeout=60_000) as csv_download:
        tab.page.get_by_role("button", name="CSV: kartu skor").click()
    assert csv_download.value.suggested_filename == "profil_64-11_mahakam_ulu_scorecard.csv"
    text = Path(csv_download.value.path()).read_bytes().decode("utf-8-sig")
    assert text.startswith("# DATA SIMULASI")  # the scorecard holds simulated rows, and says so first
    key, value = t("xh_indicator_id", "id"), t("xh_value", "id")  # headers in the user's language
    downloaded = pd.read_csv(io.StringIO(text.split("\n", 1)[1])).set_index(key)
    with tab.page.expect_download(timeout=60_000) as xlsx_download:
        tab.page.get_by_role("button", name="Unduh seluruh profil (Excel)").click()
    assert xlsx_download.value.suggested_filename == "profil_64-11_mahakam_ulu.xlsx"
    workbook = io.BytesIO(Path(xlsx_download.value.path()).read_bytes())
    book = openpyxl.load_workbook(workbook)
    sheets = {t(f"xs_{n}", "id") for n in ("scorecard", "trend", "villages", "village_status", "distances", "peers", "peer_values")} | {
        "metadata"
    }
    assert sheets <= set(book.sheetnames)
    from_excel = pd.read_excel(workbook, sheet_name=t("xs_scorecard", "id")).set_index(key)

    # the same numbers straight from the warehouse the server uses, rounded as a planner reads them
    with duckdb.connect(str(build.db_path()), read_only=True) as con:
        cat = warehouse.run(con, "indicator_catalogue")
        values = warehouse.run(con, "profile_values", region="64.11")
        card = profile.scorecard(values, cat, warehouse.run(con, "profile_trend", region="64.11"), "64.11")
        direct = dict(con.execute("SELECT indicator_id, value FROM observations WHERE region_code = '64.11' AND year = 2024").fetchall())
    decimals = dict(zip(cat["indicator_id"], cat["decimals"].astype(int), strict=False))
    expected = export.for_planner(card, "id", decimals).set_index(key)
    assert set(downloaded.index) == set(card["indicator_id"]) == set(from_excel.index)
    for column in (value, t("xh_rank", "id"), t("xh_prov_mean", "id"), t("xh_cities_mean", "id")):
        for table in (downloaded, from_excel):
            pd.testing.assert_series_equal(
                table[column].astype(float),
                expected.loc[table.index, column].astype(float),
                check_names=False,
                check_index_type=False,
                atol=1e-9,
            )
    ipm = downloaded.loc["bps_ipm_2024", value]
    assert ipm == pytest.approx(round(direct["bps_ipm_2024"], decimals["bps_ipm_2024"]))  # rounded to the indicator's decimals
    meta = pd.read_excel(workbook, sheet_name="metadata").set_index(t("xh_id", "id"))
    simulated = meta[t("xh_simulated", "id")]
    assert simulated["spm_kesehatan"] == t("xv_yes", "id") and simulated["bps_p0"] == t("xv_no", "id")
    assert tab.foreign_hosts() == set()
