"""Every page speaks both languages: nothing a user reads stays the same when the language changes.

Each page is opened in Indonesian and in English; the words of its titles, headers, captions,
buttons and widget labels are compared. A text shown identically in both is untranslated unless
it is data (a name, a code, a number) or on the short list of words that are the same in both.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = sorted(p.name for p in (ROOT / "kalimantan_equity" / "pages").glob("*.py"))
SAME_IN_BOTH = {"Bahasa / Language", "Bahasa Indonesia", "English", "Dataset", "Target", "Status", "PLBN", "%"}


def _texts(page: str, lang: str) -> set[str]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(str(ROOT / "kalimantan_equity" / "pages" / page)).run()
    assert not at.exception, (page, lang)
    texts = set()
    for kind in ("title", "header", "subheader", "caption", "button", "markdown", "info", "warning", "error"):
        for element in getattr(at, kind):
            texts.add(str(element.label if kind == "button" else element.value))
    for kind in ("selectbox", "multiselect", "radio", "slider", "text_input", "toggle", "number_input", "checkbox"):
        for element in getattr(at, kind):
            texts.add(str(element.label))
    return {x.strip() for x in texts if x and x.strip()}


def _is_data(text: str) -> bool:
    """Names of places, codes, numbers and URLs are data, the same in every language."""
    if re.fullmatch(r"[\d\s.,:%/()\-–+]*", text):
        return True
    return bool(re.fullmatch(r"(Kabupaten|Kota|Kalimantan) [A-Z][\w\s]*", text)) or text.startswith(("http", "`", "•"))


@pytest.mark.parametrize("page", PAGES)
def test_no_text_stays_the_same_in_both_languages(real_env: Path, page: str) -> None:
    indonesian, english = _texts(page, "id"), _texts(page, "en")
    untranslated = sorted(x for x in indonesian & english if x not in SAME_IN_BOTH and not _is_data(x))
    assert untranslated == [], f"{page}: shown unchanged in both languages: {untranslated[:8]}"
