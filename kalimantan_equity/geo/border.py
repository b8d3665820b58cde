"""The land border with Malaysia, derived from the regency outlines (no Malaysian data needed).

The Indonesian part of Borneo is bounded by sea and by the land border. The border is the part
of the mainland outline between the two points where it meets the sea, Tanjung Datu in the west
and the Celebes Sea coast west of Sebatik in the east, plus the straight line across Sebatik
island at about 4°10' N. Of the two ways round the outline between those points, the border is
the northern one. The band written for the map is the line buffered by about 2 km, so it can be
drawn from a static file like every other layer.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point

WEST_END = (109.645, 2.081)  # Tanjung Datu (approximate)
EAST_END = (117.583, 4.159)  # mainland border terminus on the Celebes Sea coast (approximate)
SEBATIK = (117.8, 4.1)  # a point inside Indonesian Sebatik
_SEBATIK_TOLERANCE = 0.004  # degrees below the island's northern edge still counted as border
_MAX_END_OFFSET = 0.1  # degrees: an outline that passes farther from a terminus does not reach it
BAND_HALF_WIDTH = 0.018  # degrees (~2 km): a line 3–4 px wide on a Kalimantan-wide map


def land_border(regencies: gpd.GeoDataFrame) -> MultiLineString:
    outline = shapely.union_all(regencies.geometry.values)
    polygons = sorted(getattr(outline, "geoms", [outline]), key=lambda p: -p.area)
    ring = np.asarray(polygons[0].exterior.coords)
    ends = [_closest(ring, WEST_END), _closest(ring, EAST_END)]
    if any(np.hypot(*(ring[k] - np.asarray(end))) > _MAX_END_OFFSET for k, end in zip(ends, (WEST_END, EAST_END), strict=True)):
        return MultiLineString()  # these boundaries do not reach the border (e.g. a test extract)
    i, j = sorted(ends)
    inner, outer = ring[i : j + 1], np.vstack([ring[j:], ring[1 : i + 1]])
    mainland = inner if inner[:, 1].mean() > outer[:, 1].mean() else outer
    parts = [LineString(mainland)]
    sebatik = [p for p in polygons if p.contains(Point(SEBATIK))]
    if sebatik:
        parts.extend(_northern_edge(sebatik[0]))
    return MultiLineString(parts)


def border_band(regencies: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The border as a thin polygon with id ``MYS``, in the same form as the boundary layers."""
    line = land_border(regencies)
    if line.is_empty:
        return gpd.GeoDataFrame({"code": []}, geometry=[], crs=4326)
    band = line.buffer(BAND_HALF_WIDTH, cap_style="flat")
    return gpd.GeoDataFrame({"code": ["MYS"]}, geometry=[band], crs=4326)


def _closest(ring: np.ndarray, point: tuple[float, float]) -> int:
    return int(np.hypot(ring[:, 0] - point[0], ring[:, 1] - point[1]).argmin())


def _northern_edge(island: shapely.Polygon) -> list[LineString]:
    coords = np.asarray(island.exterior.coords)
    top = coords[:, 1].max() - _SEBATIK_TOLERANCE
    edges = []
    for a, b in zip(coords[:-1], coords[1:], strict=True):
        if a[1] >= top and b[1] >= top:
            edges.append(LineString([a, b]))
    merged = shapely.line_merge(shapely.union_all(edges)) if edges else None
    return [] if merged is None else list(getattr(merged, "geoms", [merged]))
