"""Build the DuckDB warehouse and the static geometry files from ``../shared/data``.

    python -m kalimantan_equity.data.build            # build if sources or build code changed
    python -m kalimantan_equity.data.build --force    # rebuild regardless

The build writes into a temporary file and swaps it in only when everything succeeded, so a
failed or killed build leaves the previous database in use. A manifest of source checksums (and
of the build code itself) lets a second start skip the work when nothing changed.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
from filelock import FileLock

from kalimantan_equity.data import facilities, points, simulate, sources
from kalimantan_equity.data.errors import BuildError
from kalimantan_equity.geo import border, boundaries, nearest
from kalimantan_equity.services.settings import settings

ROOT = Path(__file__).resolve().parents[2]  # the project folder: data/warehouse, data/uploads and static/ live there
CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue"
# The shared query rules (the value status) are stored in the file too, so any read-only connection to it
# (a test, the DuckDB shell) has them; services/warehouse.connect creates them again on its own connection.
MACRO_DIR = Path(__file__).resolve().parents[1] / "queries" / "macros"
SCHEMA_VERSION = 1

Progress = Callable[[float, str], None]


def source_dir() -> Path:
    """Where the shared source data lives (``EQUITY_SOURCE_DIR``)."""
    return settings().source_dir


def db_path() -> Path:
    """Where the warehouse is written (``EQUITY_DB_PATH``; tests point it at a temporary folder)."""
    return settings().db_path


def static_dir() -> Path:
    """Where geometry for the browser is written (``EQUITY_STATIC_DIR``)."""
    return settings().static_dir


def manifest_path(db: Path) -> Path:
    return db.with_name(db.name + ".manifest.json")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(src: Path) -> dict[str, object]:
    """Checksums of every source file and of the code and catalogue that turn them into tables."""
    missing = [rel for rel in sources.FILES.values() if not (src / rel).is_file()]
    if missing:
        raise BuildError(src / missing[0], "file not found" + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
    code_files = sorted(
        [
            *Path(__file__).parent.glob("*.py"),
            *CATALOGUE_DIR.glob("*.csv"),
            *(ROOT / "kalimantan_equity" / "geo").glob("*.py"),
            ROOT / "kalimantan_equity" / "services" / "names.py",
            *MACRO_DIR.glob("*.sql"),
        ]
    )
    code = hashlib.sha256()
    for path in code_files:
        code.update(path.name.encode())
        code.update(path.read_bytes())
    return {
        "schema": SCHEMA_VERSION,
        "sources": {rel: _sha256(src / rel) for rel in sorted(sources.FILES.values())},
        "code": code.hexdigest(),
    }


# Every table a build writes; a database without one of them is damaged, whatever its manifest says.
TABLES = (
    "regions", "region_groups", "crosswalk", "capitals", "indicators", "sources", "observations", "not_applicable",
    "village_status", "service_points", "complaints", "plbn_crossings", "geo_assets", "build_info",
    "point_quality", "code_systems", "facility_registers", "village_access",
)  # fmt: skip


def _read_manifest(db: Path) -> dict[str, Any] | None:  # JSON written by this module
    try:
        recorded = json.loads(manifest_path(db).read_text())
    except (OSError, ValueError):
        return None
    return recorded if isinstance(recorded, dict) else None


def _has_tables(db: Path) -> bool:
    """The file opens as a DuckDB database and holds every table of a build."""
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            con.execute("SELECT count(*) FROM regions").fetchone()
    except duckdb.Error:
        return False
    return set(TABLES) <= names


def database_problem(db: Path) -> str | None:
    """Why the database file cannot be used as the last build left it, or None when it can (or was never built).

    ``"missing"``: a build recorded it and the file is gone. ``"damaged"``: its bytes differ from
    what the build wrote (checksum in the manifest: garbage, a truncated or zero-byte file), or it
    does not open with every table. The check reads the file once (a few milliseconds).
    """
    recorded = _read_manifest(db)
    if not db.is_file():
        return "missing" if recorded is not None else None
    if recorded is not None and "db_sha256" in recorded:
        try:
            if recorded.get("db_size") != db.stat().st_size or recorded["db_sha256"] != _sha256(db):
                return "damaged"
        except OSError:  # removed or unreadable while being checked
            return "damaged" if db.exists() else "missing"
    return None if _has_tables(db) else "damaged"


def is_current(src: Path, db: Path, static: Path) -> bool:
    """True when the database exists, is intact, and was built from exactly these sources and code."""
    recorded = _read_manifest(db)
    if recorded is None or not db.is_file():
        return False
    if recorded.get("fingerprint") != fingerprint(src):
        return False
    if not all((static / name).is_file() for name in recorded.get("geo_files", [])):
        return False
    return database_problem(db) is None


@contextlib.contextmanager
def _lock(db: Path) -> Iterator[None]:
    """One build at a time per database, across Streamlit sessions and processes."""
    db.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(db.parent / f".{db.name}.lock"):  # flock on Unix, msvcrt.locking on Windows
        yield


@dataclass
class BuildResult:
    built: bool
    db: Path
    seconds: float
    counts: dict[str, int]


def ensure_built(progress: Progress | None = None, force: bool = False) -> BuildResult:
    """Build when needed; raises BuildError (previous database untouched) when a source is bad."""
    src, db, static = source_dir(), db_path(), static_dir()
    with _lock(db):
        _remove_leftovers(db, static)
        if not force and is_current(src, db, static):
            return BuildResult(False, db, 0.0, {})
        return build(src, db, static, progress or (lambda _f, _m: None))


# --------------------------------------------------------------------------- regions


def _regency_types(root: Path, regency_names: dict[str, str]) -> pd.DataFrame:
    """kota / perbatasan / kabupaten per regency, read from the border-flags file (data, not code)."""
    path = root / sources.FILES["border_flags"]
    frame = sources.read_csv(
        root, "border_flags", ["kode", "nama", "is_kota", "land_border_malaysia", "daerah_tertinggal_perpres131_2015_2019"]
    )
    for column in ("is_kota", "land_border_malaysia", "daerah_tertinggal_perpres131_2015_2019"):
        bad = frame[~frame[column].isin(["True", "False"])]
        if len(bad):
            raise BuildError(path, f"column '{column}' must be True/False, found '{bad.iloc[0][column]}'")
    missing = sorted(set(regency_names) - set(frame["kode"]))
    if missing:
        raise BuildError(path, f"no row for regency code(s) {missing[:5]}")
    is_kota = frame["is_kota"] == "True"
    border = frame["land_border_malaysia"] == "True"
    if (is_kota & border).any():
        raise BuildError(path, "a regency cannot be both a city and a land-border regency")
    return pd.DataFrame(
        {
            "regency_code": frame["kode"],
            "region_type": np.select([is_kota, border], ["kota", "perbatasan"], "kabupaten"),
            "is_kota": is_kota,
            "land_border": border,
            "tertinggal_2015_2019": frame["daerah_tertinggal_perpres131_2015_2019"] == "True",
        }
    )


def _read_boundaries(root: Path) -> dict[str, pd.DataFrame]:
    levels = {}
    for level in boundaries.LEVELS:
        rel = sources.FILES[f"boundary_{level}"]
        try:
            levels[level] = boundaries.read_level(root / rel, level)
        except boundaries.BoundaryError as exc:
            raise BuildError(root / rel, str(exc).split(": ", 1)[-1]) from exc
    for child, parent in (("kabupaten", "provinsi"), ("kecamatan", "kabupaten"), ("desa", "kecamatan")):
        orphans = sorted(set(levels[child]["parent_code"]) - set(levels[parent]["code"]))
        if orphans:
            raise BuildError(root / sources.FILES[f"boundary_{child}"], f"parent code(s) not found: {orphans[:5]}")
    return levels


def _regions(levels: dict[str, pd.DataFrame], types: pd.DataFrame, capitals: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for level, gdf in levels.items():
        frame = pd.DataFrame({"code": gdf["code"], "name": gdf["name"], "level": level, "parent_code": gdf["parent_code"]})
        frame = frame.merge(boundaries.measures(gdf), on="code", how="left", validate="one_to_one")
        frames.append(frame)
    regions = pd.concat(frames, ignore_index=True)
    regions["prov_code"] = regions["code"].str[:2]
    regions["regency_code"] = np.where(regions["level"] == "provinsi", None, regions["code"].str[:5])
    regions = regions.merge(types[["regency_code", "region_type"]], on="regency_code", how="left", validate="many_to_one")
    regions["has_polygon"] = True
    # Kemendagri village codes: 1xxx = kelurahan (urban ward), 2xxx = desa (village).
    regions["is_kelurahan"] = np.where(regions["level"] == "desa", regions["code"].str[9:10] == "1", None)
    return _add_remoteness(regions, capitals)


def _add_remoteness(regions: pd.DataFrame, capitals: pd.DataFrame) -> pd.DataFrame:
    """Straight-line km to the provincial capital and to the nearest city (kota), from each region's point."""
    cap = capitals.set_index("prov_code")
    cap_lon = regions["prov_code"].map(cap["lon"]).to_numpy(dtype=float)
    cap_lat = regions["prov_code"].map(cap["lat"]).to_numpy(dtype=float)
    regions["km_to_capital"] = np.round(
        nearest.geodesic_km(regions["rep_lon"].to_numpy(float), regions["rep_lat"].to_numpy(float), cap_lon, cap_lat), 1
    )
    cities = regions[(regions["level"] == "kabupaten") & (regions["region_type"] == "kota")]
    km_city, _ = nearest.nearest_km(
        regions["rep_lon"].to_numpy(float),
        regions["rep_lat"].to_numpy(float),
        cities["rep_lon"].to_numpy(float),
        cities["rep_lat"].to_numpy(float),
    )
    km_city[(regions["region_type"] == "kota").to_numpy()] = 0.0
    regions["km_to_city"] = np.round(km_city, 1)
    return regions


