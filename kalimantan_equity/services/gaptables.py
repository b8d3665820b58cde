"""Tables of the gap-analysis page, in the user's language and number format, and the download.

The page shows strings (``1.234,5`` in Indonesian); the Excel download keeps numbers as numbers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kalimantan_equity.services import export
from kalimantan_equity.services.gaps import ALL, Contributions, GroupTable
from kalimantan_equity.services.gapview import DISPLAY
from kalimantan_equity.services.i18n import fmt_number, label, t

# Each measure of the methods panel with its formula (KaTeX), in the order the page explains them.
METHODS: tuple[tuple[str, str], ...] = (
    ("gap_method_means", r"\bar y = \frac{1}{n}\sum_i y_i \qquad \mu = \sum_i p_i\, y_i,\quad p_i = \frac{N_i}{\sum_j N_j}"),
    (
        "gap_method_gap",
        r"\text{gap}_g = s\,(\mu_{\text{ref}} - \mu_g),\quad s = \begin{cases}+1 & \text{higher is better}\\ -1 & \text{lower is better}\end{cases}"
        r"\qquad \text{ratio}_g = \left(\frac{\mu_{\text{ref}}}{\mu_g}\right)^{s}",
    ),
    ("gap_method_shortfall", r"d_i = \max\bigl(0,\; s\,(\text{target} - y_i)\bigr) \qquad \bar d = \sum_i p_i\, d_i"),
    ("gap_method_gini", r"G = \frac{1}{2\mu}\sum_i\sum_j p_i\, p_j\, \lvert y_i - y_j\rvert"),
    ("gap_method_theil_t", r"T = \sum_i p_i\, \frac{y_i}{\mu} \ln\frac{y_i}{\mu}"),
    ("gap_method_theil_l", r"L = \sum_i p_i \ln\frac{\mu}{y_i}"),
    (
        "gap_method_decomposition",
        r"T = \underbrace{\sum_g P_g \frac{\mu_g}{\mu}\ln\frac{\mu_g}{\mu}}_{\text{between}} + \underbrace{\sum_g P_g \frac{\mu_g}{\mu} T_g}_{\text{within}}"
        r"\qquad L = \sum_g P_g \ln\frac{\mu}{\mu_g} + \sum_g P_g L_g",
    ),
    ("gap_method_cv", r"CV = \frac{100}{\mu}\sqrt{\sum_i p_i\,(y_i - \mu)^2}"),
    (
        "gap_method_fifth_ratio",
        r"R_{20} = \frac{\max(\mu_{\text{best }20\%},\ \mu_{\text{worst }20\%})}{\min(\mu_{\text{best }20\%},\ \mu_{\text{worst }20\%})}",
    ),
    (
        "gap_method_contribution",
        r"c_i = \frac{w_i\, d_i}{\sum_j w_j\, d_j} \qquad c^{T}_i = \frac{p_i\,(r_i \ln r_i - r_i + 1)}{T},\quad r_i = \frac{y_i}{\mu}",
    ),
)


def gap_unit(unit: str, lang: str) -> str:
    """Differences of percentages are percentage points."""
    return t("percentage_points", lang) if unit.startswith("%") else unit


def group_name(key: str, by: str, table: GroupTable, lang: str) -> str:
    if key == ALL:
        return t("all_provinces", lang)
    if by == "region_type":
        return label("region_types", key, lang)
    names = dict(zip(table.rows["group"], table.rows["name"], strict=True))
    return str(names.get(key, key))


def format_group_table(table: GroupTable, by: str, lang: str, decimals: int, unit: str, has_target: bool) -> pd.DataFrame:
    """Group summaries as shown: counts, mean, weighted mean, median, range, gap and ratio (and target)."""

    def fmt(v: float | None) -> str:
        return fmt_number(v, lang, decimals)

    rows = table.rows
    ref_key = "gap_reference_kota" if table.reference == "kota" else "gap_reference_all"
    out = pd.DataFrame(
        {
            t("gap_col_group", lang): [group_name(g, by, table, lang) for g in rows["group"]],
            t("gap_col_n", lang): [
                t("not_applicable", lang) if n_regions == 0 and n_na > 0 else t("gap_n_of", lang, n=n, total=n_regions)
                for n, n_regions, n_na in zip(rows["n_with_data"], rows["n_regions"], rows["n_na"], strict=True)
            ],
            t("gap_col_mean", lang): [fmt(v) for v in rows["mean"]],
        }
    )
    if table.has_population:
        out[t("gap_col_pop_mean", lang)] = [fmt(v) for v in rows["pop_mean"]]
    if table.weighting == "denominator":
        out[t("gap_col_headline", lang) + f" ({t('weighting_denominator', lang)})"] = [fmt(v) for v in rows["headline"]]
    out[t("gap_col_median", lang)] = [fmt(v) for v in rows["median"]]
    out[t("gap_col_range", lang)] = [
        "—" if lo is None or pd.isna(lo) else f"{fmt(lo)} – {fmt(hi)}" for lo, hi in zip(rows["min"], rows["max"], strict=True)
    ]
    reference = t(ref_key, lang)
    out[f"{t('gap_col_gap', lang)} ({gap_unit(unit, lang)}, vs {reference})"] = [fmt(v) for v in rows["gap"]]
    out[f"{t('gap_col_ratio', lang)} (vs {reference})"] = [fmt_number(v, lang, 2) for v in rows["ratio"]]
    if has_target:
        out[t("gap_col_below", lang)] = [
            t("gap_n_of", lang, n=int(b), total=int(n)) if n else "—"
            for b, n in zip(rows["n_below_target"], rows["n_with_data"], strict=True)
        ]
        out[f"{t('gap_col_shortfall', lang)} ({gap_unit(unit, lang)})"] = [fmt(v) for v in rows["mean_shortfall"]]
        if table.has_population:
            out[f"{t('gap_col_pop_shortfall', lang)} ({gap_unit(unit, lang)})"] = [fmt(v) for v in rows["pop_mean_shortfall"]]
    return out


def _scaled(value: float | None, measure: str, decimals: int, lang: str) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "—"
    scale, digits = DISPLAY.get(measure, (1.0, decimals))
    return fmt_number(float(value) * scale, lang, digits)


def format_inequality(table: pd.DataFrame, lang: str, decimals: int, unit: str, weighted: bool) -> pd.DataFrame:
    """One row per measure; the weighted column only where population exists."""
    names = [t(f"gap_m_{m}", lang, unit=unit) for m in table.index]
    out = pd.DataFrame({t("gap_col_measure", lang): names})
    for column, key in (("unweighted", "gap_col_unweighted"), ("population", "gap_col_weighted")):
        if column == "population" and not weighted:
            continue
        out[t(key, lang)] = [_scaled(v, m, decimals, lang) for m, v in zip(table.index, table[column], strict=True)]
    return out


def format_decomposition(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("gap_col_partition", lang): [t(f"gap_partition_{p}", lang) for p in table["partition"]],
            t("gap_col_measure", lang): ["Theil T" if m == "T" else "Theil L" for m in table["measure"]],
            t("gap_col_weighting", lang): [
                t("gap_col_weighted" if w == "population" else "gap_col_unweighted", lang) for w in table["weighting"]
            ],
            t("gap_col_total", lang): [_scaled(v, "theil_t", 2, lang) for v in table["total"]],
            t("gap_col_between", lang): [_scaled(v, "theil_t", 2, lang) for v in table["between"]],
            t("gap_col_within", lang): [_scaled(v, "theil_t", 2, lang) for v in table["within"]],
            t("gap_col_between_share", lang): [_scaled(v, "between", 1, lang) for v in table["between_share"]],
        }
    )


def format_contributions(con: Contributions, lang: str, decimals: int, unit: str) -> pd.DataFrame:
    rows = con.rows
    return pd.DataFrame(
        {
            t("gap_col_region", lang): rows["name"].astype(str).tolist(),
            t("gap_col_group", lang): [label("region_types", g, lang) for g in rows["region_type"]],
            t("col_province", lang): rows["province"].astype(str).tolist(),
            t("gap_col_value", lang, unit=unit): [fmt_number(v, lang, decimals) for v in rows["value"]],
            t("gap_col_region_shortfall", lang, unit=gap_unit(unit, lang)): [fmt_number(v, lang, decimals) for v in rows["shortfall"]],
            t("gap_col_share", lang): [fmt_number(v * 100, lang, 1) for v in rows["share"]],
            t("gap_col_theil_share", lang): [fmt_number(v * 100, lang, 1) for v in rows["theil_share"]],
        }
    )


def workbook(
    tables: dict[str, pd.DataFrame],
    meta_row: pd.Series,
    year: int,
    level: str,
    weighting: str,
    reference: str,
    lang: str | None = None,
) -> bytes:
    """Every table behind the page as numbers, with a metadata sheet (both languages, source, simulated).

    With ``lang``, headers are in that language, codes are words and values are rounded to the
    indicator's decimals (``services.export.for_planner``); the metadata sheet stays bilingual."""
    simulated = bool(meta_row["simulated"])
    metadata = pd.DataFrame(
        {
            "field": [
                "indicator_id",
                "indikator",
                "indicator",
                "satuan / unit",
                "tahun / year",
                "tingkat / level",
                "arah / direction",
                "target",
                "bobot baku / default weighting",
                "acuan selisih / gap reference",
                "orientasi / orientation",
                "sumber / source",
                "lisensi / licence",
                "data",
            ],
            "value": [
                meta_row["indicator_id"],
                meta_row["name_id"],
                meta_row["name_en"],
                f"{meta_row['unit_id']} / {meta_row['unit_en']}",
                year,
                level,
                int(meta_row["direction"]),
                "" if pd.isna(meta_row["target"]) else float(meta_row["target"]),
                weighting,
                reference,
                "selisih positif = tertinggal; rasio > 1 = tertinggal / positive gap = behind; ratio > 1 = behind; "
                "Theil in raw units (the page shows × 1000)",
                export.plain_source(meta_row["citation_en"]),
                meta_row["licence"],
                export.SIMULATED_NOTE if simulated else "resmi / official",
            ],
        }
    )
    if lang is None:
        return export.to_excel_bytes(tables, metadata)
    planned = {t(f"xs_{name}", lang): export.for_planner(frame, lang, int(meta_row["decimals"])) for name, frame in tables.items()}
    return export.to_excel_bytes(planned, metadata)
