"""Service access: how far every village is from a service point, and what a new unit would change.

Computation only: plain data in, plain data out (figures in ``services/accessview.py``, tables for
people and spreadsheets in ``services/accesstables.py``, like the gap page's ``gaps`` / ``gapview`` /
``gaptables``).

A village is its representative point (a point inside its polygon). Distances are straight-line
(great-circle) km (``geo/nearest.py``), multiplied by a detour factor the user sets for water
and river travel; every label that shows a distance says which factor it carries. Service-point
coordinates are approximate (town or village level), as the source says.

A mobile service (a visiting passport day) is not a place one can go to on any day, so it never
shortens the distance to a fixed point. It is reported beside it as *partial coverage*: a village
beyond the threshold from every fixed point but within it of a mobile service counts as
``days per month / 30`` of a covered village.

No population exists per village, so every aggregate counts villages, and says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kalimantan_equity.geo import access as geo
from kalimantan_equity.geo import nearest as near
from kalimantan_equity.services.i18n import fmt_number, label, t

# Basic services from the 2019 registers (schools: Kemendikbud; puskesmas, hospitals: Kemenkes);
# points whose coordinates failed a check (queries/access_points.sql) never reach a distance.
FACILITY_KINDS = ("puskesmas", "hospital", "sd", "smp", "sma", "smk")
PASSPORT_KINDS = ("kanim", "ulp")  # immigration offices and passport units: where a passport is issued
FIXED_KINDS = (*FACILITY_KINDS, *PASSPORT_KINDS, "pos", "plbn")  # places one can go to on any working day; basic services first
MOBILE = "mobile"
ALL_KINDS = (*FIXED_KINDS, MOBILE)
# The page opens on the basic service the coordination meeting (Rakor) asks about first: the puskesmas.
DEFAULT_KINDS = ("puskesmas",)
STATUSES = ("open", "unverified", "planned", "closed")
DEFAULT_STATUSES = ("open",)  # closed/historical, planned and unverified points are left out unless asked for
# 10 km: the middle of the build's 5 / 10 / 25 km puskesmas and school thresholds (36 % of villages are
# beyond it from a puskesmas; 50 km, the passport figure, leaves fewer than 1 %).
DEFAULT_THRESHOLD_KM = 10
THRESHOLD_RANGE = (5, 300)  # km; 5 km is a walk, 300 km spans the widest regency
DEFAULT_DETOUR = 1.0  # straight line; rivers and crossings are longer, and the user says by how much
DETOUR_RANGE = (1.0, 3.0)
DAYS_IN_MONTH = 30
# Mobile services with no published schedule (Kanim Tarakan's "Lapak Ikan" visits rotate with no
# fixed calendar): two days a month unless the user sets another figure, shown on the page.
DEFAULT_MOBILE_DAYS = 2
# Mobile services whose frequency a source gives, matched on a fragment of the name.
KNOWN_MOBILE_DAYS = (
    # Eazy Paspor Kotabaru: "twice a month" in the 2022 MoU; the Kanwil agreed 4x/month in May 2025 (start unconfirmed).
    ("eazy passport kotabaru", 4, "access_days_kotabaru"),
    # Samarinda's counter at MPP Kutai Kartanegara (Tenggarong): "setiap Senin dan Rabu", about 8 days a month.
    ("kutai kartanegara", 8, "access_days_tenggarong"),
)
SCENARIOS = ("A", "B", "C")
MAX_POINTS_PER_SCENARIO = 10  # a what-if is about a few units; more belongs in a plan, not a form
MAX_NAME_CHARS = 80
REFERENCE_YEAR = 2026  # the point list was compiled in February 2026 (its latest dated source)
EXAMPLE_KOTABARU = ("Unit Layanan Paspor Kotabaru", "ulp", "63.02")  # the passport example: a passport unit in Kotabaru
# The puskesmas example: Mantangai (Kabupaten Kapuas) has more villages beyond 10 km of a puskesmas (29)
# than any other district in the 2019 register; of its villages, a unit at Sekata Bangun's point brings
# the most of them within 10 km (13). (Krayan, farther still, is left aside: its register rows are
# misplaced, so a "new" unit there would mostly mend a data defect.)
EXAMPLE_PUSKESMAS = ("Puskesmas Baru Sekata Bangun", "puskesmas", "62.03.09.2036")


# ---------------------------------------------------------------- choices and inputs


@dataclass(frozen=True)
class Settings:
    """What the user chose: which points count, the threshold, the detour factor, the mobile default."""

    kinds: tuple[str, ...] = DEFAULT_KINDS
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    threshold_km: float = DEFAULT_THRESHOLD_KM
    detour: float = DEFAULT_DETOUR
    mobile_days: float = DEFAULT_MOBILE_DAYS


@dataclass(frozen=True)
class NewPoint:
    """A unit placed in a what-if scenario (kept in the session, never written anywhere)."""

    name: str
    kind: str
    lon: float
    lat: float
    district_code: str
    days: float | None = None  # days per month, for a mobile service

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Villages:
    frame: pd.DataFrame  # villages with a point, in code order
    xyz: np.ndarray  # unit-sphere coordinates (geo.nearest.unit_vectors)
    unlocated: pd.DataFrame  # villages without a polygon, so without a point


@dataclass(frozen=True)
class PointSet:
    fixed: pd.DataFrame  # counted fixed points (kind and status chosen), with coordinates
    mobile: pd.DataFrame  # mobile services of the chosen statuses, with ``days`` and ``days_basis``
    unplaced: pd.DataFrame  # counted points without coordinates


@dataclass(frozen=True)
class Access:
    """Per village: straight-line km to the nearest counted fixed point, which one, and km to each mobile service."""

    km: np.ndarray
    nearest: np.ndarray  # index into ``names``; -1 when no point counts
    names: tuple[str, ...]
    mobile_km: np.ndarray  # (villages, mobile services)
    mobile_days: np.ndarray  # days per month of each mobile service


# ---------------------------------------------------------------- inputs


def prepare_villages(rows: pd.DataFrame) -> Villages:
    """Villages with a point, on the unit sphere once; the ones without a point are kept apart to be named."""
    has_point = rows["rep_lon"].notna() & rows["rep_lat"].notna()
    located = rows[has_point].reset_index(drop=True)
    return Villages(located, near.unit_vectors(located["rep_lon"].to_numpy(), located["rep_lat"].to_numpy()), rows[~has_point])


def mobile_days(name: str, default: float) -> tuple[float, str]:
    """Days per month assumed for a mobile service, and the string key saying where the figure comes from."""
    lowered = name.lower()
    for fragment, days, basis in KNOWN_MOBILE_DAYS:
        if fragment in lowered:
            return float(days), basis
    return float(default), "access_days_default"


def select_points(rows: pd.DataFrame, settings: Settings) -> PointSet:
    status_ok = rows["status"].isin(settings.statuses)
    placed = rows["lon"].notna() & rows["lat"].notna()
    counted = status_ok & rows["kind"].isin([k for k in settings.kinds if k in FIXED_KINDS])
    # The mobile services in the point list are passport services (Eazy Paspor, counters at public
    # service malls): partial coverage of passport access, not of a puskesmas or a school.
    passport = bool(set(settings.kinds) & set(PASSPORT_KINDS))
    mobile = rows[status_ok & (rows["kind"] == MOBILE) & placed & passport].reset_index(drop=True)
    days = [mobile_days(n, settings.mobile_days) for n in mobile["name"]]
    mobile = mobile.assign(days=[d for d, _ in days], days_basis=[b for _, b in days])
    return PointSet(rows[counted & placed].reset_index(drop=True), mobile, rows[counted & ~placed].reset_index(drop=True))


def counts_as_fixed(point: NewPoint, settings: Settings) -> bool:
    return point.kind in settings.kinds and point.kind in FIXED_KINDS


def _xyz(lon: Iterable[float], lat: Iterable[float]) -> np.ndarray:
    return near.unit_vectors(np.asarray(list(lon), dtype=float), np.asarray(list(lat), dtype=float))


# ---------------------------------------------------------------- distances


def current(villages: Villages, points: PointSet) -> Access:
    """Today's access: a k-d tree over the counted points, queried once per village."""
    km, nearest = near.nearest(villages.xyz, _xyz(points.fixed["lon"], points.fixed["lat"]))
    mobile_xyz = _xyz(points.mobile["lon"], points.mobile["lat"])
    return Access(
        km, nearest, tuple(points.fixed["name"]), near.distances_km(villages.xyz, mobile_xyz), points.mobile["days"].to_numpy(dtype=float)
    )


