"""One rule for a region's value status ('value', 'missing' = no data, 'na' = not applicable), in one place."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd

from kalimantan_equity.services import uploads, warehouse

GROUPS = ["kota", "kabupaten", "perbatasan"]
RULE = warehouse.MACRO_DIR / "region_status.sql"
STATUS_LITERAL = re.compile(r"'(value|missing|na)'")


def _code(path: Path) -> str:
    """The SQL without its comments (the queries describe the statuses in words)."""
    return re.sub(r"--[^\n]*", "", path.read_text(encoding="utf-8"))


def test_the_status_rule_is_written_once() -> None:
    """Only the macro says when a value is missing or not applicable; every query takes its status from it."""
    rule = _code(RULE)
    assert "CASE" in rule and "not_applicable" in rule and set(STATUS_LITERAL.findall(rule)) == {"value", "missing", "na"}
    for path in warehouse.QUERY_DIR.glob("*.sql"):
        code = _code(path)
        assert not re.search(r"JOIN\s+not_applicable\b", code, flags=re.IGNORECASE), f"{path.name} joins not_applicable itself"
        assert set(STATUS_LITERAL.findall(code)) <= {"na"} and not re.search(r"\bCASE\b.*'na'", code, flags=re.DOTALL), path.name
    users = {p.stem for p in warehouse.QUERY_DIR.glob("*.sql") if "region_status(" in _code(p)}
    assert {"map_values", "profile_subregions", "profile_values", "profile_villages"} <= users


def test_three_statuses_on_real_data(real_db: Path) -> None:
    """Balangan's villages in the IDM 2024: a scored village, a kelurahan (not applicable) and a village
    without a score (no data), as the profile map and its village table show them."""
    con = warehouse.connect(real_db)
    rows = warehouse.run(con, "profile_subregions", region="63.11", indicator="idm_score", year=2024, level="desa").set_index("code")
    assert rows.loc["63.11.01.2001", "status"] == "value" and rows.loc["63.11.01.2001", "value"] == 0.774  # Muara Ninian
    assert rows.loc["63.11.06.1023", "status"] == "na" and pd.isna(rows.loc["63.11.06.1023", "value"])  # Paringin Kota, a kelurahan
    assert rows.loc["63.11.01.2020", "status"] == "missing" and pd.isna(rows.loc["63.11.01.2020", "value"])  # Wonorejo: no IDM 2024
    villages = warehouse.run(con, "profile_villages", region="63.11", year=2024).set_index("code")["not_applicable"]
    assert villages["63.11.06.1023"] and not villages["63.11.01.2020"] and not villages["63.11.01.2001"]
    # the regency map: a city has no IDM (not applicable), never a missing or zero value
    regencies = warehouse.run(con, "map_values", indicator="idm_score", year=2024, level="kabupaten", province=None, region_types=GROUPS)
    status = dict(zip(regencies["code"], regencies["status"], strict=True))
    assert status["61.71"] == "na" and status["61.06"] == "value"
    assert {c for c, s in status.items() if s == "na"} == set(regencies.loc[regencies["region_type"] == "kota", "code"])
    # the scorecard's comparison set follows the same rule
    card = warehouse.run(con, "profile_values", region="61.06")
    idm = dict(zip(*card.loc[card["indicator_id"] == "idm_score", ["code", "status"]].T.to_numpy(), strict=True))
    assert idm["61.71"] == "na" and idm["61.06"] == "value"


def test_status_follows_an_upload(fixture_db: Path) -> None:
    """A value uploaded for a region without data turns its status to 'value' on the very next connection."""
    query = {"indicator": "bps_ipm", "year": 2019, "level": "kabupaten", "province": "64", "region_types": GROUPS}
    before = warehouse.run(warehouse.connect(fixture_db, uploads.active_layer()), "map_values", **query)
    assert dict(zip(before["code"], before["status"], strict=True))["64.11"] == "missing"
    uploads.commit(
        indicator_id="bps_ipm",
        title="IPM dinas",
        file_name="ipm.csv",
        file_sha256="cd" * 32,
        user="editor",
        rows=pd.DataFrame({"region_code": ["64.11"], "year": 2019, "value": [70.5], "replaces": False}),
        rejected=pd.DataFrame({"row_no": [], "reason": []}),
        source={"title": "IPM dinas", "publisher": "Dinas X", "licence": "Internal", "url": "", "citation_id": "X", "citation_en": "X"},
        new_indicator=None,
    )
    after = warehouse.run(warehouse.connect(fixture_db, uploads.active_layer()), "map_values", **query).set_index("code")
    assert after.loc["64.11", "status"] == "value" and after.loc["64.11", "value"] == 70.5


def test_a_plain_read_only_connection_to_the_built_file_has_the_rule(real_db: Path) -> None:
    """The build stores the rule in the warehouse file: the DuckDB shell or a test opening the file read-only
    gets the same statuses as the app's connection."""
    query = {"region": "63.11", "indicator": "idm_score", "year": 2024, "level": "desa"}
    with duckdb.connect(str(real_db), read_only=True) as raw:
        plain = warehouse.run(raw, "profile_subregions", **query)
    app = warehouse.run(warehouse.connect(real_db), "profile_subregions", **query)
    pd.testing.assert_frame_equal(plain, app)
    assert set(plain["status"]) == {"value", "missing", "na"}
