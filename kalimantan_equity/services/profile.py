"""Regency profile: how one regency compares, on which services, and which of its districts and villages lag.

Plain data in, plain data out (no Streamlit, no figures, no strings in the user's language): the
link parameter check, the scorecard with ranks, group means and a standardised, direction-aware lag
score, the strongest and weakest areas, peers, districts and villages ranked, and distances to
service points. The figures are in ``services.profileview``; the tables the page shows and the
downloads in ``services.profiletables``.

Group means follow ``services.summary``: population-weighted, ratio of totals or a plain mean, as
the catalogue's ``aggregate`` column says for each indicator.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kalimantan_equity.geo import nearest
from kalimantan_equity.services import summary
from kalimantan_equity.services.mapview import rank_values

# ---------------------------------------------------------------- the link parameter

_CODE = re.compile(r"^\d{2}\.\d{2}$", re.ASCII)  # Kemendagri regency code, e.g. 61.06
_UNDOTTED = re.compile(r"^\d{4}$", re.ASCII)  # 6106: Kemendagri without the dot, or BPS? Ambiguous for 23 regencies
_MAX_PARAM_CHARS = 80  # the longest regency name has 29 characters; anything far longer is not a name
_SHOWN_CHARS = 40
_SHOWN_ALLOWED = re.compile(r"[^0-9A-Za-z .,()'-]")


def resolve_region(raw: object, regencies: pd.DataFrame) -> tuple[str | None, str | None]:
    """The regency a link names: ``(code, None)``, ``(None, None)`` without a parameter, or
    ``(None, problem)`` with problem ``malformed``, ``undotted`` or ``unknown``.

    Only the dotted Kemendagri code (``61.06``) or a regency's exact name (case and spacing
    ignored) is accepted. ``6106`` is refused: as a BPS code it is Ketapang, as a Kemendagri code
    without its dot it is Kapuas Hulu. Nothing in the value is evaluated.
    """
    if raw is None:
        return None, None
    if not isinstance(raw, str):
        return None, "malformed"
    text = " ".join(raw.split())
    if not text or len(text) > _MAX_PARAM_CHARS:
        return None, "malformed"
    codes = set(regencies["code"])
    if _CODE.match(text):
        return (text, None) if text in codes else (None, "unknown")
    if _UNDOTTED.match(text):
        return None, "undotted"
    by_name = {" ".join(str(n).split()).casefold(): c for c, n in zip(regencies["code"], regencies["name"], strict=True)}
    code = by_name.get(text.casefold())
    if code is not None:
        return code, None
    return None, "unknown" if re.fullmatch(r"[\w .'-]+", text) else "malformed"


def shown_parameter(raw: object) -> str:
    """A short, harmless echo of a refused link value for the message (no markup, no backticks)."""
    text = _SHOWN_ALLOWED.sub("", str(raw))[:_SHOWN_CHARS]
    return text.strip() or "…"


def picker_options(regencies: pd.DataFrame) -> list[str]:
    """Regency codes grouped by province (in code order), then by name."""
    codes: list[str] = regencies.sort_values(["prov_code", "name"])["code"].tolist()
    return codes


def picker_labels(regencies: pd.DataFrame) -> dict[str, str]:
    """``Kalimantan Barat › Kabupaten Kapuas Hulu``: typing either part finds it."""
    return {c: f"{p} › {n}" for c, p, n in zip(regencies["code"], regencies["province"], regencies["name"], strict=True)}


# ---------------------------------------------------------------- scorecard

SUMMARY_SINCE = 2019  # the current real series start in 2019; the DAPOER 2000–2014 series describe another decade
_MIN_FOR_Z = 3  # a z-score among fewer regencies says nothing


def regency_meta(catalogue: pd.DataFrame) -> pd.DataFrame:
    rows = catalogue[catalogue["level"] == "kabupaten"] if "level" in catalogue else catalogue
    return rows.drop_duplicates("indicator_id").set_index("indicator_id")


def group_mean(values: np.ndarray, population: np.ndarray, denominator: np.ndarray, weighting: str) -> float | None:
    """Mean of the values with the weights ``services.summary`` uses for this weighting."""
    weights = {"population": population, "denominator": denominator}.get(weighting)
    return summary.weighted_mean(values, weights)


def rank_among(values: np.ndarray, value: float, direction: int) -> int:
    """Rank of ``value`` among ``values`` as ``mapview.rank_values`` ranks: 1 = best, ties share the better rank."""
    better = values < value if direction < 0 else values > value
    return int(better.sum()) + 1


def scorecard(values: pd.DataFrame, catalogue: pd.DataFrame, trend: pd.DataFrame, region: str) -> pd.DataFrame:
    """One row per indicator with a value for ``region``, the biggest lags first.

    ``values`` comes from ``queries/profile_values.sql`` (every regency, in the regency's latest
    year per indicator), ``trend`` from ``queries/profile_trend.sql``. The lag score is the z-score
    of the regency's value among the regencies with a value that year (population standard
    deviation), multiplied by the indicator's direction: negative = behind the Kalimantan average.
    Indicators without a direction are listed last and get no lag score.
    """
    meta = regency_meta(catalogue).to_dict("index")
    series = trend.groupby("indicator_id", sort=False).indices if not trend.empty else {}
    trend_years, trend_values = trend["year"].to_numpy(), trend["value"].to_numpy(dtype=float)
    # numpy per indicator: this runs on every rerun of the page, for ~55 indicators × 56 regencies
    codes = values["code"].to_numpy()
    has_value = (values["status"] == "value").to_numpy()
    value_all = values["value"].to_numpy(dtype=float)
    prov_all = values["prov_code"].to_numpy()
    city_all = (values["region_type"] == "kota").to_numpy()
    pop_all = values["population"].to_numpy(dtype=float)
    den_all = values["denominator"].to_numpy(dtype=float)
    year_all = values["year"].to_numpy()
    note_all = values["note"].to_numpy(dtype=object)
    records = []
    for indicator, rows in values.groupby("indicator_id", sort=False).indices.items():
        own = rows[codes[rows] == region]
        if indicator not in meta or own.size == 0 or not has_value[own[0]]:
            continue
        own = own[0]
        m = meta[indicator]
        direction = int(m["direction"])
        have = rows[has_value[rows]]
        prov = have[prov_all[have] == prov_all[own]]
        cities = have[city_all[have]]
        value = float(value_all[own])
        weighting = summary.weighting_for(str(m["aggregate"]), "kabupaten", bool(np.isfinite(pop_all[have]).any()))
        prov_mean = group_mean(value_all[prov], pop_all[prov], den_all[prov], weighting)
        cities_mean = group_mean(value_all[cities], pop_all[cities], den_all[cities], weighting)
        spread = float(np.std(value_all[have])) if have.size >= _MIN_FOR_Z else float("nan")
        z = (value - float(np.mean(value_all[have]))) / spread if np.isfinite(spread) and spread > 0 else float("nan")
        points = series.get(indicator, np.array([], dtype=int))
        target = m.get("target")
        note = note_all[own]
        records.append(
            {
                "indicator_id": indicator,
                "sector": m["sector"],
                "name_id": m["name_id"],
                "name_en": m["name_en"],
                "unit_id": m["unit_id"],
                "unit_en": m["unit_en"],
                "year": int(year_all[own]),
                "value": value,
                "note": note if isinstance(note, str) and note else None,
                "decimals": int(m["decimals"]),
                "direction": direction,
                "aggregate": m["aggregate"],
                "n": int(have.size),
                "rank": rank_among(value_all[have], value, direction),
                "prov_n": int(prov.size),
                "prov_rank": rank_among(value_all[prov], value, direction),
                "prov_mean": prov_mean,
                "diff_prov": None if prov_mean is None else value - prov_mean,
                "cities_mean": cities_mean,
                "target": None if target is None or pd.isna(target) else float(target),
                "weighting": weighting,
                "z": z,
                "lag_score": z * direction if direction != 0 else float("nan"),
                "simulated": bool(m["simulated"]),
                "source_id": m["source_id"],
                "source_title": m["source_title"],
                "licence": m["licence"],
                "citation_id": m["citation_id"],
                "citation_en": m["citation_en"],
                "series_group": m["series_group"] if pd.notna(m["series_group"]) else None,
                "trend_years": [int(y) for y in trend_years[points]],
                "trend_values": [float(v) for v in trend_values[points]],
            }
        )
    card = pd.DataFrame.from_records(records)
    if card.empty:
        return card
    card["_neutral"] = card["direction"] == 0
    card["_unscored"] = card["lag_score"].isna()
    card = card.sort_values(["_neutral", "_unscored", "lag_score", "sector", "indicator_id"]).drop(columns=["_neutral", "_unscored"])
    card.insert(0, "order", range(1, len(card) + 1))
    return card.reset_index(drop=True)


def coverage_gaps(catalogue: pd.DataFrame, card: pd.DataFrame, not_applicable: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Regency-level indicators that do not apply to this regency, and those with no value for it."""
    meta = regency_meta(catalogue)
    shown = set(card["indicator_id"]) if not card.empty else set()
    na = [i for i in meta.index if i in set(not_applicable["indicator_id"]) and i not in shown]
    missing = [i for i in meta.index if i not in shown and i not in na]
    return na, missing


