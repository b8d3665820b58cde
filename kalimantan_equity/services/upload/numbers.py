"""Numbers as Indonesians and as everyone else write them, decided per column, never per cell.

``1.234`` is one thousand two hundred and thirty-four in Indonesian and one point two three four
in English. Guessing cell by cell would read the same column both ways, so the format is decided
once per column from the values that can only be read one way (``67,03``, ``1.234.567``,
``71.99``), falls back to the file's other columns and its delimiter (a semicolon file comes from
an Excel set to Indonesian), and is stated with its evidence so the user can overrule it. A value
that the column's format cannot read is rejected with its reason, never coerced.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import NamedTuple

from kalimantan_equity.services.upload.reader import Explanation

LOCALES = ("id", "en")

# Written for "no value" in BPS and office tables. BPS uses "-" for "nothing" and "…" for "not
# available"; both are kept apart from zero: missing is not zero.
MISSING_TOKENS = frozenset(
    {"", "-", "–", "—", "--", ".", "..", "...", "…", "na", "n/a", "n.a", "n.a.", "#n/a", "nan", "null", "none", "tidak ada data", "t.a.d"}
)

_SPACES = re.compile(r"[\s\u00a0\u2009\u202f']")  # thousands written with (thin) spaces or apostrophes
_ID_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,\d+)?(?:[eE][+-]?\d+)?")
_EN_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?")


class Parsed(NamedTuple):
    """A value or the reason (translation key) it could not be read."""

    value: float | None
    reason: str | None  # None, "upload_reason_missing_value", "upload_reason_not_numeric", "upload_reason_number_format"
    percent: bool = False  # the cell carried a % sign


def is_missing(text: str) -> bool:
    """A marker for "no value" (``-``, ``…``, ``NA``, empty): recorded as missing, never as zero."""
    return text.strip().lower() in MISSING_TOKENS


def _core(text: str) -> tuple[str, bool]:
    """The digits and separators of a cell: currency, percent sign and spacing removed."""
    core = text.strip().replace("\u2212", "-")  # the typographic minus sign
    percent = core.endswith("%")
    if percent:
        core = core[:-1].rstrip()
    if core[:2].lower() == "rp":
        core = core[2:].lstrip(". ")
    return _SPACES.sub("", core), percent


_PLAIN = re.compile(r"\d+")
_EITHER_COMMA = re.compile(r"\d{1,3},\d{3}")
_EN_GROUPS = re.compile(r"\d{1,3}(,\d{3}){2,}")
_EITHER_DOT = re.compile(r"\d{1,3}\.\d{3}")
_ID_GROUPS = re.compile(r"\d{1,3}(\.\d{3}){2,}")


def vote(text: str) -> str:
    """What one cell says about its column's format: "id", "en", "either", "plain" or "none"."""
    core, _ = _core(text)
    if not core or not any(c.isdigit() for c in core):
        return "none"
    body = core.lstrip("+-")
    if _PLAIN.fullmatch(body):
        return "plain"
    has_dot, has_comma = "." in body, "," in body
    if has_dot and has_comma:
        if body.rfind(",") > body.rfind("."):
            return "id" if _ID_NUMBER.fullmatch(core) else "none"
        return "en" if _EN_NUMBER.fullmatch(core) else "none"
    if has_comma:
        if _EITHER_COMMA.fullmatch(body):
            return "either"  # 1,234: a thousand in English, one and a bit in Indonesian
        if _EN_GROUPS.fullmatch(body):
            return "en"
        return "id" if _ID_NUMBER.fullmatch(core) else "none"
    if has_dot:
        if _EITHER_DOT.fullmatch(body):
            return "either"
        if _ID_GROUPS.fullmatch(body):
            return "id"
        return "en" if _EN_NUMBER.fullmatch(core) else "none"
    return "en" if _EN_NUMBER.fullmatch(core) else "none"  # exponent without separators


class LocaleGuess(NamedTuple):
    locale: str  # "id" or "en"
    explanation: Explanation
    decided: bool  # False when no value could tell and a default was used


def guess_locale(values: Iterable[str]) -> LocaleGuess | None:
    """The column's format from its unambiguous values; None when none of them can tell."""
    counts = {"id": 0, "en": 0}
    examples: dict[str, str] = {}
    for text in values:
        kind = vote(text)
        if kind in counts:
            counts[kind] += 1
            examples.setdefault(kind, text.strip())
    if counts["id"] == counts["en"] == 0:
        return None
    locale = "id" if counts["id"] >= counts["en"] else "en"
    other = "en" if locale == "id" else "id"
    key = "upload_locale_decimal_comma" if locale == "id" else "upload_locale_decimal_point"
    params: dict[str, object] = {"count": counts[locale], "example": examples[locale], "conflicts": counts[other]}
    return LocaleGuess(locale, Explanation(key, params), True)


def default_locale(file_guesses: Iterable[LocaleGuess], delimiter: str | None) -> LocaleGuess:
    """For a column none of whose values can tell: the file's other columns, then its delimiter.

    A semicolon-separated file comes from software set to Indonesian (the comma is its decimal
    sign); otherwise the international reading is the safer default (bps.go.id exports it).
    """
    guesses = [g for g in file_guesses if g.decided]
    if guesses:
        id_votes = sum(1 for g in guesses if g.locale == "id")
        locale = "id" if id_votes * 2 > len(guesses) else "en"
        return LocaleGuess(locale, Explanation("upload_locale_from_file", {"locale": locale}), False)
    if delimiter == ";":
        return LocaleGuess("id", Explanation("upload_locale_from_semicolon", {"locale": "id"}), False)
    return LocaleGuess("en", Explanation("upload_locale_default", {"locale": "en"}), False)


def parse_number(text: str, locale: str, native: bool = False) -> Parsed:
    """The number in a cell under the column's format.

    ``native`` cells were stored as numbers by Excel and need no reading. Text is matched against
    the format's full pattern before ``float`` sees it, so ``inf``, ``nan``, ``1e999`` or a
    formula such as ``=1+1`` can never become a number.
    """
    if locale not in LOCALES:
        raise ValueError(f"unknown number locale {locale!r}")
    if is_missing(text):
        return Parsed(None, "upload_reason_missing_value")
    if native:
        try:
            value = float(text)
        except ValueError:
            return Parsed(None, "upload_reason_not_numeric")
        return Parsed(value, None) if math.isfinite(value) else Parsed(None, "upload_reason_not_numeric")
    core, percent = _core(text)
    if not core or not any(c.isdigit() for c in core):
        return Parsed(None, "upload_reason_not_numeric", percent)
    pattern, other = (_ID_NUMBER, _EN_NUMBER) if locale == "id" else (_EN_NUMBER, _ID_NUMBER)
    if not pattern.fullmatch(core):
        reason = "upload_reason_number_format" if other.fullmatch(core) else "upload_reason_not_numeric"
        return Parsed(None, reason, percent)
    plain = core.replace(".", "").replace(",", ".") if locale == "id" else core.replace(",", "")
    try:
        value = float(plain)
    except ValueError:  # pragma: no cover - the pattern admits only what float reads
        return Parsed(None, "upload_reason_not_numeric", percent)
    if not math.isfinite(value):
        return Parsed(None, "upload_reason_not_numeric", percent)
    return Parsed(value, None, percent)
