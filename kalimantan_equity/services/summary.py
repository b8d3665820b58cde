"""Headline figures: group means for cities, other regencies and border regencies, and their gap.

The default summary is what a statistician expects for the indicator (catalogue column
``aggregate``): population-weighted for rates about people, the ratio of totals for shares with a
known numerator and denominator, and a plain mean for indices that Kemendes itself averages
unweighted (IDM) or for counts (mean per regency).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

GROUPS = ("kota", "kabupaten", "perbatasan")


@dataclass(frozen=True)
class GroupMean:
    group: str
    mean: float | None
    n: int
    weighting: str  # "population", "denominator" or "none"


@dataclass(frozen=True)
class Headline:
    means: dict[str, GroupMean]
    gap_city_border: float | None  # oriented: positive = border regencies behind the cities
    weighting: str


def weighting_for(aggregate: str, level: str, has_population: bool) -> str:
    """Which weights a group mean uses; population exists only for regencies."""
    if aggregate == "ratio":
        return "denominator"
    if aggregate == "weighted" and level == "kabupaten" and has_population:
        return "population"
    return "none"


def weighted_mean(values: np.ndarray, weights: np.ndarray | None) -> float | None:
    """Mean of the finite values; with weights, only rows with a positive weight count."""
    values = np.asarray(values, dtype=float)
    keep = np.isfinite(values)
    if weights is not None:
        weights = np.asarray(weights, dtype=float)
        keep &= np.isfinite(weights) & (weights > 0)
        if not keep.any():
            return None
        return float(np.average(values[keep], weights=weights[keep]))
    if not keep.any():
        return None
    return float(values[keep].mean())


def weights_for(rows: pd.DataFrame, weighting: str, population: pd.Series | None) -> np.ndarray | None:
    """Weights per row for a weighting scheme (None: plain mean)."""
    if weighting == "population" and population is not None:
        weights: np.ndarray = rows["regency_code"].map(population).to_numpy(dtype=float)
        return weights
    if weighting == "denominator":
        denominators: np.ndarray = rows["denominator"].to_numpy(dtype=float)
        return denominators
    return None


def mean_where(rows: pd.DataFrame, mask: np.ndarray, weighting: str, population: pd.Series | None) -> float | None:
    """The default summary (see module doc) of the rows selected by ``mask``."""
    weights = weights_for(rows, weighting, population)
    return weighted_mean(rows["value"].to_numpy()[mask], None if weights is None else weights[mask])


def headline(frame: pd.DataFrame, aggregate: str, direction: int, level: str, population: pd.Series | None) -> Headline:
    """Group means over the regions shown (rows with status 'value'), and the city–border gap."""
    rows = frame[frame["status"] == "value"]
    weighting = weighting_for(aggregate, level, population is not None and not population.empty)
    weights = weights_for(rows, weighting, population)
    means = {}
    for group in GROUPS:
        mask = (rows["region_type"] == group).to_numpy()
        value = weighted_mean(rows["value"].to_numpy()[mask], None if weights is None else weights[mask])
        means[group] = GroupMean(group, value, int(mask.sum()), weighting)
    city, border = means["kota"].mean, means["perbatasan"].mean
    gap = None
    if city is not None and border is not None:
        gap = (city - border) * (direction if direction != 0 else 1)
    return Headline(means, gap, weighting)
