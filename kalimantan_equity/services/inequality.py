"""Inequality across regions: Gini, Theil T and L with their group decomposition, CV, fifth ratio.

Definitions follow the WHO Health Equity Assessment Toolkit (HEAT) technical notes, where each
region is a subgroup weighted by its population share ``p_i`` (equal shares ``1/n`` when no
population is known) and ``r_i = y_i / mu`` with ``mu = sum(p_i y_i)``:

- Theil T, GE(1):        ``T = sum p_i r_i ln r_i``        (HEAT's TI, which it shows × 1000)
- Theil L, GE(0), MLD:   ``L = -sum p_i ln r_i``           (HEAT's MLD, shown × 1000)
- Coefficient of variation: ``sqrt(sum p_i (y_i - mu)^2) / mu`` (HEAT's COV, shown × 100)
- Gini: ``sum_i sum_j p_i p_j |y_i - y_j| / (2 mu)``: half the mean absolute difference over the mean

All are relative measures: they ignore the unit and are unchanged when every value is multiplied
by the same number. They need values that are not negative and a positive mean; Theil L also needs
every value above zero (``ln 0`` is undefined; HEAT quietly replaces 0 by 0.000001, we say "not
defined" instead). A measure that cannot be computed is ``None``, never 0.

Weights are relative: only their proportions matter, so equal weights give the unweighted figure.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

FIFTH = 0.2  # the best and worst fifth of regions (or of people, when weighted)


@dataclass(frozen=True)
class Decomposition:
    """Total = between + within, for a partition of the regions into groups."""

    total: float
    between: float  # inequality left if every region had its group's mean
    within: float  # weighted sum of the inequality inside each group

    @property
    def between_share(self) -> float | None:
        """Share of the total explained by differences between the group means (0–1)."""
        return None if self.total <= 0 else self.between / self.total


def _prepare(values: Sequence[float] | np.ndarray, weights: Sequence[float] | np.ndarray | None) -> tuple[np.ndarray, np.ndarray] | None:
    """Finite values with positive weights, weights scaled to sum to 1; None when nothing is left."""
    y = np.asarray(values, dtype=float)
    if weights is None:
        w = np.ones_like(y)
    else:
        w = np.asarray(weights, dtype=float)
        if w.shape != y.shape:
            raise ValueError("values and weights differ in length")
    keep = np.isfinite(y) & np.isfinite(w) & (w > 0)
    y, w = y[keep], w[keep]
    if y.size == 0:
        return None
    return y, w / w.sum()


def _relative_ready(prepared: tuple[np.ndarray, np.ndarray] | None) -> tuple[np.ndarray, np.ndarray, float] | None:
    """Values, weights and mean when a relative measure is defined (no negatives, positive mean)."""
    if prepared is None:
        return None
    y, w = prepared
    if (y < 0).any():
        return None
    mu = float(np.dot(w, y))
    if not mu > 0:
        return None
    return y, w, mu


def mean(values: Sequence[float] | np.ndarray, weights: Sequence[float] | np.ndarray | None = None) -> float | None:
    prepared = _prepare(values, weights)
    if prepared is None:
        return None
    y, w = prepared
    return float(np.dot(w, y))


def gini(values: Sequence[float] | np.ndarray, weights: Sequence[float] | np.ndarray | None = None) -> float | None:
    """Gini coefficient (0 = all equal), in O(n log n) by sorting.

    For values sorted ascending with weight shares ``p_k`` and ``P_k`` the share before ``k``:
    ``sum_i sum_j p_i p_j |y_i - y_j| = 2 sum_k p_k y_k (2 P_k + p_k - 1)``; ties cancel.
    """
    ready = _relative_ready(_prepare(values, weights))
    if ready is None:
        return None
    y, w, mu = ready
    order = np.argsort(y, kind="stable")
    y, w = y[order], w[order]
    before = np.cumsum(w) - w
    value = float(np.dot(w * y, 2.0 * before + w - 1.0) / mu)
    return max(value, 0.0)  # rounding can leave -1e-17 for equal values


def theil_t(values: Sequence[float] | np.ndarray, weights: Sequence[float] | np.ndarray | None = None) -> float | None:
    """Theil T = GE(1): sensitive to differences among the regions above the mean."""
    ready = _relative_ready(_prepare(values, weights))
    if ready is None:
        return None
    y, w, mu = ready
    return max(float(np.dot(w, _r_ln_r(y / mu))), 0.0)


def theil_l(values: Sequence[float] | np.ndarray, weights: Sequence[float] | np.ndarray | None = None) -> float | None:
    """Theil L = GE(0) = mean log deviation: sensitive to the regions far below the mean."""
    ready = _relative_ready(_prepare(values, weights))
    if ready is None:
        return None
    y, w, mu = ready
    if (y <= 0).any():
        return None
    return max(float(-np.dot(w, np.log(y / mu))), 0.0)


def coefficient_of_variation(values: Sequence[float] | np.ndarray, weights: Sequence[float] | np.ndarray | None = None) -> float | None:
    """Standard deviation over the mean (population form: divided by the weight total, not n − 1)."""
    ready = _relative_ready(_prepare(values, weights))
    if ready is None:
        return None
    y, w, mu = ready
    return float(np.sqrt(np.dot(w, (y - mu) ** 2)) / mu)


def _r_ln_r(r: np.ndarray) -> np.ndarray:
    """``r ln r`` with the limit 0 at r = 0."""
    out = np.zeros_like(r)
    positive = r > 0
    out[positive] = r[positive] * np.log(r[positive])
    return out


def theil_t_terms(values: Sequence[float] | np.ndarray, weights: Sequence[float] | np.ndarray | None = None) -> np.ndarray | None:
    """Each region's part of Theil T, in input order (NaN where a value is dropped); never negative.

    Because ``sum p_i (r_i - 1) = 0``, ``T = sum p_i (r_i ln r_i - r_i + 1)``, and every term of
    that sum is at least 0 (zero only at the mean): a region's part grows with its distance from
    the mean on either side, and the parts add up to T. (The plain terms ``p_i r_i ln r_i`` also
    add up to T but are negative below the mean, which reads as if lagging regions reduced it.)
    """
    y_all = np.asarray(values, dtype=float)
    w_all = np.ones_like(y_all) if weights is None else np.asarray(weights, dtype=float)
    keep = np.isfinite(y_all) & np.isfinite(w_all) & (w_all > 0)
    ready = _relative_ready(_prepare(values, weights))
    if ready is None:
        return None
    y, w, mu = ready
    r = y / mu
    out = np.full(y_all.shape, np.nan)
    out[keep] = w * np.clip(_r_ln_r(r) - r + 1.0, 0.0, None)
    return out


def fifth_means(
    values: Sequence[float] | np.ndarray, weights: Sequence[float] | np.ndarray | None = None, direction: int = 1
) -> tuple[float, float] | None:
    """Means of the best and the worst fifth: ``(best, worst)``.

    A fifth is a fifth of the regions (or of the people, when weighted); the region on the boundary
    counts with the part of its weight that falls inside, so 56 regions make fifths of 11.2 and
    equal weights give exactly the unweighted result. Best = highest values unless lower is better;
    for neutral indicators (direction 0) "best" is simply the highest.
    """
    prepared = _prepare(values, weights)
    if prepared is None:
        return None
    y, w = prepared
    order = np.argsort(y, kind="stable")
    y, w = y[order], w[order]
    low = _first_share_mean(y, w)
    high = _first_share_mean(y[::-1], w[::-1])
    return (low, high) if direction < 0 else (high, low)


def _first_share_mean(y: np.ndarray, w: np.ndarray, share: float = FIFTH) -> float:
    before = np.cumsum(w) - w
    inside = np.clip(np.minimum(before + w, share) - before, 0.0, None)
    return float(np.dot(inside, y) / inside.sum())


def fifth_ratio(
    values: Sequence[float] | np.ndarray, weights: Sequence[float] | np.ndarray | None = None, direction: int = 1
) -> float | None:
    """Higher fifth's mean over the lower fifth's (≥ 1; 1 = no gap).

    That is best ÷ worst when higher is better and worst ÷ best when lower is better, so the number
    always reads "how many times": e.g. 3 = the worst fifth has three times the poverty of the best.
    """
    means = fifth_means(values, weights, direction)
    if means is None:
        return None
    high, low = max(means), min(means)
    if low < 0 or not low > 0:
        return None
    return high / low


def decompose(
    measure: str,
    values: Sequence[float] | np.ndarray,
    groups: Sequence[Hashable] | np.ndarray,
    weights: Sequence[float] | np.ndarray | None = None,
) -> Decomposition | None:
    """Exact between/within split of Theil T (``"T"``) or Theil L (``"L"``) for a partition.

    With group weight shares ``P_g`` and means ``mu_g``:
    T: between = ``sum P_g (mu_g/mu) ln(mu_g/mu)``, within = ``sum P_g (mu_g/mu) T_g``;
    L: between = ``sum P_g ln(mu/mu_g)``,           within = ``sum P_g L_g``.
    """
    if measure not in ("T", "L"):
        raise ValueError(f"decompose: measure must be 'T' or 'L', not {measure!r}")
    y_all = np.asarray(values, dtype=float)
    g_all = np.asarray(groups, dtype=object)
    w_all = np.ones_like(y_all) if weights is None else np.asarray(weights, dtype=float)
    if g_all.shape != y_all.shape or w_all.shape != y_all.shape:
        raise ValueError("values, groups and weights differ in length")
    keep = np.isfinite(y_all) & np.isfinite(w_all) & (w_all > 0)
    y, g, w = y_all[keep], g_all[keep], w_all[keep]
    total = theil_t(y, w) if measure == "T" else theil_l(y, w)
    if total is None:
        return None
    w = w / w.sum()
    mu = float(np.dot(w, y))
    between = within = 0.0
    for group in dict.fromkeys(g.tolist()):  # first-seen order, any hashable label
        mask = g == group
        share = float(w[mask].sum())
        mu_g = float(np.dot(w[mask], y[mask]) / share)
        if measure == "T":
            income_share = share * mu_g / mu
            if income_share > 0:
                between += income_share * np.log(mu_g / mu)
                within += income_share * (theil_t(y[mask], w[mask]) or 0.0)
        else:
            between += share * np.log(mu / mu_g)
            within += share * (theil_l(y[mask], w[mask]) or 0.0)
    return Decomposition(total=total, between=float(between), within=float(within))
