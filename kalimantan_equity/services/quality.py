"""The data-quality report of the facility registers: what each register's codes mean and which
rows were kept out, with the reason, in the user's language (shown on the catalogue page).

Nothing is silently fixed at build time (``data/facilities.py``); this module only says what was
found, so a planner can see why a puskesmas is missing from the distances and correct the source.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from kalimantan_equity.services.i18n import fmt_number, label, t

REASONS = ("no_coordinates", "outside_kalimantan", "duplicate_coordinates", "code_location_disagree", "code_name_disagree", "code_unknown")
REGISTERS = ("kemenkes_faskes_2019", "kemendikbud_sekolah_2019", "puskesmas_2022", "hospitals_2022", "hospitals_2021")


def register_title(register: str, lang: str) -> str:
    return t(f"quality_register_{register}", lang)


def systems_table(systems: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per register: the code column, the system it was read in, and the evidence."""
    evidence = []
    for key, params, note in zip(systems["reason_key"], systems["reason_params"], systems["note"], strict=True):
        text = t(key, lang, **json.loads(params or "{}"))
        if note:
            text += " " + t("quality_system_old_codes", lang, mapping=note.removeprefix("pre-2012: "))
        evidence.append(text)
    return pd.DataFrame(
        {
            t("quality_col_register", lang): [register_title(r, lang) for r in systems["register"]],
            t("quality_col_column", lang): systems["code_column"],
            t("quality_col_system", lang): [t(f"quality_system_{s}", lang) for s in systems["system"]],
            t("quality_col_evidence", lang): evidence,
        }
    )


def summary_table(counts: pd.DataFrame, rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows per register, how many are usable, and how many were flagged for each reason."""
    by = rows.groupby(["register", "reason"]).size().unstack(fill_value=0) if len(rows) else pd.DataFrame()
    out = pd.DataFrame({t("quality_col_register", lang): [register_title(r, lang) for r in counts["register"]]})
    out[t("quality_col_rows", lang)] = [fmt_number(v, lang, 0) for v in counts["n_rows"]]
    out[t("quality_col_usable", lang)] = [fmt_number(v, lang, 0) for v in counts["n_usable"]]
    for reason in REASONS:
        if reason in by.columns:
            values = by[reason].reindex(counts["register"]).fillna(0).to_numpy()
            out[t(f"quality_reason_{reason}", lang)] = [fmt_number(v, lang, 0) for v in values]
    return out


def rows_table(rows: pd.DataFrame, lang: str, formatted: bool = True) -> pd.DataFrame:
    """Every flagged row: register, name, kind, stated code and regency, where it lies, the reason."""

    def coord(values: pd.Series) -> list[float] | list[str]:
        if not formatted:
            rounded: list[float] = values.round(5).tolist()
            return rounded
        return ["" if not np.isfinite(v) else fmt_number(v, lang, 4) for v in values.astype(float)]

    also = [
        ", ".join(t(f"quality_reason_{r.strip()}", lang) for r in str(d).split("+") if r.strip() in REASONS) if d else ""
        for d in rows["detail"].fillna("")
    ]
    return pd.DataFrame(
        {
            t("quality_col_register", lang): [register_title(r, lang) for r in rows["register"]],
            t("quality_col_name", lang): rows["name"],
            t("quality_col_kind", lang): [label("point_kinds", k, lang) for k in rows["kind"]],
            t("quality_col_stated_code", lang): rows["stated_code"],
            t("quality_col_stated_regency", lang): rows["stated_regency"].fillna(""),
            t("quality_col_located_regency", lang): rows["located_regency"].fillna(""),
            "lat": coord(rows["lat"]),
            "lon": coord(rows["lon"]),
            t("quality_col_reason", lang): [t(f"quality_reason_{r}", lang) for r in rows["reason"]],
            t("quality_col_also", lang): also,
        }
    )