def _read_capitals() -> pd.DataFrame:
    return pd.read_csv(CATALOGUE_DIR / "capitals.csv", dtype={"prov_code": str, "regency_code": str})


def _crosswalk(root: Path, regency_names: dict[str, str]) -> pd.DataFrame:
    path = root / sources.FILES["crosswalk"]
    frame = sources.read_csv(root, "crosswalk", ["kode_kemendagri", "kode_kemendagri_nodot", "kode_bps", "nama"])
    if len(frame) != len(regency_names) or set(frame["kode_kemendagri"]) != set(regency_names):
        raise BuildError(path, f"expected the {len(regency_names)} regencies of the boundaries, found {len(frame)} rows")
    if frame["kode_bps"].duplicated().any():
        raise BuildError(path, "duplicate BPS code")
    if not frame["kode_bps"].str.fullmatch(r"\d{4}").all():
        raise BuildError(path, "BPS codes must be 4 digits")
    return frame[["kode_kemendagri", "kode_bps", "nama"]].rename(
        columns={"kode_kemendagri": "kemendagri_code", "kode_bps": "bps_code", "nama": "name"}
    )


# --------------------------------------------------------------------------- observations


def _idm_district_aggregates(village_obs: pd.DataFrame, villages: pd.DataFrame) -> pd.DataFrame:
    """District IDM: unweighted mean of village scores, and status shares, as Kemendes aggregates."""
    obs = village_obs.assign(district_code=village_obs["region_code"].str[:8])
    means = obs.groupby(["indicator_id", "district_code", "year"], as_index=False)["value"].mean()
    means = means.rename(columns={"district_code": "region_code"}).assign(numerator=np.nan, denominator=np.nan, note=None)
    v = villages.dropna(subset=["status"])
    grouped = v.groupby(["district_code", "year"])
    n = grouped.size()
    lagging = grouped["status"].apply(lambda s: s.isin(["TERTINGGAL", "SANGAT TERTINGGAL"]).sum())
    mandiri = grouped["status"].apply(lambda s: (s == "MANDIRI").sum())
    shares = []
    for indicator, numerator in (("idm_share_lagging", lagging), ("idm_share_mandiri", mandiri)):
        frame = pd.DataFrame({"numerator": numerator.astype(float), "denominator": n.astype(float)}).reset_index()
        frame["value"] = 100.0 * frame["numerator"] / frame["denominator"]
        shares.append(frame.rename(columns={"district_code": "region_code"}).assign(indicator_id=indicator, note=None))
    return pd.concat([means, *shares], ignore_index=True)[sources.OBS_COLUMNS]


