"""One catalogue, two languages, and locale number and date formats."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from babel.numbers import format_decimal
from hypothesis import assume, given
from hypothesis import strategies as st

from kalimantan_equity.services import i18n

ROOT = Path(__file__).resolve().parent.parent


def test_every_string_exists_in_both_languages() -> None:
    for key, texts in i18n.STRINGS.items():
        assert set(texts) == set(i18n.LANGUAGES), key
        assert all(text.strip() for lang in i18n.LANGUAGES for text in i18n.forms(texts[lang])), key


def test_every_key_used_in_the_code_exists() -> None:
    used = set()
    for path in [
        *ROOT.glob("kalimantan_equity/pages/*.py"),
        *ROOT.glob("kalimantan_equity/ui/**/*.py"),
        *ROOT.glob("kalimantan_equity/services/*.py"),
        ROOT / "app.py",
    ]:
        used |= set(re.findall(r"\btn?\(\s*\"([a-z0-9_]+)\"", path.read_text()))
    missing = sorted(used - set(i18n.STRINGS))
    assert not missing, missing


def test_placeholders_agree_between_languages() -> None:
    for key, texts in i18n.STRINGS.items():
        found = [set(re.findall(r"{(\w+)}", text)) for lang in i18n.LANGUAGES for text in i18n.forms(texts[lang])]
        assert all(names == found[0] for names in found), key


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (1234.5, "id", 1, "1.234,5"),
        (1234.5, "en", 1, "1,234.5"),
        (1234567, "id", 0, "1.234.567"),
        (None, "id", 1, "—"),
        (float("nan"), "en", 2, "—"),
    ],
)
def test_numbers(value, lang: str, decimals: int, expected: str) -> None:
    assert i18n.fmt_number(value, lang, decimals) == expected


def test_dates() -> None:
    assert i18n.fmt_date(date(2026, 11, 23), "id") == "23 November 2026"
    assert i18n.fmt_date(date(2026, 8, 17), "id") == "17 Agustus 2026"
    assert i18n.fmt_date(date(2026, 8, 17), "en") == "17 August 2026"


def test_unknown_language_falls_back_to_indonesian() -> None:
    assert i18n.t("indicator", "<script>") == "Indikator"


# within float precision for 4 decimals (the largest figure, GRDP in IDR million, is ~1e8)
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 4), st.sampled_from(["id", "en"]))
def test_fast_number_format_agrees_with_babel(value: float, decimals: int, lang: str) -> None:
    assume(round(value, decimals) != 0)  # Babel writes "-0"; we write "0" (tested below)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    expected = format_decimal(round(value, decimals), format=pattern, locale={"id": "id_ID", "en": "en_GB"}[lang])
    assert i18n.fmt_number(round(value, decimals), lang, decimals) == expected.replace("\\u2212", "-")


def test_negative_zero_is_plain_zero() -> None:
    assert i18n.fmt_number(-0.0, "id", 1) == "0,0"
    assert i18n.fmt_number(-0.04, "en", 1) == "0.0"


def test_plural_forms_follow_the_language() -> None:
    assert i18n.tn("count_rows", 1, "en") == "1 row" and i18n.tn("count_rows", 2, "en") == "2 rows"
    assert i18n.tn("count_rows", 1, "id") == "1 baris" and i18n.tn("count_rows", 2, "id") == "2 baris"
    assert i18n.tn("count_rows", 0, "en") == "0 rows" and i18n.tn("count_rows", 1234, "id") == "1.234 baris"
    assert i18n.tn("profile_lagging_caption", 1, "en") != i18n.tn("profile_lagging_caption", 2, "en")  # "1 village" / "2 villages"
    assert i18n.tn("data_upload_commit", 1, "en") == "Store 1 value" and i18n.tn("data_upload_commit", 3, "en") == "Store 3 values"


def test_plural_entries_give_other_and_only_the_languages_categories() -> None:
    categories = {"id": {"other"}, "en": {"one", "other"}}  # CLDR, as Babel applies them
    for key, texts in i18n.STRINGS.items():
        for lang, text in texts.items():
            if isinstance(text, dict):
                assert "other" in text and set(text) <= categories[lang], key


def test_a_plural_entry_asked_for_without_a_count_says_so() -> None:
    with pytest.raises(TypeError, match="tn"):
        i18n.t("count_rows", "en")


def test_data_values_are_labelled_from_the_catalogue() -> None:
    assert i18n.label("sectors", "kemiskinan", "en") == "Poverty" and i18n.label("levels", "desa", "id") == "Desa/kelurahan"
    assert i18n.label("region_types_short", "kabupaten", "en") == "Other regencies"  # not the long form's "Other regency"
    assert i18n.label("point_kinds", "no_such_kind", "en") == "no_such_kind"  # an unknown value is shown as it is
    assert i18n.SECTORS[:2] == ("spm_pendidikan", "spm_kesehatan") and len(i18n.SECTORS) == len(set(i18n.SECTORS)) == 13


def test_every_build_step_has_a_label() -> None:
    steps = set(re.findall(r"progress\([^,]+, \"([a-z_]+)\"\)", (ROOT / "kalimantan_equity" / "data" / "build.py").read_text()))
    assert len(steps) >= 10
    assert sorted(s for s in steps if f"build_step_{s}" not in i18n.STRINGS) == []
