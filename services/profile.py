"""Regency profile: how one regency compares, on which services, and which of its districts and villages lag.

Plain Python on query results (no Streamlit): the link parameter check, the scorecard with ranks,
group means and a standardised, direction-aware lag score, the plain-language summary, peers,
district and village tables, distances to service points, and the tables behind every download.

Group means follow ``services.summary``: population-weighted, ratio of totals or a plain mean, as
the catalogue's ``aggregate`` column says for each indicator.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from geo import nearest
from services import mapview, summary
from services.i18n import fmt_number, label, t
from services.mapview import rank_values

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
    return regencies.sort_values(["prov_code", "name"])["code"].tolist()


def picker_labels(regencies: pd.DataFrame) -> dict[str, str]:
    """``Kalimantan Barat › Kabupaten Kapuas Hulu``: typing either part finds it."""
    return {c: f"{p} › {n}" for c, p, n in zip(regencies["code"], regencies["province"], regencies["name"], strict=True)}


# ---------------------------------------------------------------- scorecard

SUMMARY_SINCE = 2019  # the current real series start in 2019; the DAPOER 2000–2014 series describe another decade
_MIN_FOR_Z = 3  # a z-score among fewer regencies says nothing


def _meta(catalogue: pd.DataFrame) -> pd.DataFrame:
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
    meta = _meta(catalogue).to_dict("index")
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
    meta = _meta(catalogue)
    shown = set(card["indicator_id"]) if not card.empty else set()
    na = [i for i in meta.index if i in set(not_applicable["indicator_id"]) and i not in shown]
    missing = [i for i in meta.index if i not in shown and i not in na]
    return na, missing


def indicator_name(row: pd.Series | dict, lang: str) -> str:
    return row["name_id"] if lang == "id" else row["name_en"]


def _unit(row: pd.Series | dict, lang: str) -> str:
    return row["unit_id"] if lang == "id" else row["unit_en"]


def _signed(value: float | None, lang: str, decimals: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = fmt_number(value, lang, decimals)
    if text.strip("0,.") == "":
        return text
    return ("+" if value > 0 else "−") + text.lstrip("-")


def _note(note: str | None, lang: str) -> str:
    """Notes are stored as ``Indonesian / English``; show the language's half."""
    if not note:
        return ""
    parts = [p.strip() for p in str(note).split(" / ", 1)]
    return parts[0] if lang == "id" or len(parts) == 1 else parts[1]


def data_badge(simulated: bool, lang: str) -> str:
    return f"⚠ {t('profile_simulated', lang)}" if simulated else f"✓ {t('profile_real', lang)}"


