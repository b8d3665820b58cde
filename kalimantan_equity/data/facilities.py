"""Basic-service facilities: schools, puskesmas and hospitals, placed, code-checked and counted.

Five registers, four code systems (``../shared/data/README.md``, services section):

- Kemendikbud schools 2019: Kemendikbud area codes (``130100`` = Kab. Sambas), neither Kemendagri
  nor BPS; the regency is read from the *name* beside the code, with the upload matching engine.
- Kemenkes facilities 2019 (with coordinates and staff): 4-digit codes; the system is decided by
  :func:`services.upload.match.decide_code_system` with the regency each point *lies in* as the
  name beside its code (it comes out BPS: ``6108`` = Kapuas Hulu).
- Satu Data registers 2022 (no coordinates): 4-digit codes, decided by the same engine with the
  regency a facility's own name points to (``PUSKESMAS PUTUSSIBAU SELATAN`` names a district of
  Kapuas Hulu); it comes out Kemendagri without the dot, whatever the upstream README says.
- RS Online 2021 (beds): 4-digit codes in the pre-2012 numbering: Kaltara's hospitals still carry
  Kaltim codes. A code whose province differs from the row's own province is read by the names
  of the hospitals that carry it (``6404`` + ``RSUD Tanjung Selor`` = Bulungan).

Every point is placed by point-in-polygon (geo/), and its stated code is checked against the
place. Nothing is silently fixed: a point whose stated code and location disagree, that lies
outside Kalimantan, that has no coordinates, or that shares its exact coordinates with another
point of the same kind in the same register is kept out of distances and listed with its reason.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from kalimantan_equity.data.errors import BuildError
from kalimantan_equity.data.sources import FILES, read_csv
from kalimantan_equity.geo import boundaries, nearest
from kalimantan_equity.services.names import name_key
from kalimantan_equity.services.upload.match import CodeSystemDecision, Gazetteer, RegionKey, decide_code_system, file_context, match_key

SCHOOL_KINDS = {"SD": "sd", "SMP": "smp", "SMA": "sma", "SMK": "smk", "SLB": "slb", "SDLB": "slb", "SMPLB": "slb", "SMLB": "slb"}
HEALTH_KINDS = {"PUSKESMAS": "puskesmas", "RUMAH SAKIT": "hospital"}
# Kinds a village's distance is measured to; SMA and SMK both count as senior secondary.
ACCESS_KINDS = {"puskesmas": ("puskesmas",), "sd": ("sd",), "smp": ("smp",), "sma": ("sma", "smk")}
THRESHOLDS_KM = (5, 10, 25)
# A point just off a simplified coastline still belongs to the village it nearly touches; farther
# than this from every polygon it is outside Kalimantan (0.02° is about 2.2 km).
COAST_TOLERANCE_DEG = 0.02
QUALITY_REASONS = (
    "no_coordinates",
    "outside_kalimantan",
    "code_location_disagree",
    "duplicate_coordinates",
    "code_name_disagree",
    "code_unknown",
)

POINT_EXTRA = [
    "source_id",
    "year",
    "stated_code",
    "stated_regency_code",
    "village_code",
    "district_code",
    "quality",
    "doctors",
    "nurses",
    "midwives",
]


@dataclass(frozen=True)
class Places:
    """The regions the build knows, for placing points and reading place names in facility names."""

    gazetteer: Gazetteer
    villages: gpd.GeoDataFrame  # code, geometry
    districts: gpd.GeoDataFrame
    district_regencies: dict[str, set[str]]  # name base -> regency codes having a district of that name
    village_regencies: dict[str, set[str]]  # the same for village names
    regency_names: dict[str, str]


def make_places(levels: dict[str, gpd.GeoDataFrame], crosswalk: pd.DataFrame) -> Places:
    regions = pd.concat(
        [levels["provinsi"][["code", "name"]], levels["kabupaten"][["code", "name"]]],
        ignore_index=True,
    )
    gaz = Gazetteer.build(regions, crosswalk)
    by_name: dict[str, dict[str, set[str]]] = {"kecamatan": {}, "desa": {}}
    for level, index in by_name.items():
        for code, name in zip(levels[level]["code"], levels[level]["name"], strict=True):
            index.setdefault(name_key(name).base, set()).add(code[:5])
    return Places(
        gaz,
        levels["desa"][["code", "geometry"]],
        levels["kecamatan"][["code", "geometry"]],
        by_name["kecamatan"],
        by_name["desa"],
        dict(zip(levels["kabupaten"]["code"], levels["kabupaten"]["name"], strict=True)),
    )


# --------------------------------------------------------------------------- placing


def place_points(lon: pd.Series, lat: pd.Series, places: Places) -> pd.DataFrame:
    """Village, district and regency of each point, and how it was placed.

    ``within`` a village polygon; else within a district (villages without polygon leave holes);
    else the nearest village within :data:`COAST_TOLERANCE_DEG` (coastal points off the simplified
    shore); else outside Kalimantan. Missing coordinates (or 0, 0) place nowhere.
    """
    x = pd.to_numeric(lon, errors="coerce").to_numpy(float)
    y = pd.to_numeric(lat, errors="coerce").to_numpy(float)
    has = np.isfinite(x) & np.isfinite(y) & ~((x == 0) & (y == 0))
    village = np.full(len(x), None, dtype=object)
    district = np.full(len(x), None, dtype=object)
    method = np.where(has, "outside", "none").astype(object)
    idx = np.flatnonzero(has)
    if len(idx):
        v = np.asarray(boundaries.locate(x[idx], y[idx], places.villages), dtype=object)
        village[idx] = v
        method[idx[pd.notna(v)]] = "within"
        rest = idx[pd.isna(v)]
        if len(rest):
            d = np.asarray(boundaries.locate(x[rest], y[rest], places.districts), dtype=object)
            district[rest] = d
            method[rest[pd.notna(d)]] = "within_district"
            far = rest[pd.isna(d)]
            if len(far):
                near, gap = boundaries.nearest_within(x[far], y[far], places.villages, COAST_TOLERANCE_DEG)
                village[far] = near
                method[far[pd.notna(near)]] = [f"near ({g * 111.3:.1f} km)" for g in gap[pd.notna(near)]]
    located_village = pd.Series(village, dtype=object)
    district_code = located_village.str[:8].where(located_village.notna(), pd.Series(district, dtype=object))
    return pd.DataFrame(
        {
            "lon": np.where(has, x, np.nan),
            "lat": np.where(has, y, np.nan),
            "village_code": located_village,
            "district_code": district_code,
            "located_regency": district_code.str[:5],
            "place_method": method,
        }
    )


def duplicate_points(frame: pd.DataFrame) -> pd.Series:
    """Rows sharing their exact coordinates with another row of the same kind in the same register."""
    keyed = frame.assign(_x=frame["lon"].round(6), _y=frame["lat"].round(6))
    return keyed["lon"].notna() & keyed.duplicated(["source_id", "kind", "_x", "_y"], keep=False)


# --------------------------------------------------------------------------- reading names


_GENERIC_WORDS = frozenset(
    {
        "puskesmas",
        "rs",
        "rsu",
        "rsud",
        "rsia",
        "umum",
        "daerah",
        "pratama",
        "kelas",
        "tk",
        "rumah",
        "sakit",
        "dr",
        "h",
        "hj",
        "ii",
        "i",
        "iii",
    }
)
_NOT_A_PLACE = frozenset(
    {"kota", "kabupaten", "kab", "baru", "utara", "selatan", "timur", "barat", "tengah", "hulu", "hilir", "ilir", "ulu", "raya", "jaya"}
)


def regencies_named_in(text: str, places: Places) -> tuple[set[str], set[str], set[str]]:
    """Regencies a facility's own name points to: (strong, weak, regency names) evidence.

    Strong: a regency written with its kind (``Kabupaten Landak``, ``Kota Tarakan``) or a district
    name (``PUSKESMAS PUTUSSIBAU SELATAN``). Weak: also village names and bare regency names; place
    names repeat across Kalimantan and facilities are also named after hamlets, so weak evidence
    can confirm a stated code but never contradict one. The third set holds regencies named
    outright, with or without their kind (``RSUD Tarakan``): how hospitals are named. The longest
    phrase wins: ``Tanjung Selor`` is not also ``Tanjung``.
    """
    words = [w for w in re.sub(r"[^A-Za-z0-9 ]", " ", text).split() if w.lower() not in _GENERIC_WORDS]
    strong: set[str] = set()
    weak: set[str] = set()
    regency: set[str] = set()
    covered: set[int] = set()
    for n in range(min(4, len(words)), 0, -1):
        for start in range(len(words) - n + 1):
            span = set(range(start, start + n))
            phrase = " ".join(words[start : start + n])
            if span & covered or phrase.lower() in _NOT_A_PLACE:
                continue
            named = {r.code for r in places.gazetteer.candidates(phrase)}
            base = name_key(phrase).base
            districts = places.district_regencies.get(base, set())
            villages = places.village_regencies.get(base, set())
            if named or districts or villages:
                covered |= span
            (strong if name_key(phrase).kind else weak).update(named)
            regency |= named
            strong |= districts
            weak |= villages
    return strong, weak | strong, regency


def _unique(regencies: set[str]) -> str | None:
    return next(iter(regencies)) if len(regencies) == 1 else None


def decide(codes: pd.Series, evidence: pd.Series, places: Places, header: str) -> CodeSystemDecision:
    """The 4-digit code system of a register, from names beside its codes (the upload engine's rule).

    ``evidence`` holds, per row, the regency the row's place or name says (Kemendagri code, or None).
    """
    pairs = [(c, places.regency_names[e]) for c, e in zip(codes, evidence, strict=True) if isinstance(e, str) and e in places.regency_names]
    pairs += [(c, "") for c in codes.unique()]
    return decide_code_system(pairs, places.gazetteer, header=header)


def read_code(code: str, decision: CodeSystemDecision, places: Places) -> str | None:
    gaz = places.gazetteer
    if decision.system == "bps":
        return gaz.bps.get(code)
    if decision.system == "kemendagri":
        return gaz.kemendagri_nodot.get(code)
    kem, bps = gaz.kemendagri_nodot.get(code), gaz.bps.get(code)
    return kem if kem == bps else None


CodeSystemRow = dict[str, str | int]  # one row of the code_systems table: a register, its code system and why


def _evidence_count(decision: CodeSystemDecision, key: str) -> int:
    """A count the decision recorded (``names_checked``, ``names_<system>``); 0 when it stopped before counting."""
    value = decision.evidence.get(key, 0)
    return int(value) if isinstance(value, int) else 0


def _system_row(register: str, column: str, decision: CodeSystemDecision, note: str = "") -> CodeSystemRow:
    return {
        "register": register,
        "code_column": column,
        "system": decision.system or "undecided",
        "reason_key": decision.explanation.key,
        "reason_params": json.dumps({k: str(v) for k, v in decision.explanation.params.items()}),
        "names_checked": _evidence_count(decision, "names_checked"),
        "names_agree": _evidence_count(decision, f"names_{decision.system}") if decision.system else 0,
        "note": note,
    }


# --------------------------------------------------------------------------- registers


@dataclass
class Loaded:
    points: pd.DataFrame  # service points with the POINT_EXTRA columns
    registers: pd.DataFrame  # facility registers without coordinates (counts, beds)
    quality: pd.DataFrame  # every row kept out, with its reason
    systems: pd.DataFrame  # one row per register: the code system and why


def _quality_rows(frame: pd.DataFrame, register: str) -> pd.DataFrame:
    bad = frame[frame["quality"].notna()]
    return pd.DataFrame(
        {
            "register": register,
            "source_id": bad["source_id"],
            "record_id": bad["point_id"] if "point_id" in bad else bad["record_id"],
            "name": bad["name"],
            "kind": bad["kind"],
            "stated_code": bad["stated_code"],
            "stated_regency_code": bad["stated_regency_code"],
            "located_regency_code": bad.get("regency_located", pd.Series(None, index=bad.index, dtype=object)),
            "lon": bad.get("lon", pd.Series(np.nan, index=bad.index)),
            "lat": bad.get("lat", pd.Series(np.nan, index=bad.index)),
            "reason": bad["quality"],
            "detail": bad.get("quality_detail", pd.Series("", index=bad.index)),
        }
    )


def _flag(frame: pd.DataFrame) -> pd.DataFrame:
    """The quality reason of each placed point, the first that applies."""
    quality = pd.Series(None, index=frame.index, dtype=object)
    detail = pd.Series("", index=frame.index, dtype=object)
    no_xy = frame["place_method"] == "none"
    outside = frame["place_method"] == "outside"
    unknown = frame["stated_regency_code"].isna()
    disagree = ~no_xy & ~outside & ~unknown & (frame["regency_located"] != frame["stated_regency_code"])
    dup = duplicate_points(frame) & ~outside
    for mask, reason in (
        (no_xy, "no_coordinates"),
        (outside, "outside_kalimantan"),
        (dup, "duplicate_coordinates"),
        (disagree, "code_location_disagree"),
        (unknown & ~no_xy & ~outside, "code_unknown"),
    ):
        also = mask & quality.notna()
        detail[also] = (detail[also] + " +" + reason).str.strip()
        quality = quality.where(quality.notna() | ~mask, reason)
    return frame.assign(quality=quality, quality_detail=detail)


def load_schools(root: Path, places: Places) -> tuple[pd.DataFrame, CodeSystemRow, pd.DataFrame]:
    """Schools 2019: regency from the Kemendikbud name column (upload engine), place from coordinates.

    Returns the points, the code-system row and the name-versus-location check per school.
    """
    required = ["propinsi", "kode_kab_kota", "kabupaten_kota", "npsn", "sekolah", "bentuk", "status", "lintang", "bujur"]
    frame = read_csv(root, "schools_2019", required)
    path = root / FILES["schools_2019"]
    unknown_kinds = sorted(set(frame["bentuk"]) - set(SCHOOL_KINDS))
    if unknown_kinds:
        raise BuildError(path, f"unknown school type(s) {unknown_kinds[:5]}")
    # Kemendikbud area codes: 6 digits, province part 13/14/15/16/34 -- never a Kemendagri or BPS prefix.
    if (
        frame["kode_kab_kota"].str.fullmatch(r"\d{6}").mean() < 0.99
        or frame["kode_kab_kota"].str[:2].isin(["61", "62", "63", "64", "65"]).any()
    ):
        raise BuildError(path, "kode_kab_kota is not in the Kemendikbud area-code form (6 digits, province 13-16 or 34)")
    keys = {
        (code, name, prov): RegionKey(region=name, province=prov.replace("Prov. ", ""))
        for code, name, prov in frame[["kode_kab_kota", "kabupaten_kota", "propinsi"]].drop_duplicates().itertuples(index=False)
    }
    context = file_context(keys.values())
    none = CodeSystemDecision(None, decide_code_system([], places.gazetteer).explanation)
    by_key = {k: match_key(v, places.gazetteer, none, context) for k, v in keys.items()}
    unmatched = [k[1] for k, m in by_key.items() if m.status != "matched"]
    if unmatched:
        raise BuildError(path, f"regency name(s) not recognised: {unmatched[:5]}")
    # One Kemendikbud code must name one regency.
    code_to_reg = {k[0]: m.code for k, m in by_key.items()}
    stated = [by_key[(c, n, p)].code for c, n, p in zip(frame["kode_kab_kota"], frame["kabupaten_kota"], frame["propinsi"], strict=True)]
    placed = place_points(frame["bujur"], frame["lintang"], places)
    points = pd.DataFrame(
        {
            "point_id": "sch_" + frame["npsn"],
            "name": frame["sekolah"],
            "kind": frame["bentuk"].map(SCHOOL_KINDS),
            "status": "open",
            "detail": frame["bentuk"] + " " + frame["status"].map({"N": "negeri", "S": "swasta"}).fillna(""),
            "town": frame.get("kecamatan", ""),
            "source": FILES["schools_2019"],
            "source_id": "kemendikbud_sekolah_2019",
            "year": 2019,
            "stated_code": frame["kode_kab_kota"],
            "stated_regency_code": stated,
            "doctors": np.nan,
            "nurses": np.nan,
            "midwives": np.nan,
        }
    )
    points = pd.concat([points, placed.rename(columns={"located_regency": "regency_located"})], axis=1)
    points = _flag(points)
    row: CodeSystemRow = {
        "register": "kemendikbud_sekolah_2019",
        "code_column": "kode_kab_kota",
        "system": "kemendikbud",
        "reason_key": "quality_system_kemendikbud_why",
        "reason_params": json.dumps({"count": str(len(code_to_reg)), "regencies": str(len(set(code_to_reg.values())))}),
        "names_checked": len(keys),
        "names_agree": len(keys) - len(unmatched),
        "note": "",
    }
    return points, row, points[["point_id", "name", "kind", "stated_regency_code", "regency_located", "quality"]]


def load_faskes_2019(root: Path, places: Places) -> tuple[pd.DataFrame, CodeSystemRow]:
    """Puskesmas and hospitals 2019 with staff; the 4-digit code system decided by where points lie."""
    required = ["kode_faskes", "kode_kab_bps", "jenis_faskes", "nama_faskes", "lat_", "long_", "medis", "perawat", "bidan"]
    frame = read_csv(root, "faskes_2019", required)
    path = root / FILES["faskes_2019"]
    unknown = sorted(set(frame["jenis_faskes"]) - set(HEALTH_KINDS))
    if unknown:
        raise BuildError(path, f"unknown facility type(s) {unknown}")
    placed = place_points(frame["long_"], frame["lat_"], places)
    decision = decide(frame["kode_kab_bps"], placed["located_regency"], places, "kode_kab_bps")
    if decision.system is None:
        raise BuildError(path, "the regency code system could not be decided from where the facilities lie")
    kind = frame["jenis_faskes"].map(HEALTH_KINDS)
    name = np.where(kind == "puskesmas", "Puskesmas " + frame["nama_faskes"].str.title(), frame["nama_faskes"])
    staff = {c: pd.to_numeric(frame[c], errors="coerce") for c in ("medis", "perawat", "bidan")}
    points = pd.DataFrame(
        {
            "point_id": "hf_" + frame["kode_faskes"],
            "name": name,
            "kind": kind,
            "status": "open",
            "detail": frame["jenis_faskes"].str.lower(),
            "town": "",
            "source": FILES["faskes_2019"],
            "source_id": "kemenkes_faskes_2019",
            "year": 2019,
            "stated_code": frame["kode_kab_bps"],
            "stated_regency_code": [read_code(c, decision, places) for c in frame["kode_kab_bps"]],
            "doctors": staff["medis"],
            "nurses": staff["perawat"],
            "midwives": staff["bidan"],
        }
    )
    points = _flag(pd.concat([points, placed.rename(columns={"located_regency": "regency_located"})], axis=1))
    return points, _system_row("kemenkes_faskes_2019", "kode_kab_bps", decision)


def _register_rows(frame: pd.DataFrame, code_col: str, name_col: str, places: Places) -> tuple[pd.Series, pd.Series, CodeSystemDecision]:
    evidence = frame[name_col].map(lambda n: regencies_named_in(n, places))
    decision = decide(frame[code_col], evidence.map(lambda e: _unique(e[0])), places, code_col)
    return evidence, pd.Series([read_code(c, decision, places) for c in frame[code_col]], index=frame.index, dtype=object), decision


def _register_quality(reg: pd.DataFrame) -> pd.Series:
    quality = pd.Series(None, index=reg.index, dtype=object)
    quality[reg["stated_regency_code"].isna()] = "code_unknown"
    strong = reg["named_regency"].map(lambda e: _unique(e[0]) is not None) & reg["stated_regency_code"].notna()
    agrees = [s in e[1] for s, e in zip(reg["stated_regency_code"], reg["named_regency"], strict=True)]
    quality[strong & ~pd.Series(agrees, index=reg.index)] = "code_name_disagree"
    return quality


def load_registers_2022(root: Path, places: Places) -> tuple[pd.DataFrame, list[CodeSystemRow]]:
    """Satu Data 2022 puskesmas and hospital registers: codes decided by the names of the facilities."""
    frames, systems = [], []
    for key, kind in (("puskesmas_2022", "puskesmas"), ("hospitals_2022", "hospital")):
        frame = read_csv(root, key, ["kode_kab", "kode_instansi", "unit_kerja"])
        named, stated, decision = _register_rows(frame, "kode_kab", "unit_kerja", places)
        if decision.system is None:
            raise BuildError(root / FILES[key], "the regency code system could not be decided from the facility names")
        reg = pd.DataFrame(
            {
                "source_id": "satudata_faskes_2022",
                "register": key,
                "year": 2022,
                "record_id": f"{key}_" + frame["kode_instansi"],
                "kind": kind,
                "name": frame["unit_kerja"],
                "stated_code": frame["kode_kab"],
                "stated_regency_code": stated,
                "named_regency": named,
                "beds": np.nan,
                "class": None,
                "owner": None,
            }
        )
        frames.append(reg)
        systems.append(_system_row(key, "kode_kab", decision))
    return pd.concat(frames, ignore_index=True), systems


_PROVINCE_OF = {
    "KALIMANTAN BARAT": "61",
    "KALIMANTAN TENGAH": "62",
    "KALIMANTAN SELATAN": "63",
    "KALIMANTAN TIMUR": "64",
    "KALIMANTAN UTARA": "65",
}


def load_hospitals_2021(root: Path, places: Places) -> tuple[pd.DataFrame, CodeSystemRow]:
    """RS Online 2021 (beds). Codes whose province matches the row's province are read in the
    system the names decide; a code from another province (pre-2012 Kaltim codes on Kaltara
    hospitals) is read by the regency most of its hospitals' names point to in the row's province."""
    frame = read_csv(root, "hospitals_2021", ["kode_rs", "kode_kab_lama", "nama_rs", "provinsi", "kelas", "pemilik", "total_tt"])
    path = root / FILES["hospitals_2021"]
    prov = frame["provinsi"].str.strip().str.upper().map(_PROVINCE_OF)
    if prov.isna().any():
        raise BuildError(path, f"unknown province '{frame.loc[prov.isna(), 'provinsi'].iloc[0]}'")
    current = frame["kode_kab_lama"].str[:2] == prov
    named = frame["nama_rs"].map(lambda n: regencies_named_in(n, places))
    unique = named.map(lambda e: _unique(e[0] | e[2]))
    decision = decide(frame.loc[current, "kode_kab_lama"], unique[current], places, "kode_kab_lama")
    stated = pd.Series([read_code(c, decision, places) for c in frame["kode_kab_lama"]], index=frame.index, dtype=object)
    stated[~current] = None
    old = {}
    for code, group in frame[~current].groupby("kode_kab_lama"):
        votes = unique[group.index].dropna()
        votes = votes[votes.str[:2] == prov[group.index].iloc[0]]
        if len(votes):
            old[code] = votes.value_counts().index[0]
    stated[~current] = frame.loc[~current, "kode_kab_lama"].map(old)
    note = "; ".join(f"{c} -> {v}" for c, v in sorted(old.items()))
    reg = pd.DataFrame(
        {
            "source_id": "rsonline_2021",
            "register": "hospitals_2021",
            "year": 2021,
            "record_id": "rs2021_" + frame["kode_rs"],
            "kind": "hospital",
            "name": frame["nama_rs"],
            "stated_code": frame["kode_kab_lama"],
            "stated_regency_code": stated,
            "named_regency": named,
            "beds": pd.to_numeric(frame["total_tt"], errors="coerce"),
            "class": frame["kelas"],
            "owner": frame["pemilik"],
        }
    )
    return reg, _system_row("hospitals_2021", "kode_kab_lama", decision, note=f"pre-2012: {note}" if note else "")


def load_all(root: Path, places: Places) -> Loaded:
    schools, school_system, _check = load_schools(root, places)
    faskes, faskes_system = load_faskes_2019(root, places)
    reg2022, systems2022 = load_registers_2022(root, places)
    reg2021, system2021 = load_hospitals_2021(root, places)
    registers = pd.concat([reg2022, reg2021], ignore_index=True)
    registers["quality"] = _register_quality(registers)
    registers["named_regency"] = registers["named_regency"].map(lambda found: ", ".join(sorted(found[0])))
    registers["quality_detail"] = np.where(registers["quality"] == "code_name_disagree", registers["named_regency"], "")
    points = pd.concat([faskes, schools], ignore_index=True)
    quality = pd.concat(
        [
            _quality_rows(faskes, "kemenkes_faskes_2019"),
            _quality_rows(schools, "kemendikbud_sekolah_2019"),
            *(_quality_rows(g.assign(lon=np.nan, lat=np.nan), r) for r, g in registers.groupby("register")),
        ],
        ignore_index=True,
    )
    systems = pd.DataFrame([faskes_system, *systems2022, system2021, school_system])
    return Loaded(points, registers, quality, systems)


def as_service_points(points: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The facilities in the service-points table's shape. A facility's regency is the one its register
    states (see :func:`coverage_indicators`), where the point lies only when the code could not be read;
    a usable point lies in its stated regency anyway."""
    out = points.assign(
        regency_code=points["stated_regency_code"].where(points["stated_regency_code"].notna(), points["regency_located"]),
        coord_method=points["place_method"].map(
            lambda m: {
                "within": "source coordinates, inside its village",
                "within_district": "source coordinates, inside its district",
                "none": "none",
                "outside": "source coordinates, outside Kalimantan",
            }.get(m, f"source coordinates, {m} of a village")
        ),
        verified="source",
    )
    return out[[*columns, *POINT_EXTRA]]


def reference_points(frame: pd.DataFrame, places: Places) -> pd.DataFrame:
    """PLBN and immigration points (already tied to a regency by name) placed in their village.

    Their coordinates are approximate (town or village centroid), so a point is flagged only when
    it lies outside Kalimantan or in another regency than the one its source names.
    """
    placed = place_points(frame["lon"], frame["lat"], places)
    out = frame.reset_index(drop=True).assign(
        source_id="reference_points",
        year=np.nan,
        stated_code=frame["regency_code"].to_numpy(),
        stated_regency_code=frame["regency_code"].to_numpy(),
        village_code=placed["village_code"],
        district_code=placed["district_code"],
        doctors=np.nan,
        nurses=np.nan,
        midwives=np.nan,
    )
    quality = pd.Series(None, index=out.index, dtype=object)
    quality[placed["place_method"] == "outside"] = "outside_kalimantan"
    wrong = placed["located_regency"].notna() & (placed["located_regency"] != out["regency_code"])
    quality[wrong] = "code_location_disagree"
    return out.assign(quality=quality)


# --------------------------------------------------------------------------- indicators


def _obs(indicator: str, frame: pd.DataFrame, year: int, value: str, num: str | None = None, den: str | None = None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_id": indicator,
            "region_code": frame["region_code"],
            "year": year,
            "value": frame[value].astype(float),
            "numerator": frame[num].astype(float) if num else np.nan,
            "denominator": frame[den].astype(float) if den else np.nan,
            "note": None,
        }
    )


