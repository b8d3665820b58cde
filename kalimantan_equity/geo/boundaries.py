"""Boundary geometry: read, validate, measure, simplify and write what the browser fetches.

This package is the only place that touches shapely, so the rest of the code deals in codes,
names and numbers.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

LEVELS = ("provinsi", "kabupaten", "kecamatan", "desa")
LEVEL_FILES = {
    "provinsi": "kalimantan_prov.geojson",
    "kabupaten": "kalimantan_kabkota.geojson",
    "kecamatan": "kalimantan_kecamatan.geojson",
    "desa": "kalimantan_desa.geojson",
}
# Kemendagri code pattern per level: 61 / 61.03 / 61.03.21 / 61.03.21.2003
CODE_PATTERNS = {
    "provinsi": r"^\d{2}$",
    "kabupaten": r"^\d{2}\.\d{2}$",
    "kecamatan": r"^\d{2}\.\d{2}\.\d{2}$",
    "desa": r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$",
}
# Equal-area CRS for km²: World Cylindrical Equal Area is exact for area everywhere.
_AREA_CRS = "EPSG:6933"
# Coverage simplification tolerance in degrees per level. Upstream regency/district polygons are
# already light (~14k/30k vertices in all); villages carry 800k vertices, 0.002° (~220 m) is
# below one screen pixel for a Kalimantan-wide map on a 1920 px projector.
SIMPLIFY_TOLERANCE = {"provinsi": 0.0, "kabupaten": 0.0, "kecamatan": 0.0, "desa": 0.002, "perbatasan": 0.0, "rivers": 0.0}
# 4 decimals of a degree ~ 11 m: far finer than the simplification, and it shortens the JSON.
_DECIMALS = 4


class BoundaryError(ValueError):
    """A boundary file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class GeoAsset:
    level: str
    file_name: str
    n_features: int
    n_bytes: int


def read_level(path: Path, level: str) -> gpd.GeoDataFrame:
    """Read one boundary file and check what the rest of the build relies on.

    Returns columns ``code, name, parent_code, geometry`` in EPSG:4326. Invalid rings are repaired
    with ``make_valid`` (keeping only polygonal parts); duplicate or malformed codes stop the build.
    """
    if not path.is_file():
        raise BoundaryError(f"{path}: file not found")
    try:
        gdf = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for a broken file
        raise BoundaryError(f"{path}: not readable as GeoJSON ({exc.__class__.__name__}: {exc})") from exc
    for column in ("kode", "nama"):
        if column not in gdf.columns:
            raise BoundaryError(f"{path}: property '{column}' is missing")
    if gdf.empty:
        raise BoundaryError(f"{path}: no features")
    if gdf.crs is not None and gdf.crs.to_epsg() not in (4326, None):
        gdf = gdf.to_crs(4326)
    codes = gdf["kode"].astype(str).str.strip()
    bad = codes[~codes.str.match(CODE_PATTERNS[level])]
    if len(bad):
        raise BoundaryError(f"{path}: {len(bad)} code(s) not in Kemendagri form, e.g. '{bad.iloc[0]}'")
    dup = codes[codes.duplicated()]
    if len(dup):
        raise BoundaryError(f"{path}: duplicate code(s) {sorted(set(dup))[:5]}")
    geoms = gdf.geometry.values
    if shapely.is_missing(geoms).any() or shapely.is_empty(geoms).any():
        raise BoundaryError(f"{path}: {int((shapely.is_missing(geoms) | shapely.is_empty(geoms)).sum())} feature(s) without geometry")
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        geoms = geoms.copy()
        geoms[invalid] = [_polygonal(shapely.make_valid(g)) for g in geoms[invalid]]
    parent = codes.str.rsplit(".", n=1).str[0] if level != "provinsi" else pd.Series([None] * len(codes))
    return gpd.GeoDataFrame(
        {"code": codes.values, "name": gdf["nama"].astype(str).str.strip().values, "parent_code": parent.values},
        geometry=geoms,
        crs=4326,
    )


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Keep only the polygon parts that make_valid may return alongside stray lines."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts)


