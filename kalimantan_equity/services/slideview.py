"""One view state for a presentation step: what the live step shows is what its slide shows.

The issue this module fixes: stepping to the next indicator on the map kept the year of the
previous indicator whenever it also existed for the next one (SPM health showed 2024 after IDM
2024), while the deck took each indicator's latest year (2025). Both now ask :func:`step_view`, so a
step and its slide agree on indicator, level, year and classes; :func:`headline` then gives both
the same group means and gap sentence from the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kalimantan_equity.services import catalogue, classify, summary
from kalimantan_equity.services.i18n import fmt_number, label, t


@dataclass(frozen=True)
class StepView:
    """Everything that decides what one map step draws, apart from the data itself."""

    indicator: str
    level: str
    year: int
    scheme: str
    k: int


def step_view(cat: pd.DataFrame, indicator: str, level: str, scheme: str, k: int) -> StepView | None:
    """The view a step to ``indicator`` shows: the presenter's level when the indicator has it (else
    regencies), that level's latest year, and the presenter's classes when they apply (a target
    scheme needs a target). None when the indicator has no data at all."""
    levels = catalogue.levels_for(cat, indicator)
    if not levels:
        return None
    shown_level = level if level in levels else ("kabupaten" if "kabupaten" in levels else levels[0])
    years = catalogue.years_for(cat, indicator, shown_level)
    if not years:
        return None
    target = catalogue.row(cat, indicator).get("target")
    schemes = classify.available_schemes(None if target is None or pd.isna(target) else float(target))
    return StepView(indicator, shown_level, int(years[-1]), scheme if scheme in schemes else classify.DEFAULT_SCHEME, int(k))


@dataclass(frozen=True)
class HeadlineText:
    """The side panel of a map step, as text: one line per group with data, the gap sentence."""

    groups: list[tuple[str, str, float]]  # (group key, short label, mean) for groups with a mean only
    not_applicable: list[str]  # labels of groups for which the indicator does not apply
    gap: str | None  # "Border regencies are 12.3 percentage points behind the cities." (no Markdown)
    weighting: str


def headline(head: summary.Headline, frame: pd.DataFrame, unit: str, decimals: int, direction: int, lang: str) -> HeadlineText:
    """Group means and the gap sentence as the map page words them. A group without a mean is left
    out (never a zero); a group the indicator does not apply to is named as such."""
    na_groups = set(frame.loc[frame["status"] == "na", "region_type"])
    groups = [(g, label("region_types_short", g, lang), mean) for g in summary.GROUPS if (mean := head.means[g].mean) is not None]
    not_applicable = [label("region_types", g, lang) for g in summary.GROUPS if head.means[g].mean is None and g in na_groups]
    gap = None
    if head.gap_city_border is not None:
        key = "gap_neutral" if direction == 0 else ("gap_border_behind" if head.gap_city_border > 0 else "gap_border_ahead")
        gap_unit = t("percentage_points", lang) if unit.startswith("%") else unit
        gap = t(key, lang, gap=fmt_number(abs(head.gap_city_border), lang, decimals), unit=gap_unit).replace("**", "")
    return HeadlineText(groups, not_applicable, gap, t(f"weighting_{head.weighting}", lang))
