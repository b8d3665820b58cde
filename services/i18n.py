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

from services import strings

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
_LOCALES = {"id": "id_ID", "en": "en_GB"}

STRINGS: dict[str, dict[str, strings.Text]] = strings.merged()
_PLURAL_RULES = {lang: Locale.parse(locale) for lang, locale in _LOCALES.items()}

# Labels for values that appear in the data.
LEVELS = {
    "provinsi": {"id": "Provinsi", "en": "Province"},
    "kabupaten": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "kecamatan": {"id": "Kecamatan", "en": "District"},
    "desa": {"id": "Desa/kelurahan", "en": "Village"},
}
REGION_TYPES = {
    "kota": {"id": "Kota", "en": "City"},
    "kabupaten": {"id": "Kabupaten lain", "en": "Other regency"},
    "perbatasan": {"id": "Kabupaten perbatasan", "en": "Border regency"},
}
REGION_TYPES_SHORT = {
    "kota": {"id": "Kota", "en": "Cities"},
    "kabupaten": {"id": "Kab. lain", "en": "Other regencies"},
    "perbatasan": {"id": "Perbatasan", "en": "Border"},
}
SECTORS = {
    "spm_pendidikan": {"id": "SPM Pendidikan", "en": "SPM Education"},
    "spm_kesehatan": {"id": "SPM Kesehatan", "en": "SPM Health"},
    "spm_pu": {"id": "SPM Pekerjaan umum (air minum, sanitasi)", "en": "SPM Public works (water, sanitation)"},
    "spm_perumahan": {"id": "SPM Perumahan rakyat", "en": "SPM Public housing"},
    "spm_trantibumlinmas": {"id": "SPM Ketenteraman dan ketertiban umum", "en": "SPM Public order"},
    "spm_sosial": {"id": "SPM Sosial", "en": "SPM Social"},
    "pembangunan_manusia": {"id": "Pembangunan manusia", "en": "Human development"},
    "kemiskinan": {"id": "Kemiskinan", "en": "Poverty"},
    "infrastruktur": {"id": "Infrastruktur", "en": "Infrastructure"},
    "ekonomi": {"id": "Ekonomi", "en": "Economy"},
    "desa": {"id": "Pembangunan desa (IDM)", "en": "Village development (IDM)"},
    "pengaduan": {"id": "Pengaduan layanan (SP4N-LAPOR!)", "en": "Service complaints (SP4N-LAPOR!)"},
    "kependudukan": {"id": "Kependudukan", "en": "Population"},
}
CLASS_SCHEMES = {
    "quantiles": {"id": "Kuantil", "en": "Quantiles"},
    "fisher_jenks": {"id": "Pemisah alami (Fisher-Jenks)", "en": "Natural breaks (Fisher-Jenks)"},
    "equal_interval": {"id": "Interval sama", "en": "Equal interval"},
    "target": {"id": "Pita target", "en": "Target bands"},
}
POINT_KINDS = {
    "plbn": {"id": "PLBN", "en": "Border post (PLBN)"},
    "kanim": {"id": "Kantor imigrasi", "en": "Immigration office"},
    "ulp": {"id": "Unit layanan paspor", "en": "Passport service unit"},
    "mobile": {"id": "Layanan keliling", "en": "Mobile service"},
    "pos": {"id": "Pos imigrasi", "en": "Immigration post"},
    "puskesmas": {"id": "Puskesmas", "en": "Community health centre (puskesmas)"},
    "hospital": {"id": "Rumah sakit", "en": "Hospital"},
    "sd": {"id": "SD", "en": "Primary school (SD)"},
    "smp": {"id": "SMP", "en": "Junior secondary school (SMP)"},
    "sma": {"id": "SMA", "en": "Senior secondary school (SMA)"},
    "smk": {"id": "SMK", "en": "Vocational secondary school (SMK)"},
    "slb": {"id": "Sekolah luar biasa (SLB)", "en": "Special-needs school (SLB)"},
}
POINT_STATUS = {
    "open": {"id": "beroperasi", "en": "operating"},
    "unverified": {"id": "status belum terverifikasi", "en": "status not verified"},
    "planned": {"id": "direncanakan", "en": "planned"},
    "closed": {"id": "tutup/historis", "en": "closed/historical"},
}
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}

VOCABULARIES = {
    "levels": LEVELS,
    "region_types": REGION_TYPES,
    "region_types_short": REGION_TYPES_SHORT,
    "sectors": SECTORS,
    "class_schemes": CLASS_SCHEMES,
    "point_kinds": POINT_KINDS,
    "point_status": POINT_STATUS,
}


def normalise_language(value: object) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE  # type: ignore[return-value]


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
    entry = VOCABULARIES[vocabulary].get(value)
    return entry[normalise_language(lang)] if entry else str(value)


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
