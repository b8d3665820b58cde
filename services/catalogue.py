"""Indicator catalogue helpers: ordering, labels, and which levels and years have data."""

from __future__ import annotations

import pandas as pd

from services.i18n import SECTORS, fmt_number, label, t

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


def overview(cat: pd.DataFrame, lang: str, built_at: str, history: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per indicator for the data page: metadata, source, years, levels and coverage.

    Coverage is regions with data out of all regions, per level, e.g. ``Kab/kota 56/56 · Desa 6614/7229``.
    """
    active = {}
    if history is not None and not history.empty:
        for row in history[history["active"]].itertuples():
            active[row.indicator_id] = f"v{row.version} · {row.at[:10]} · {row.by}"
    rows = []
    for indicator in indicator_ids(cat):
        part = cat[cat["indicator_id"] == indicator]
        first = part.iloc[0]
        years = sorted({int(y) for ys in part["years"] for y in ys})
        coverage = " · ".join(
            f"{label('levels', r.level, lang)} {r.n_regions}/{r.n_level_regions}"
            for r in part.sort_values("level", key=lambda s: s.map({lv: i for i, lv in enumerate(LEVEL_ORDER)})).itertuples()
        )
        direction = {1: t("higher_better", lang), -1: t("lower_better", lang), 0: t("neutral_direction", lang)}[int(first["direction"])]
        rows.append(
            {
                "indicator_id": indicator,
                "name": first["name_id"] if lang == "id" else first["name_en"],
                "sector": label("sectors", first["sector"], lang),
                "unit": first["unit_id"] if lang == "id" else first["unit_en"],
                "direction": direction,
                "target": "—" if pd.isna(first["target"]) else fmt_number(float(first["target"]), lang, 0),
                "years": f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]),
                "coverage": coverage,
                "kind": t("simulated_mark", lang) if bool(first["simulated"]) else t("real_mark", lang),
                "source": first["citation_id"] if lang == "id" else first["citation_en"],
                "licence": first["licence"],
                "version": active.get(indicator, f"build · {built_at[:10]}"),
                "method": first["method_id"] if lang == "id" else first["method_en"],
            }
        )
    return pd.DataFrame(rows)


def search(table: pd.DataFrame, text: str) -> pd.DataFrame:
    """Rows whose any cell contains every word of ``text`` (case-insensitive); plain text, no patterns."""
    words = [w for w in text.lower().split() if w]
    if not words:
        return table
    haystack = table.apply(lambda row: " ".join(str(v) for v in row.to_numpy()), axis=1).str.lower()
    mask = pd.Series(True, index=table.index)
    for word in words:
        mask &= haystack.str.contains(word, regex=False)
    return table[mask]


def series_for(cat: pd.DataFrame, indicator: str, level: str) -> list[str]:
    """The indicator and its siblings across a method break (same ``series_group``) at this level.

    Each stays its own series, oldest first; an indicator without a group is a series of one.
    """
    at_level = cat[cat["level"] == level]
    group = row(cat, indicator)["series_group"]
    if group is None or pd.isna(group) or str(group).strip() == "":
        return [indicator]
    siblings = at_level[at_level["series_group"] == group].copy()
    siblings["first_year"] = [min(int(y) for y in years) for years in siblings["years"]]
    ordered = siblings.sort_values(["first_year", "indicator_id"])["indicator_id"].tolist()
    return ordered if indicator in ordered else [indicator, *ordered]


def spm_indicators(cat: pd.DataFrame) -> list[str]:
    """Regency-level indicators of the six SPM fields that carry an SPM target, in sector order."""
    rows = cat[(cat["level"] == "kabupaten") & cat["sector"].str.startswith("spm_") & cat["target"].notna()].copy()
    rows["sector_rank"] = rows["sector"].map(_SECTOR_ORDER).fillna(len(_SECTOR_ORDER))
    return rows.sort_values(["sector_rank", "simulated", "indicator_id"])["indicator_id"].tolist()
