"""Service access: how far every village is from a service point, and what a new unit would change.

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
from html import escape
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from data import build
from geo import access as geo
from geo import nearest as near
from services import mapview
from services.i18n import fmt_number, label, t

# Basic services from the 2019 registers (schools: Kemendikbud; puskesmas, hospitals: Kemenkes);
# points whose coordinates failed a check (queries/access_points.sql) never reach a distance.
FACILITY_KINDS = ("puskesmas", "hospital", "sd", "smp", "sma", "smk")
FIXED_KINDS = ("kanim", "ulp", "pos", "plbn", *FACILITY_KINDS)  # places one can go to on any working day
MOBILE = "mobile"
ALL_KINDS = (*FIXED_KINDS, MOBILE)
DEFAULT_KINDS = ("kanim", "ulp")  # passport services: offices and passport units
STATUSES = ("open", "unverified", "planned", "closed")
DEFAULT_STATUSES = ("open",)  # closed/historical, planned and unverified points are left out unless asked for
DEFAULT_THRESHOLD_KM = 50
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
EXAMPLE_KOTABARU = ("Unit Layanan Paspor Kotabaru", "ulp", "63.02")  # the brief's example: a passport unit in Kotabaru
_CITATION_SOURCES = ("reference_points", "cahyadsn_boundaries")
_BOUNDARY_CREDIT = "© 2024 Cahya DSN (MIT)"  # the credit line the licence asks for, short enough for a hover label
_KIND_STYLE = {  # symbol and colour per kind; blues and greens stay apart from the yellow–red distance classes
    "kanim": ("square", "#0b3d91"),
    "ulp": ("circle", "#009E73"),
    "pos": ("triangle-down", "#56B4E9"),
    "plbn": ("diamond", "#5b2a86"),
    "mobile": ("triangle-up", "#CC79A7"),
    "puskesmas": ("cross", "#00838f"),
    "hospital": ("cross", "#4a148c"),
    "sd": ("circle", "#1b5e20"),
    "smp": ("circle", "#0d47a1"),
    "sma": ("circle", "#311b92"),
    "smk": ("circle", "#4e342e"),
}
_KIND_SOURCES = {"puskesmas": "kemenkes_faskes_2019", "hospital": "kemenkes_faskes_2019"} | {
    k: "kemendikbud_sekolah_2019" for k in ("sd", "smp", "sma", "smk")
}
_NEW_COLOUR = "#000000"
SCENARIO_COLOURS = {"A": "#0072B2", "B": "#009E73", "C": "#CC79A7"}  # Okabe-Ito


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

    def as_dict(self) -> dict:
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
    mobile = rows[status_ok & (rows["kind"] == MOBILE) & placed].reset_index(drop=True)
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


def summarise(measures: pd.DataFrame, level: str) -> pd.DataFrame:
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
    h, n = summarise(shown, "all").iloc[0], summarise(now, "all").iloc[0]
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
        return pd.concat([summarise(m, "all"), summarise(m, "regency")], ignore_index=True).set_index("code")

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


# ---------------------------------------------------------------- labels and figures


def citation(sources: pd.DataFrame, lang: str, short: bool = False, kinds: Iterable[str] = ()) -> str:
    """The point lists' and the boundaries' citations; ``short`` keeps the boundary credit only (for hover labels).

    The facility registers are cited when one of their kinds is chosen.
    """
    column = "citation_id" if lang == "id" else "citation_en"
    rows = sources.set_index("source_id")
    registers = tuple(dict.fromkeys(_KIND_SOURCES[k] for k in kinds if k in _KIND_SOURCES))
    wanted = (_CITATION_SOURCES[0], *registers, *_CITATION_SOURCES[1:])
    cited = [str(rows.loc[s, column]) for s in wanted if s in rows.index]
    if short and len(cited) == len(wanted):
        cited[-1] = _BOUNDARY_CREDIT
    return "; ".join(cited)


def detour_text(settings: Settings, lang: str) -> str:
    if settings.detour == 1.0:
        return t("access_straight_line", lang)
    return t("access_with_detour", lang, factor=fmt_number(settings.detour, lang, 1))


def detour_suffix(settings: Settings, lang: str) -> str:
    """Appended to a label that shows a distance when the detour factor is not 1."""
    return "" if settings.detour == 1.0 else t("access_detour_suffix", lang, factor=fmt_number(settings.detour, lang, 1))


def distance_unit(settings: Settings, lang: str) -> str:
    """``km (garis lurus)`` or ``km (garis lurus × 1,3)``: the factor travels with every figure."""
    return f"km ({detour_text(settings, lang)})"


def kinds_text(kinds: Iterable[str], lang: str) -> str:
    return ", ".join(label("point_kinds", k, lang) for k in kinds)


def indicator_meta(settings: Settings, lang: str, cite: str) -> mapview.IndicatorMeta:
    return mapview.IndicatorMeta(
        indicator_id="access_km",
        name=t("access_indicator", lang, kinds=kinds_text(settings.kinds, lang)),
        unit=distance_unit(settings, lang),
        decimals=1,
        direction=-1,  # nearer is better
        target=None,
        simulated=False,
        citation=cite,
        sector="access",
    )


def map_frame(measures: pd.DataFrame) -> pd.DataFrame:
    """Villages in the shape ``queries/map_values.sql`` returns, the value being the distance shown."""
    value = measures["km"]
    return pd.DataFrame(
        {
            "code": measures["code"],
            "name": measures["name"],
            "level": "desa",
            "region_type": measures["region_type"],
            "prov_code": measures["prov_code"],
            "province": measures["province"],
            "regency_code": measures["regency_code"],
            "value": value,
            "note": None,
            "numerator": np.nan,
            "denominator": np.nan,
            "status": np.where(value.notna(), "value", "missing"),
        }
    )


def point_traces(points: PointSet, new: list[NewPoint], lang: str, scenario: str | None) -> list[dict]:
    """Service points as symbols by kind (one legend entry per kind), and a scenario's new units as black stars."""
    shown = pd.concat([points.fixed, points.mobile], ignore_index=True)
    traces = []
    for kind in ALL_KINDS:
        part = shown[shown["kind"] == kind]
        if part.empty:
            continue
        symbol, colour = _KIND_STYLE[kind]
        text = []
        for row in part.itertuples():
            extra = ""
            if kind == MOBILE:
                extra = "<br>" + t("access_days_hover", lang, days=fmt_number(row.days, lang, 0))
            text.append(
                f"<b>{escape(str(row.name))}</b><br>{label('point_kinds', kind, lang)} · {label('point_status', row.status, lang)}"
                + (f"<br>{escape(str(row.town))}{extra}<br><i>{t('access_approximate', lang)}</i>" if kind not in FACILITY_KINDS else "")
            )
        traces.append(
            dict(
                type="scattergeo",
                lon=part["lon"].to_numpy(),
                lat=part["lat"].to_numpy(),
                mode="markers",
                marker=dict(
                    size=7 if kind in FACILITY_KINDS else 12,  # thousands of schools: small marks
                    color=colour,
                    symbol=[symbol if s == "open" else f"{symbol}-open" for s in part["status"]],
                    line=dict(width=1.5, color="white"),
                ),
                hovertext=text,
                hoverinfo="text",
                name=label("point_kinds", kind, lang),
                legendgroup=f"kind_{kind}",
                showlegend=True,
            )
        )
    if new:
        traces.append(
            dict(
                type="scattergeo",
                lon=[p.lon for p in new],
                lat=[p.lat for p in new],
                mode="markers",
                marker=dict(size=18, color=_NEW_COLOUR, symbol="star", line=dict(width=1.5, color="white")),
                hovertext=[f"<b>{escape(p.name)}</b><br>{label('point_kinds', p.kind, lang)}" for p in new],
                hoverinfo="text",
                name=t("access_new_units_legend", lang, scenario=scenario or ""),
                showlegend=True,
            )
        )
    return traces


