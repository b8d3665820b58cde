"""The data build: atomic, skipped when nothing changed, and clear about a bad source file."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from kalimantan_equity.data import build
from kalimantan_equity.data.errors import BuildError
from kalimantan_equity.data.sources import FILES


def _count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def _rewrite_cell(path: Path, row: int, column: str, value: str) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows[row][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_first_start_builds_and_second_start_skips(env_paths: dict[str, Path]) -> None:
    first = build.ensure_built()
    assert first.built
    assert _count(env_paths["db"], "SELECT count(*) FROM regions WHERE level = 'kabupaten'") == 5
    second = build.ensure_built()
    assert not second.built, "an unchanged source folder must not trigger a rebuild"


def test_changed_source_triggers_rebuild(env_paths: dict[str, Path]) -> None:
    build.ensure_built()
    _rewrite_cell(env_paths["src"] / FILES["wb_2019"], 0, "electricity_access", "77.5")
    assert build.ensure_built().built
    value = _count(
        env_paths["db"],
        "SELECT value FROM observations WHERE indicator_id = 'wb_electricity_access' AND region_code = '61.02'",
    )
    assert value == 77.5


def test_missing_file_names_itself_and_keeps_previous_database(env_paths: dict[str, Path]) -> None:
    build.ensure_built()
    before = env_paths["db"].read_bytes()
    (env_paths["src"] / FILES["bps_poverty_2024"]).unlink()
    with pytest.raises(BuildError) as caught:
        build.ensure_built()
    assert "bps_poverty_kalimantan_2024.csv" in caught.value.file
    assert "not found" in caught.value.problem
    assert env_paths["db"].read_bytes() == before
    assert _count(env_paths["db"], "SELECT count(*) FROM regions") > 0


def test_malformed_number_names_file_and_column(env_paths: dict[str, Path]) -> None:
    _rewrite_cell(env_paths["src"] / FILES["bps_ipm"], 3, "ipm", "tujuh puluh")
    with pytest.raises(BuildError) as caught:
        build.ensure_built()
    assert caught.value.file.endswith("bps_ipm_components_kalimantan_2010_2021.csv")
    assert "ipm" in caught.value.problem and "tujuh puluh" in caught.value.problem


def test_bps_code_in_kemendagri_column_is_refused(env_paths: dict[str, Path]) -> None:
    """Kapuas Hulu is BPS 6108; written where the Kemendagri code belongs it would land on Landak."""
    path = env_paths["src"] / FILES["bps_ipm_2024"]
    _rewrite_cell(path, 1, "kode_kab", "6102")  # row 1 is Kapuas Hulu; 61.02 is Mempawah
    with pytest.raises(BuildError) as caught:
        build.ensure_built()
    assert "Kapuas Hulu" in caught.value.problem and "61.02" in caught.value.problem


def test_disagreeing_code_pair_is_refused(env_paths: dict[str, Path]) -> None:
    _rewrite_cell(env_paths["src"] / FILES["wb_2019"], 1, "kode_bps", "6106")  # 61.06 is BPS 6108
    with pytest.raises(BuildError, match="disagree with the crosswalk"):
        build.ensure_built()


def test_broken_geojson_is_reported(env_paths: dict[str, Path]) -> None:
    (env_paths["src"] / FILES["boundary_kecamatan"]).write_text('{"type": "FeatureCollection", "features": [')
    with pytest.raises(BuildError) as caught:
        build.ensure_built()
    assert caught.value.file.endswith("kalimantan_kecamatan.geojson")


def test_failure_while_writing_leaves_previous_database_and_no_temp_file(
    env_paths: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    build.ensure_built()
    before = env_paths["db"].read_bytes()
    _rewrite_cell(env_paths["src"] / FILES["wb_2019"], 0, "electricity_access", "12.5")

    original = build.duckdb.connect

    def connect_then_die(path: str, *args, **kwargs):  # the build dies half-way through writing
        con = original(path, *args, **kwargs)
        if ".building-" in path:
            con.execute("CREATE TABLE half_written AS SELECT 1")
            con.close()
            raise KeyboardInterrupt("killed")
        return con

    monkeypatch.setattr(build.duckdb, "connect", connect_then_die)
    with pytest.raises(KeyboardInterrupt):
        build.ensure_built()
    monkeypatch.setattr(build.duckdb, "connect", original)
    assert env_paths["db"].read_bytes() == before
    assert not list(env_paths["db"].parent.glob("*.building-*"))
    assert build.ensure_built().built, "the next start finishes the interrupted rebuild"


def test_fixture_warehouse_contents(fixture_db: Path) -> None:
    assert _count(fixture_db, "SELECT count(*) FROM regions WHERE level = 'desa' AND NOT has_polygon") == 1
    # IDM applies to villages only: the two cities and every kelurahan are 'not applicable'
    assert _count(fixture_db, "SELECT count(DISTINCT region_code) FROM not_applicable WHERE region_code IN ('61.71', '64.72')") == 2
    assert (
        _count(fixture_db, "SELECT count(*) FROM observations WHERE region_code = '64.11' AND indicator_id = 'bps_ipm' AND year = 2019")
        == 0
    )
    # a service point without coordinates in its source is placed at its town
    method = _count(fixture_db, "SELECT coord_method FROM service_points WHERE name LIKE '%Mempawah%'")
    assert "Mempawah Hulu" in method
