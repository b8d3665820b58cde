"""Cached analyses behind the gap page: the trend of every measure and the SPM scorecard.

Both depend only on the database and a few plain choices (the series and level; the year), not on
what else is on screen, so a rerun for another trend measure or table reuses them. The statistics
themselves are in ``services.gaps``; this module only fetches, caches and hands over.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kalimantan_equity.services import catalogue, gaps
from kalimantan_equity.ui.context import data_version, query, reference


def trend(series_ids: list[str], level: str) -> pd.DataFrame:
    """Every measure per series and year (see :func:`services.gaps.trend`)."""
    return _trend(data_version(), tuple(series_ids), level)


def scorecard(year: int) -> pd.DataFrame:
    """Group means of the SPM indicators in one year (see :func:`services.gaps.scorecard`)."""
    return _scorecard(data_version(), int(year))


def scorecard_years() -> list[int]:
    values = _spm_values()
    return [] if values is None else sorted(int(y) for y in values["year"].unique())


def _specs(ids: list[str] | tuple[str, ...], level: str) -> dict[str, gaps.Spec]:
    cat = reference("indicator_catalogue")
    return {i: gaps.Spec.from_row(catalogue.row(cat, i), level) for i in ids}


def _spm_values() -> pd.DataFrame | None:
    ids = catalogue.spm_indicators(reference("indicator_catalogue"))
    return query("values_all_years", indicators=ids, level="kabupaten") if ids else None


# Bounded caches, like the query caches: a few dozen series and years per process, for an hour.
@st.cache_data(show_spinner=False, max_entries=64, ttl=3600)
def _trend(version: tuple, series_ids: tuple[str, ...], level: str) -> pd.DataFrame:
    values = query("values_all_years", indicators=list(series_ids), level=level)
    years = sorted(int(y) for y in values["year"].unique())
    population = query("population_years", years=years) if level == "kabupaten" and years else None
    return gaps.trend(gaps.with_population_by_year(values, population, level), _specs(series_ids, level))


@st.cache_data(show_spinner=False, max_entries=32, ttl=3600)
def _scorecard(version: tuple, year: int) -> pd.DataFrame:
    values = _spm_values()
    if values is None:
        return pd.DataFrame(columns=["indicator_id", "group", "mean", "n"])
    population = query("population_nearest", year=year).set_index("region_code")["population"]
    rows = gaps.with_population(values[values["year"] == year], population, "kabupaten")
    return gaps.scorecard(rows, _specs(sorted(set(rows["indicator_id"])), "kabupaten"), year)


def proxy_scorecard(include_simulated: bool = False) -> pd.DataFrame:
    """The SPM scorecard from real proxies (see :func:`services.gaps.proxy_scorecard`); the
    simulated SPM achievement series join only when demonstration data is asked for."""
    return _proxy_scorecard(data_version(), bool(include_simulated))


@st.cache_data(show_spinner=False, max_entries=8, ttl=3600)
def _proxy_scorecard(version: tuple, include_simulated: bool) -> pd.DataFrame:
    cat = reference("indicator_catalogue")
    simulated = tuple(catalogue.spm_indicators(cat)) if include_simulated else ()
    known = set(cat["indicator_id"])
    ids = [i for i in gaps.proxy_ids(include_simulated, simulated) if i in known]
    values = query("values_all_years", indicators=ids, level="kabupaten")
    population = query("population_nearest", year=2019).set_index("region_code")["population"]
    rows = gaps.with_population(values, population, "kabupaten")
    return gaps.proxy_scorecard(rows, _specs(ids, "kabupaten"), include_simulated, simulated)