def with_new(villages: Villages, base: Access, new: list[NewPoint], settings: Settings) -> Access:
    """A scenario from the current state: each new fixed unit can only bring villages closer.

    ``min(current, distance to the new unit)`` for fixed units, one more column for a mobile one;
    equal to :func:`from_scratch` with the units added (a test checks).
    """
    fixed = [p for p in new if counts_as_fixed(p, settings)]
    mobile = [p for p in new if p.kind == MOBILE]
    km, nearest = near.add_points(
        base.km, base.nearest, villages.xyz, _xyz((p.lon for p in fixed), (p.lat for p in fixed)), len(base.names)
    )
    extra_mobile = near.distances_km(villages.xyz, _xyz((p.lon for p in mobile), (p.lat for p in mobile)))
    return Access(
        km,
        nearest,
        base.names + tuple(p.name for p in fixed),
        np.hstack([base.mobile_km, extra_mobile]),
        np.concatenate([base.mobile_days, [_days(p, settings) for p in mobile]]),
    )


def from_scratch(villages: Villages, points: PointSet, new: list[NewPoint], settings: Settings) -> Access:
    """The same scenario with every point, old and new, put into a fresh index."""
    fixed = [p for p in new if counts_as_fixed(p, settings)]
    mobile = [p for p in new if p.kind == MOBILE]
    lon = [*points.fixed["lon"], *(p.lon for p in fixed)]
    lat = [*points.fixed["lat"], *(p.lat for p in fixed)]
    km, nearest = near.nearest(villages.xyz, _xyz(lon, lat))
    mobile_xyz = _xyz([*points.mobile["lon"], *(p.lon for p in mobile)], [*points.mobile["lat"], *(p.lat for p in mobile)])
    return Access(
        km,
        nearest,
        tuple(points.fixed["name"]) + tuple(p.name for p in fixed),
        near.distances_km(villages.xyz, mobile_xyz),
        np.concatenate([points.mobile["days"].to_numpy(dtype=float), [_days(p, settings) for p in mobile]]),
    )