def indicator_name(row: pd.Series | Mapping[str, Any], lang: str) -> str:
    name: str = row["name_id"] if lang == "id" else row["name_en"]
    return name


# ---------------------------------------------------------------- plain-language summary


@dataclass(frozen=True)
class Area:
    """A sector named in the summary, with the indicator that shows it most clearly."""

    sector: str
    score: float  # mean lag score of the sector's indicators
    indicator_id: str
    name_id: str
    name_en: str
    year: int
    rank: int
    n: int


@dataclass(frozen=True)
class StrongestWeakest:
    strongest: list[Area]
    weakest: list[Area]
    n_indicators: int


STANDOUT_SHARE = 1 / 3  # strong: in the best third of the regencies ranked; weak: in the worst third


def strongest_and_weakest(card: pd.DataFrame, k: int = 3) -> StrongestWeakest:
    """Up to ``k`` genuinely strong and ``k`` genuinely weak areas, from the numbers only.

    An area is a sector (SPM field or theme); its score is the mean lag score of its real,
    directional indicators from ``SUMMARY_SINCE`` on, leaving out counts (which follow size) and
    figures with a caveat note. Simulated series never speak for a regency in the summary.

    A sector is *strong* when it is ahead of the Kalimantan average as a whole (score above 0) and
    its clearest indicator ranks in the best third of the regencies with a value (rank 1 is the
    best, whatever the indicator's direction); *weak* when it is behind (score below 0) and its
    clearest shortfall ranks in the worst third. A middling regency may have neither: the lists
    are then empty, never filled with rank 46 of 56 as a "strength".
    """
    if card.empty:
        return StrongestWeakest([], [], 0)
    use = card[
        ~card["simulated"]
        & (card["direction"] != 0)
        & card["lag_score"].notna()
        & (card["year"] >= SUMMARY_SINCE)
        & (card["aggregate"] != "sum")  # counts (poor people, schools) grow with the regency's size
        & card["note"].isna()  # a figure its publisher flags (BPS: "doubtful") does not speak for the regency
    ]
    if use.empty:
        return StrongestWeakest([], [], 0)
    scores = use.groupby("sector")["lag_score"].mean().sort_values(ascending=False, kind="stable")
    best = [_area(use, s, float(scores[s]), best=True) for s in scores.index if scores[s] > 0]
    worst = [_area(use, s, float(scores[s]), best=False) for s in scores.index[::-1] if scores[s] < 0]
    strong = [a for a in best if is_strong(a.rank, a.n)][:k]
    weak = [a for a in worst if is_weak(a.rank, a.n)][:k]
    return StrongestWeakest(strong, weak, len(use))


