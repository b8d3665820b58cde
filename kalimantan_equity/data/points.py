"""Service points: the cross-border posts (PLBN) and immigration service points.

Fourteen immigration offices carry town-level coordinates; the rest name a town and a regency.
Those are placed at the village (or else district) of that name inside that regency, and failing
both at the regency's representative point. ``coord_method`` records which, so a map can say how
exact each point is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from kalimantan_equity.data.errors import BuildError
from kalimantan_equity.data.sources import FILES, read_csv, to_number
from kalimantan_equity.services.names import name_key, same_region

POINT_COLUMNS = [
    "point_id",
    "name",
    "kind",
    "status",
    "detail",
    "town",
    "regency_code",
    "lon",
    "lat",
    "coord_method",
    "verified",
    "source",
]


def _plbn_status(text: str) -> str:
    lowered = text.lower()
    if "not built" in lowered:
        return "planned"
    if "not verified" in lowered:
        return "unverified"
    return "open"


def load_plbn(root: Path, regency_names: dict[str, str]) -> pd.DataFrame:
    path = root / FILES["plbn"]
    frame = read_csv(root, "plbn", ["name", "kode_kab", "nama_kab", "lat", "lon", "status", "coord_method"])
    unknown = sorted(set(frame["kode_kab"]) - set(regency_names))
    if unknown:
        raise BuildError(path, f"unknown regency code(s) {unknown}")
    lat = to_number(frame["lat"], path, "lat")
    lon = to_number(frame["lon"], path, "lon")
    return pd.DataFrame(
        {
            "point_id": [f"plbn_{i + 1:02d}" for i in range(len(frame))],
            "name": frame["name"],
            "kind": "plbn",
            "status": frame["status"].map(_plbn_status),
            "detail": frame["status"],
            "town": frame.get("nama_desa", pd.Series([""] * len(frame))),
            "regency_code": frame["kode_kab"],
            "lon": lon,
            "lat": lat,
            "coord_method": ["source: village centroid (approximate)" if pd.notna(x) else "none" for x in lat],
            "verified": ["no" if s == "unverified" else "partial" for s in frame["status"].map(_plbn_status)],
            "source": "reference/plbn_kalimantan.csv",
        }
    )[POINT_COLUMNS]


# Regency seats whose town name is not the name of any village or district: the district that
# holds the town (Ketapang town lies in Kecamatan Delta Pawan, and so on).
_TOWN_DISTRICT = {
    "ketapang": "deltapawan",
    "sanggau": "kapuas",
    "pangkalanbun": "arutselatan",
    "rantau": "tapinutara",
}


def _town_bases(town: str) -> list[str]:
    """Names to look for: the parenthesised place first (``Balikpapan (Sepinggan)``), then the town.

    ``Sei`` is the common abbreviation of ``Sungai`` in place names.
    """
    inner = re.findall(r"\((.*?)\)", town)
    outer = re.sub(r"\(.*?\)", "", town)
    names = [*(p for p in inner if not p.lower().startswith(("inferred", "pulau"))), outer]
    bases = []
    for name in names:
        for part in name.split(","):
            text = re.sub(r"\bsei\b", "sungai", part.strip().lower())
            base = name_key(text).base
            if base and base not in bases:
                bases.append(base)
    return bases


def place_at_town(town: str, regency_code: str, regions: pd.DataFrame) -> tuple[float, float, str] | None:
    """Representative point of the village, else the district, named like the town in that regency.

    Exact names win over prefixes (``Mempawah`` -> ``Mempawah Hilir``); a few seats go through
    ``_TOWN_DISTRICT``.
    """
    inside = regions[(regions["regency_code"] == regency_code) & regions["has_polygon"].astype(bool)]
    keyed = inside.assign(base=inside["name"].map(lambda n: name_key(n).base))
    for base in _town_bases(town):
        tries = [
            ("desa", keyed["base"] == base),
            ("kecamatan", keyed["base"] == base),
            ("kecamatan", keyed["base"] == _TOWN_DISTRICT.get(base, "")),
            ("desa", keyed["base"].str.startswith(base)),
            ("kecamatan", keyed["base"].str.startswith(base)),
        ]
        for level, mask in tries:
            hits = keyed[mask & (keyed["level"] == level)]
            if len(hits):
                row = hits.sort_values("code").iloc[0]
                return float(row["rep_lon"]), float(row["rep_lat"]), f"{level} '{row['name']}' ({row['code']})"
    return None


def load_immigration(root: Path, regions: pd.DataFrame) -> pd.DataFrame:
    path = root / FILES["immigration"]
    frame = read_csv(root, "immigration", ["name", "type", "class", "town", "kabupaten_kota", "lat", "lon", "verified", "source_url"])
    regencies = regions[regions["level"] == "kabupaten"]
    lat = to_number(frame["lat"], path, "lat")
    lon = to_number(frame["lon"], path, "lon")
    rows = []
    for i, rec in frame.iterrows():
        match = regencies[regencies["name"].map(lambda n, want=rec["kabupaten_kota"]: same_region(want, n))]
        if len(match) != 1:
            raise BuildError(path, f"row {i + 2}: regency '{rec['kabupaten_kota']}' matches {len(match)} regencies")
        regency = match.iloc[0]
        if pd.notna(lat[i]) and pd.notna(lon[i]):
            x, y, method = lon[i], lat[i], "source: office point (town-level approximation)"
        else:
            placed = place_at_town(rec["town"], regency["code"], regions)
            if placed is None:
                x, y = float(regency["rep_lon"]), float(regency["rep_lat"])
                method = f"regency point of {regency['name']} (town '{rec['town']}' not found)"
            else:
                x, y, where = placed
                method = f"town '{rec['town']}' placed at {where}"
        verified = rec["verified"].strip().lower()
        historical = verified == "no" or "(historical)" in rec["name"].lower()
        rows.append(
            {
                "point_id": f"imm_{i + 1:02d}",
                "name": rec["name"],
                "kind": rec["type"].strip().lower(),
                "status": "closed" if historical else "open",
                "detail": rec["class"],
                "town": rec["town"],
                "regency_code": regency["code"],
                "lon": x,
                "lat": y,
                "coord_method": method,
                "verified": verified,
                "source": rec["source_url"],
            }
        )
    out = pd.DataFrame(rows, columns=POINT_COLUMNS)
    unknown_kinds = sorted(set(out["kind"]) - {"kanim", "ulp", "mobile", "pos"})
    if unknown_kinds:
        raise BuildError(path, f"unknown service point type(s) {unknown_kinds}")
    return out
