"""Tables of the regency profile page, in the user's language and number format, and the downloads.

The page shows strings (``1.234,5`` in Indonesian); the downloads keep numbers as numbers, with
both languages' names and a metadata sheet. The numbers come from ``services.profile``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from kalimantan_equity.services.i18n import fmt_number, label, t
from kalimantan_equity.services.profile import (
    DISTANCE_KINDS,
    FACILITY_ORDER,
    VILLAGE_STATUSES,
    Area,
    StrongestWeakest,
    indicator_name,
    lag_ranked,
    lagging_villages,
    regency_meta,
    similarity_features,
    with_year,
)

# ---------------------------------------------------------------- scorecard


def _unit(row: pd.Series | Mapping[str, Any], lang: str) -> str:
    unit: str = row["unit_id"] if lang == "id" else row["unit_en"]
    return unit


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


def summary_markdown(result: StrongestWeakest, regency: str, lang: str) -> str:
    """Two sentences in the chosen language, built from the numbers."""
    if not result.n_indicators:
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

    if result.strongest:
        text = t("profile_summary_strong", lang, regency=regency, items=items(result.strongest))
    else:
        text = t("profile_summary_no_strong", lang, regency=regency)
    if result.weakest:
        return text + "\n\n" + t("profile_summary_weak", lang, items=items(result.weakest))
    return text + "\n\n" + t("profile_summary_no_weak", lang)


# ---------------------------------------------------------------- peers


def summary_slide_markdown(result: StrongestWeakest, regency: str, lang: str) -> str:
    """The summary on a slide: the strongest and the weakest areas as two short lists (Markdown)."""
    if not result.n_indicators:
        return t("profile_summary_none", lang, regency=regency)

    def block(kind: str, areas: list[Area]) -> str:
        head = f"**{t(f'deck_profile_{kind}', lang)}** · {t(f'profile_slide_{kind}_rule', lang)}"
        if not areas:
            return f"{head}  \n{t(f'deck_profile_{kind}_none', lang)}"
        items = (
            t("profile_slide_item", lang, area=label("sectors", a.sector, lang),
              indicator=with_year(a.name_id if lang == "id" else a.name_en, a.year), rank=a.rank, n=a.n)
            for a in areas
        )  # fmt: skip
        return head + "\n" + "\n".join(f"- {item}" for item in items)

    return block("strong", result.strongest) + "\n\n" + block("weak", result.weakest)


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

_STATUS_KEYS = {s: "profile_status_" + s.lower().replace(" ", "_") for s in VILLAGE_STATUSES}


def status_label(status: str | float | None, lang: str) -> str:  # a missing status read from a table is NaN
    if status is None or (isinstance(status, float) and math.isnan(status)):
        return t("profile_status_none", lang)
    key = _STATUS_KEYS.get(str(status).upper())
    return t(key, lang) if key else str(status)


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


def distances_display(distances: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = {t("profile_col_district", lang): distances["name"]}
    for kind in DISTANCE_KINDS:
        kind_label = label("point_kinds", kind, lang)
        out[t("profile_col_nearest", lang, kind=kind_label)] = distances[f"{kind}_name"].fillna("—")
        out[t("profile_col_km_to", lang, kind=kind_label)] = [fmt_number(v, lang, 1) for v in distances[f"{kind}_km"]]
    return pd.DataFrame(out)


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
    meta = regency_meta(catalogue)
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