def is_strong(rank: int, n: int) -> bool:
    """Rank ``rank`` of ``n`` (1 = best) is in the best third."""
    return rank <= n * STANDOUT_SHARE


def is_weak(rank: int, n: int) -> bool:
    """Rank ``rank`` of ``n`` (1 = best) is in the worst third."""
    return n - rank + 1 <= n * STANDOUT_SHARE


def _area(use: pd.DataFrame, sector: str, score: float, best: bool) -> Area:
    part = use[use["sector"] == sector].sort_values(["lag_score", "indicator_id"], ascending=[not best, True])
    r = part.iloc[0]
    return Area(sector, score, r["indicator_id"], r["name_id"], r["name_en"], int(r["year"]), int(r["rank"]), int(r["n"]))


# ---------------------------------------------------------------- peers

N_PEERS = 5
MAIN_INDICATORS = (  # the peers table: the real headline series first, then two SPM fields (simulated)
    "bps_ipm_2024",
    "bps_p0",
    "wb_electricity_access",
    "wb_water_access",
    "wb_literacy_rate",
    "idm_score",
    "spm_pendidikan",
    "spm_kesehatan",
)
_KM_OFFSET = 10.0  # log(km + 10): the provincial capitals themselves are 2–4 km from the capital point


def similarity_features(regencies: pd.DataFrame) -> pd.DataFrame:
    """Standardised log(population 2019) and log(km to the provincial capital + 10), over the 56."""
    feats = pd.DataFrame(
        {
            "log_population": np.log(regencies["population"].to_numpy(dtype=float)),
            "log_km": np.log(regencies["km_to_capital"].to_numpy(dtype=float) + _KM_OFFSET),
        },
        index=regencies["code"].to_numpy(),
    )
    return (feats - feats.mean()) / feats.std(ddof=0)


