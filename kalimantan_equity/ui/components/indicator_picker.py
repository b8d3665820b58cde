"""The indicator → level → year picker shared by the map and the gap page.

Levels and years follow the chosen indicator: only what has data is offered, and a choice that no
longer exists falls back to a valid one (the latest year, the regency level).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from kalimantan_equity.services import catalogue
from kalimantan_equity.services.i18n import label, t
from kalimantan_equity.ui.components.state import first_index, follows_language, keep_valid
from kalimantan_equity.ui.context import shown_indicators


@dataclass(frozen=True)
class Choice:
    indicator: str
    level: str
    year: int | None
    labels: dict[str, str]  # indicator id -> label shown in the picker


def show(cat: pd.DataFrame, lang: str, default: str, prefix: str = "") -> Choice:
    """Widgets keyed ``<prefix>ind``, ``<prefix>lvl``, ``<prefix>yr`` (pages keep their own state)."""
    follows_language(f"{prefix}ind", f"{prefix}lvl")
    ids = shown_indicators(cat)  # simulated series only when demonstration data is on
    labels = catalogue.option_labels(cat, lang)
    keep_valid(f"{prefix}ind", ids, default)
    st.html(options_css())
    first = first_index(f"{prefix}ind", ids)  # the long list is sent once, not again on the first click
    indicator = st.selectbox(t("indicator", lang), ids, index=first, key=f"{prefix}ind", format_func=labels.__getitem__)
    levels = catalogue.levels_for(cat, indicator)
    keep_valid(f"{prefix}lvl", levels, "kabupaten")
    level = st.radio(t("level", lang), levels, key=f"{prefix}lvl", format_func=lambda v: label("levels", v, lang), horizontal=True)
    years = catalogue.years_for(cat, indicator, level)
    keep_valid(f"{prefix}yr", years, years[-1] if years else None)
    year = st.selectbox(t("year", lang), years, key=f"{prefix}yr")
    return Choice(indicator, level, year, labels)


def options_css() -> str:
    """The indicator list opens wider than the sidebar, and an option too long even then wraps onto
    a second line inside its row: never cut, so two options cannot end in the same "…".

    Streamlit's dropdown is a separate layer at the end of the page, labelled like its widget
    (``aria-label``); only the indicator lists are widened, any long option elsewhere wraps."""
    lists = ", ".join(
        f'[data-testid="stSelectboxVirtualDropdown"]:has([role="listbox"][aria-label="{t(key, lang)}"])'
        for key in ("indicator", "profile_sub_indicator")
        for lang in ("id", "en")
    )
    return (
        f"<style>{lists} {{ width: min(48rem, calc(100vw - 1.5rem)) !important; max-width: none !important; }}"
        '[data-testid="stSelectboxVirtualDropdown"] [role="option"], [data-testid="stSelectboxVirtualDropdown"] [role="option"] * '
        "{ white-space: normal !important; overflow: visible !important; text-overflow: clip !important; line-height: 1.15 !important; }"
        "</style>"
    )
