"""Indicator catalogue helpers: ordering, labels, and which levels and years have data."""

from __future__ import annotations

import pandas as pd

from services.i18n import SECTORS, label, t

LEVEL_ORDER = ("kabupaten", "kecamatan", "desa")
DEFAULT_INDICATOR = "wb_electricity_access"
_SECTOR_ORDER = {sector: i for i, sector in enumerate(SECTORS)}


def indicator_ids(cat: pd.DataFrame) -> list[str]:
    """Real indicators first, then simulated; within each, grouped by SPM sector or theme."""
    first = cat.drop_duplicates("indicator_id").copy()
    first["sector_rank"] = first["sector"].map(_SECTOR_ORDER).fillna(len(_SECTOR_ORDER))
    first = first.sort_values(["simulated", "sector_rank", "indicator_id"])
    return first["indicator_id"].tolist()


def row(cat: pd.DataFrame, indicator: str) -> pd.Series:
    return cat[cat["indicator_id"] == indicator].iloc[0]


def indicator_labels(cat: pd.DataFrame, lang: str) -> dict[str, str]:
    """``SPM Pendidikan › APM SD`` per indicator; simulated ones say so at the front."""
    labels = {}
    for r in cat.drop_duplicates("indicator_id").itertuples():
        text = f"{label('sectors', r.sector, lang)} › {r.name_id if lang == 'id' else r.name_en}"
        labels[r.indicator_id] = f"⚠ {t('simulated_mark', lang)} · {text}" if bool(r.simulated) else text
    return labels


def levels_for(cat: pd.DataFrame, indicator: str) -> list[str]:
    have = set(cat.loc[cat["indicator_id"] == indicator, "level"])
    return [level for level in LEVEL_ORDER if level in have]


def years_for(cat: pd.DataFrame, indicator: str, level: str) -> list[int]:
    match = cat[(cat["indicator_id"] == indicator) & (cat["level"] == level)]
    if match.empty:
        return []
    return sorted(int(y) for y in match.iloc[0]["years"])