def peers(regencies: pd.DataFrame, region: str, n: int = N_PEERS) -> pd.DataFrame:
    """The ``n`` most similar regencies of the same type: Euclidean distance on the standardised features."""
    feats = similarity_features(regencies)
    me = regencies.set_index("code").loc[region]
    if not np.isfinite(feats.loc[region]).all():
        return regencies.iloc[0:0].assign(distance=pd.Series(dtype=float))
    same = regencies[(regencies["region_type"] == me["region_type"]) & (regencies["code"] != region)].copy()
    diff = feats.loc[same["code"]] - feats.loc[region]
    same["distance"] = np.sqrt((diff**2).sum(axis=1, skipna=False)).to_numpy()
    same = same[np.isfinite(same["distance"])]
    return same.sort_values(["distance", "code"]).head(n).reset_index(drop=True)


def peer_values(values: pd.DataFrame, card: pd.DataFrame, regencies: pd.DataFrame, region: str, peer_codes: list[str]) -> pd.DataFrame:
    """Long table: the regency and its peers on the main indicators it has, in the scorecard's year."""
    columns = ["code", "name", "indicator_id", "year", "value", "status", "rank", "n", "simulated"]
    if card.empty:
        return pd.DataFrame(columns=columns)
    have = card[card["indicator_id"].isin(MAIN_INDICATORS)].set_index("indicator_id").to_dict("index")
    codes = [region, *peer_codes]
    names = dict(zip(regencies["code"], regencies["name"], strict=True))
    main = values[values["indicator_id"].isin(list(have))]
    rows = []
    for indicator in [i for i in MAIN_INDICATORS if i in have]:
        part = main[main["indicator_id"] == indicator]
        status = dict(zip(part["code"], part["status"], strict=True))
        value = dict(zip(part["code"], part["value"], strict=True))
        scored = part.loc[part["status"] == "value", "value"].to_numpy(dtype=float)
        m = have[indicator]
        for code in codes:
            shown = status.get(code, "missing")
            rows.append(
                {
                    "code": code,
                    "name": names.get(code, code),
                    "indicator_id": indicator,
                    "year": int(m["year"]),
                    "value": float(value[code]) if shown == "value" else None,
                    "status": shown,
                    "rank": rank_among(scored, float(value[code]), int(m["direction"])) if shown == "value" else None,
                    "n": int(scored.size),
                    "simulated": bool(m["simulated"]),
                }
            )
    return pd.DataFrame(rows, columns=columns)


def with_year(name: str, year: int) -> str:
    """``HLS 2024``, never ``HLS 2024 2024``: some indicator names carry their year already."""
    return name if str(year) in name else f"{name} {year}"


# ---------------------------------------------------------------- inside the regency

VILLAGE_STATUSES = ("MANDIRI", "MAJU", "BERKEMBANG", "TERTINGGAL", "SANGAT TERTINGGAL")
LAGGING_STATUSES = ("TERTINGGAL", "SANGAT TERTINGGAL")


def default_sub_indicator(options: list[str], region_type: str) -> str | None:
    """IDM (real, per village) where it applies; in a city, whose villages are kelurahan, the distance
    to the nearest puskesmas (real, per village), else the first other."""
    if region_type != "kota" and "idm_score" in options:
        return "idm_score"
    if "acc_km_puskesmas" in options:
        return "acc_km_puskesmas"
    others = [i for i in options if not i.startswith("idm_")]
    return others[0] if others else (options[0] if options else None)


def district_map_choice(
    indicators: list[str], levels: dict[str, list[str]], years: dict[str, list[int]], region_type: str
) -> tuple[str, int] | None:
    """The indicator and year of a regency's district map on a slide or the one-page profile: the
    page's default indicator among those with districts (IDM; in a city the distance to a
    puskesmas), in its latest district year. ``levels`` and ``years`` give each indicator's levels
    and its district years."""
    with_districts = [i for i in indicators if "kecamatan" in levels.get(i, []) and years.get(i)]
    indicator = default_sub_indicator(with_districts, region_type)
    return None if indicator is None else (indicator, max(years[indicator]))


