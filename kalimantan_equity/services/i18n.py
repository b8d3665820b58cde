"""The one translation catalogue (Bahasa Indonesia first, English second) and locale formatting.

Every string a page shows comes from ``STRINGS`` through :func:`t`; a test walks the pages and
fails when a key lacks either language. Numbers and dates follow the language: ``1.234,5`` and
``23 November 2026`` in Indonesian, ``1,234.5`` and ``23 November 2026`` in English.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

from babel import Locale
from babel.dates import format_date

from kalimantan_equity.services import strings
from kalimantan_equity.services.strings import vocabulary

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
_LOCALES = {"id": "id_ID", "en": "en_GB"}

STRINGS: dict[str, dict[str, strings.Text]] = strings.merged()
_PLURAL_RULES = {lang: Locale.parse(locale) for lang, locale in _LOCALES.items()}

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}  # each in its own language: not translated

# Labels of data values (levels, region groups, sectors, …) are catalogue entries too
# (services/strings/vocabulary.py): the vocabulary's prefix and the value make the key.
VOCABULARY_PREFIXES = vocabulary.PREFIXES


def vocabulary_values(vocabulary_name: str) -> tuple[str, ...]:
    """A vocabulary's values in the order the catalogue lists them (``vocabulary_values("sectors")``)."""
    prefix = VOCABULARY_PREFIXES[vocabulary_name]
    return tuple(key.removeprefix(prefix) for key in vocabulary.STRINGS if key.startswith(prefix))


SECTORS = vocabulary_values("sectors")  # SPM sectors and themes, in the order pages list them


def normalise_language(value: object) -> str:
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **values: object) -> str:
    """Translated string; missing keys raise so a test catches them before a user does."""
    text = STRINGS[key][normalise_language(lang)]
    if not isinstance(text, str):
        raise TypeError(f"translation {key!r} has plural forms: use tn({key!r}, n, lang)")
    return text.format(**values) if values else text


def tn(key: str, n: float, lang: str, **values: object) -> str:
    """Translated string for a count ``n``: "1 village", "2 villages", "1 desa", "2 desa".

    An entry gives one text, or its plural forms by CLDR category (Babel's rules for the language:
    English has ``one`` and ``other``, Indonesian only ``other``), e.g.
    ``{"id": "{n} desa", "en": {"one": "{n} village", "other": "{n} villages"}}``. ``n`` fills ``{n}``
    formatted for the language (``1.234`` / ``1,234``) unless ``values`` gives ``n`` itself."""
    lang = normalise_language(lang)
    text = STRINGS[key][lang]
    if not isinstance(text, str):
        text = text.get(_PLURAL_RULES[lang].plural_form(abs(n)), text["other"])
    decimals = 0 if float(n).is_integer() else 1
    return text.format(**({"n": fmt_number(n, lang, decimals)} | values))


def forms(text: strings.Text) -> list[str]:
    """Every text of an entry's language: the one text, or each plural form (for checks over the catalogue)."""
    return [text] if isinstance(text, str) else list(text.values())


def label(vocabulary: str, value: str, lang: str) -> str:
    """Label of a data value (level, group, sector, …); unknown values are shown as they are."""
    key = VOCABULARY_PREFIXES[vocabulary] + str(value)
    return t(key, lang) if key in STRINGS else str(value)


_SEPARATORS = {"id": str.maketrans({",": ".", ".": ","}), "en": str.maketrans({})}


def fmt_number(value: float | None, lang: str, decimals: int = 1) -> str:
    """``1.234,5`` in Indonesian, ``1,234.5`` in English; missing values as an em dash.

    Python's own formatting with the separators swapped: the same result as Babel's CLDR patterns
    for these two locales (a test checks), at a hundredth of the cost, which matters when 7,229
    village values are formatted on every rerun.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = f"{value:,.{max(decimals, 0)}f}"
    if text.startswith("-") and text.strip("-0.,") == "":
        text = text[1:]  # no "-0,0"
    return text.translate(_SEPARATORS[normalise_language(lang)])


def fmt_numbers(values: Iterable[float | None], lang: str, decimals: int = 1) -> list[str]:
    return [fmt_number(v, lang, decimals) for v in values]


def fmt_date(day: date, lang: str) -> str:
    """``23 November 2026`` in both languages (Indonesian month names in Indonesian)."""
    return format_date(day, format="d MMMM y", locale=_LOCALES[normalise_language(lang)])


_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~$:")


def md_escape(text: object) -> str:
    """Text from data or an upload, shown through Markdown, stays literal: no links, emphasis or HTML."""
    return "".join(f"\\{c}" if c in _MARKDOWN_SPECIAL else c for c in str(text))