def coverage_indicators(points: pd.DataFrame, registers: pd.DataFrame, regions: pd.DataFrame, population: pd.Series) -> pd.DataFrame:
    """Counts and ratios per regency (and district where a point's place allows).

    The rule, the same for every count (and written in the catalogue's definitions):

    - **Regency counts follow the register.** Every row a register lists counts once, in the regency
      its own code gives (read in the code system detected for that register and checked against
      names), whatever its coordinates: a facility without coordinates, with a point outside
      Kalimantan (RSUD Landak in the Java Sea), with copied coordinates, or with a point in another
      regency than its code still exists where the register says it serves. Measured: of the 292 2019
      points whose code and location disagree, 115 have a name that names one of the two regencies:
      the register's in 112, both in 2, the location's in 1 (RSUD Sukamara); the coordinates are
      the faulty part. Rows whose
      code cannot be read count nowhere (unknown, not zero). Rows whose code and name disagree (8 in
      the 2022 puskesmas register, 1 in the 2021 hospital list) keep their code: their names are
      village or district names that repeat across Kalimantan (Balai Berkuak, coded Ketapang, is a
      village of Ketapang, though Balai is a district of Sanggau).
    - **District counts follow the location**, of usable points only (every check passed): a district
      count needs a point one can trust. A usable point lies in its stated regency, so a regency's
      district counts add up to its register count less its flagged rows, which the catalogue page
      lists with their reason. Distances use the same usable points.
    """
    regencies = regions.loc[regions["level"] == "kabupaten", "code"]
    health = points[points["source_id"] == "kemenkes_faskes_2019"]
    pusk = health[health["kind"] == "puskesmas"]
    by = pusk.groupby("stated_regency_code")
    reg = pd.DataFrame({"region_code": regencies}).set_index("region_code", drop=False)
    # A regency absent from a register is unknown there, not zero.
    reg["n_pusk"] = by.size().reindex(reg.index)
    reg["doctors"] = by["doctors"].sum(min_count=1).reindex(reg.index)
    reg["midwives"] = by["midwives"].sum(min_count=1).reindex(reg.index)
    reg["pop"] = population.reindex(reg.index)
    reg["pusk_per10k"] = 1e4 * reg["n_pusk"] / reg["pop"]
    reg["doc_per_pusk"] = reg["doctors"] / reg["n_pusk"].where(reg["n_pusk"] > 0)
    reg["mid_per_pusk"] = reg["midwives"] / reg["n_pusk"].where(reg["n_pusk"] > 0)
    reg["doc_per10k"] = 1e4 * reg["doctors"] / reg["pop"]
    reg["mid_per10k"] = 1e4 * reg["midwives"] / reg["pop"]
    p22 = registers[(registers["register"] == "puskesmas_2022") & registers["stated_regency_code"].notna()]
    reg["n_pusk22"] = p22.groupby("stated_regency_code").size().reindex(reg.index)
    h21 = registers[(registers["register"] == "hospitals_2021") & registers["stated_regency_code"].notna()]
    reg["beds"] = h21.groupby("stated_regency_code")["beds"].sum(min_count=1).reindex(reg.index)
    reg["beds_per1k"] = 1e3 * reg["beds"] / reg["pop"]
    out = [
        _obs("hf_puskesmas_2019", reg.dropna(subset=["n_pusk"]), 2019, "n_pusk"),
        _obs("hf_puskesmas_2022", reg.dropna(subset=["n_pusk22"]), 2022, "n_pusk22"),
        _obs("hf_puskesmas_per10k", reg.dropna(subset=["pusk_per10k"]), 2019, "pusk_per10k", "n_pusk", "pop"),
        _obs("hf_doctors_per_puskesmas", reg.dropna(subset=["doc_per_pusk"]), 2019, "doc_per_pusk", "doctors", "n_pusk"),
        _obs("hf_midwives_per_puskesmas", reg.dropna(subset=["mid_per_pusk"]), 2019, "mid_per_pusk", "midwives", "n_pusk"),
        _obs("hf_doctors_per10k", reg.dropna(subset=["doc_per10k"]), 2019, "doc_per10k", "doctors", "pop"),
        _obs("hf_midwives_per10k", reg.dropna(subset=["mid_per10k"]), 2019, "mid_per10k", "midwives", "pop"),
        _obs("hf_beds_per1k", reg.dropna(subset=["beds_per1k"]), 2021, "beds_per1k", "beds", "pop"),
    ]
    # Schools by level: per regency by the Kemendikbud name, per district by location.
    schools = points[points["source_id"] == "kemendikbud_sekolah_2019"]
    districts = regions.loc[regions["level"] == "kecamatan", "code"]
    for level, kinds in (("sd", ("sd",)), ("smp", ("smp",)), ("sma", ("sma", "smk"))):
        chosen = schools[schools["kind"].isin(kinds)]
        r = chosen.groupby("stated_regency_code").size()  # regencies without a school of this level: unknown
        usable = chosen[chosen["quality"].isna()]
        d = usable.groupby("district_code").size().reindex(districts.to_numpy()).fillna(0)
        counts = pd.concat([r, d]).rename("n").rename_axis("region_code").reset_index()
        out.append(_obs(f"sch_{level}_count", counts, 2019, "n"))
    return pd.concat(out, ignore_index=True)