def lag_ranked(frame: pd.DataFrame, direction: int) -> pd.DataFrame:
    """Districts or villages furthest behind first (rank 1); those without a value after them."""
    rows = frame.copy()
    have = rows["status"] == "value"
    rows["lag_rank"] = pd.Series(pd.NA, index=rows.index, dtype="Int64")
    rows.loc[have, "lag_rank"] = rank_values(rows.loc[have, "value"], -direction)  # worst first; neutral: highest first
    rows["_none"] = ~have
    return rows.sort_values(["_none", "lag_rank", "name"]).drop(columns="_none").reset_index(drop=True)


def village_status_counts(villages: pd.DataFrame) -> pd.DataFrame:
    """Villages per IDM status (every status, also those with none), then kelurahan and unscored villages."""
    desa = villages[~villages["not_applicable"].fillna(False).astype(bool)]
    counts = desa["status"].value_counts()
    rows = [{"status": s, "n": int(counts.get(s, 0))} for s in VILLAGE_STATUSES]
    rows.append({"status": "NO_STATUS", "n": int(desa["status"].isna().sum())})
    rows.append({"status": "NOT_APPLICABLE", "n": int(len(villages) - len(desa))})
    return pd.DataFrame(rows)


def lagging_villages(villages: pd.DataFrame) -> pd.DataFrame:
    """Villages with an IDM score, lowest first (rank 1 = furthest behind)."""
    scored = villages[villages["idm_score"].notna()].copy()
    scored["lag_rank"] = rank_values(scored["idm_score"], -1)
    return scored.sort_values(["lag_rank", "code"]).reset_index(drop=True)


# ---------------------------------------------------------------- distances to service points

DISTANCE_KINDS = ("plbn", "kanim")


SERVING = ("open", "unverified")  # planned posts and closed offices serve nobody yet / any more


def district_distances(districts: pd.DataFrame, points: pd.DataFrame) -> pd.DataFrame:
    """Straight-line km from each district's representative point to the nearest serving point of each kind.

    Points anywhere in Kalimantan count (the nearest office may be in the next regency). A kind
    with no located point gives an unknown distance, never zero.
    """
    out = districts[["code", "name"]].copy()
    serving = points[points["status"].isin(SERVING)]
    for kind in DISTANCE_KINDS:
        kind_points = serving[serving["kind"] == kind].reset_index(drop=True)
        km, index = nearest.nearest_km(districts["rep_lon"], districts["rep_lat"], kind_points["lon"], kind_points["lat"])
        names = kind_points["name"].to_numpy(dtype=object)
        out[f"{kind}_name"] = [names[i] if i >= 0 else None for i in index]
        out[f"{kind}_km"] = np.round(km, 1)
    return out.reset_index(drop=True)


FACILITY_ORDER = ("puskesmas", "hospital", "sd", "smp", "sma", "smk", "slb")
FARTHEST_N = 10


def points_in_bbox(points: pd.DataFrame, bbox: tuple[float, float, float, float], pad: float = 0.1) -> pd.DataFrame:
    """Service points inside a (padded) bounding box, for drawing on the regency's map."""
    lon0, lat0, lon1, lat1 = bbox
    dx, dy = (lon1 - lon0) * pad, (lat1 - lat0) * pad
    inside = points["lon"].between(lon0 - dx, lon1 + dx) & points["lat"].between(lat0 - dy, lat1 + dy)
    return points[inside]


# ---------------------------------------------------------------- downloads


def indicator_years(card: pd.DataFrame, whole_series: bool = False) -> dict[str, str]:
    """Years per scorecard indicator for a metadata sheet: the latest year, or the whole trend's span."""
    if card.empty:
        return {}
    if whole_series:
        return {r["indicator_id"]: years_text(r["trend_years"] or [r["year"]]) for r in card.to_dict("records")}
    return {i: str(int(y)) for i, y in zip(card["indicator_id"], card["year"], strict=True)}


def years_text(years: list[int] | pd.Series) -> str:
    """``2024`` or ``2019–2025`` for the metadata sheet."""
    distinct = sorted({int(y) for y in years})
    if not distinct:
        return ""
    return str(distinct[0]) if len(distinct) == 1 else f"{distinct[0]}–{distinct[-1]}"


def file_stem(region: str, name: str) -> str:
    """``profil_61-06_kapuas_hulu``: a safe file name for the downloads."""
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower().removeprefix("kabupaten ").removeprefix("kota ")).strip("_")
    return f"profil_{region.replace('.', '-')}_{slug}"
