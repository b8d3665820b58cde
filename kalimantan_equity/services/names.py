"""Region-name normalisation shared by the data build and (later) uploads.

Officials write the same regency as ``Kabupaten Sambas``, ``Kab. Sambas``, ``SAMBAS`` or an old
name (``Pontianak`` for Mempawah). Matching on a normalised key plus the kind (``kota`` or
``kab``) keeps ``Kota Pontianak`` and the old ``Kabupaten Pontianak`` apart.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Old or variant names that BPS, DAPOER and news use, mapped to the current Kemendagri base name.
# Kind-specific: "pontianak" is Mempawah only when it is a regency (kabupaten).
_ALIASES: dict[tuple[str | None, str], str] = {
    ("kab", "pontianak"): "mempawah",
    (None, "pasir"): "paser",
    (None, "mahakamhulu"): "mahakamulu",
    (None, "kotabaru"): "kotabaru",
    (None, "banjarbaru"): "banjarbaru",
    (None, "palangkaraya"): "palangkaraya",
    (None, "tanatidung"): "tanatidung",
}

_KOTA_PREFIXES = ("kota administratif ", "kota adm. ", "kota adm ", "kota ")
_KAB_PREFIXES = ("kabupaten ", "kab. ", "kab ")


class NameKey(NamedTuple):
    """A region name reduced to what identifies it: its kind and its letters."""

    kind: str | None  # "kota", "kab" or None when the name does not say
    base: str


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.strip().lower())


def name_key(name: str) -> NameKey:
    """Normalise a regency/city name: prefix gives the kind, letters and digits give the base.

    ``Kota Baru`` (the old spelling of the regency Kotabaru) has no kind: a bare "Kota" followed
    by "Baru" is a regency name, not the city prefix, and ``Kota Banjar Baru`` is the city.
    """
    folded = _fold(name)
    kind: str | None = None
    if folded in ("kota baru", "kotabaru"):
        return NameKey(None, "kotabaru")
    for prefix in _KOTA_PREFIXES:
        if folded.startswith(prefix):
            kind, folded = "kota", folded[len(prefix) :]
            break
    else:
        for prefix in _KAB_PREFIXES:
            if folded.startswith(prefix):
                kind, folded = "kab", folded[len(prefix) :]
                break
    base = re.sub(r"[^a-z0-9]", "", folded)
    base = _ALIASES.get((kind, base), _ALIASES.get((None, base), base))
    return NameKey(kind, base)


def same_region(a: str, b: str) -> bool:
    """True when two spellings name the same regency or city.

    Kinds must agree when both names state one; a name without a kind matches either.
    """
    ka, kb = name_key(a), name_key(b)
    if ka.base != kb.base:
        return False
    return ka.kind is None or kb.kind is None or ka.kind == kb.kind


def short_name(official: str) -> str:
    """Display name: ``Kabupaten Sambas`` -> ``Sambas``; cities keep ``Kota``."""
    folded = official.strip()
    if folded.lower().startswith("kabupaten "):
        return folded[len("kabupaten ") :]
    return folded
