"""Inequality measures: small cases worked by hand, published reference values, and properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kalimantan_equity.services import inequality as ineq

# --------------------------------------------------------------------------- worked by hand


def test_four_values_by_hand() -> None:
    y = [1, 2, 3, 4]  # mean 2.5, r = 0.4, 0.8, 1.2, 1.6
    # Gini: the 12 ordered pairs differ by 1,2,3,1,2,1 (twice each) = 20; 20 / (2 · 4² · 2.5) = 0.25
    assert ineq.gini(y) == pytest.approx(0.25)
    # Theil T: (0.4 ln 0.4 + 0.8 ln 0.8 + 1.2 ln 1.2 + 1.6 ln 1.6) / 4
    assert ineq.theil_t(y) == pytest.approx((-0.366516 - 0.178515 + 0.218786 + 0.752005) / 4, abs=1e-6)
    # Theil L: −ln(0.4 · 0.8 · 1.2 · 1.6) / 4 = −ln(0.6144) / 4
    assert ineq.theil_l(y) == pytest.approx(0.121777, abs=1e-6)
    # CV: variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25; √1.25 / 2.5 = √0.2
    assert ineq.coefficient_of_variation(y) == pytest.approx(math.sqrt(0.2))
    assert ineq.mean(y) == 2.5


def test_zero_value_leaves_theil_l_undefined_not_zero() -> None:
    # (0, 1): Gini = 1·2·(½·½) / (2 · ½) = 0.5; T = ½ · 2 ln 2 = ln 2; L needs ln 0
    assert ineq.gini([0, 1]) == pytest.approx(0.5)
    assert ineq.theil_t([0, 1]) == pytest.approx(math.log(2))
    assert ineq.theil_l([0, 1]) is None


def test_weighted_equals_repeating_each_value_by_hand() -> None:
    # weights (3, 1) on (1, 3) is the population 1, 1, 1, 3: mean 1.5; |diff| sum 12 / (2 · 16 · 1.5) = 0.25
    assert ineq.gini([1, 3], [3, 1]) == pytest.approx(0.25)
    assert ineq.gini([1, 1, 1, 3]) == pytest.approx(0.25)
    assert ineq.mean([1, 3], [3, 1]) == pytest.approx(1.5)


def test_fifths_by_hand() -> None:
    ten = list(range(1, 11))
    assert ineq.fifth_means(ten, direction=1) == pytest.approx((9.5, 1.5))  # (9+10)/2 and (1+2)/2
    assert ineq.fifth_ratio(ten) == pytest.approx(9.5 / 1.5)
    # seven regions: a fifth is 1.4 regions, the second one counts 0.4
    best, worst = ineq.fifth_means(range(1, 8), direction=1)
    assert best == pytest.approx((7 + 0.4 * 6) / 1.4)
    assert worst == pytest.approx((1 + 0.4 * 2) / 1.4)
    # lower is better (poverty): best fifth = the lowest values; the ratio still reads "times"
    assert ineq.fifth_means(ten, direction=-1) == pytest.approx((1.5, 9.5))
    assert ineq.fifth_ratio(ten, direction=-1) == pytest.approx(9.5 / 1.5)
    assert ineq.fifth_ratio([0, 0, 0, 0, 0, 5, 5, 5, 5, 5]) is None  # worst fifth at zero: no ratio


def test_decomposition_by_hand() -> None:
    y, groups = [1, 1, 3, 3], ["a", "a", "b", "b"]  # no inequality inside either group
    t = ineq.decompose("T", y, groups)
    # total = between = ½ (0.5 ln 0.5 + 1.5 ln 1.5)
    assert t.total == pytest.approx(0.5 * (0.5 * math.log(0.5) + 1.5 * math.log(1.5)))
    assert t.between == pytest.approx(t.total) and t.within == pytest.approx(0.0, abs=1e-15)
    assert t.between_share == pytest.approx(1.0)
    ell = ineq.decompose("L", [1, 3, 1, 3], ["a", "a", "b", "b"])  # identical groups: all within
    assert ell.between == pytest.approx(0.0, abs=1e-15) and ell.within == pytest.approx(ell.total)


def test_undefined_inputs_give_none() -> None:
    for fn in (ineq.gini, ineq.theil_t, ineq.theil_l, ineq.coefficient_of_variation):
        assert fn([]) is None
        assert fn([0, 0, 0]) is None  # mean 0
        assert fn([-1, 2, 3]) is None  # negative values: not a distribution
        assert fn([np.nan, np.nan]) is None
    assert ineq.gini([2, np.nan, 2]) == 0.0  # missing values are dropped, not zeros
    assert ineq.decompose("T", [], []) is None
    with pytest.raises(ValueError):
        ineq.decompose("X", [1, 2], ["a", "b"])


def test_theil_terms_add_up_and_keep_positions() -> None:
    y = [1.0, np.nan, 2.0, 5.0]  # mean 8/3
    terms = ineq.theil_t_terms(y)
    assert np.isnan(terms[1])
    assert np.nansum(terms) == pytest.approx(ineq.theil_t(y))
    r = 1.0 / (8 / 3)  # the first region by hand: (r ln r − r + 1) / 3
    assert terms[0] == pytest.approx((r * math.log(r) - r + 1) / 3)
    assert (terms[[0, 2, 3]] >= 0).all()  # every region adds, whichever side of the mean it is on
    assert ineq.theil_t_terms([3.0, 3.0]).tolist() == [0.0, 0.0]


# --------------------------------------------------------------------------- published reference values

# Per capita GDP of the 32 Mexican states in 1940 and 2000 and their Hanson (1998) regions, from
# the PySAL example data set "mexico" (Rey and Sastré Gutiérrez 2010, Spatial Economic Analysis
# 5: 277–298; libpysal, BSD-3). The expected values are those PySAL's own tests publish for
# inequality.theil.Theil / TheilD and giddy's Gini on the same data.
MEXICO = [
    # state, pcgdp1940, pcgdp2000, hanson98
    ("Aguascalientes", 10384, 27782, 2),
    ("Baja California", 22361, 29855, 1),
    ("Baja California Sur", 9573, 26103, 2),
    ("Campeche", 3758, 36163, 5),
    ("Chiapas", 2934, 8684, 5),
    ("Chihuahua", 8578, 30735, 1),
    ("Coahuila", 8537, 28460, 1),
    ("Colima", 6909, 21358, 3),
    ("Distrito Federal", 17816, 54349, 4),
    ("Durango", 12132, 17379, 2),
    ("Guanajuato", 4359, 15585, 3),
    ("Guerrero", 2181, 11820, 5),
    ("Hidalgo", 4414, 12348, 3),
    ("Jalisco", 5309, 21610, 3),
    ("Mexico", 3408, 16322, 4),
    ("Michoacan", 3327, 11838, 3),
    ("Morelos", 6936, 18170, 3),
    ("Nayarit", 4836, 11478, 2),
    ("Nuevo Leon", 9073, 38672, 1),
    ("Oaxaca", 1892, 9010, 5),
    ("Puebla", 3569, 15685, 3),
    ("Queretaro", 11016, 26149, 3),
    ("Quintana Roo", 21965, 33442, 5),
    ("San Luis Potosi", 4372, 15866, 2),
    ("Sinaloa", 4840, 15242, 2),
    ("Sonora", 6399, 24068, 1),
    ("Tabasco", 2459, 13360, 5),
    ("Tamaulipas", 7508, 23546, 1),
    ("Tlaxcala", 3605, 11701, 3),
    ("Veracruz", 5203, 12191, 3),
    ("Yucatan", 7990, 17509, 5),
    ("Zacatecas", 3734, 11130, 2),
]


@pytest.mark.parametrize(("column", "theil", "between"), [(1, 0.20894344, 0.0345889), (2, 0.10660832, 0.03635872)], ids=["1940", "2000"])
def test_mexico_theil_and_between_regions_match_pysal(column: int, theil: float, between: float) -> None:
    y = [row[column] for row in MEXICO]
    regions = [row[3] for row in MEXICO]
    assert ineq.theil_t(y) == pytest.approx(theil, abs=1e-7)
    parts = ineq.decompose("T", y, regions)
    assert parts.total == pytest.approx(theil, abs=1e-7)
    assert parts.between == pytest.approx(between, abs=1e-7)


def test_mexico_gini_matches_pysal() -> None:
    assert ineq.gini([row[1] for row in MEXICO]) == pytest.approx(0.35372371173452849, abs=1e-12)


# --------------------------------------------------------------------------- properties

positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
samples = st.lists(positive, min_size=1, max_size=60)
MEASURES = (ineq.gini, ineq.theil_t, ineq.theil_l, ineq.coefficient_of_variation)


@given(st.floats(min_value=0.01, max_value=1e6), st.integers(1, 80))
def test_equal_values_give_zero_inequality(value: float, n: int) -> None:
    y = [value] * n
    for fn in MEASURES:
        assert fn(y) == pytest.approx(0.0, abs=1e-12), fn.__name__
    assert ineq.fifth_ratio(y) == pytest.approx(1.0)
    parts = ineq.decompose("T", y, ["a", "b"] * (n // 2) + ["a"] * (n % 2))
    assert parts.total == pytest.approx(0.0, abs=1e-12) and parts.between == pytest.approx(0.0, abs=1e-12)


@given(samples, st.floats(min_value=1e-3, max_value=1e3))
def test_relative_measures_are_scale_invariant(y: list[float], c: float) -> None:
    scaled = [c * v for v in y]
    for fn in (*MEASURES, ineq.fifth_ratio):
        assert fn(scaled) == pytest.approx(fn(y), rel=1e-7, abs=1e-10), fn.__name__


@settings(max_examples=200)
@given(
    st.lists(st.tuples(positive, st.sampled_from("abcd"), st.floats(min_value=1, max_value=1e6)), min_size=1, max_size=60),
    st.sampled_from(["T", "L"]),
    st.booleans(),
)
def test_decomposition_parts_add_up_to_the_total(rows: list[tuple[float, str, float]], measure: str, weighted: bool) -> None:
    y = [r[0] for r in rows]
    groups = [r[1] for r in rows]
    weights = [r[2] for r in rows] if weighted else None
    parts = ineq.decompose(measure, y, groups, weights)
    direct = (ineq.theil_t if measure == "T" else ineq.theil_l)(y, weights)
    assert parts.total == pytest.approx(direct)
    assert parts.between + parts.within == pytest.approx(parts.total, rel=1e-9, abs=1e-12)
    assert parts.between >= -1e-12 and parts.within >= -1e-12  # both parts are inequalities


@given(samples, st.floats(min_value=0.5, max_value=1e7), st.sampled_from([-1, 0, 1]))
def test_equal_populations_give_the_unweighted_result(y: list[float], population: float, direction: int) -> None:
    weights = [population] * len(y)
    for fn in MEASURES:
        assert fn(y, weights) == pytest.approx(fn(y), rel=1e-9, abs=1e-12), fn.__name__
    assert ineq.fifth_means(y, weights, direction) == pytest.approx(ineq.fifth_means(y, None, direction))
    groups = [i % 3 for i in range(len(y))]
    for measure in ("T", "L"):
        a, b = ineq.decompose(measure, y, groups, weights), ineq.decompose(measure, y, groups)
        assert (a.between, a.within) == pytest.approx((b.between, b.within), rel=1e-9, abs=1e-12)


@given(st.lists(st.tuples(positive, st.integers(1, 5)), min_size=1, max_size=30))
def test_integer_weights_equal_repeating_the_region(rows: list[tuple[float, int]]) -> None:
    """The population principle: a region weighted 3 counts as three identical regions."""
    y = [v for v, _ in rows]
    weights = [k for _, k in rows]
    repeated = [v for v, k in rows for _ in range(k)]
    for fn in MEASURES:
        assert fn(y, weights) == pytest.approx(fn(repeated), rel=1e-9, abs=1e-12), fn.__name__
    assert ineq.fifth_means(y, weights) == pytest.approx(ineq.fifth_means(repeated))


@given(st.lists(st.tuples(positive, st.floats(min_value=1, max_value=1e6)), min_size=1, max_size=60))
def test_theil_terms_are_never_negative_and_add_up(rows: list[tuple[float, float]]) -> None:
    y, weights = [r[0] for r in rows], [r[1] for r in rows]
    terms = ineq.theil_t_terms(y, weights)
    assert (terms >= 0).all()
    assert terms.sum() == pytest.approx(ineq.theil_t(y, weights), rel=1e-9, abs=1e-12)


@given(samples)
def test_bounds(y: list[float]) -> None:
    n = len(y)
    assert 0.0 <= ineq.gini(y) <= 1.0 - 1.0 / n + 1e-12
    assert 0.0 <= ineq.theil_t(y) <= math.log(n) + 1e-9
    best, worst = ineq.fifth_means(y)
    assert worst <= ineq.mean(y) + 1e-9 * max(y) and best >= ineq.mean(y) - 1e-9 * max(y)