def _days(point: NewPoint, settings: Settings) -> float:
    return float(point.days if point.days is not None else settings.mobile_days)


def village_measures(villages: Villages, access: Access, settings: Settings) -> pd.DataFrame:
    """Per village: distance as shown (× detour), beyond the threshold or not, and partial mobile coverage."""
    km = access.km * settings.detour
    beyond = ~(km <= settings.threshold_km)  # no counted point at all (inf) is beyond too
    if access.mobile_km.shape[1]:
        reach = access.mobile_km * settings.detour <= settings.threshold_km
        share = np.where(reach, np.clip(access.mobile_days, 0, DAYS_IN_MONTH) / DAYS_IN_MONTH, 0.0).max(axis=1)
    else:
        share = np.zeros(len(km))
    names = np.asarray(access.names + ("",), dtype=object)  # index -1 (no point) -> ""
    return villages.frame[
        ["code", "name", "district_code", "district", "regency_code", "regency", "prov_code", "province", "region_type"]
    ].assign(
        km=np.where(np.isfinite(km), km, np.nan),
        beyond=beyond,
        mobile_partial=beyond & (share > 0),
        partial_share=np.where(beyond, share, 0.0),
        nearest_point=names[access.nearest],
    )


# ---------------------------------------------------------------- aggregates

_LEVEL_KEYS = {"regency": ("regency_code", "regency"), "district": ("district_code", "district")}
KALIMANTAN = "KALIMANTAN"  # the code of the all-Kalimantan row


def access_by_area(measures: pd.DataFrame, level: str) -> pd.DataFrame:
    """Median and 90th-percentile km, villages beyond the threshold and partial mobile coverage per area.

    ``level`` is ``all`` (one row for Kalimantan), ``regency`` or ``district``. Percentiles
    interpolate linearly; villages with no counted point at all are beyond the threshold and left
    out of the median.
    """
    if level == "all":
        frame, key, name = measures.assign(_code=KALIMANTAN, _name="Kalimantan"), "_code", "_name"
    else:
        frame, (key, name) = measures, _LEVEL_KEYS[level]
    grouped = frame.groupby(key, sort=True)
    out = pd.DataFrame(
        {
            "code": grouped[key].first(),
            "name": grouped[name].first(),
            "n_villages": grouped["km"].size(),
            "median_km": grouped["km"].median(),
            "p90_km": grouped["km"].quantile(0.9),
            "n_beyond": grouped["beyond"].sum(),
            "n_mobile_partial": grouped["mobile_partial"].sum(),
            "partial_equiv": grouped["partial_share"].sum(),
        }
    )
    if level == "district":
        out["regency"] = grouped["regency"].first()
    if level != "all":
        out["region_type"] = grouped["region_type"].first()
    out["n_within"] = out["n_villages"] - out["n_beyond"]
    out["share_beyond"] = 100.0 * out["n_beyond"] / out["n_villages"]
    return out.reset_index(drop=True)


