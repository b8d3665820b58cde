"""Distances from villages to service points: projected, indexed, and cheap to update.

Straight-line distance is measured in a Lambert azimuthal equal-area projection centred on
Kalimantan (114° E, 0°). Between any village and any service point in Kalimantan its planar
distance is within ±0.13 % of the WGS84 geodesic (measured on all 7,229 × 40 pairs; a test checks
0.5 %). The obvious alternatives do worse here: UTM 50S puts west Kalimantan 5–6° outside its zone
(errors up to 1 %), and EPSG:6933, used for areas, stretches east–west distances by up to 15 %.

Nearest points come from a k-d tree (``scipy.spatial.cKDTree``) over the service points; a new
unit in a what-if is a single vectorised ``min(current, distance to the new unit)``, which is
exactly what a recomputation from scratch with the unit added gives (a test checks).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import shapely
from pyproj import Geod, Transformer
from scipy.spatial import cKDTree
from shapely.geometry import shape

# Lambert azimuthal equal-area on the WGS84 ellipsoid, centred on the middle of Kalimantan.
ACCESS_CRS = "+proj=laea +lat_0=0 +lon_0=114 +datum=WGS84 +units=m +no_defs"
_GEOD = Geod(ellps="WGS84")


@cache
def _to_metric() -> Transformer:
    return Transformer.from_crs("EPSG:4326", ACCESS_CRS, always_xy=True)


def project_km(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """(n, 2) array of projected coordinates in km."""
    x, y = _to_metric().transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    return np.column_stack([x, y]) / 1000.0


def nearest_km(villages_xy: np.ndarray, points_xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distance (km) from each village to its nearest point, and that point's index.

    With no points every distance is infinite and every index -1: nothing is in reach.
    """
    n = len(villages_xy)
    if len(points_xy) == 0:
        return np.full(n, np.inf), np.full(n, -1, dtype=np.int64)
    dist, idx = cKDTree(points_xy).query(villages_xy, k=1)
    return np.asarray(dist, dtype=float), np.asarray(idx, dtype=np.int64)


def distances_to_km(villages_xy: np.ndarray, points_xy: np.ndarray) -> np.ndarray:
    """(n villages, m points) matrix of distances in km; for a handful of points (mobile services, new units)."""
    if len(points_xy) == 0:
        return np.empty((len(villages_xy), 0))
    diff = villages_xy[:, None, :] - np.asarray(points_xy, dtype=float)[None, :, :]
    return np.hypot(diff[..., 0], diff[..., 1])


def add_points(
    dist: np.ndarray, idx: np.ndarray, villages_xy: np.ndarray, new_xy: np.ndarray, first_index: int
) -> tuple[np.ndarray, np.ndarray]:
    """Distances and nearest indices after adding points numbered from ``first_index``.

    A village's nearest point changes only if a new point is closer, so this is
    ``min(current, distance to each new point)``; on an exact tie the existing point is kept.
    """
    dist, idx = dist.copy(), idx.copy()
    for j, d_new in enumerate(distances_to_km(villages_xy, new_xy).T):
        closer = d_new < dist
        dist[closer] = d_new[closer]
        idx[closer] = first_index + j
    return dist, idx


def geodesic_km(lon1: np.ndarray, lat1: np.ndarray, lon2: np.ndarray, lat2: np.ndarray) -> np.ndarray:
    """WGS84 geodesic distance in km (the reference the projected distance is checked against)."""
    _az, _back, metres = _GEOD.inv(np.asarray(lon1, float), np.asarray(lat1, float), np.asarray(lon2, float), np.asarray(lat2, float))
    return np.asarray(metres) / 1000.0


def naive_nearest_km(lon: np.ndarray, lat: np.ndarray, point_lon: np.ndarray, point_lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The baseline the benchmark compares with: the geodesic distance of every village–point pair, then the minimum."""
    n, m = len(lon), len(point_lon)
    if m == 0:
        return np.full(n, np.inf), np.full(n, -1, dtype=np.int64)
    km = geodesic_km(np.repeat(lon, m), np.repeat(lat, m), np.tile(point_lon, n), np.tile(point_lat, n)).reshape(n, m)
    idx = km.argmin(axis=1)
    return km[np.arange(n), idx], idx


@cache
def _districts(path: str) -> tuple[np.ndarray, shapely.STRtree]:
    """Codes and an R-tree of the district polygons in a static file (features keyed by ``id``)."""
    features = json.loads(Path(path).read_text(encoding="utf-8"))["features"]
    codes = np.array([str(f["id"]) for f in features])
    geoms = np.array([shape(f["geometry"]) for f in features])
    return codes, shapely.STRtree(geoms)


def district_at(lon: float, lat: float, districts_geojson: Path) -> str | None:
    """Code of the district whose polygon holds the point, or None (sea, Malaysia, outside Kalimantan).

    The file is the district layer the map draws (content-hashed name, so a rebuild is a new cache entry).
    """
    codes, tree = _districts(str(districts_geojson))
    hits = tree.query(shapely.Point(float(lon), float(lat)), predicate="within")
    return str(codes[min(hits)]) if len(hits) else None
