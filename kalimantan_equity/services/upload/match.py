"""Region keys from an upload to Kemendagri codes, with the reason for every decision.

An upload names a regency by Kemendagri code (``61.06``, ``6106``), BPS code (``6108``) or by
name in any spelling (``Kab. Kapuas Hulu``, ``KAPUAS HULU``, the old ``Pasir``). Three traps:

- A 4-digit code is Kemendagri-without-dot or BPS, and the two differ for 23 of 56 regencies
  (``6106`` is Kapuas Hulu for Kemendagri, Ketapang for BPS). :func:`decide_code_system` decides
  once per file from the file's own evidence and says why; the caller can overrule it.
- A bare name can mean a city or a regency (``Pontianak``: the city, or the regency now called
  Mempawah). A file that writes its cities as ``Kota …`` uses bare names for regencies.
- Names repeat across Indonesia, so a BPS export's CAPITALS province row decides where a name
  belongs; a regency of another province is *outside coverage*, counted and listed, not an error.

Nothing is matched by guesswork: near misses are offered as suggestions, never chosen.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from kalimantan_equity.services.names import NameKey, name_key
from kalimantan_equity.services.upload.reader import Explanation

SYSTEMS = ("kemendagri", "bps")
SYSTEM_NAMES = {"kemendagri": "Kemendagri", "bps": "BPS"}
STATUSES = ("matched", "ambiguous", "unmatched", "outside", "aggregate", "skipped")

# The 38 provinces of Indonesia (Kemendagri codes, Kepmendagri 300.2.2-2138/2025), used only to
# recognise a province row or a province column that is not in Kalimantan: the warehouse holds
# Kalimantan alone. BPS numbers the Papua provinces differently (91 Papua Barat, 94 Papua, 92 and
# 95–97 for the new ones); any of those prefixes is outside Kalimantan either way.
PROVINCES: dict[str, str] = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
    "91": "Papua",
    "92": "Papua Barat",
    "93": "Papua Selatan",
    "94": "Papua Tengah",
    "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}
_PROVINCE_PREFIXES = frozenset(PROVINCES) | {"97"}  # 97: BPS's Papua Pegunungan
# Short and old names officials still write (folded: lower-case letters only).
_PROVINCE_ALIASES = {
    "nad": "11",
    "nanggroeacehdarussalam": "11",
    "daerahistimewaaceh": "11",
    "sumut": "12",
    "sumbar": "13",
    "sumsel": "16",
    "bangkabelitung": "19",
    "kepbangkabelitung": "19",
    "babel": "19",
    "kepri": "21",
    "kepriau": "21",
    "jakarta": "31",
    "dki": "31",
    "dkijakartaraya": "31",
    "jabar": "32",
    "jateng": "33",
    "yogyakarta": "34",
    "daerahistimewayogyakarta": "34",
    "diy": "34",
    "jatim": "35",
    "ntb": "52",
    "ntt": "53",
    "kalbar": "61",
    "kalteng": "62",
    "kalsel": "63",
    "kaltim": "64",
    "kaltara": "65",
    "sulut": "71",
    "sulteng": "72",
    "sulsel": "73",
    "sultra": "74",
    "sulbar": "76",
    "malut": "82",
    "irianjaya": "91",
    "irianjayabarat": "92",
}
_PROVINCE_BY_LETTERS = {re.sub(r"[^a-z0-9]", "", name.lower()): code for code, name in PROVINCES.items()} | _PROVINCE_ALIASES
# Rows that total other rows: never a regency.
_TOTALS = frozenset(
    {"indonesia", "jumlah", "total", "jumlahtotal", "grandtotal", "ratarata", "rerata", "kalimantan", "nasional", "seluruhkalimantan"}
)

_DOTTED = re.compile(r"(\d{2})\.(\d{1,2})")
_FOUR = re.compile(r"\d{4}")
_PROVINCE_CODE = re.compile(r"\d{2}")
_DEEPER = re.compile(r"\d{2}\.\d{2}\.\d+(\.\d+)*|\d{5,10}")
_FOOTNOTE = re.compile(r"(\s*(\*+|\d\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d\)))+$")


def fold_letters(text: str) -> str:
    """Lower-case letters and digits only: how province names and totals are compared."""
    return _NOT_LETTERS.sub("", text.lower().replace("sumatra", "sumatera"))


def clean_name(text: str) -> str:
    """A region name without footnote marks and with ``Kab.Sambas`` spaced like ``Kab. Sambas``."""
    text = _FOOTNOTE.sub("", text.strip())
    text = re.sub(r"^(kab|kota|kabupaten)\.(?=[A-Za-z])", lambda m: m.group(0) + " ", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip()


_PROVINCE_WORD = re.compile(r"^\s*(provinsi|prov\.?|province)\s+", re.IGNORECASE)
_NOT_LETTERS = re.compile(r"[^a-z0-9]")


@functools.lru_cache(maxsize=65536)
def province_code_of(text: str) -> str | None:
    """The province a cell names (``KALIMANTAN BARAT``, ``Kalbar``, ``D I YOGYAKARTA``, ``61``)."""
    raw = text.strip()
    if _PROVINCE_CODE.fullmatch(raw):
        return raw if raw in _PROVINCE_PREFIXES else None
    return _PROVINCE_BY_LETTERS.get(fold_letters(_PROVINCE_WORD.sub("", raw)))


def is_total(text: str) -> bool:
    """A row that sums others (``INDONESIA``, ``Jumlah``): shown as a total, never matched."""
    folded = fold_letters(text)
    return folded in _TOTALS or folded.startswith(("jumlah", "total"))


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    prov_code: str
    key: NameKey


@dataclass(frozen=True)
class Gazetteer:
    """The regencies and provinces indexed every way an upload names them."""

    regencies: dict[str, Region]
    provinces: dict[str, str]
    kemendagri_nodot: dict[str, str]  # "6106" -> "61.06"
    bps: dict[str, str]  # BPS "6108" -> "61.06"
    by_key: dict[tuple[str | None, str], list[Region]] = field(default_factory=dict)

    @classmethod
    def build(cls, regions: pd.DataFrame, crosswalk: pd.DataFrame) -> Gazetteer:
        """Index the caller's frames: ``regions`` (code, name[, prov_code]) holds regencies
        (``61.06``) and provinces (``61``); ``crosswalk`` has kemendagri_code and bps_code."""
        for frame, needed in ((regions, {"code", "name"}), (crosswalk, {"kemendagri_code", "bps_code"})):
            missing = needed - set(frame.columns)
            if missing:
                raise ValueError(f"missing columns {sorted(missing)}")
        regencies: dict[str, Region] = {}
        provinces: dict[str, str] = {}
        for code, name in zip(regions["code"].astype(str), regions["name"].astype(str), strict=True):
            code = code.strip()
            if _PROVINCE_CODE.fullmatch(code):
                provinces[code] = name
            elif re.fullmatch(r"\d{2}\.\d{2}", code):
                regencies[code] = Region(code, name, code[:2], name_key(name))
        by_key: dict[tuple[str | None, str], list[Region]] = {}
        for region in regencies.values():
            by_key.setdefault((region.key.kind, region.key.base), []).append(region)
        bps = {
            str(b).strip(): str(k).strip()
            for k, b in zip(crosswalk["kemendagri_code"], crosswalk["bps_code"], strict=True)
            if str(k).strip() in regencies
        }
        nodot = {code.replace(".", ""): code for code in regencies}
        return cls(regencies, provinces, nodot, bps, by_key)

    def label(self, code: str) -> str:
        """``61.06 Kabupaten Kapuas Hulu``: a code the user can recognise in a message."""
        region = self.regencies.get(code)
        return f"{code} {region.name}" if region else code

    def candidates(self, text: str) -> list[Region]:
        """Regencies a name can mean; a bare name may be a regency or a city."""
        key = name_key(text)
        if key.kind is not None:
            return list(self.by_key.get((key.kind, key.base), []))
        found = self.by_key.get(("kab", name_key("Kabupaten " + text).base), []) + self.by_key.get(
            ("kota", name_key("Kota " + text).base), []
        )
        return sorted(set(found), key=lambda r: r.code)

    def suggestions(self, text: str, prov_code: str | None = None, limit: int = 3) -> list[Region]:
        """The closest regency names: offered to the user, never chosen for them."""
        key = name_key(text)
        pool = [r for r in self.regencies.values() if prov_code is None or r.prov_code == prov_code]
        same_base = [r for r in pool if r.key.base == key.base]  # right name, wrong kind (Kota Banjar)
        bases = {r.key.base: r for r in pool}
        close = [bases[b] for b in difflib.get_close_matches(key.base, list(bases), n=limit, cutoff=0.6)]
        out: list[Region] = []
        for region in same_base + close:
            if region not in out:
                out.append(region)
        return out[:limit]

    def province_of(self, text: str) -> str | None:
        """A province code for a cell, Kalimantan names taken from the caller's regions table."""
        folded = fold_letters(_PROVINCE_WORD.sub("", text.strip()))
        for code, name in self.provinces.items():
            if folded and fold_letters(name) == folded:
                return code
        return province_code_of(text)