def access_indicators(points: pd.DataFrame, regions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Straight-line km from every village's representative point to the nearest usable facility of
    each kind (geo/nearest.py's k-d tree), and per district and regency the median and the share of
    villages beyond 5 / 10 / 25 km. Returns observations and the per-village distances."""
    villages = regions[(regions["level"] == "desa") & regions["rep_lon"].notna()].reset_index(drop=True)
    at = nearest.unit_vectors(villages["rep_lon"].to_numpy(float), villages["rep_lat"].to_numpy(float))
    usable = points[points["quality"].isna()]
    out, dist = [], {"code": villages["code"]}
    for key, kinds in ACCESS_KINDS.items():
        chosen = usable[usable["kind"].isin(kinds)]
        km, _idx = nearest.nearest(at, nearest.unit_vectors(chosen["lon"].to_numpy(float), chosen["lat"].to_numpy(float)))
        km = np.where(np.isfinite(km), km, np.nan)
        dist[key] = km
        frame = pd.DataFrame({"village": villages["code"], "km": km})
        frame["district"] = frame["village"].str[:8]
        frame["regency"] = frame["village"].str[:5]
        out.append(_obs(f"acc_km_{key}", frame.rename(columns={"village": "region_code"}).dropna(subset=["km"]), 2019, "km"))
        for level in ("district", "regency"):
            g = frame.dropna(subset=["km"]).groupby(level)
            med = g["km"].median().rename("v").rename_axis("region_code").reset_index()
            out.append(_obs(f"acc_km_{key}", med, 2019, "v"))
            for threshold in THRESHOLDS_KM:
                beyond = g["km"].apply(lambda s, t=threshold: float((s > t).sum()))
                n = g.size().astype(float)
                share = pd.DataFrame({"num": beyond, "den": n, "v": 100.0 * beyond / n}).rename_axis("region_code").reset_index()
                out.append(_obs(f"acc_beyond{threshold}_{key}", share, 2019, "v", "num", "den"))
    return pd.concat(out, ignore_index=True), pd.DataFrame(dist)
