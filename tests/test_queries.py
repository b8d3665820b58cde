"""Every named query runs against a small fixture warehouse; rule queries return no rows on the real one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest

from kalimantan_equity.services import warehouse

GROUPS = ["kota", "kabupaten", "perbatasan"]
QUERIES = sorted(warehouse.QUERY_DIR.glob("*.sql"))


def _params(path: Path) -> dict:
    """Each query file states the values it is tested with: ``-- test-params: {json}``."""
    match = re.search(r"^-- test-params: (.*)$", path.read_text(), flags=re.MULTILINE)
    assert match, f"{path.name} has no '-- test-params:' line"
    return json.loads(match.group(1))


RULES = sorted((Path(__file__).parent / "rules").glob("*.sql"))


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_query_runs_on_fixture(fixture_db: Path, path: Path) -> None:
    """Every query file runs, with the values it declares, and returns rows from the fixture."""
    con = warehouse.connect(fixture_db)
    result = warehouse.run(con, path.stem, **_params(path))
    assert not result.empty, path.stem


def test_map_values_keeps_regions_without_data(fixture_db: Path) -> None:
    con = warehouse.connect(fixture_db)
    idm = warehouse.run(con, "map_values", indicator="idm_score", year=2024, level="kabupaten", province=None, region_types=GROUPS)
    status = dict(zip(idm["code"], idm["status"], strict=True))
    assert status["61.71"] == "na" and status["64.72"] == "na"  # cities: not applicable
    assert status["61.06"] == "value"
    ipm = warehouse.run(con, "map_values", indicator="bps_ipm", year=2019, level="kabupaten", province="64", region_types=GROUPS)
    assert dict(zip(ipm["code"], ipm["status"], strict=True)) == {"64.11": "missing", "64.72": "value"}


def test_map_values_filters_by_group(fixture_db: Path) -> None:
    con = warehouse.connect(fixture_db)
    rows = warehouse.run(
        con, "map_values", indicator="wb_electricity_access", year=2019, level="kabupaten", province=None, region_types=["perbatasan"]
    )
    assert set(rows["code"]) == {"61.06", "64.11"}


def test_population_nearest_prefers_closest_then_earlier_year(fixture_db: Path) -> None:
    con = warehouse.connect(fixture_db)
    rows = warehouse.run(con, "population_nearest", year=2015)  # 2011 and 2019 exist: 2011 is 4 away, 2019 is 4 away
    assert set(rows["population_year"]) == {2011}


def test_values_are_bound_not_formatted(fixture_db: Path) -> None:
    con = warehouse.connect(fixture_db)
    hostile = "wb_electricity_access' OR '1'='1"
    rows = warehouse.run(con, "map_values", indicator=hostile, year=2019, level="kabupaten", province=None, region_types=GROUPS)
    assert (rows["status"] == "missing").all()
    with pytest.raises(ValueError):
        warehouse.load_query("../data/build")


@pytest.mark.parametrize("rule", RULES, ids=lambda p: p.stem)
def test_rule_holds_on_real_data(real_db: Path, rule: Path) -> None:
    with duckdb.connect(str(real_db), read_only=True) as con:
        rows = con.execute(rule.read_text()).fetchall()
    assert rows == [], f"{rule.stem}: {rows[:5]}"