# --- the 4-digit code system -----------------------------------------------------------------------


@dataclass(frozen=True)
class CodeSystemDecision:
    """Which system the file's 4-digit codes follow, and why.

    ``system`` is None when the file has no 4-digit codes, when every one of them means the same
    regency in both systems, or when the evidence does not decide (``undecided``: the codes that
    differ are then offered as ambiguous, and the caller passes ``code_system`` to settle it).
    """

    system: str | None
    explanation: Explanation
    undecided: bool = False
    evidence: dict[str, object] = field(default_factory=dict)


def _four_digit(text: str) -> str | None:
    raw = text.strip()
    return raw if _FOUR.fullmatch(raw) and raw[:2] in {"61", "62", "63", "64", "65"} else None


def decide_code_system(
    pairs: Iterable[tuple[str, str]], gazetteer: Gazetteer, override: str | None = None, header: str = ""
) -> CodeSystemDecision:
    """Decide Kemendagri or BPS for a file's 4-digit codes from the file's own evidence.

    ``pairs`` are (code cell, name cell) per distinct key. Evidence, strongest first: names next
    to codes that mean different regencies in the two systems (which reading do they agree
    with?); codes that exist in only one system; the code column's header (``kode_bps``). When the
    evidence is silent, nothing is guessed.
    """
    if override is not None and override not in SYSTEMS:
        raise ValueError(f"code_system must be one of {SYSTEMS}, not {override!r}")
    codes: dict[str, set[str]] = {}
    for code_text, name in pairs:
        code = _four_digit(code_text)
        if code:
            codes.setdefault(code, set()).add(name.strip())
    evidence: dict[str, object] = {"codes": len(codes)}
    if override:
        return CodeSystemDecision(override, Explanation("upload_codes_override", {"system": SYSTEM_NAMES[override]}), False, evidence)
    if not codes:
        return CodeSystemDecision(None, Explanation("upload_codes_none", {}), False, evidence)
    kem = {c: gazetteer.kemendagri_nodot.get(c) for c in codes}
    bps = {c: gazetteer.bps.get(c) for c in codes}
    differ = sorted(c for c in codes if kem[c] != bps[c])
    evidence["differ"] = len(differ)
    if not differ:
        return CodeSystemDecision(None, Explanation("upload_codes_same_both", {"count": len(codes)}), False, evidence)

    # 1. names beside codes whose two readings differ
    agree = {"kemendagri": 0, "bps": 0}
    informative = 0
    for code in differ:
        for name in codes[code]:
            if not name:
                continue
            informative += 1
            cands = {r.code for r in gazetteer.candidates(clean_name(name))}
            agree["kemendagri"] += kem[code] in cands
            agree["bps"] += bps[code] in cands
    evidence.update(names_checked=informative, names_kemendagri=agree["kemendagri"], names_bps=agree["bps"])
    if agree["kemendagri"] != agree["bps"]:
        system = max(agree, key=lambda s: agree[s])
        params = {"system": SYSTEM_NAMES[system], "agree": agree[system], "total": informative}
        return CodeSystemDecision(system, Explanation("upload_codes_by_names", params), False, evidence)

    # 2. codes that exist in one system only
    only_kem = [c for c in differ if kem[c] and not bps[c]]
    only_bps = [c for c in differ if bps[c] and not kem[c]]
    evidence.update(only_kemendagri=only_kem, only_bps=only_bps)
    if bool(only_kem) != bool(only_bps):
        system, only = ("kemendagri", only_kem) if only_kem else ("bps", only_bps)
        params = {"system": SYSTEM_NAMES[system], "count": len(only), "examples": ", ".join(only[:5])}
        return CodeSystemDecision(system, Explanation("upload_codes_only_in", params), False, evidence)

    # 3. the header of the code column
    folded = fold_letters(header)
    hinted = "bps" if "bps" in folded else "kemendagri" if any(w in folded for w in ("kemendagri", "kemdagri", "mendagri")) else None
    if hinted:
        params = {"system": SYSTEM_NAMES[hinted], "column": header}
        return CodeSystemDecision(hinted, Explanation("upload_codes_by_header", params), False, evidence)
    params = {"count": len(differ), "examples": ", ".join(differ[:5])}
    return CodeSystemDecision(None, Explanation("upload_codes_undecided", params), True, evidence)


