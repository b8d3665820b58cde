"""Where a new unit falls: the district whose polygon holds a point typed in on the access page.

Distances are measured in :mod:`geo.nearest`; this module only places points in districts.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape


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
