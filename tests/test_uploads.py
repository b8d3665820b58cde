"""Uploaded datasets: stored as versions, laid over the warehouse at once, and reversible exactly."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kalimantan_equity.services import uploads, warehouse

SOURCE = {
    "title": "Laporan SPM Dinas",
    "publisher": "Dinas X",
    "licence": "Internal",
    "url": "",
    "citation_id": "Dinas X 2025",
    "citation_en": "Dinas X 2025",
}


def _rows(values: dict[str, float], year: int = 2019, replaces: bool = False) -> pd.DataFrame:
    return pd.DataFrame({"region_code": list(values), "year": year, "value": list(values.values()), "replaces": replaces})


def _value(db: Path, indicator: str, code: str, year: int) -> float | None:
    con = warehouse.connect(db, uploads.active_layer())
    row = (
        con.cursor()
        .execute(
            "SELECT value FROM observations WHERE indicator_id = $i AND region_code = $c AND year = $y",
            {"i": indicator, "c": code, "y": year},
        )
        .fetchone()
    )
    return None if row is None else row[0]


def _commit(
    values: dict[str, float], replaces: bool = False, new: dict | None = None, indicator: str = "wb_electricity_access"
) -> tuple[str, int]:
    return uploads.commit(
        indicator_id=indicator,
        title="Akses listrik dinas",
        file_name="listrik.csv",
        file_sha256="ab" * 32,
        user="editor",
        rows=_rows(values, replaces=replaces),
        rejected=pd.DataFrame({"row_no": [7], "reason": ["upload_unmatched_region"]}),
        source=SOURCE,
        new_indicator=new,
    )


def test_upload_overlays_and_rollback_restores_exactly(fixture_db: Path) -> None:
    base = _value(fixture_db, "wb_electricity_access", "61.06", 2019)
    dataset, v1 = _commit({"61.06": 55.5}, replaces=True)
    assert _value(fixture_db, "wb_electricity_access", "61.06", 2019) == 55.5
    _, v2 = _commit({"61.06": 66.6}, replaces=True)
    assert (v1, v2) == (1, 2)
    assert _value(fixture_db, "wb_electricity_access", "61.06", 2019) == 66.6
    uploads.rollback(dataset, 1, "editor")
    assert _value(fixture_db, "wb_electricity_access", "61.06", 2019) == 55.5
    uploads.rollback(dataset, 0, "editor")
    assert _value(fixture_db, "wb_electricity_access", "61.06", 2019) == base
    history = uploads.history()
    assert list(history["version"]) == [1, 2] and not history["active"].any()
    assert uploads.rejected_rows(dataset, 2)["reason"].tolist() == ["upload_unmatched_region"]


def test_an_upload_that_does_not_replace_never_hides_the_existing_value(fixture_db: Path) -> None:
    base = _value(fixture_db, "wb_electricity_access", "61.06", 2019)
    _commit({"61.06": 1.0, "61.02": 2.0}, replaces=False)
    con = warehouse.connect(fixture_db, uploads.active_layer())
    values = sorted(
        r[0]
        for r in con.execute(
            "SELECT value FROM observations WHERE indicator_id = 'wb_electricity_access' AND region_code = '61.06'"
        ).fetchall()
    )
    assert base in values and 1.0 in values  # both sources kept: the page shows the clash, nothing is overwritten


def test_new_indicator_appears_in_the_catalogue_with_its_source(fixture_db: Path) -> None:
    new = {"name_id": "Capaian SPM dinas", "name_en": "Agency SPM achievement", "unit_id": "%", "unit_en": "%", "sector": "spm_kesehatan",
           "direction": 1, "target": 100.0, "decimals": 1, "aggregate": "weighted", "applies_to": "all", "method_id": "Laporan dinas", "method_en": "Agency report"}  # fmt: skip
    _commit({"61.06": 80.0, "61.02": 90.0}, new=new, indicator="dinas_spm")
    con = warehouse.connect(fixture_db, uploads.active_layer())
    catalogue = warehouse.run(con, "indicator_catalogue")
    row = catalogue[catalogue["indicator_id"] == "dinas_spm"].iloc[0]
    day = uploads.history()["at"].iloc[0][:10]
    # labelled as an editor's upload with its publisher and day (never as built official data), in both languages
    assert row["name_en"] == "Agency SPM achievement" and not row["simulated"]
    assert (row["citation_id"], row["citation_en"]) == (
        f"Unggahan editor: Akses listrik dinas (Dinas X, {day})",
        f"Editor upload: Akses listrik dinas (Dinas X, {day})",
    )
    assert uploads.is_upload_source(row["source_id"])
    assert int(row["direction"]) == 1  # types follow the warehouse, not text
    frame = warehouse.run(
        con,
        "map_values",
        indicator="dinas_spm",
        year=2019,
        level="kabupaten",
        province=None,
        region_types=["kota", "kabupaten", "perbatasan"],
    )
    assert dict(zip(frame["code"], frame["status"], strict=True))["61.06"] == "value"


def test_store_refuses_unknown_versions_and_bad_ids() -> None:
    with pytest.raises(uploads.UploadStoreError):
        uploads.rollback("up_nothing_00000000", 1, "editor")
    with pytest.raises(uploads.UploadStoreError):
        _commit({"61.06": 1.0}, indicator="x'; DROP TABLE observations; --")


def test_clashes_are_found_and_decided_never_silently() -> None:
    clean = pd.DataFrame({"region_code": ["61.06", "61.02", "61.71"], "year": [2019, 2019, 2019], "value": [50.0, 88.0, 99.0]})
    existing = pd.DataFrame(
        {"region_code": ["61.06", "61.02"], "year": [2019, 2019], "value": [65.0, 88.0], "source_title": ["BPS", "BPS"]}
    )
    clash = uploads.clashes(clean, existing)
    assert clash[["region_code", "value", "value_existing"]].values.tolist() == [["61.06", 50.0, 65.0]]  # equal 88.0 is no clash
    rows, aside = uploads.decide(clean, clash, replace_existing=False)
    assert list(rows["region_code"]) == ["61.02", "61.71"] and list(aside["region_code"]) == ["61.06"]
    rows, aside = uploads.decide(clean, clash, replace_existing=True)
    assert rows.set_index("region_code")["replaces"].to_dict() == {"61.06": True, "61.02": False, "61.71": False} and aside.empty
    # with the stored values known, an equal value is set aside instead of being shown twice
    rows, aside = uploads.decide(clean, clash, replace_existing=True, existing=existing)
    assert list(rows["region_code"]) == ["61.06", "61.71"] and aside["reason_key"].tolist() == ["upload_same_as_existing"]


def test_streamlits_upload_limit_is_the_apps_own() -> None:
    """Streamlit holds an uploaded file in memory before the app sees it: its own limit (MiB, for
    anyone who can reach the server) must be no larger than what the reader accepts."""
    import tomllib

    from kalimantan_equity.services.upload import MAX_FILE_BYTES

    config = tomllib.loads((Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_FILE_BYTES