# --- matching ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionKey:
    """What identifies a region in the upload: the region cell, a name beside a code, the province."""

    region: str
    name: str = ""
    province: str = ""

    @property
    def id(self) -> str:
        """The string the page passes back in ``choices`` to settle this key."""
        return "|".join((self.province, self.region, self.name))


@dataclass(frozen=True)
class Match:
    status: str  # one of STATUSES
    code: str | None
    candidates: tuple[str, ...]
    reason_key: str
    detail: str = ""


@dataclass(frozen=True)
class FileContext:
    """What the whole file says about its naming habits."""

    kota_prefix_used: bool  # the file writes its cities as "Kota …", so bare names are regencies


def file_context(keys: Iterable[RegionKey]) -> FileContext:
    """A file that writes even one city as ``Kota …`` (as BPS does) uses bare names for regencies."""
    kota = any(name_key(clean_name(k.name or k.region)).kind == "kota" for k in keys)
    return FileContext(kota)


class _NoChoice:
    def __repr__(self) -> str:
        return "NO_CHOICE"


NO_CHOICE = _NoChoice()


def match_key(
    key: RegionKey, gazetteer: Gazetteer, decision: CodeSystemDecision, context: FileContext, choice: str | None | object = NO_CHOICE
) -> Match:
    """One region key to a status and a code, with the reason as a translation key.

    ``choice`` is what the user picked in the report (a code, or "" to leave the region out);
    :data:`NO_CHOICE` when there is none.
    """
    if choice is not NO_CHOICE:
        if choice and choice not in gazetteer.regencies:
            raise ValueError(f"choice {choice!r} for {key.id!r} is not a regency code")
        # The candidates stay with a settled key: the page keeps drawing the same picker with the
        # same options, so the answer survives every rerun (a picker whose options change forgets it).
        candidates = match_key(key, gazetteer, decision, context).candidates
        if not choice:
            return Match("skipped", None, candidates, "upload_match_skipped")
        return Match("matched", str(choice), candidates, "upload_match_choice", gazetteer.label(str(choice)))
    region = key.region.strip()
    context_province = gazetteer.province_of(key.province) if key.province.strip() else None
    kalimantan = set(gazetteer.provinces) | {r.prov_code for r in gazetteer.regencies.values()}

    if is_total(region):
        return Match("aggregate", None, (), "upload_aggregate_total")
    if not _looks_like_code(region):
        own_province = gazetteer.province_of(region)
        if own_province is not None:
            if own_province in kalimantan:
                return Match("aggregate", None, (), "upload_aggregate_province", gazetteer.provinces.get(own_province, region))
            return Match("outside", None, (), "upload_outside_province", PROVINCES.get(own_province, region))
    if context_province is not None and context_province not in kalimantan:
        return Match("outside", None, (), "upload_outside_context", PROVINCES.get(context_province, key.province))
    if _looks_like_code(region):
        found = _match_code(region, gazetteer, decision, kalimantan)
        if found.status == "matched" and key.name.strip():
            return _check_name_beside_code(found, key.name, gazetteer)
        return found
    return _match_name(clean_name(region), gazetteer, context_province if context_province in kalimantan else None, context)


