"""Switching the language switches the whole view at once, the sidebar's own choices included.

A presenter who changes the language mid-meeting must not see the indicator, province, groups,
classification or presentation list stay in the old language, nor the level lose its selection.
"""

from __future__ import annotations

import pytest

from tests.browser_support import Page

pytestmark = pytest.mark.browser

# What the sidebar shows: each selectbox's and multiselect's shown value(s), and the level radio's selection.
_SIDEBAR = """() => {
  const side = document.querySelector('[data-testid="stSidebar"]');
  const out = {};
  for (const w of side.querySelectorAll('[data-testid="stSelectbox"], [data-testid="stMultiSelect"]')) {
    const name = w.querySelector('label').innerText.trim();
    if (w.dataset.testid === 'stMultiSelect') out[name] = [...w.querySelectorAll('[data-tag] > span[title]')].map(s => s.title);
    else out[name] = w.querySelector('input[role="combobox"]').value;
  }
  for (const w of side.querySelectorAll('[data-testid="stRadio"]')) {
    const name = w.querySelector('label').innerText.trim();
    const on = w.querySelector('input:checked');
    out[name] = on ? on.closest('label').innerText.trim() : null;
  }
  return out;
}"""

EXPECTED = {
    "id": {
        "Indikator": "IPM 2024 (UHH Long Form SP2020) · Pembangunan manusia",
        "Tingkat wilayah": "Kabupaten/kota",
        "Provinsi": "Seluruh Kalimantan",
        "Kelompok wilayah": ["Kota", "Kabupaten lain", "Kabupaten perbatasan"],
        "Klasifikasi": "Kuantil",
    },
    "en": {
        "Indicator": "HDI 2024 (2020 Census Long Form life expectancy) · Human development",
        "Level": "Regency/city",
        "Province": "All of Kalimantan",
        "Region groups": ["City", "Other regency", "Border regency"],
        "Classification": "Quantiles",
    },
}


def _check(shown: dict, lang: str) -> None:
    for name, value in EXPECTED[lang].items():
        assert name in shown, f"{lang}: no sidebar widget labelled {name!r} ({sorted(shown)})"
        got = shown[name]
        if isinstance(value, list):
            assert got == value, f"{lang}: {name} shows {got}"
        else:
            assert isinstance(got, str) and got.startswith(value), f"{lang}: {name} shows {got!r}"
    steps = shown["Indikator untuk presentasi" if lang == "id" else "Indicators to present"]
    this_sector, other_sector = (
        ("Pembangunan manusia", "Human development") if lang == "id" else ("Human development", "Pembangunan manusia")
    )
    assert any(s.endswith(this_sector) for s in steps), f"{lang}: presentation list shows {steps}"
    assert not any(other_sector in s for s in steps), f"{lang}: presentation list shows {steps}"


def test_language_switch_changes_the_sidebar_both_ways(server: str, browser) -> None:
    tab = Page(browser, server, width=1600, height=1000)
    tab.open("/")
    tab.wait_for_map(56)
    _check(tab.page.evaluate(_SIDEBAR), "id")
    for lang, name in (("en", "English"), ("id", "Bahasa Indonesia")):
        tab.page.locator('[data-testid="stSidebar"]').get_by_text(name, exact=True).click()
        heading = "Where do basic services fall short?" if lang == "en" else "Di mana layanan dasar tertinggal?"
        tab.page.get_by_role("heading", name=heading).wait_for(timeout=60_000)
        tab.page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=60_000)
        tab.page.wait_for_timeout(800)
        tab.shot(f"language_switched_{lang}")
        _check(tab.page.evaluate(_SIDEBAR), lang)
    assert tab.foreign_hosts() == set()
