"""Seeded demo series for what has no open data: SPM achievement, SP4N-LAPOR! complaints, PLBN crossings.

Every value here is SIMULATED. The generator follows the real covariates so the demo behaves
plausibly: cities do better, remote and border regencies worse, and everyone slowly improves,
border regencies a little faster (the policy intent of the PLBN programme). ``data/README.md``
gives the formulas. The same seed and inputs always give the same numbers.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

SEED = 20190101  # fixed: a rebuild must reproduce the demo exactly
SPM_YEARS = range(2019, 2026)
# Sector baselines on the logit scale (2019, average regency) and yearly improvement.
SPM_SECTORS = {
    "spm_pendidikan": (1.7, 0.10),
    "spm_kesehatan": (1.2, 0.12),
    "spm_air_minum": (0.5, 0.12),
    "spm_sanitasi": (-0.1, 0.15),
    "spm_perumahan": (0.7, 0.10),
    "spm_trantibumlinmas": (1.5, 0.08),
    "spm_sosial": (1.0, 0.09),
}
COMPLAINT_SECTORS = ("pendidikan", "kesehatan", "pekerjaan_umum", "perumahan", "trantibumlinmas", "sosial", "lainnya")
_COMPLAINT_SHARE = np.array([0.17, 0.20, 0.22, 0.08, 0.10, 0.11, 0.12])
# Monthly two-way crossings before COVID-19, and the month each post began reporting.
PLBN_BASE = {
    "PLBN Entikong": (32000, "2019-01"),
    "PLBN Aruk": (9000, "2019-01"),
    "PLBN Badau (Nanga Badau)": (7000, "2019-01"),
    "PLBN Jagoi Babang": (4000, "2024-10"),
    "PLBN Long Nawang": (900, "2024-10"),
    "PLBN Labang": (1200, "2024-10"),
    "PLBN Sei Nyamuk (Sebatik)": (5000, "2024-10"),
}


def _sigmoid(x: Any) -> Any:
    """Element-wise logistic function: an array gives an array, a Series a Series."""
    return 1.0 / (1.0 + np.exp(-x))


def _z(x: pd.Series) -> pd.Series:
    sd = x.std(ddof=0)
    return (x - x.mean()) / sd if sd > 0 else x * 0.0


def regency_covariates(regencies: pd.DataFrame, hdi: pd.Series, population: pd.Series) -> pd.DataFrame:
    """Standardised development (real HDI 2019), remoteness (log km to capital), city and border flags."""
    out = regencies.set_index("code")[["region_type", "km_to_capital"]].copy()
    out["dev"] = _z(hdi.reindex(out.index).fillna(hdi.mean()))
    out["remote"] = _z(np.log(out["km_to_capital"] + 10.0))
    out["kota"] = (out["region_type"] == "kota").astype(float)
    out["border"] = (out["region_type"] == "perbatasan").astype(float)
    out["population"] = population.reindex(out.index)
    return out


def spm_achievement(cov: pd.DataFrame, districts: pd.DataFrame) -> pd.DataFrame:
    """SPM achievement (%) per sector for regencies and their districts, 2019–2025."""
    rng = np.random.default_rng(SEED)
    rows = []
    districts = districts.sort_values("code")
    d_remote = np.log(districts["km_to_capital"].to_numpy() + 10.0)
    for indicator, (base, trend) in SPM_SECTORS.items():
        effect = rng.normal(0.0, 0.3, len(cov))
        d_effect = rng.normal(0.0, 0.25, len(districts))
        for year in SPM_YEARS:
            t = year - 2019
            covid = -0.15 if year in (2020, 2021) else 0.0
            logit = (
                base
                + 0.5 * cov["dev"].to_numpy()
                + 0.5 * cov["kota"].to_numpy()
                - 0.35 * cov["remote"].to_numpy()
                - 0.3 * cov["border"].to_numpy()
                + (trend + 0.04 * cov["border"].to_numpy()) * t
                + covid
                + effect
                + rng.normal(0.0, 0.08, len(cov))
            )
            by_regency = pd.Series(logit, index=cov.index)
            rows.append(pd.DataFrame({"indicator_id": indicator, "region_code": cov.index, "year": year, "logit": logit}))
            # Districts: their regency's level, worse the farther they are from the capital.
            parent = by_regency.reindex(districts["regency_code"]).to_numpy()
            rel = d_remote - pd.Series(d_remote).groupby(districts["regency_code"].to_numpy()).transform("mean").to_numpy()
            d_logit = parent - 0.4 * rel + d_effect + rng.normal(0.0, 0.08, len(districts))
            rows.append(
                pd.DataFrame({"indicator_id": indicator, "region_code": districts["code"].to_numpy(), "year": year, "logit": d_logit})
            )
    out = pd.concat(rows, ignore_index=True)
    out["value"] = np.round(100.0 * _sigmoid(out.pop("logit").to_numpy()), 1)
    return out


def complaints(cov: pd.DataFrame) -> pd.DataFrame:
    """SP4N-LAPOR! complaints per regency, sector and year: count, resolved, mean days to resolve."""
    rng = np.random.default_rng(SEED + 1)
    rows = []
    for year in SPM_YEARS:
        t = year - 2019
        rate = 45.0 * np.exp(0.6 * cov["kota"] + 0.25 * cov["dev"] - 0.3 * cov["remote"]) * 1.12**t  # per 100k
        resolved_p = _sigmoid(1.3 + 0.35 * cov["dev"] + 0.3 * cov["kota"] - 0.4 * cov["remote"] - 0.2 * cov["border"] + 0.12 * t)
        days_mean = 9.0 * np.exp(0.25 * cov["remote"] - 0.2 * cov["kota"] + 0.15 * cov["border"] - 0.06 * t)
        for s, sector in enumerate(COMPLAINT_SECTORS):
            expected = rate.to_numpy() * cov["population"].fillna(cov["population"].median()).to_numpy() / 1e5 * _COMPLAINT_SHARE[s]
            n = rng.poisson(expected)
            resolved = rng.binomial(n, resolved_p.to_numpy())
            days = np.where(n > 0, np.round(days_mean.to_numpy() * rng.gamma(8.0, 1 / 8.0, len(cov)), 1), np.nan)
            rows.append(
                pd.DataFrame(
                    {"region_code": cov.index, "year": year, "sector": sector, "n_complaints": n, "n_resolved": resolved, "mean_days": days}
                )
            )
    return pd.concat(rows, ignore_index=True)


def complaint_indicators(table: pd.DataFrame, population: pd.Series) -> pd.DataFrame:
    """Regency-year indicators from the complaint table, with numerators and denominators."""
    g = table.groupby(["region_code", "year"])
    total = g["n_complaints"].sum()
    resolved = g["n_resolved"].sum()
    weighted_days = (table["mean_days"] * table["n_complaints"]).groupby([table["region_code"], table["year"]]).sum()
    pop = population.reindex(total.index.get_level_values(0)).to_numpy()
    frames = [
        pd.DataFrame({"indicator_id": "lapor_per_100k", "value": np.round(total / pop * 1e5, 1), "numerator": total, "denominator": pop}),
        pd.DataFrame(
            {
                "indicator_id": "lapor_resolved_pct",
                "value": np.round(100 * resolved / total, 1),
                "numerator": resolved,
                "denominator": total,
            }
        ),
        pd.DataFrame(
            {"indicator_id": "lapor_days", "value": np.round(weighted_days / total, 1), "numerator": np.nan, "denominator": np.nan}
        ),
    ]
    out = pd.concat(frames).reset_index()
    return out.dropna(subset=["value"])


def plbn_crossings(points: pd.DataFrame) -> pd.DataFrame:
    """Monthly crossings (in and out) per post, with the 2020–2022 border closure and recovery."""
    rng = np.random.default_rng(SEED + 2)
    months = pd.period_range("2019-01", "2025-12", freq="M")
    rows = []
    for name, (base, start) in PLBN_BASE.items():
        match = points[points["name"] == name]
        if match.empty:
            continue
        for month in months[months >= pd.Period(start, "M")]:
            if month < pd.Period("2020-04", "M"):
                level = 1.0
            elif month <= pd.Period("2022-04", "M"):
                level = 0.04  # border closed to most travellers
            elif month <= pd.Period("2023-06", "M"):
                level = 0.5 + 0.5 * (month - pd.Period("2022-05", "M")).n / 14
            else:
                level = 1.0 + 0.02 * (month.year - 2023)
            season = 1.0 + 0.12 * np.cos(2 * np.pi * (month.month - 12) / 12)
            mean = base * level * season / 2
            rows.append(
                {
                    "point_id": match.iloc[0]["point_id"],
                    "month": month.to_timestamp().date(),
                    "crossings_in": int(rng.poisson(mean)),
                    "crossings_out": int(rng.poisson(mean)),
                }
            )
    return pd.DataFrame(rows)
