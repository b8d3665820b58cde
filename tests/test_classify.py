"""Classes come from mapclassify; colours follow the indicator's direction."""

from __future__ import annotations

import warnings

import mapclassify
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kalimantan_equity.services import classify

VALUES = np.array([83.4, 88.0, 90.1, 92.5, 95.0, 96.2, 97.7, 98.8, 99.1, 99.5, 99.8, 100.0])


@pytest.mark.parametrize(
    ("scheme", "reference"),
    [
        ("quantiles", mapclassify.Quantiles(VALUES, k=4)),
        ("fisher_jenks", mapclassify.FisherJenks(VALUES, k=4)),
        ("equal_interval", mapclassify.EqualInterval(VALUES, k=4)),
    ],
)
def test_schemes_match_mapclassify(scheme: str, reference) -> None:
    result = classify.classify(VALUES, scheme, 4)
    assert result.uppers == pytest.approx(tuple(reference.bins))
    assert list(result.class_of) == list(reference.yb)
    assert sum(result.counts) == len(VALUES)


def test_equal_interval_by_hand() -> None:
    result = classify.classify(np.array([0.0, 10.0, 20.0, 30.0, 40.0]), "equal_interval", 4)
    assert result.uppers == pytest.approx((10.0, 20.0, 30.0, 40.0))
    assert list(result.class_of) == [0, 0, 1, 2, 3]


def test_target_bands_put_met_target_last_for_higher_is_better() -> None:
    values = np.array([70.0, 85.0, 92.0, 97.0, 99.9, 100.0])
    result = classify.classify(values, "target", 5, target=100.0, direction=1)
    assert result.target_met_from == 4
    assert list(result.class_of) == [0, 1, 2, 3, 3, 4]


def test_fewer_distinct_values_than_classes() -> None:
    result = classify.classify(np.array([5.0, 5.0, 7.0]), "fisher_jenks", 5)
    assert result.k == 2 and list(result.class_of) == [0, 0, 1]


def test_darkest_colour_is_always_the_worst_class() -> None:
    def lightness(rgb: str) -> float:
        r, g, b = (int(x) for x in rgb[4:-1].split(","))
        return 0.299 * r + 0.587 * g + 0.114 * b

    higher_better = classify.ramp(5, direction=1)
    lower_better = classify.ramp(5, direction=-1)
    assert lightness(higher_better[0]) == min(map(lightness, higher_better))  # lowest values worst
    assert lightness(lower_better[-1]) == min(map(lightness, lower_better))  # highest values worst
    assert higher_better == list(reversed(lower_better))


def test_no_data_and_not_applicable_colours_differ_from_every_class() -> None:
    for k in range(1, 8):
        colours = classify.ramp(k, 1) + classify.ramp(k, 0) + classify.ramp(k, 1, high_contrast=True)
        assert classify.NO_DATA_COLOUR not in colours and classify.NOT_APPLICABLE_COLOUR not in colours
    assert classify.NO_DATA_COLOUR != classify.NOT_APPLICABLE_COLOUR


@given(
    st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=1, max_size=80),
    st.integers(3, 7),
    st.sampled_from(classify.SCHEMES[:-1]),
)
def test_every_value_gets_exactly_one_class(values: list[float], k: int, scheme: str) -> None:
    result = classify.classify(np.array(values), scheme, k)
    assert len(result.class_of) == len(values)
    assert sum(result.counts) == len(values)
    assert result.class_of.min() >= 0 and result.class_of.max() < result.k


def _samples() -> list[np.ndarray]:
    rng = np.random.default_rng(20261203)
    out = [rng.normal(70, 5, n) for n in (9, 14, 56, 626)]  # regencies, districts
    out += [rng.integers(0, 12, n).astype(float) for n in (56, 200)]  # counts with many ties
    out += [np.round(rng.uniform(0, 100, n), 1) for n in (47, 56, 7229)]  # percentages, villages
    out += [rng.lognormal(3, 1.5, 56), np.array([0.1, 0.2, 0.2, 0.2, 0.9, 5.0, 5.0, 7.5])]
    return out


@pytest.mark.parametrize("k", [3, 4, 5, 6, 7])
def test_quantiles_and_equal_intervals_match_mapclassify_bin_for_bin(k: int) -> None:
    """The map's default classes are computed without importing mapclassify (3 s on a cold
    server): they must be exactly the classes mapclassify gives."""

    for y in _samples():
        if len(np.unique(y)) <= k:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # mapclassify warns when ties collapse a class
            expected_q = mapclassify.Quantiles(y, k=k).bins
        assert np.array_equal(classify.quantile_bins(y, k), expected_q), (k, y[:5])
        assert np.array_equal(classify.equal_interval_bins(y, k), mapclassify.EqualInterval(y, k=k).bins), (k, y[:5])
        for scheme, cls in (("quantiles", mapclassify.Quantiles), ("equal_interval", mapclassify.EqualInterval)):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)
                yb = cls(y, k=k).yb
            assert np.array_equal(classify.classify(y, scheme, k).class_of, yb), (scheme, k)
