"""The one nearest-service module: the k-d tree on unit-sphere coordinates gives exactly the point a
brute-force haversine search gives, anywhere in Indonesia, and the distance to within a millimetre."""

from __future__ import annotations

import math

import numpy as np
import pytest

from kalimantan_equity.geo import nearest

INDONESIA = (95.0, 141.0, -11.0, 6.0)  # lon and lat extent, Sabang to Merauke


def _brute_force(lon: np.ndarray, lat: np.ndarray, tlon: np.ndarray, tlat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The textbook haversine over every pair, written out here, not taken from the module under test."""
    p1, p2 = np.radians(lat)[:, None], np.radians(tlat)[None, :]
    dlam = np.radians(tlon[None, :] - lon[:, None])
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlam / 2) ** 2
    km = 2 * 6371.0088 * np.arcsin(np.sqrt(a))
    best = km.argmin(axis=1)
    return km[np.arange(len(lon)), best], best


@pytest.mark.parametrize("n_targets", [1, 40, 900])
def test_kd_tree_gives_the_brute_force_nearest_point_across_indonesia(n_targets: int) -> None:
    rng = np.random.default_rng(n_targets)
    lon0, lon1, lat0, lat1 = INDONESIA
    lon, lat = rng.uniform(lon0, lon1, 4000), rng.uniform(lat0, lat1, 4000)
    tlon, tlat = rng.uniform(lon0, lon1, n_targets), rng.uniform(lat0, lat1, n_targets)
    km, index = nearest.nearest_km(lon, lat, tlon, tlat)
    expected_km, expected_index = _brute_force(lon, lat, tlon, tlat)
    assert np.array_equal(index, expected_index)
    np.testing.assert_allclose(km, expected_km, rtol=0, atol=1e-6)
    if n_targets == 1:  # distances across the archipelago, far past any one projection's zone
        assert km.max() > 2000


def test_distances_matrix_and_incremental_update_match_a_fresh_tree() -> None:
    rng = np.random.default_rng(5)
    places = nearest.unit_vectors(rng.uniform(108, 119, 3000), rng.uniform(-4.5, 4.5, 3000))
    old = nearest.unit_vectors(rng.uniform(108, 119, 50), rng.uniform(-4.5, 4.5, 50))
    new = nearest.unit_vectors(rng.uniform(108, 119, 3), rng.uniform(-4.5, 4.5, 3))
    km, index = nearest.add_points(*nearest.nearest(places, old), places, new, 50)
    fresh_km, fresh_index = nearest.nearest(places, np.vstack([old, new]))
    np.testing.assert_allclose(km, fresh_km, rtol=1e-12, atol=1e-9)
    assert np.array_equal(index, fresh_index)
    assert (index >= 50).any()  # the new units did bring some places closer


def test_one_degree_of_the_equator_and_a_hand_computed_pair() -> None:
    assert nearest.geodesic_km(110.0, 0.0, 111.0, 0.0) == pytest.approx(2 * math.pi * 6371.0088 / 360, rel=1e-12)
    # Kanim Pontianak -> Kanim Singkawang, by hand with the haversine formula: 113.12 km
    assert float(nearest.geodesic_km(109.340303, -0.048737, 108.978592, 0.902064)) == pytest.approx(113.12, abs=0.01)
    km, index = nearest.nearest_km([109.340303], [-0.048737], [112.9, 108.978592], [0.88, 0.902064])
    assert index.tolist() == [1] and km[0] == pytest.approx(113.12, abs=0.01)


def test_unknown_places_and_empty_target_sets() -> None:
    km, index = nearest.nearest(nearest.unit_vectors([110.0, np.nan], [0.0, 0.0]), nearest.unit_vectors([], []))
    assert km[0] == np.inf and np.isnan(km[1]) and index.tolist() == [-1, -1]  # nothing in reach; an unknown place stays unknown
    with pytest.raises(ValueError):
        nearest.unit_vectors([110.0, 111.0], [0.0])