def regency_outline(code: str, layer: mapview.MapLayer) -> dict:
    """The selected regency drawn as a thick outline from the regency file (by URL, like every boundary)."""
    return mapview.highlight(code, layer)


def map_figure(
    measures: pd.DataFrame,
    meta: mapview.IndicatorMeta,
    lang: str,
    villages_layer: mapview.MapLayer,
    outline: mapview.MapLayer,
    regency_layer: mapview.MapLayer,
    points: PointSet,
    new: list[NewPoint],
    scenario: str | None,
    selected_regency: str | None,
    bbox: tuple[float, float, float, float],
    scheme: str,
    rivers: mapview.MapLayer | None = None,
) -> go.Figure:
    """The village distance map from :func:`services.mapview.build_map`, plus the regency outline, the
    rivers when asked for (under the points), and the points."""
    fig = mapview.build_map(
        map_frame(measures), meta, REFERENCE_YEAR, lang, villages_layer, scheme=scheme, outline=outline, bbox=bbox, height=640
    )
    extra = [regency_outline(selected_regency, regency_layer)] if selected_regency else []
    if rivers is not None:
        extra.append(mapview.rivers(rivers, lang))
    fig.add_traces(extra + point_traces(points, new, lang, scenario))
    for trace in fig.data:
        # A click picks a village for a new unit; it must not grey out the other villages and the points.
        trace.unselected = {"marker": {"opacity": 1}}
    return fig