def _looks_like_code(text: str) -> bool:
    return bool(re.fullmatch(r"\d[\d.]*", text.strip()))


def _match_code(text: str, gazetteer: Gazetteer, decision: CodeSystemDecision, kalimantan: set[str]) -> Match:
    raw = text.strip()
    if _PROVINCE_CODE.fullmatch(raw):
        if raw in kalimantan:
            return Match("aggregate", None, (), "upload_aggregate_province", gazetteer.provinces.get(raw, raw))
        if raw in _PROVINCE_PREFIXES:
            return Match("outside", None, (), "upload_outside_code", raw)
        return Match("unmatched", None, (), "upload_unmatched_code", raw)
    prefix = raw[:2]
    if prefix in _PROVINCE_PREFIXES and prefix not in kalimantan:
        return Match("outside", None, (), "upload_outside_code", prefix)
    if _DEEPER.fullmatch(raw):
        return Match("unmatched", None, (), "upload_unmatched_level", raw)
    dotted = _DOTTED.fullmatch(raw)
    if dotted:
        code = f"{dotted.group(1)}.{dotted.group(2).ljust(2, '0')}"  # Excel stores 61.10 as 61.1
        if code in gazetteer.regencies:
            return Match("matched", code, (), "upload_match_code_kemendagri", gazetteer.label(code))
        return Match("unmatched", None, (), "upload_unmatched_code", raw)
    if not _FOUR.fullmatch(raw):
        return Match("unmatched", None, (), "upload_unmatched_code", raw)
    kem, bps = gazetteer.kemendagri_nodot.get(raw), gazetteer.bps.get(raw)
    if decision.system == "kemendagri":
        return _code_result(kem, raw, "upload_match_code_kemendagri_nodot", gazetteer, other=bps, system="BPS")
    if decision.system == "bps":
        return _code_result(bps, raw, "upload_match_code_bps", gazetteer, other=kem, system="Kemendagri")
    if kem == bps and kem:
        return Match("matched", kem, (), "upload_match_code_same_both", gazetteer.label(kem))
    if kem and bps:
        return Match(
            "ambiguous", None, (kem, bps), "upload_ambiguous_code_system", f"Kemendagri {gazetteer.label(kem)}; BPS {gazetteer.label(bps)}"
        )
    if kem:
        return Match("matched", kem, (), "upload_match_code_only_one", f"Kemendagri: {gazetteer.label(kem)}")
    if bps:
        return Match("matched", bps, (), "upload_match_code_only_one", f"BPS: {gazetteer.label(bps)}")
    return Match("unmatched", None, (), "upload_unmatched_code", raw)


