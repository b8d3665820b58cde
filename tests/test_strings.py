"""What the string tables put on a viewer's screen: no set-up internals, and no dead keys."""

from __future__ import annotations

import re

from kalimantan_equity.services import i18n
from tests.conftest import ROOT

EDITORS_ONLY = {"editor_help_body"}  # ui/components/editor_help.py: shown to signed-in editors only
INTERNALS = re.compile(r"README|chromium|EQUITY_[A-Z_]+|python -m|\.streamlit|secrets\.toml|\bpip install|apt(-get)? install|/work/|\.py\b")


def test_viewers_never_read_set_up_internals() -> None:
    """Commands, environment variables, file paths and the README belong in the editors' help only."""
    found = [
        (key, lang, match.group(0))
        for key, texts in i18n.STRINGS.items()
        if key not in EDITORS_ONLY
        for lang, entry in texts.items()
        for text in i18n.forms(entry)
        if (match := INTERNALS.search(text))
    ]
    assert not found, found


def test_the_editors_help_names_what_set_up_needs() -> None:
    body = i18n.t("editor_help_body", "en")
    assert "chromium" in body and "EQUITY_EDITORS" in body and "python -m kalimantan_equity.data.build" in body


def test_chart_images_unavailable_says_what_still_works_in_both_languages() -> None:
    assert "CSV" in i18n.t("chart_images_unavailable", "id") and "Excel" in i18n.t("chart_images_unavailable", "en")


def _code_text() -> str:
    paths = [
        *ROOT.glob("kalimantan_equity/pages/*.py"),
        *ROOT.glob("kalimantan_equity/ui/**/*.py"),
        *ROOT.glob("kalimantan_equity/services/**/*.py"),
        *ROOT.glob("kalimantan_equity/geo/*.py"),
        ROOT / "app.py",
    ]
    return "\n".join(p.read_text() for p in paths if "strings" not in p.parts)


def test_no_string_key_is_dead() -> None:
    """Every key is looked up somewhere: by its name, or by a prefix the code completes
    (``t(f"data_upload_status_{s}")``, ``"profile_status_" + status``)."""
    code = _code_text()
    names = set(re.findall(r"[\"']([a-z0-9_]+)[\"']", code))
    prefixes = set(re.findall(r"f[\"']([a-z0-9_]+_)\{", code)) | {n for n in names if n.endswith("_") and n.count("_") >= 2}
    prefixes |= set(i18n.VOCABULARY_PREFIXES.values())  # label(vocabulary, value): prefix + data value
    dead = sorted(k for k in i18n.STRINGS if k not in names and not k.startswith(tuple(prefixes)))
    assert not dead, dead
