"""In the browser, as an editor works: sign in, upload a file with an ambiguous region, settle it,
fill the form field by field (each a rerun), see the preview and store. Screenshots in test-output/."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from kalimantan_equity.services import auth, uploads
from kalimantan_equity.services.i18n import t, tn
from tests.browser_support import Page, running_app

pytestmark = pytest.mark.browser
PASSWORD = "sandi-rahasia-2026"
CSV = "wilayah;tahun;nilai\nPontianak;2024;7,25\nKab. Kapuas Hulu;2024;9,5\n"


@pytest.fixture(scope="module")
def editor_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object]]:
    folder = tmp_path_factory.mktemp("upload-browser")
    env = {"EQUITY_EDITORS": "budi:" + auth.make_hash(PASSWORD, n=2**10)}
    with running_app(folder, env) as url:
        yield url, folder / "uploads"


def _type(tab: Page, label: str, text: str) -> None:
    box = tab.page.get_by_label(label, exact=True)
    box.fill(text)
    box.press("Enter")  # Streamlit takes a text field's value on Enter (or leaving it): a rerun
    tab.page.wait_for_timeout(700)


def test_an_editor_settles_a_region_fills_the_form_and_stores(editor_server, browser, tmp_path, monkeypatch) -> None:
    url, root = editor_server
    tab = Page(browser, url)
    tab.open("/data")
    tab.page.wait_for_timeout(1500)
    assert tab.page.locator("[role=dialog]").count() == 0
    _type(tab, t("data_user", "id"), "budi")
    tab.page.get_by_label(t("data_password", "id"), exact=True).fill(PASSWORD)
    tab.page.get_by_role("button", name=t("data_sign_in_button", "id"), exact=True).click()
    tab.page.wait_for_selector('[data-testid="stFileUploader"]', timeout=90_000)

    upload = tmp_path / "kota.csv"
    upload.write_text(CSV, encoding="utf-8")
    tab.page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
    picker = tab.page.get_by_label(re.compile("Pontianak.*adalah"))
    picker.wait_for(timeout=90_000)
    tab.shot("upload_ambiguous_open")
    tab.choose(tn("data_upload_pick", 1, "id", region="Pontianak"), "61.71 Kota Pontianak")
    tab.page.wait_for_timeout(1500)

    for label, text in (
        (t("data_upload_title", "id"), "Uji di peramban"),
        (t("data_new_id", "id"), "uji_peramban"),
        (t("data_new_name_id", "id"), "Uji peramban"),
        (t("data_new_name_en", "id"), "Browser test"),
        (t("data_new_unit_id", "id"), "indeks"),
        (t("data_new_unit_en", "id"), "index"),
    ):
        _type(tab, label, text)
    # the settled answer is still shown after every rerun, and the preview counts both values
    tab.shot("upload_form_filled")
    settled = tab.page.locator('[data-testid="stSelectbox"]', has_text="Pontianak")
    assert "61.71 Kota Pontianak" in settled.first.inner_text() or "61.71" in settled.first.locator("input").input_value()
    tab.page.get_by_text(re.compile(r"2 nilai akan disimpan")).first.wait_for(timeout=60_000)
    button = tab.page.get_by_role("button", name="Simpan 2 nilai", exact=True)
    button.scroll_into_view_if_needed()
    tab.shot("upload_preview")
    button.click()
    tab.page.get_by_text(re.compile(r"Tersimpan: 2 nilai sebagai versi 1")).first.wait_for(timeout=90_000)
    button.wait_for(state="detached", timeout=60_000)  # the result replaces the form: nothing to store twice
    tab.page.get_by_text(t("data_upload_again", "id")).first.wait_for(timeout=60_000)
    tab.page.wait_for_timeout(1000)
    tab.shot("upload_stored")

    monkeypatch.setenv("EQUITY_UPLOADS_DIR", str(root))
    history = uploads.history()
    assert history[["indicator_id", "version", "rows", "active"]].values.tolist() == [["uji_peramban", 1, 2, True]]