@dataclass(frozen=True)
class Headline:
    """One area's figures in the view shown, and their change against today (None when today is shown)."""

    n_villages: int
    median_km: float
    p90_km: float
    n_beyond: int
    share_beyond: float
    n_mobile_partial: int
    partial_equiv: float
    median_change: float | None
    p90_change: float | None
    beyond_change: int | None


def headline(now: pd.DataFrame, shown: pd.DataFrame, regency: str | None, is_scenario: bool) -> Headline | None:
    """Kalimantan (``regency`` None) or one regency: the headline of the view, beside today's."""
    if regency is not None:
        now, shown = now[now["regency_code"] == regency], shown[shown["regency_code"] == regency]
    if shown.empty:
        return None
    h, n = access_by_area(shown, "all").iloc[0], access_by_area(now, "all").iloc[0]
    return Headline(
        int(h["n_villages"]),
        float(h["median_km"]),
        float(h["p90_km"]),
        int(h["n_beyond"]),
        float(h["share_beyond"]),
        int(h["n_mobile_partial"]),
        float(h["partial_equiv"]),
        float(h["median_km"] - n["median_km"]) if is_scenario else None,
        float(h["p90_km"] - n["p90_km"]) if is_scenario else None,
        int(h["n_beyond"] - n["n_beyond"]) if is_scenario else None,
    )


