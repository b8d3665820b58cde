"""Nearest service point: straight-line (geodesic) km from each place to the closest of a set of points.

Used for the distance from each district's representative point to the nearest border post or
immigration office. Brute force over all pairs: a regency has at most a few dozen districts and
Kalimantan a few dozen service points, so the pair matrix stays tiny.
"""

from __future__ import annotations

import numpy as np

from geo.boundaries import geodesic_km


def nearest_km(
    points_lon: np.ndarray, points_lat: np.ndarray, targets_lon: np.ndarray, targets_lat: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Distance in km from each point to its nearest target, and that target's position.

    Points without coordinates get NaN and index -1, and so does every point when there are no
    targets (a distance nobody measured is unknown, not zero). Targets without coordinates are
    never chosen. Ties go to the first target.
    """
    lon = np.asarray(points_lon, dtype=float).ravel()
    lat = np.asarray(points_lat, dtype=float).ravel()
    tlon = np.asarray(targets_lon, dtype=float).ravel()
    tlat = np.asarray(targets_lat, dtype=float).ravel()
    if lon.shape != lat.shape or tlon.shape != tlat.shape:
        raise ValueError("longitudes and latitudes must have the same length")
    km = np.full(lon.size, np.nan)
    index = np.full(lon.size, -1, dtype=int)
    usable = np.flatnonzero(np.isfinite(tlon) & np.isfinite(tlat))
    located = np.isfinite(lon) & np.isfinite(lat)
    if usable.size == 0 or not located.any():
        return km, index
    n, m = int(located.sum()), usable.size
    plon, plat = np.repeat(lon[located], m), np.repeat(lat[located], m)  # every point against every target
    glon, glat = np.tile(tlon[usable], n), np.tile(tlat[usable], n)
    pairs = geodesic_km(plon, plat, glon, glat).reshape(n, m)
    best = np.argmin(pairs, axis=1)
    km[located] = pairs[np.arange(pairs.shape[0]), best]
    index[located] = usable[best]
    return km, index