def measures(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    """Area in km², a point guaranteed inside each polygon, and the bounding box."""
    area = gdf.geometry.to_crs(_AREA_CRS).area.to_numpy() / 1e6
    points = shapely.point_on_surface(gdf.geometry.values)
    bounds = shapely.bounds(gdf.geometry.values)
    return pd.DataFrame(
        {
            "code": gdf["code"].to_numpy(),
            "area_km2": np.round(area, 3),
            "rep_lon": np.round(shapely.get_x(points), 6),
            "rep_lat": np.round(shapely.get_y(points), 6),
            "min_lon": bounds[:, 0],
            "min_lat": bounds[:, 1],
            "max_lon": bounds[:, 2],
            "max_lat": bounds[:, 3],
        }
    )


def locate(points_lon: np.ndarray, points_lat: np.ndarray, gdf: gpd.GeoDataFrame) -> list[str | None]:
    """Code of the polygon containing each point (None when it falls outside every polygon)."""
    pts = shapely.points(np.asarray(points_lon, dtype=float), np.asarray(points_lat, dtype=float))
    tree = shapely.STRtree(gdf.geometry.values)
    found: list[str | None] = [None] * len(pts)
    point_idx, poly_idx = tree.query(pts, predicate="within")
    codes = gdf["code"].to_numpy()
    for p, g in zip(point_idx, poly_idx, strict=True):
        if found[p] is None:
            found[p] = codes[g]
    return found


def nearest_within(points_lon: np.ndarray, points_lat: np.ndarray, gdf: gpd.GeoDataFrame, max_deg: float) -> tuple[np.ndarray, np.ndarray]:
    """Code of the nearest polygon within ``max_deg`` degrees of each point (None beyond), and the gap in degrees.

    For points just off a simplified coastline: they belong to the village they nearly touch.
    """
    pts = shapely.points(np.asarray(points_lon, dtype=float), np.asarray(points_lat, dtype=float))
    tree = shapely.STRtree(gdf.geometry.values)
    codes = np.full(len(pts), None, dtype=object)
    gap = np.full(len(pts), np.nan)
    (point_idx, poly_idx), dist = tree.query_nearest(pts, max_distance=max_deg, return_distance=True, all_matches=False)
    values = gdf["code"].to_numpy()
    codes[point_idx] = values[poly_idx]
    gap[point_idx] = dist
    return codes, gap


def _repaired(rounded: shapely.Geometry, original: shapely.Geometry) -> shapely.Geometry:
    """Repair a geometry that rounding made invalid; keep the unrounded one if repair fails."""
    try:
        fixed = _polygonal(shapely.make_valid(rounded, method="structure", keep_collapsed=False))
    except shapely.errors.GEOSException:
        return original
    return fixed if not fixed.is_empty else original


def simplify(gdf: gpd.GeoDataFrame, level: str) -> gpd.GeoDataFrame:
    """Simplify a level as a coverage so neighbours keep shared edges (no new gaps or slivers)."""
    tolerance = SIMPLIFY_TOLERANCE[level]
    out = gdf[[c for c in ("code", "name", "geometry") if c in gdf]].copy()  # the name goes into the file for the hover
    if tolerance > 0:
        out["geometry"] = out.geometry.simplify_coverage(tolerance)
    return out


def overlap_km2(gdf: gpd.GeoDataFrame) -> float:
    """Total area where two polygons of one level overlap: a check on coverage quality."""
    geoms = gdf.geometry.to_crs(_AREA_CRS).values
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    keep = left < right
    inter = shapely.intersection(geoms[left[keep]], geoms[right[keep]])
    return float(shapely.area(inter).sum() / 1e6)


def feature_collection_json(gdf: gpd.GeoDataFrame) -> str:
    """Compact GeoJSON with the Kemendagri code as each feature's id and its name as its one property.

    Values and colours travel in the figure; the geometry file stays the same for every
    indicator, year and language, so the browser fetches it once.
    """
    geoms = shapely.transform(gdf.geometry.values, lambda xy: np.round(xy, _DECIMALS))
    broken = ~shapely.is_valid(geoms)  # rounding can collapse a sliver hole to zero area
    if broken.any():
        geoms = geoms.copy()
        originals = gdf.geometry.values[broken]
        geoms[broken] = [_repaired(g, o) for g, o in zip(geoms[broken], originals, strict=True)]
    # Plotly draws with d3-geo on the sphere, where a ring's direction says which side is inside:
    # an exterior ring must run clockwise, or the polygon fills the whole globe except itself.
    # Coverage simplification can flip a few rings, so every ring is oriented here.
    geoms = shapely.orient_polygons(geoms, exterior_cw=True)
    # The region's name (HTML-escaped): a map's hover reads it from here (``%{properties.n}``), so a
    # village map's rerun does not carry 7,229 names again; and a short id (``i``, 1-based position) a
    # figure may refer to a region by, 2 bytes instead of a 13-character code (services/mapview.py).
    names = (
        [json.dumps({"n": escape(str(n), quote=False), "i": i}, ensure_ascii=False) for i, n in enumerate(gdf["name"], 1)]
        if "name" in gdf
        else ["{}"] * len(gdf)
    )
    parts = [
        '{"type":"Feature","id":' + json.dumps(code) + ',"properties":' + props + ',"geometry":' + shapely.to_geojson(g) + "}"
        for code, props, g in zip(gdf["code"], names, geoms, strict=True)
    ]
    return '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}"


def write_gzip(path: Path) -> Path:
    """``<file>.gz`` beside a geometry file, compressed once at build time (level 9, no timestamp, so
    the same file always gives the same bytes). A proxy in front serves it as is (nginx
    ``gzip_static on``) instead of compressing 6 MB again for every browser that opens the map."""
    target = path.with_name(path.name + ".gz")
    if not target.exists() or target.stat().st_mtime < path.stat().st_mtime:
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
        tmp.replace(target)
    return target


def write_asset(gdf: gpd.GeoDataFrame, level: str, out_dir: Path) -> GeoAsset:
    """Write a level's geometry under a content-hashed name, so a changed file gets a new URL."""
    text = feature_collection_json(simplify(gdf, level))
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    name = f"{level}.{digest}.geojson"
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / name
    if not target.exists():
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    write_gzip(target)
    return GeoAsset(level=level, file_name=name, n_features=len(gdf), n_bytes=len(text.encode()))


RIVER_HALF_WIDTH = 0.006  # degrees (~0.7 km): a thin line on a Kalimantan-wide map


def river_band(source: Path) -> gpd.GeoDataFrame:
    """The rivers as one thin polygon with id ``RIVERS``, so a map draws them from a static file like
    every boundary (a choropleth draws polygons, not lines); degenerate one-point segments dropped."""
    gdf = gpd.read_file(source)
    lines = gdf.geometry.explode(index_parts=False)
    lines = lines[(lines.geom_type == "LineString") & (shapely.length(lines.values) > 0)]
    if lines.empty:
        return gpd.GeoDataFrame({"code": []}, geometry=[], crs=4326)
    band = shapely.union_all(shapely.buffer(lines.values, RIVER_HALF_WIDTH, cap_style="round"))
    return gpd.GeoDataFrame({"code": ["RIVERS"]}, geometry=[band], crs=4326)