def comparison_figure(wide: pd.DataFrame, scenarios: list[str], lang: str, threshold_text: str, unit: str = "km") -> go.Figure:
    """Villages brought within the threshold, per area and scenario: grouped horizontal bars."""
    names = [escape(str(n)) for n in wide["name"]]
    traces = []
    for key in scenarios:
        brought = wide[f"brought_{key}"].to_numpy()
        change = [fmt_number(v, lang, 1) for v in wide[f"median_change_{key}_km"]]
        traces.append(
            dict(
                type="bar",
                orientation="h",
                x=brought,
                y=names,
                name=t("access_scenario_label", lang, scenario=key),
                marker=dict(color=SCENARIO_COLOURS[key]),
                text=[fmt_number(v, lang, 0) for v in brought],
                textposition="outside",
                customdata=change,
                hovertemplate="%{y}<br>"
                + escape(t("access_hover_brought", lang))
                + " %{x}<br>"
                + escape(t("access_hover_median_change", lang))
                + f" %{{customdata}} {escape(unit)}<extra>%{{fullData.name}}</extra>",
            )
        )
    layout = dict(
        template="none",
        barmode="group",
        height=max(220, 110 + 26 * len(wide) * max(1, len(scenarios))),
        bargap=0.25,
        margin=dict(l=10, r=40, t=60, b=50),
        title=dict(text=escape(t("access_compare_chart_title", lang, threshold=threshold_text)), font=dict(size=15), y=0.98, yanchor="top"),
        yaxis=dict(autorange="reversed", automargin=True, tickfont=dict(size=13)),
        xaxis=dict(title=dict(text=escape(t("access_villages_axis", lang))), automargin=True, gridcolor="#e5e5e5", rangemode="tozero"),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0),
        separators=",." if lang == "id" else ".,",
        plot_bgcolor="white",
    )
    return go.Figure(data=traces, layout=layout, _validate=False)


# ---------------------------------------------------------------- new units


def geometry_path(file_name: str) -> Path:
    """Where the build wrote a static geometry file (the district polygons used to check a point)."""
    return build.static_dir() / file_name


def bounds(provinces: pd.DataFrame) -> tuple[float, float, float, float]:
    """Kalimantan's extent from the five provinces' bounding boxes (islands such as Pulau Sembilan included)."""
    return (
        float(provinces["min_lon"].min()),
        float(provinces["min_lat"].min()),
        float(provinces["max_lon"].max()),
        float(provinces["max_lat"].max()),
    )


@dataclass(frozen=True)
class Problem:
    """Why a new unit was refused: a string key and its values, so the page says it in the user's language."""

    key: str
    values: dict


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
    return NewPoint(name, kind, x, y, code, float(days) if kind == MOBILE else None)


def example_point(districts: pd.DataFrame, points: pd.DataFrame) -> NewPoint | None:
    """The brief's example: a passport unit (ULP) in Kotabaru town, where Eazy Paspor visits today.

    None when the warehouse has no Kotabaru (a miniature test warehouse).
    """
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


