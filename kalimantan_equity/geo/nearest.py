"""Nearest service point and straight-line distance: the one place both are computed.

Every straight-line distance in the dashboard is the great-circle distance on a sphere of the
mean Earth radius (6,371.0088 km): villages to puskesmas and schools (the build's access
indicators), to immigration offices and border posts (the access page, the profile's districts),
regions to their provincial capital and nearest city. In Kalimantan it lies within 0.6 % of the
WGS84 ellipsoidal geodesic (north–south a little longer, east–west a little shorter), far inside
the uncertainty of town-level service coordinates and of the detour factor the user sets.

Nearest points come from a k-d tree (``scipy.spatial.cKDTree``) over the points' unit-sphere
coordinates (x, y, z from longitude and latitude). The chord between two unit vectors,
``2·sin(θ/2)``, grows with the arc θ, so the nearest point by chord is exactly the nearest on the
great circle, anywhere on Earth: no projection and no zone limit. The chord is then turned into
km with ``2R·asin(chord/2)``. A test checks tree against brute-force haversine on random points.

A new unit in a what-if is a single vectorised ``min(current, distance to the new unit)``, which
is exactly what a fresh tree with the unit added gives (a test checks).
"""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius


def unit_vectors(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """(n, 3) points on the unit sphere; a point without coordinates gives a row of NaN."""
    lam = np.radians(np.asarray(lon, dtype=float).ravel())
    phi = np.radians(np.asarray(lat, dtype=float).ravel())
    if lam.shape != phi.shape:
        raise ValueError("longitudes and latitudes must have the same length")
    cos_phi = np.cos(phi)
    return np.column_stack([cos_phi * np.cos(lam), cos_phi * np.sin(lam), np.sin(phi)])


def chord_to_km(chord: np.ndarray) -> np.ndarray:
    """Great-circle km from the straight chord between two unit vectors."""
    return 2.0 * EARTH_RADIUS_KM * np.arcsin(np.clip(np.asarray(chord, dtype=float) / 2.0, 0.0, 1.0))


def geodesic_km(lon1: np.ndarray, lat1: np.ndarray, lon2: np.ndarray, lat2: np.ndarray) -> np.ndarray:
    """Great-circle km between paired points, element-wise (haversine; arrays broadcast)."""
    p1, p2 = np.radians(np.asarray(lat1, dtype=float)), np.radians(np.asarray(lat2, dtype=float))
    dlam = np.radians(np.asarray(lon2, dtype=float) - np.asarray(lon1, dtype=float))
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlam / 2) ** 2
    km: np.ndarray = 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))  # numpy's ufuncs return Any
    return km


def nearest(places: np.ndarray, targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Great-circle km from each place to its nearest target, and that target's row (unit vectors in).

    Targets without coordinates are never chosen. A place without coordinates gets NaN and -1;
    with no usable target every located place gets ``inf`` and -1 (nothing is in reach, so it is
    beyond any threshold, and a new unit can still bring it closer).
    """
    places, targets = np.asarray(places, dtype=float).reshape(-1, 3), np.asarray(targets, dtype=float).reshape(-1, 3)
    located = np.isfinite(places).all(axis=1)
    usable = np.flatnonzero(np.isfinite(targets).all(axis=1))
    km = np.where(located, np.inf, np.nan)
    index = np.full(len(places), -1, dtype=np.int64)
    if usable.size and located.any():
        chord, best = cKDTree(targets[usable]).query(places[located], k=1)
        km[located] = chord_to_km(chord)
        index[located] = usable[np.asarray(best, dtype=np.int64)]
    return km, index


def distances_km(places: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """(places, targets) matrix of great-circle km; for a handful of targets (mobile services, new units)."""
    places, targets = np.asarray(places, dtype=float).reshape(-1, 3), np.asarray(targets, dtype=float).reshape(-1, 3)
    if len(targets) == 0:
        return np.empty((len(places), 0))
    return chord_to_km(np.linalg.norm(places[:, None, :] - targets[None, :, :], axis=2))


def add_points(km: np.ndarray, index: np.ndarray, places: np.ndarray, new: np.ndarray, first_index: int) -> tuple[np.ndarray, np.ndarray]:
    """Distances and nearest rows after adding targets numbered from ``first_index``.

    A place's nearest target changes only if a new one is closer, so this is
    ``min(current, distance to each new target)``; on an exact tie the existing target is kept.
    """
    km, index = km.copy(), index.copy()
    for j, d_new in enumerate(distances_km(places, new).T):
        closer = d_new < km
        km[closer] = d_new[closer]
        index[closer] = first_index + j
    return km, index


def nearest_km(
    points_lon: np.ndarray, points_lat: np.ndarray, targets_lon: np.ndarray, targets_lat: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`nearest` from longitudes and latitudes, for a report rather than a threshold: where no
    target has coordinates the distance is unknown (NaN), never zero or infinite."""
    km, index = nearest(unit_vectors(points_lon, points_lat), unit_vectors(targets_lon, targets_lat))
    return np.where(np.isinf(km), np.nan, km), index