def scorecard_display(card: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The scorecard as a user reads it: numbers in the language's format, one trend list per row."""
    rows = []
    for r in card.to_dict("records"):
        d = r["decimals"]
        rows.append(
            {
                t("profile_col_order", lang): r["order"],
                t("profile_col_indicator", lang): ("⚠ " if r["simulated"] else "") + indicator_name(r, lang),
                t("profile_col_year", lang): str(r["year"]),
                t("profile_col_value", lang): fmt_number(r["value"], lang, d),
                t("profile_col_unit", lang): _unit(r, lang),
                t("profile_col_rank", lang): "—" if r["rank"] is None else f"{r['rank']} / {r['n']}",
                t("profile_col_prov_rank", lang): "—" if r["prov_rank"] is None else f"{r['prov_rank']} / {r['prov_n']}",
                t("profile_col_lag", lang): _signed(r["lag_score"], lang, 2),
                t("profile_col_trend", lang): r["trend_values"] if len(r["trend_values"]) > 1 else None,  # one year is no trend
                t("profile_col_diff_prov", lang): _signed(r["diff_prov"], lang, d),
                t("profile_col_cities_mean", lang): fmt_number(r["cities_mean"], lang, d),
                t("profile_col_target", lang): "" if r["target"] is None else fmt_number(r["target"], lang, d),
                t("profile_col_data", lang): data_badge(r["simulated"], lang),
                t("profile_col_sector", lang): label("sectors", r["sector"], lang),
                t("profile_col_source", lang): r["citation_id"] if lang == "id" else r["citation_en"],
                t("profile_col_trend_years", lang): _trend_years_label(r["trend_years"]),
                t("profile_col_note", lang): _note(r["note"], lang),
            }
        )
    return pd.DataFrame(rows)


def _trend_years_label(years: list[int]) -> str:
    """``2010–2021 (12)``: the span of a trend line and how many years it has."""
    if not years:
        return "—"
    if len(years) == 1:
        return str(years[0])
    return f"{years[0]}–{years[-1]} ({len(years)})"


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
class Summary:
    strongest: list[Area]
    weakest: list[Area]
    n_indicators: int


def summarise(card: pd.DataFrame, k: int = 3) -> Summary:
    """The ``k`` strongest and ``k`` weakest areas, from the numbers only.

    An area is a sector (SPM field or theme); its score is the mean lag score of its real,
    directional indicators from ``SUMMARY_SINCE`` on, leaving out counts (which follow size) and
    figures with a caveat note. Simulated series never speak for a regency in the summary.
    Strongest and weakest never name the same area.
    """
    if card.empty:
        return Summary([], [], 0)
    use = card[
        ~card["simulated"]
        & (card["direction"] != 0)
        & card["lag_score"].notna()
        & (card["year"] >= SUMMARY_SINCE)
        & (card["aggregate"] != "sum")  # counts (poor people, schools) grow with the regency's size
        & card["note"].isna()  # a figure its publisher flags (BPS: "doubtful") does not speak for the regency
    ]
    if use.empty:
        return Summary([], [], 0)
    scores = use.groupby("sector")["lag_score"].mean().sort_values(ascending=False, kind="stable")
    n = len(scores)
    n_strong = min(k, math.ceil(n / 2))
    n_weak = min(k, n - n_strong)
    strong = [_area(use, s, float(scores[s]), best=True) for s in scores.index[:n_strong]]
    weak = [_area(use, s, float(scores[s]), best=False) for s in scores.index[::-1][:n_weak]]
    return Summary(strong, weak, len(use))


def _area(use: pd.DataFrame, sector: str, score: float, best: bool) -> Area:
    part = use[use["sector"] == sector].sort_values(["lag_score", "indicator_id"], ascending=[not best, True])
    r = part.iloc[0]
    return Area(sector, score, r["indicator_id"], r["name_id"], r["name_en"], int(r["year"]), int(r["rank"]), int(r["n"]))


def summary_markdown(result: Summary, regency: str, lang: str) -> str:
    """Two sentences in the chosen language, built from the numbers."""
    if not result.strongest:
        return t("profile_summary_none", lang, regency=regency)

    def items(areas: list[Area]) -> str:
        return "; ".join(
            t(
                "profile_summary_item",
                lang,
                area=label("sectors", a.sector, lang),
                indicator=with_year(a.name_id if lang == "id" else a.name_en, a.year),
                rank=a.rank,
                n=a.n,
            )
            for a in areas
        )

    text = t("profile_summary_strong", lang, regency=regency, items=items(result.strongest))
    if result.weakest:
        text += "\n\n" + t("profile_summary_weak", lang, items=items(result.weakest))
    return text


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


def peers_export(regencies: pd.DataFrame, peer_frame: pd.DataFrame, region: str) -> pd.DataFrame:
    """The regency and its peers with what similarity was measured on."""
    feats = similarity_features(regencies)
    rows = regencies.set_index("code")
    distance = dict(zip(peer_frame["code"], peer_frame["distance"], strict=True))
    codes = [region, *peer_frame["code"]]
    return pd.DataFrame(
        {
            "code": codes,
            "name": [rows.loc[c, "name"] for c in codes],
            "region_type": [rows.loc[c, "region_type"] for c in codes],
            "population": [rows.loc[c, "population"] for c in codes],
            "population_year": [rows.loc[c, "population_year"] for c in codes],
            "km_to_capital": [rows.loc[c, "km_to_capital"] for c in codes],
            "z_log_population": [feats.loc[c, "log_population"] for c in codes],
            "z_log_km_capital": [feats.loc[c, "log_km"] for c in codes],
            "similarity_distance": [0.0 if c == region else float(distance[c]) for c in codes],
        }
    )


def with_year(name: str, year: int) -> str:
    """``HLS 2024``, never ``HLS 2024 2024``: some indicator names carry their year already."""
    return name if str(year) in name else f"{name} {year}"


def peer_display(
    regencies: pd.DataFrame, peer_frame: pd.DataFrame, long: pd.DataFrame, card: pd.DataFrame, region: str, lang: str
) -> pd.DataFrame:
    """Side by side: one column per regency (the chosen one first), one row per measure."""
    info = regencies.set_index("code")
    distance = dict(zip(peer_frame["code"], peer_frame["distance"], strict=True))
    meta = card.set_index("indicator_id") if not card.empty else card
    codes = [region, *peer_frame["code"]]
    measure = t("profile_col_measure", lang)
    rows: list[dict[str, object]] = [
        {measure: t("profile_col_similarity", lang)}
        | {info.loc[c, "name"]: t("profile_this_regency", lang) if c == region else fmt_number(distance[c], lang, 2) for c in codes},
        {measure: t("profile_col_population", lang)} | {info.loc[c, "name"]: fmt_number(info.loc[c, "population"], lang, 0) for c in codes},
        {measure: t("profile_col_km_capital", lang)}
        | {info.loc[c, "name"]: fmt_number(info.loc[c, "km_to_capital"], lang, 0) for c in codes},
    ]
    for indicator, part in long.groupby("indicator_id", sort=False):
        m = meta.loc[indicator]
        header = f"{with_year(indicator_name(m, lang), int(part['year'].iloc[0]))} ({_unit(m, lang)})"
        if bool(m["simulated"]):
            header = f"⚠ {t('profile_simulated', lang)} · {header}"
        row: dict[str, object] = {measure: header}
        for r in part.to_dict("records"):
            if r["status"] == "value":
                text = f"{fmt_number(r['value'], lang, int(m['decimals']))} (#{r['rank']})"
            else:
                text = t("profile_not_applicable" if r["status"] == "na" else "profile_no_data", lang)
            row[info.loc[r["code"], "name"]] = text
        rows.append(row)
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- inside the regency

VILLAGE_STATUSES = ("MANDIRI", "MAJU", "BERKEMBANG", "TERTINGGAL", "SANGAT TERTINGGAL")
LAGGING_STATUSES = ("TERTINGGAL", "SANGAT TERTINGGAL")
_STATUS_KEYS = {s: "profile_status_" + s.lower().replace(" ", "_") for s in VILLAGE_STATUSES}


def status_label(status: str | None, lang: str) -> str:
    if status is None or (isinstance(status, float) and math.isnan(status)):
        return t("profile_status_none", lang)
    key = _STATUS_KEYS.get(str(status).upper())
    return t(key, lang) if key else str(status)


def default_sub_indicator(options: list[str], region_type: str) -> str | None:
    """IDM (real, per village) where it applies; in a city, whose villages are kelurahan, the distance
    to the nearest puskesmas (real, per village), else the first other."""
    if region_type != "kota" and "idm_score" in options:
        return "idm_score"
    if "acc_km_puskesmas" in options:
        return "acc_km_puskesmas"
    others = [i for i in options if not i.startswith("idm_")]
    return others[0] if others else (options[0] if options else None)


def lag_ranked(frame: pd.DataFrame, direction: int) -> pd.DataFrame:
    """Districts or villages furthest behind first (rank 1); those without a value after them."""
    rows = frame.copy()
    have = rows["status"] == "value"
    rows["lag_rank"] = pd.Series(pd.NA, index=rows.index, dtype="Int64")
    rows.loc[have, "lag_rank"] = rank_values(rows.loc[have, "value"], -direction)  # worst first; neutral: highest first
    rows["_none"] = ~have
    return rows.sort_values(["_none", "lag_rank", "name"]).drop(columns="_none").reset_index(drop=True)


def subregion_export(frame: pd.DataFrame, meta: pd.Series, year: int, direction: int) -> pd.DataFrame:
    """The map's data, as downloaded: one row per district or village, furthest behind first."""
    ranked = lag_ranked(frame, direction)
    out = {"lag_rank": ranked["lag_rank"], "code": ranked["code"], "name": ranked["name"], "level": ranked["level"]}
    if (ranked["level"] == "desa").any():
        out["district_code"] = ranked["parent_code"]
        out["district"] = ranked["parent_name"]
    out.update(
        {
            "indicator_id": meta["indicator_id"],
            "year": year,
            "value": ranked["value"].astype(float),
            "status": ranked["status"],
            "unit": meta["unit_en"],
            "simulated": bool(meta["simulated"]),
        }
    )
    return pd.DataFrame(out)


def subregion_display(frame: pd.DataFrame, meta: pd.Series, direction: int, lang: str) -> pd.DataFrame:
    ranked = lag_ranked(frame, direction)
    decimals = int(meta["decimals"])
    out = {
        t("profile_col_lag_rank", lang): ranked["lag_rank"],
        t("profile_col_name", lang): ranked["name"],
    }
    if (ranked["level"] == "desa").any():
        out[t("profile_col_district", lang)] = ranked["parent_name"]
    out[t("profile_col_value", lang)] = [
        fmt_number(v, lang, decimals) if s == "value" else t("profile_not_applicable" if s == "na" else "profile_no_data", lang)
        for v, s in zip(ranked["value"], ranked["status"], strict=True)
    ]
    if bool(meta["simulated"]):
        out[t("profile_col_data", lang)] = data_badge(True, lang)
    return pd.DataFrame(out)


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


def villages_export(villages: pd.DataFrame, year: int) -> pd.DataFrame:
    ranked = lagging_villages(villages)
    return pd.DataFrame(
        {
            "lag_rank": ranked["lag_rank"],
            "code": ranked["code"],
            "name": ranked["name"],
            "district_code": ranked["district_code"],
            "district": ranked["district"],
            "year": year,
            "idm_status": ranked["status"],
            "idm_score": ranked["idm_score"],
            "idm_iks": ranked["idm_iks"],
            "idm_ike": ranked["idm_ike"],
            "idm_ikl": ranked["idm_ikl"],
            "has_polygon": ranked["has_polygon"],
        }
    )


def villages_display(villages: pd.DataFrame, lang: str) -> pd.DataFrame:
    ranked = lagging_villages(villages)
    return pd.DataFrame(
        {
            t("profile_col_lag_rank", lang): ranked["lag_rank"],
            t("profile_col_village", lang): ranked["name"],
            t("profile_col_district", lang): ranked["district"],
            t("profile_col_status", lang): [status_label(s, lang) for s in ranked["status"]],
            "IDM": [fmt_number(v, lang, 4) for v in ranked["idm_score"]],
            "IKS": [fmt_number(v, lang, 4) for v in ranked["idm_iks"]],
            "IKE": [fmt_number(v, lang, 4) for v in ranked["idm_ike"]],
            "IKL": [fmt_number(v, lang, 4) for v in ranked["idm_ikl"]],
        }
    )


# ---------------------------------------------------------------- distances to service points

DISTANCE_KINDS = ("plbn", "kanim")
_RING = "#3b3b3b"  # the regency's boundary, as dark as the overview's province outlines
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


def distances_display(distances: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = {t("profile_col_district", lang): distances["name"]}
    for kind in DISTANCE_KINDS:
        kind_label = label("point_kinds", kind, lang)
        out[t("profile_col_nearest", lang, kind=kind_label)] = distances[f"{kind}_name"].fillna("—")
        out[t("profile_col_km_to", lang, kind=kind_label)] = [fmt_number(v, lang, 1) for v in distances[f"{kind}_km"]]
    return pd.DataFrame(out)


FACILITY_ORDER = ("puskesmas", "hospital", "sd", "smp", "sma", "smk", "slb")
FARTHEST_N = 10


def facilities_display(facilities: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A regency's own facilities by kind: counted in distances, kept out (with the catalogue page
    saying why), and staff where the register gives it (puskesmas and hospitals). Unknown staff is
    a dash, not zero."""
    rank = {k: i for i, k in enumerate(FACILITY_ORDER)}
    rows = facilities.assign(_r=facilities["kind"].map(rank).fillna(len(rank))).sort_values("_r")
    return pd.DataFrame(
        {
            t("profile_col_facility", lang): [label("point_kinds", k, lang) for k in rows["kind"]],
            t("profile_col_used", lang): [fmt_number(v, lang, 0) for v in rows["n_used"]],
            t("profile_col_flagged", lang): [fmt_number(v, lang, 0) for v in rows["n_flagged"]],
            t("profile_col_doctors", lang): [fmt_number(v, lang, 0) if pd.notna(v) else "—" for v in rows["doctors"]],
            t("profile_col_midwives", lang): [fmt_number(v, lang, 0) if pd.notna(v) else "—" for v in rows["midwives"]],
        }
    )


def farthest_display(villages: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The villages farthest from a puskesmas, with their school distances (straight-line km)."""
    out = {t("profile_col_village", lang): villages["name"], t("profile_col_district", lang): villages["district"]}
    for kind in ("puskesmas", "sd", "smp", "sma"):
        name = label("point_kinds", kind, lang) if kind != "sma" else "SMA/SMK"
        out[t("profile_col_km_to", lang, kind=name)] = [fmt_number(v, lang, 1) if pd.notna(v) else "—" for v in villages[kind]]
    return pd.DataFrame(out)


def regency_map(
    frame: pd.DataFrame,
    meta: mapview.IndicatorMeta,
    year: int,
    lang: str,
    layer: mapview.MapLayer,
    regency_layer: mapview.MapLayer,
    region: str,
    points: pd.DataFrame | None,
    bbox: tuple[float, float, float, float],
    height: int = 560,
    high_contrast: bool = False,
) -> go.Figure:
    """The equity map's choropleth (geometry by URL) zoomed to one regency, ringed by its own boundary.

    The province outlines are left out: zoomed in, a province reaches past the view and its clipped
    outline would draw a box along the edges. The regency's boundary lies inside the view.
    """
    fig = mapview.build_map(frame, meta, year, lang, layer, points=points, bbox=bbox, height=height, high_contrast=high_contrast)
    ring = dict(
        type="choropleth",
        geojson=regency_layer.url,
        locations=[region],
        z=[0],
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        showscale=False,
        showlegend=False,
        hoverinfo="skip",
        marker=dict(line=dict(color=_RING, width=1.5)),
        name="kabupaten",
    )
    return go.Figure(data=[*fig.data, ring], layout=fig.layout, _validate=False)


def points_in_bbox(points: pd.DataFrame, bbox: tuple[float, float, float, float], pad: float = 0.1) -> pd.DataFrame:
    """Service points inside a (padded) bounding box, for drawing on the regency's map."""
    lon0, lat0, lon1, lat1 = bbox
    dx, dy = (lon1 - lon0) * pad, (lat1 - lat0) * pad
    inside = points["lon"].between(lon0 - dx, lon1 + dx) & points["lat"].between(lat0 - dy, lat1 + dy)
    return points[inside]


# ---------------------------------------------------------------- downloads


def scorecard_export(card: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as downloaded: raw numbers, both languages' names, and the trend as text."""
    if card.empty:
        return card
    out = card[
        [
            "order",
            "indicator_id",
            "sector",
            "name_id",
            "name_en",
            "unit_id",
            "unit_en",
            "year",
            "value",
            "n",
            "rank",
            "prov_n",
            "prov_rank",
            "prov_mean",
            "diff_prov",
            "cities_mean",
            "target",
            "weighting",
            "z",
            "lag_score",
            "simulated",
            "source_id",
            "licence",
            "note",
        ]
    ].copy()
    for column in ("rank", "prov_rank"):
        out[column] = out[column].astype("Int64")
    for column in ("prov_mean", "diff_prov", "cities_mean", "target", "z", "lag_score"):
        out[column] = out[column].astype(float)
    return out


def trend_export(card: pd.DataFrame) -> pd.DataFrame:
    """Every point of every trend line: one row per indicator and year (series never joined)."""
    rows = [
        {"indicator_id": r["indicator_id"], "year": y, "value": v, "simulated": r["simulated"]}
        for r in card.to_dict("records")
        for y, v in zip(r["trend_years"], r["trend_values"], strict=True)
    ]
    return pd.DataFrame(rows, columns=["indicator_id", "year", "value", "simulated"])


def metadata(catalogue: pd.DataFrame, years: dict[str, str], sources: pd.DataFrame, datasets: dict[str, str]) -> pd.DataFrame:
    """The workbook's metadata sheet: every indicator and dataset in it, in both languages.

    ``years`` maps indicator ids to the years the workbook holds; ``datasets`` maps the id of a
    non-indicator table (village status, service points, boundaries) to its source id.
    """
    meta = _meta(catalogue)
    src = sources.set_index("source_id")
    rows = []
    for indicator, year_text in years.items():
        if indicator not in meta.index:
            continue
        m = meta.loc[indicator]
        rows.append(
            {
                "kind": "indicator",
                "id": indicator,
                "name_id": m["name_id"],
                "name_en": m["name_en"],
                "unit_id": m["unit_id"],
                "unit_en": m["unit_en"],
                "years": year_text,
                "direction": int(m["direction"]),
                "aggregate": m["aggregate"],
                "source": m["source_title"],
                "publisher": m["publisher"],
                "licence": m["licence"],
                "citation_id": m["citation_id"],
                "citation_en": m["citation_en"],
                "simulated": bool(m["simulated"]),
                "method_id": m["method_id"],
                "method_en": m["method_en"],
            }
        )
    for dataset, source_id in datasets.items():
        s = src.loc[source_id] if source_id in src.index else None
        rows.append(
            {
                "kind": "dataset",
                "id": dataset,
                "name_id": t(f"profile_dataset_{dataset}", "id"),
                "name_en": t(f"profile_dataset_{dataset}", "en"),
                "source": None if s is None else s["title"],
                "publisher": None if s is None else s["publisher"],
                "licence": None if s is None else s["licence"],
                "citation_id": None if s is None else s["citation_id"],
                "citation_en": None if s is None else s["citation_en"],
                "simulated": False if s is None else bool(s["simulated"]),
            }
        )
    for method in ("lag_score", "peers", "distance"):
        rows.append(
            {
                "kind": "method",
                "id": method,
                "name_id": t(f"profile_method_{method}", "id"),
                "name_en": t(f"profile_method_{method}", "en"),
                "simulated": False,
            }
        )
    return pd.DataFrame(rows)


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