def from_state(stored: Mapping[str, list[dict]] | None) -> dict[str, list[NewPoint]]:
    """Scenarios as kept in the session (plain dicts written by this page), back to points."""
    out: dict[str, list[NewPoint]] = {key: [] for key in SCENARIOS}
    for key, rows in (stored or {}).items():
        if key in out:
            out[key] = [NewPoint(**row) for row in rows][:MAX_POINTS_PER_SCENARIO]
    return out


# ---------------------------------------------------------------- tables for people and spreadsheets


def area_table(summary: pd.DataFrame, lang: str, level: str, threshold: str, formatted: bool = True) -> pd.DataFrame:
    """A summary in the user's language, farthest first: numbers as the language writes them for the
    screen, or numeric (km to 0.1) with a code column for a spreadsheet (``formatted=False``)."""
    summary = summary.sort_values(["share_beyond", "median_km"], ascending=False)
    out = pd.DataFrame(index=summary.index)
    if not formatted:
        out[t("access_col_code", lang)] = summary["code"]
    out[t("access_col_area", lang)] = summary["name"]
    if level == "regency":
        out[t("access_col_group", lang)] = [label("region_types", g, lang) for g in summary["region_type"]]
    numbers = [
        ("access_col_villages", "n_villages", 0),
        ("access_col_median", "median_km", 1),
        ("access_col_p90", "p90_km", 1),
        ("access_col_beyond", "n_beyond", 0),
        ("access_col_beyond_share", "share_beyond", 1),
        ("access_col_mobile", "n_mobile_partial", 0),
        ("access_col_partial", "partial_equiv", 1),
    ]
    for key, column, decimals in numbers:
        values = summary[column]
        out[t(key, lang, threshold=threshold)] = [fmt_number(v, lang, decimals) for v in values] if formatted else values.round(decimals)
    return out.reset_index(drop=True)


def _comparison_columns(scenarios: list[str], lang: str, threshold: str) -> dict[str, str]:
    columns = {
        "code": t("access_col_code", lang),
        "name": t("access_col_area", lang),
        "n_villages": t("access_col_villages", lang),
        "within_now": t("access_col_within_now", lang, threshold=threshold),
        "median_now_km": t("access_col_median_now", lang),
        "partial_now": t("access_col_partial_now", lang),
    }
    for key in scenarios:
        columns |= {
            f"within_{key}": t("access_col_within_s", lang, scenario=key, threshold=threshold),
            f"brought_{key}": t("access_col_brought_s", lang, scenario=key, threshold=threshold),
            f"median_{key}_km": t("access_col_median_s", lang, scenario=key),
            f"median_change_{key}_km": t("access_col_median_change_s", lang, scenario=key),
            f"partial_{key}": t("access_col_partial_s", lang, scenario=key),
        }
    return columns


def comparison_export(wide: pd.DataFrame, scenarios: list[str], lang: str, threshold: str) -> pd.DataFrame:
    """The comparison with numbers kept numeric (rounded to 0.1 km) and headers in the user's language."""
    columns = _comparison_columns(scenarios, lang, threshold)
    out = wide[list(columns)].copy()
    for column in out.columns:
        if column.endswith("_km") or column.startswith("partial"):
            out[column] = out[column].round(1)
    return out.rename(columns=columns)


def comparison_display(wide: pd.DataFrame, scenarios: list[str], lang: str, threshold: str) -> pd.DataFrame:
    """The comparison as the user reads it: numbers in the language's format, changes signed."""
    columns = _comparison_columns(scenarios, lang, threshold)
    out = wide[list(columns)].copy()
    for column in list(out.columns):
        if column in ("code", "name"):
            continue
        decimals = 1 if column.endswith("_km") or column.startswith("partial") else 0
        signed = column.startswith(("brought_", "median_change_"))
        out[column] = [_signed(v, lang, decimals) if signed else fmt_number(v, lang, decimals) for v in out[column]]
    return out.drop(columns=["code"]).rename(columns=columns)


def _signed(value: float, lang: str, decimals: int) -> str:
    text = fmt_number(value, lang, decimals)
    return f"+{text}" if value is not None and np.isfinite(value) and round(value, decimals) > 0 else text