def _code_result(code: str | None, raw: str, key: str, gazetteer: Gazetteer, other: str | None, system: str) -> Match:
    if code:
        return Match("matched", code, (), key, gazetteer.label(code))
    detail = f"{system} {raw} = {gazetteer.label(other)}" if other else raw
    return Match("unmatched", None, (other,) if other else (), "upload_unmatched_code_system", detail)


def _check_name_beside_code(found: Match, name: str, gazetteer: Gazetteer) -> Match:
    """A name next to a code must name the same regency: the guard against the code trap."""
    code = found.code
    if code is None:  # not a match: nothing to check the name against
        return found
    named = {r.code for r in gazetteer.candidates(clean_name(name))}
    if not named or code in named:
        return found
    candidates = (code, *sorted(named))
    detail = "; ".join(gazetteer.label(c) for c in candidates)
    return Match("ambiguous", None, candidates, "upload_ambiguous_code_name", detail)


def _match_name(text: str, gazetteer: Gazetteer, province: str | None, context: FileContext) -> Match:
    if not text:
        return Match("unmatched", None, (), "upload_unmatched_empty")
    candidates = gazetteer.candidates(text)
    if province is not None:
        inside = [r for r in candidates if r.prov_code == province]
        if not inside and candidates:
            codes = tuple(r.code for r in candidates)
            detail = "; ".join(gazetteer.label(c) for c in codes)
            return Match("ambiguous", None, codes, "upload_ambiguous_other_province", detail)
        candidates = inside
    if len(candidates) > 1 and name_key(text).kind is None and context.kota_prefix_used:
        regencies = [r for r in candidates if r.key.kind == "kab"]
        if len(regencies) == 1:
            region = regencies[0]
            return Match("matched", region.code, (), "upload_match_bare_is_regency", gazetteer.label(region.code))
    if len(candidates) == 1:
        region = candidates[0]
        reason = "upload_match_name" if _spelled(text) == _spelled(region.name) else "upload_match_old_name"
        return Match("matched", region.code, (), reason, gazetteer.label(region.code))
    if candidates:
        codes = tuple(r.code for r in candidates)
        return Match("ambiguous", None, codes, "upload_ambiguous_name", "; ".join(gazetteer.label(c) for c in codes))
    suggestions = tuple(r.code for r in gazetteer.suggestions(text, province))
    detail = "; ".join(gazetteer.label(c) for c in suggestions)
    return Match("unmatched", None, suggestions, "upload_unmatched_name" if suggestions else "upload_unmatched_name_none", detail)


def _spelled(name: str) -> str:
    """The letters of a name without its kind prefix, before any old-name alias is applied."""
    if name_key(name).kind is None:  # "Kota Baru" is a name, not the city prefix
        return fold_letters(name)
    return fold_letters(re.sub(r"^(kabupaten|kab\.?|kota( administratif| adm\.?)?)\s+", "", name.strip(), flags=re.IGNORECASE))


def match_all(
    keys: Iterable[RegionKey],
    gazetteer: Gazetteer,
    decision: CodeSystemDecision,
    choices: Mapping[str, str | None] | None = None,
) -> dict[RegionKey, Match]:
    """Every distinct key of a file matched once; ``choices`` are keyed by :attr:`RegionKey.id`
    or, for convenience, by the bare region cell."""
    keys = list(dict.fromkeys(keys))
    context = file_context(keys)
    choices = dict(choices or {})
    out: dict[RegionKey, Match] = {}
    for key in keys:
        choice: object = NO_CHOICE
        if key.id in choices:
            choice = choices[key.id]
        elif key.region in choices:
            choice = choices[key.region]
        out[key] = match_key(key, gazetteer, decision, context, choice)
    return out