def compare(measures_now: pd.DataFrame, scenarios: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Kalimantan and every regency a scenario changes: villages within the threshold, median km and
    partial coverage now and in each scenario, with the differences. Language-neutral columns."""

    def table(m: pd.DataFrame) -> pd.DataFrame:
        return pd.concat([access_by_area(m, "all"), access_by_area(m, "regency")], ignore_index=True).set_index("code")

    now = table(measures_now)
    wide = now[["name", "n_villages", "n_within", "median_km", "partial_equiv"]].rename(
        columns={"n_within": "within_now", "median_km": "median_now_km", "partial_equiv": "partial_now"}
    )
    changed = pd.Series(False, index=wide.index)
    for key, measures in scenarios.items():
        s = table(measures)
        wide[f"within_{key}"] = s["n_within"]
        wide[f"brought_{key}"] = s["n_within"] - now["n_within"]
        wide[f"median_{key}_km"] = s["median_km"]
        wide[f"median_change_{key}_km"] = s["median_km"] - now["median_km"]
        wide[f"partial_{key}"] = s["partial_equiv"]
        changed |= (
            (wide[f"brought_{key}"] != 0) | (wide[f"median_change_{key}_km"].abs() > 1e-9) | (s["partial_equiv"] != now["partial_equiv"])
        )
    changed.loc[KALIMANTAN] = True
    return wide[changed].reset_index(names="code")


# ---------------------------------------------------------------- new units


def bounds(provinces: pd.DataFrame) -> tuple[float, float, float, float]:
    """Kalimantan's extent from the five provinces' bounding boxes (islands such as Pulau Sembilan included)."""
    return (
        float(provinces["min_lon"].min()),
        float(provinces["min_lat"].min()),
        float(provinces["max_lon"].max()),
        float(provinces["max_lat"].max()),
    )


def map_extent(provinces: pd.DataFrame, regencies: pd.DataFrame, regency: str | None) -> tuple[float, float, float, float]:
    """Kalimantan, or one regency's bounding box when the map is zoomed to it."""
    if regency is None or regency not in set(regencies["code"]):
        return bounds(provinces)
    r = regencies.set_index("code").loc[regency]
    return float(r["min_lon"]), float(r["min_lat"]), float(r["max_lon"]), float(r["max_lat"])


@dataclass(frozen=True)
class Problem:
    """Why a new unit was refused: a string key and its values, so the page says it in the user's language."""

    key: str
    values: dict[str, object]


def place(
    name: str,
    kind: str,
    where: str,
    *,
    district_code: str | None = None,
    village_code: str | None = None,
    lon: float | None = None,
    lat: float | None = None,
    days: float | None = None,
    districts: pd.DataFrame,
    villages: pd.DataFrame,
    extent: tuple[float, float, float, float],
    districts_geojson: Path | None,
    lang: str,
) -> NewPoint | Problem:
    """Check a new unit from the form and place it: at a district's or a clicked village's point, or at coordinates.

    Coordinates must lie inside Kalimantan's extent and inside one of its districts (not at sea,
    not in Malaysia). Nothing here is evaluated; numbers are numbers, names are text.
    """
    if kind not in ALL_KINDS:
        return Problem("access_err_kind", {})
    name = " ".join(str(name or "").split())
    if len(name) > MAX_NAME_CHARS:
        return Problem("access_err_name_long", {"n": MAX_NAME_CHARS})
    if kind == MOBILE and (days is None or not 1 <= float(days) <= DAYS_IN_MONTH):
        return Problem("access_err_days", {"max": DAYS_IN_MONTH})
    dists = districts.set_index("code")
    if where == "district":
        if district_code not in dists.index:
            return Problem("access_err_district", {})
        row = dists.loc[district_code]
        x, y, code = float(row["rep_lon"]), float(row["rep_lat"]), str(district_code)
    elif where == "village":
        match = villages[villages["code"] == village_code] if village_code else villages.iloc[0:0]
        if match.empty or pd.isna(match.iloc[0]["rep_lon"]):
            return Problem("access_err_village", {})
        row = match.iloc[0]
        x, y, code = float(row["rep_lon"]), float(row["rep_lat"]), str(row["district_code"])
    elif where == "coords":
        if lon is None or lat is None or not (np.isfinite(lon) and np.isfinite(lat)):
            return Problem("access_err_coords", {})
        lon0, lat0, lon1, lat1 = extent
        if not (lon0 <= lon <= lon1 and lat0 <= lat <= lat1):
            return Problem(
                "access_err_outside_bbox",
                {
                    "lon0": fmt_number(lon0, lang, 2),
                    "lon1": fmt_number(lon1, lang, 2),
                    "lat0": fmt_number(lat0, lang, 2),
                    "lat1": fmt_number(lat1, lang, 2),
                },
            )
        found = geo.district_at(lon, lat, districts_geojson) if districts_geojson is not None else None
        if found is None or found not in dists.index:
            return Problem("access_err_no_district", {})
        x, y, code = float(lon), float(lat), found
    else:
        return Problem("access_err_where", {})
    if not name:
        row = dists.loc[code]
        name = t("access_new_default_name", lang, kind=label("point_kinds", kind, lang), district=row["name"])
    return NewPoint(name, kind, x, y, code, float(days) if kind == MOBILE and days is not None else None)  # days checked above


def example_point(
    districts: pd.DataFrame, points: pd.DataFrame, villages: pd.DataFrame, kinds: Iterable[str] = DEFAULT_KINDS
) -> NewPoint | None:
    """A ready-made unit for the chosen kinds: a puskesmas in Mantangai when puskesmas are counted,
    else a passport unit (ULP) in Kotabaru town, where Eazy Paspor visits today, when passport
    services are. None for other kinds, or when the warehouse lacks the place (a miniature test one)."""
    kinds = tuple(kinds)
    if "puskesmas" in kinds:
        name, kind, village = EXAMPLE_PUSKESMAS
        row = villages[(villages["code"] == village) & villages["rep_lon"].notna()]
        if row.empty:
            return None
        return NewPoint(name, kind, float(row.iloc[0]["rep_lon"]), float(row.iloc[0]["rep_lat"]), str(row.iloc[0]["district_code"]))
    if not set(kinds) & set(PASSPORT_KINDS):
        return None
    name, kind, regency = EXAMPLE_KOTABARU
    inside = districts[districts["regency_code"] == regency]
    if inside.empty:
        return None
    eazy = points[points["name"].str.lower().str.contains("eazy passport kotabaru", regex=False) & points["lon"].notna()]
    if eazy.empty:
        row = inside.iloc[0]
        return NewPoint(name, kind, float(row["rep_lon"]), float(row["rep_lat"]), str(row["code"]))
    row = eazy.iloc[0]
    nearest = inside.assign(d=(inside["rep_lon"] - row["lon"]) ** 2 + (inside["rep_lat"] - row["lat"]) ** 2).sort_values("d")
    return NewPoint(name, kind, float(row["lon"]), float(row["lat"]), str(nearest.iloc[0]["code"]))


def from_state(stored: Mapping[str, list[dict[str, Any]]] | None) -> dict[str, list[NewPoint]]:
    """Scenarios as kept in the session (plain dicts written by this page), back to points."""
    out: dict[str, list[NewPoint]] = {key: [] for key in SCENARIOS}
    for key, rows in (stored or {}).items():
        if key in out:
            out[key] = [NewPoint(**row) for row in rows][:MAX_POINTS_PER_SCENARIO]
    return out
