"""Choropleth classes and colours that follow an indicator's direction.

"Worse" always gets the darkest colour, whether higher or lower is worse, so a map reads the same
for poverty (lower is better) and electricity access (higher is better).

Quantiles, equal intervals and given bins are computed here with mapclassify's own formulas (a
test checks they agree bin for bin); mapclassify itself is imported only for Fisher-Jenks. Its
import costs about 3 s of CPU (numba compiles Fisher-Jenks, scipy.stats, scikit-learn and pyplot
load), which a freshly started server's first visitor waited through behind grey placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from plotly.colors import sample_colorscale

SCHEMES = ("quantiles", "fisher_jenks", "equal_interval", "target")
DEFAULT_SCHEME = "quantiles"
DEFAULT_K = 5
K_RANGE = (3, 7)  # fewer than 3 says little; more than 7 colours cannot be told apart on a projector
# Target bands in the indicator's unit (percentage points for the SPM's 100 % target).
TARGET_BAND_WIDTHS = (20.0, 10.0, 5.0)

NO_DATA_COLOUR = "#bdbdbd"  # neutral grey: we do not know
NOT_APPLICABLE_COLOUR = "#d6e4f0"  # pale blue: the question does not apply (IDM in a city)
# ColorBrewer sequential ramps: colour-blind safe and printable in grey.
_WORSE_RAMP = "YlOrRd"  # pale = better, dark red = worse
_NEUTRAL_RAMP = "Purples"  # indicators with no better/worse direction (population, GRDP)
_HIGH_CONTRAST_RAMP = "Cividis"  # optional palette for washed-out projectors


@dataclass(frozen=True)
class Classes:
    scheme: str
    lower: float  # smallest value
    uppers: tuple[float, ...]  # inclusive upper bound of each class, ascending
    class_of: np.ndarray  # class index per input value
    counts: tuple[int, ...]
    target_met_from: int | None = None  # index of the first class at or beyond the target

    @property
    def k(self) -> int:
        return len(self.uppers)


def available_schemes(target: float | None) -> tuple[str, ...]:
    return SCHEMES if target is not None and not np.isnan(target) else SCHEMES[:-1]


def classify(values: np.ndarray, scheme: str, k: int, target: float | None = None, direction: int = 1) -> Classes:
    """Classify finite values with mapclassify; k shrinks to the number of distinct values."""
    y = np.asarray(values, dtype=float)
    if y.size == 0 or not np.isfinite(y).all():
        raise ValueError("classify needs at least one value and no missing values")
    if scheme not in SCHEMES:
        raise ValueError(f"unknown classification scheme {scheme!r}")
    k = int(np.clip(k, 1, K_RANGE[1]))
    distinct = np.unique(y)
    met_from = None
    bins: list[float] | np.ndarray
    if scheme == "target":
        if target is None or np.isnan(target):
            raise ValueError("target bands need a target")
        bins, met_from = _target_bins(float(target), direction, y)
    elif len(distinct) <= k:
        bins = distinct  # one class per distinct value: every scheme agrees, and mapclassify would warn or fail
    elif scheme == "quantiles":
        bins = quantile_bins(y, k)
    elif scheme == "fisher_jenks":
        import mapclassify  # slow to import: only for the scheme that needs it

        bins = mapclassify.FisherJenks(y, k=k).bins
    else:
        bins = equal_interval_bins(y, k)
    # Normalise: bins strictly increasing and covering the maximum, each value in the first class
    # whose upper bound it does not exceed. Fisher-Jenks can return unordered bins for values that
    # differ only in the 70th decimal; this keeps every scheme's output well-formed.
    uppers_array = np.unique(np.asarray(bins, dtype=float))
    if uppers_array[-1] < y.max():
        uppers_array = np.append(uppers_array, y.max())
    class_of = np.searchsorted(uppers_array, y, side="left")
    counts = tuple(int(c) for c in np.bincount(class_of, minlength=len(uppers_array)))
    if met_from is not None:
        met_from = min(met_from, len(uppers_array) - 1)
    return Classes(scheme, float(y.min()), tuple(float(b) for b in uppers_array), class_of.astype(int), counts, met_from)


def quantile_bins(y: np.ndarray, k: int) -> np.ndarray:
    """Upper bounds of ``k`` quantile classes, as ``mapclassify.Quantiles`` computes them: the
    k-th percentiles by scipy's ``scoreatpercentile`` (interpolation between the two nearest
    sorted values, weighted as scipy weights them), ties collapsed."""
    ordered = np.sort(np.asarray(y, dtype=float))
    width = 100.0 / k
    percents = np.arange(width, 100 + width, width)
    if percents[-1] > 100.0:
        percents[-1] = 100.0
    out = []
    for per in percents:
        idx = per / 100.0 * (ordered.size - 1)
        i = int(idx)
        if i == idx:
            out.append(ordered[i])
        else:
            j = i + 1
            w0, w1 = j - idx, idx - i
            out.append((ordered[i] * w0 + ordered[j] * w1) / (w0 + w1))
    return np.unique(np.array(out, dtype=float))


def equal_interval_bins(y: np.ndarray, k: int) -> np.ndarray:
    """Upper bounds of ``k`` classes of equal width, as ``mapclassify.EqualInterval`` computes them."""
    max_y, min_y = max(y), min(y)
    width = (max_y - min_y) * 1.0 / k
    cuts = np.arange(min_y + width, max_y + width, width)
    if len(cuts) > k:  # arange can overshoot by one step
        cuts = cuts[0:k]
    cuts[-1] = max_y
    return cuts


def _target_bins(target: float, direction: int, y: np.ndarray) -> tuple[list[float], int]:
    """Bands by distance from the target, the last band being 'target met'."""
    if direction >= 0:
        below = [target - w for w in TARGET_BAND_WIDTHS] + [float(np.nextafter(target, -np.inf))]
        top = max(float(y.max()), target)
        return [*below, top], len(below)
    # lower is better: met at or below the target, then bands above it
    above = [target + w for w in reversed(TARGET_BAND_WIDTHS)]
    return [target, *above, max(float(y.max()), above[-1] + 1)], 0


def ramp(k: int, direction: int, high_contrast: bool = False) -> list[str]:
    """k colours for classes in ascending value order, darkest where the indicator is worst."""
    if k <= 0:
        return []
    name = _HIGH_CONTRAST_RAMP if high_contrast else (_WORSE_RAMP if direction != 0 else _NEUTRAL_RAMP)
    # cividis runs dark blue -> yellow; reverse it so dark still means worse
    positions = [1.0 - p for p in _positions(k)] if high_contrast else _positions(k)
    colours = sample_colorscale(name, positions, colortype="rgb")
    # colours now run light -> dark (better -> worse). Ascending values are worse first when
    # higher is better, so flip for direction +1.
    return list(reversed(colours)) if direction > 0 else colours


def _positions(k: int) -> list[float]:
    if k == 1:
        return [0.6]
    start, end = 0.12, 1.0  # skip the palest tint: it reads as "no fill" on a projector
    return [start + (end - start) * i / (k - 1) for i in range(k)]