def _not_applicable(regions: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Regions where a desa-only indicator (IDM) does not apply: cities, their parts, and kelurahan."""
    desa_only = catalogue.loc[catalogue["applies_to"] == "desa", "indicator_id"]
    village_kind = regions[regions["level"] == "desa"].groupby("parent_code")["is_kelurahan"].all()
    urban_district = regions["code"].map(village_kind).fillna(False).astype(bool) & (regions["level"] == "kecamatan")
    na = regions[
        (regions["region_type"] == "kota")
        | ((regions["level"] == "desa") & (regions["is_kelurahan"] == True))  # noqa: E712 - object column
        | urban_district
    ]
    reason = np.where(
        na["region_type"] == "kota",
        "kota: IDM hanya untuk desa / IDM covers villages only",
        "kelurahan: IDM hanya untuk desa / IDM covers villages only",
    )
    frames = [pd.DataFrame({"indicator_id": i, "region_code": na["code"].to_numpy(), "reason": reason}) for i in desa_only]
    return pd.concat(frames, ignore_index=True)


def _catalogue() -> tuple[pd.DataFrame, pd.DataFrame]:
    indicators = pd.read_csv(
        CATALOGUE_DIR / "indicators.csv",
        dtype={"target": float, "direction": int, "decimals": int},
        keep_default_na=False,
        na_values={"target": [""]},
    )
    srcs = pd.read_csv(CATALOGUE_DIR / "sources.csv", keep_default_na=False)
    srcs["simulated"] = srcs["simulated"].astype(str).str.lower() == "true"
    if indicators["indicator_id"].duplicated().any():
        raise BuildError(CATALOGUE_DIR / "indicators.csv", "duplicate indicator_id")
    unknown = sorted(set(indicators["source_id"]) - set(srcs["source_id"]))
    if unknown:
        raise BuildError(CATALOGUE_DIR / "indicators.csv", f"unknown source_id {unknown}")
    indicators = indicators.merge(srcs[["source_id", "simulated"]], on="source_id", how="left", validate="many_to_one")
    return indicators, srcs


# --------------------------------------------------------------------------- build


def build(src: Path, db: Path, static: Path, progress: Progress) -> BuildResult:
    """Read every source, derive and simulate what is derived, write geometry, then the database and
    its manifest (the database swapped in whole, so a failed build keeps the previous one)."""
    started = time.perf_counter()
    progress(0.02, "check_sources")
    recorded = fingerprint(src)
    catalogue, source_table = _catalogue()

    progress(0.05, "read_boundaries")
    levels = _read_boundaries(src)
    regency_names = dict(zip(levels["kabupaten"]["code"], levels["kabupaten"]["name"], strict=True))
    crosswalk = _crosswalk(src, regency_names)
    types = _regency_types(src, regency_names)
    capitals = _read_capitals()
    progress(0.25, "measure_regions")
    regions = _regions(levels, types, capitals)

    progress(0.40, "load_indicators")
    idx = sources.RegionIndex(
        regency_names=regency_names,
        bps_of=dict(zip(crosswalk["kemendagri_code"], crosswalk["bps_code"], strict=True)),
        district_codes=set(levels["kecamatan"]["code"]),
        village_codes=set(levels["desa"]["code"]),
    )
    idm_obs, idm_villages = sources.load_idm_villages(src, idx)
    real = pd.concat(_official_observations(src, idx, idm_obs, idm_villages), ignore_index=True)
    regions = _with_villages_without_polygon(regions, idm_villages)

    progress(0.50, "facilities")
    pop2019 = real[(real["indicator_id"] == "population") & (real["year"] == 2019)].set_index("region_code")["value"]
    places = facilities.make_places(levels, crosswalk)
    loaded = facilities.load_all(src, places)
    access_obs, village_access = facilities.access_indicators(loaded.points, regions)
    sources_of = catalogue.set_index("indicator_id")["source_id"]
    facility_obs = pd.concat(
        [facilities.coverage_indicators(loaded.points, loaded.registers, regions, pop2019), access_obs], ignore_index=True
    )
    real = pd.concat([real, facility_obs.assign(source_id=facility_obs["indicator_id"].map(sources_of))], ignore_index=True)

    progress(0.55, "simulate")
    simulated, complaints = _simulated_series(regions, real, pop2019)
    observations = pd.concat([real, *simulated], ignore_index=True)
    observations["year"] = observations["year"].astype(int)
    _check_observations(observations, regions, catalogue)

    progress(0.65, "service_points")
    plbn = points.load_plbn(src, regency_names)
    immigration = points.load_immigration(src, regions)
    service_points = pd.concat(
        [
            facilities.reference_points(pd.concat([plbn, immigration], ignore_index=True), places),
            facilities.as_service_points(loaded.points, points.POINT_COLUMNS),
        ],
        ignore_index=True,
    )
    crossings = simulate.plbn_crossings(service_points)

    progress(0.75, "write_geometry")
    geo_assets = _write_geometry(src, levels, static)

    progress(0.85, "write_database")
    tables = {
        "regions": regions,
        "region_groups": types,
        "crosswalk": crosswalk,
        "capitals": capitals,
        "indicators": catalogue,
        "sources": source_table,
        "observations": observations[[*sources.OBS_COLUMNS, "source_id"]],
        "not_applicable": _not_applicable(regions, catalogue),
        "village_status": idm_villages[["code", "year", "status", "has_polygon"]],
        "service_points": service_points,
        "complaints": complaints,
        "plbn_crossings": crossings,
        "geo_assets": geo_assets,
        "point_quality": loaded.quality,
        "code_systems": loaded.systems,
        "facility_registers": loaded.registers,
        "village_access": village_access,
    }
    _write_with_manifest(db, tables, recorded, geo_assets)
    _remove_stale_geometry(static, set(geo_assets["file_name"]))
    progress(1.0, "done")
    return BuildResult(True, db, time.perf_counter() - started, {k: len(v) for k, v in tables.items()})


def _official_observations(src: Path, idx: sources.RegionIndex, idm_obs: pd.DataFrame, idm_villages: pd.DataFrame) -> list[pd.DataFrame]:
    """Every official indicator source, each row tagged with its source id."""
    return [
        sources.load_wb_2019(src, idx).assign(source_id="wb_dapoer"),
        sources.load_wb_long(src, idx).assign(source_id="wb_dapoer"),
        sources.load_bps_ipm(src, idx).assign(source_id="bps_ipm_2010_2021"),
        sources.load_bps_2024(src, idx, "bps_ipm_2024", sources.BPS_IPM_2024_COLUMNS).assign(source_id="bps_ipm_lfsp2020"),
        sources.load_bps_2024(src, idx, "bps_poverty_2024", sources.BPS_POVERTY_COLUMNS).assign(source_id="bps_poverty_2024"),
        idm_obs.assign(source_id="kemendes_idm"),
        _idm_district_aggregates(idm_obs, idm_villages).assign(source_id="kemendes_idm"),
        sources.load_idm_regencies(src, idx).assign(source_id="kemendes_idm"),
    ]


def _with_villages_without_polygon(regions: pd.DataFrame, idm_villages: pd.DataFrame) -> pd.DataFrame:
    """Villages in IDM but newer than the boundaries: kept as regions without a polygon."""
    no_polygon = idm_villages[~idm_villages["has_polygon"]]
    if not len(no_polygon):
        return regions
    parent = regions.set_index("code").loc[no_polygon["district_code"]]
    extra = pd.DataFrame(
        {
            "code": no_polygon["code"].to_numpy(),
            "name": no_polygon["name"].to_numpy(),
            "level": "desa",
            "parent_code": no_polygon["district_code"].to_numpy(),
            "prov_code": parent["prov_code"].to_numpy(),
            "regency_code": parent["regency_code"].to_numpy(),
            "region_type": parent["region_type"].to_numpy(),
            "has_polygon": False,
            "is_kelurahan": no_polygon["code"].str[9:10].eq("1").to_numpy(),
        }
    )
    return pd.concat([regions, extra], ignore_index=True)


def _simulated_series(regions: pd.DataFrame, real: pd.DataFrame, pop2019: pd.Series) -> tuple[list[pd.DataFrame], pd.DataFrame]:
    """The seeded simulated series (SPM achievement, SP4N-LAPOR! complaints) as observations, and
    the complaints table they are counted from."""
    regencies = regions[regions["level"] == "kabupaten"]
    hdi2019 = real[(real["indicator_id"] == "bps_ipm") & (real["year"] == 2019)].set_index("region_code")["value"]
    cov = simulate.regency_covariates(regencies, hdi2019, pop2019)
    spm = simulate.spm_achievement(cov, regions[regions["level"] == "kecamatan"])
    complaints = simulate.complaints(cov)
    simulated = [
        spm.assign(numerator=np.nan, denominator=np.nan, note=None, source_id="sim_spm"),
        simulate.complaint_indicators(complaints, pop2019).assign(note=None, source_id="sim_lapor"),
    ]
    return simulated, complaints


def _write_geometry(src: Path, levels: dict[str, pd.DataFrame], static: Path) -> pd.DataFrame:
    """The content-hashed GeoJSON files the browser fetches once: each level, the border band, the rivers."""
    assets = [boundaries.write_asset(levels[level], level, static) for level in boundaries.LEVELS]
    assets.append(boundaries.write_asset(border.border_band(levels["kabupaten"]), "perbatasan", static))
    assets.append(boundaries.write_asset(boundaries.river_band(src / sources.FILES["rivers"]), "rivers", static))
    return pd.DataFrame([a.__dict__ for a in assets])


def _write_with_manifest(db: Path, tables: dict[str, pd.DataFrame], recorded: dict[str, object], geo_assets: pd.DataFrame) -> None:
    """The database, then its manifest (what it was built from, its size and checksum): a database
    without a current manifest is rebuilt, so the manifest is written last."""
    if set(tables) | {"build_info"} != set(TABLES):  # a table added here but not to TABLES (or the reverse)
        raise RuntimeError(f"TABLES must list what a build writes: {sorted(set(TABLES) ^ (set(tables) | {'build_info'}))}")
    built_at = datetime.now(UTC).isoformat(timespec="seconds")
    db_size, db_sha256 = _write_atomically(db, tables, {"built_at": built_at, "schema": SCHEMA_VERSION})
    manifest = {
        "fingerprint": recorded,
        "built_at": built_at,
        "geo_files": geo_assets["file_name"].tolist(),
        "db_size": db_size,
        "db_sha256": db_sha256,
    }
    tmp_manifest = manifest_path(db).with_suffix(".tmp")
    tmp_manifest.write_text(json.dumps(manifest, indent=1))
    tmp_manifest.replace(manifest_path(db))


def _check_observations(obs: pd.DataFrame, regions: pd.DataFrame, catalogue: pd.DataFrame) -> None:
    unknown_ind = sorted(set(obs["indicator_id"]) - set(catalogue["indicator_id"]))
    if unknown_ind:
        raise BuildError(CATALOGUE_DIR / "indicators.csv", f"observations for indicator(s) not in the catalogue: {unknown_ind}")
    unknown_regions = sorted(set(obs["region_code"]) - set(regions["code"]))
    if unknown_regions:
        raise BuildError("observations", f"region code(s) with no region: {unknown_regions[:5]}")
    dup = obs.duplicated(["indicator_id", "region_code", "year"])
    if dup.any():
        first = obs[dup].iloc[0]
        raise BuildError("observations", f"two values for {first['indicator_id']} {first['region_code']} {first['year']}")


def _write_atomically(db: Path, tables: dict[str, pd.DataFrame], info: dict[str, object]) -> tuple[int, str]:
    """Write every table into a temporary file and swap it in; returns the new file's size and SHA-256."""
    db.parent.mkdir(parents=True, exist_ok=True)
    tmp = db.with_name(f"{db.name}.building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp))
        try:
            for name, frame in tables.items():
                con.register("frame_view", frame)
                if not name.isidentifier():  # table names come from this module, never from input
                    raise ValueError(f"table name {name!r} is not an identifier")
                con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame_view")  # noqa: S608
                con.unregister("frame_view")
            con.execute("CREATE TABLE build_info AS SELECT $built_at AS built_at, $schema AS schema_version", info)
            for macro in sorted(MACRO_DIR.glob("*.sql")):
                con.execute(macro.read_text(encoding="utf-8"))
            con.execute("CHECKPOINT")
        finally:
            con.close()
        written = (tmp.stat().st_size, _sha256(tmp))
        os.replace(tmp, db)
        return written
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)


def _remove_leftovers(db: Path, static: Path) -> None:
    """Temporary files of a build that was killed (a kill skips its own clean-up); called under the lock."""
    for path in [*db.parent.glob(f"{db.name}.building-*"), *static.glob("*.tmp")]:
        path.unlink(missing_ok=True)
    manifest_path(db).with_suffix(".tmp").unlink(missing_ok=True)


def _remove_stale_geometry(static: Path, keep: set[str]) -> None:
    for path in [*static.glob("*.geojson"), *static.glob("*.geojson.gz")]:  # the .gz beside each file goes with it
        if path.name.removesuffix(".gz") not in keep:
            path.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    args = parser.parse_args(argv)

    def report(fraction: float, step: str) -> None:
        print(f"[{fraction:4.0%}] {step}", flush=True)

    problem = database_problem(db_path())
    if problem is not None:
        print(f"{db_path()} is {problem}: rebuilding it from the sources.", flush=True)
    try:
        result = ensure_built(report, force=args.force)
    except BuildError as exc:
        print(f"Build stopped: {exc}\nThe previous database (if any) is unchanged.", file=sys.stderr)
        return 1
    if result.built:
        print(f"Built {result.db} in {result.seconds:.1f} s: " + ", ".join(f"{k} {v}" for k, v in result.counts.items()))
    else:
        print(f"{result.db} is up to date (sources unchanged).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
