"""Service access tables for people and spreadsheets: per-area summaries, the scenario comparison,
the mobile services and unlocated villages, and the metadata sheet of an export. Headers in the
user's language; numbers formatted for the screen or kept numeric for a spreadsheet."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from kalimantan_equity.services.access import MOBILE, NewPoint, PointSet, Settings, Villages, counts_as_fixed
from kalimantan_equity.services.accessview import detour_text, kinds_text
from kalimantan_equity.services.i18n import fmt_number, label, t, tn


def area_table(summary: pd.DataFrame, lang: str, level: str, threshold: str, formatted: bool = True, partial: bool = True) -> pd.DataFrame:
    """A summary in the user's language, farthest first: numbers as the language writes them for the
    screen, or numeric (km to 0.1) with a code column for a spreadsheet (``formatted=False``). The
    partial-coverage columns only where a mobile service counts (``partial``)."""
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
        *([("access_col_mobile", "n_mobile_partial", 0), ("access_col_partial", "partial_equiv", 1)] if partial else []),
    ]
    for key, column, decimals in numbers:
        values = summary[column]
        out[t(key, lang, threshold=threshold)] = [fmt_number(v, lang, decimals) for v in values] if formatted else values.round(decimals)
    return out.reset_index(drop=True)


def _comparison_columns(scenarios: list[str], lang: str, threshold: str, partial: bool = True) -> dict[str, str]:
    columns = {
        "code": t("access_col_code", lang),
        "name": t("access_col_area", lang),
        "n_villages": t("access_col_villages", lang),
        "within_now": t("access_col_within_now", lang, threshold=threshold),
        "median_now_km": t("access_col_median_now", lang),
        "partial_now": t("access_col_partial_now", lang),
    }
    if not partial:
        del columns["partial_now"]
    for key in scenarios:
        columns |= {
            f"within_{key}": t("access_col_within_s", lang, scenario=key, threshold=threshold),
            f"brought_{key}": t("access_col_brought_s", lang, scenario=key, threshold=threshold),
            f"median_{key}_km": t("access_col_median_s", lang, scenario=key),
            f"median_change_{key}_km": t("access_col_median_change_s", lang, scenario=key),
        }
        if partial:
            columns[f"partial_{key}"] = t("access_col_partial_s", lang, scenario=key)
    return columns


def comparison_export(wide: pd.DataFrame, scenarios: list[str], lang: str, threshold: str, partial: bool = True) -> pd.DataFrame:
    """The comparison with numbers kept numeric (rounded to 0.1 km) and headers in the user's language."""
    columns = _comparison_columns(scenarios, lang, threshold, partial)
    out = wide[list(columns)].copy()
    for column in out.columns:
        if column.endswith("_km") or column.startswith("partial"):
            out[column] = out[column].round(1)
    return out.rename(columns=columns)


def comparison_display(wide: pd.DataFrame, scenarios: list[str], lang: str, threshold: str, partial: bool = True) -> pd.DataFrame:
    """The comparison as the user reads it: numbers in the language's format, changes signed."""
    columns = _comparison_columns(scenarios, lang, threshold, partial)
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
        (t("access_meta_unlocated", lang), tn("access_unlocated", n_unlocated, lang)),
        (t("access_meta_source", lang), cite),
        (t("access_meta_reality", lang), t("access_real_not_simulated", lang)),
    ]
    return pd.DataFrame(rows, columns=[t("access_meta_item", lang), t("access_meta_value", lang)])