def mobile_table(points: PointSet, lang: str) -> pd.DataFrame:
    """The mobile services counted, the days per month assumed for each, and where that figure comes from."""
    mobile = points.mobile
    return pd.DataFrame(
        {
            t("access_col_name", lang): mobile["name"],
            t("access_col_regency", lang): mobile["regency"],
            t("access_col_days", lang): [fmt_number(d, lang, 0) for d in mobile["days"]],
            t("access_col_basis", lang): [t(b, lang) for b in mobile["days_basis"]],
        }
    )


def unlocated_table(villages: Villages, lang: str) -> pd.DataFrame:
    """The villages left out because they have no polygon (so no point), named rather than dropped silently."""
    rows = villages.unlocated
    return pd.DataFrame(
        {
            t("access_col_code", lang): rows["code"],
            t("access_col_name", lang): rows["name"],
            t("access_col_district", lang): rows["district"],
            t("access_col_regency", lang): rows["regency"],
        }
    )


def district_labels(districts: pd.DataFrame) -> dict[str, str]:
    """``Pulaulaut Utara (Kabupaten Kotabaru)``: district names repeat across regencies."""
    return {c: f"{n} ({r})" for c, n, r in zip(districts["code"], districts["name"], districts["regency"], strict=True)}


def map_extent(provinces: pd.DataFrame, regencies: pd.DataFrame, regency: str | None) -> tuple[float, float, float, float]:
    """Kalimantan, or one regency's bounding box when the map is zoomed to it."""
    if regency is None or regency not in set(regencies["code"]):
        return bounds(provinces)
    r = regencies.set_index("code").loc[regency]
    return float(r["min_lon"]), float(r["min_lat"]), float(r["max_lon"]), float(r["max_lat"])


def scenario_points_frame(scenarios: Mapping[str, list[NewPoint]], districts: pd.DataFrame, settings: Settings, lang: str) -> pd.DataFrame:
    names = districts.set_index("code")
    rows = []
    for key, points in scenarios.items():
        for p in points:
            district = names.loc[p.district_code] if p.district_code in names.index else None
            rows.append(
                {
                    t("access_col_scenario", lang): key,
                    t("access_col_unit", lang): p.name,
                    t("access_col_kind", lang): label("point_kinds", p.kind, lang),
                    t("access_col_district", lang): "" if district is None else district["name"],
                    t("access_col_regency", lang): "" if district is None else district["regency"],
                    "lon": round(p.lon, 5),
                    "lat": round(p.lat, 5),
                    t("access_col_days", lang): p.days if p.kind == MOBILE else None,
                    t("access_col_counted", lang): t(
                        "access_yes" if counts_as_fixed(p, settings) or p.kind == MOBILE else "access_no", lang
                    ),
                }
            )
    return pd.DataFrame(rows)


def metadata(settings: Settings, lang: str, cite: str, n_unlocated: int, mobile: pd.DataFrame) -> pd.DataFrame:
    """What every exported figure depends on: method, settings, assumptions and sources, in both languages' reader's terms."""
    mobile_lines = "; ".join(
        f"{n}: {fmt_number(d, lang, 0)} ({t(b, lang)})"
        for n, d, b in zip(mobile["name"], mobile["days"], mobile["days_basis"], strict=True)
    )
    rows = [
        (t("access_meta_measure", lang), t("access_indicator", lang, kinds=kinds_text(settings.kinds, lang))),
        (t("access_meta_statuses", lang), ", ".join(label("point_status", s, lang) for s in settings.statuses)),
        (t("access_meta_method", lang), t("access_method", lang)),
        (t("access_meta_detour", lang), detour_text(settings, lang)),
        (t("access_meta_threshold", lang), f"{fmt_number(settings.threshold_km, lang, 0)} km"),
        (t("access_meta_mobile", lang), t("access_partial_rule", lang) + (f" {mobile_lines}" if mobile_lines else "")),
        (t("access_meta_people", lang), t("access_people_note", lang)),
        (t("access_meta_unlocated", lang), t("access_unlocated", lang, n=n_unlocated)),
        (t("access_meta_source", lang), cite),
        (t("access_meta_reality", lang), t("access_real_not_simulated", lang)),
    ]
    return pd.DataFrame(rows, columns=[t("access_meta_item", lang), t("access_meta_value", lang)])
