"""Real basic-service facilities: code systems, placement, quality list, coverage and distance figures.

The real-data tests pin the traps the shared README names: BPS 6108 and Kemendagri 6106 are both
Kapuas Hulu (22 puskesmas in the 2019 map, 23 in the 2022 register), never Landak (16 in 2022 under
6108) or Ketapang (24 in 2019 under 6106); RSUD Landak's point in the Java Sea is listed, not used.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
import shapely
import shapely.geometry
from streamlit.testing.v1 import AppTest

from kalimantan_equity.services import quality, warehouse
from tests.conftest import ROOT

PAGE = str(ROOT / "kalimantan_equity" / "pages" / "data_catalogue.py")


def _value(con: duckdb.DuckDBPyConnection, indicator: str, region: str) -> float | None:
    row = con.execute("SELECT value FROM observations WHERE indicator_id = ? AND region_code = ?", [indicator, region]).fetchone()
    return None if row is None else float(row[0])


# ---------------------------------------------------------------- real data


def test_kapuas_hulu_puskesmas_in_each_register(real_con: duckdb.DuckDBPyConnection) -> None:
    assert _value(real_con, "hf_puskesmas_2019", "61.06") == 22  # BPS 6108 in the 2019 map
    assert _value(real_con, "hf_puskesmas_2022", "61.06") == 23  # Kemendagri 6106 in the 2022 register
    # the trap readings: Landak (Kemendagri 61.08 = the 2022 register's 6108) and Ketapang (BPS 6106 in 2019)
    assert _value(real_con, "hf_puskesmas_2022", "61.08") == 16
    assert _value(real_con, "hf_puskesmas_2019", "61.04") == 24
    systems = real_con.execute("SELECT register, system FROM code_systems").df().set_index("register")["system"]
    assert systems.to_dict() == {
        "kemenkes_faskes_2019": "bps",
        "puskesmas_2022": "kemendagri",
        "hospitals_2022": "kemendagri",
        "hospitals_2021": "bps",
        "kemendikbud_sekolah_2019": "kemendikbud",
    }
    putussibau = real_con.execute(
        "SELECT DISTINCT stated_regency_code FROM facility_registers WHERE name ILIKE 'PUSKESMAS PUTUSSIBAU%'"
    ).fetchall()
    assert putussibau == [("61.06",)]
    hulu_points = real_con.execute(
        "SELECT count(*) FROM service_points WHERE kind = 'puskesmas' AND stated_regency_code = '61.06'"
    ).fetchone()
    assert hulu_points == (22,)


def test_counts_follow_the_register_and_district_counts_only_trusted_points(real_con: duckdb.DuckDBPyConnection) -> None:
    """One rule for every count: a regency counts every row its register places there, flagged
    coordinates or not; a district counts only the points that passed every check, where they lie."""
    points = real_con.execute("SELECT * FROM service_points WHERE source_id <> 'reference_points'").df()
    usable = points[points["quality"].isna()]
    assert (usable["district_code"].str[:5] == usable["stated_regency_code"]).all()  # a trusted point lies in its stated regency
    assert (points["regency_code"] == points["stated_regency_code"]).all()  # and every facility's regency is the register's

    pusk = points[points["kind"] == "puskesmas"]
    counts = pusk.groupby("stated_regency_code").size()
    shown = real_con.execute("SELECT region_code, value FROM observations WHERE indicator_id = 'hf_puskesmas_2019'").df()
    assert shown.set_index("region_code")["value"].astype(int).to_dict() == counts.to_dict()
    # Puskesmas Pantai Hambawang: coded Hulu Sungai Tengah, its point in Banjar; counted in Hulu Sungai Tengah
    hambawang = pusk[pusk["name"] == "Puskesmas Pantai Hambawang"].iloc[0]
    assert hambawang["quality"] == "code_location_disagree" and hambawang["stated_regency_code"] == "63.07"
    # the profile's own-facilities table counts the same rows: Kapuas Hulu's 22 puskesmas, none flagged
    hulu = warehouse.run(real_con, "profile_facilities", region="61.06").set_index("kind")
    assert hulu.loc["puskesmas", "n_used"] + hulu.loc["puskesmas", "n_flagged"] == 22
    landak = warehouse.run(real_con, "profile_facilities", region="61.03").set_index("kind")
    assert landak.loc["hospital", "n_flagged"] >= 1  # RSUD Landak, its point in the Java Sea, is still Landak's hospital

    observed = real_con.execute("SELECT indicator_id, region_code, value FROM observations WHERE indicator_id LIKE 'sch_%_count'").df()
    for level, kinds in (("sd", ["sd"]), ("smp", ["smp"]), ("sma", ["sma", "smk"])):
        rows = observed[observed["indicator_id"] == f"sch_{level}_count"].set_index("region_code")["value"]
        schools = points[points["kind"].isin(kinds)]
        regency = rows[rows.index.str.len() == 5]
        district = rows[rows.index.str.len() == 8]
        assert regency.astype(int).to_dict() == schools.groupby("stated_regency_code").size().to_dict()
        flagged = schools[schools["quality"].notna()].groupby("stated_regency_code").size()
        from_districts = district.groupby(district.index.str[:5]).sum()
        gap = (regency - from_districts.reindex(regency.index).fillna(0)).astype(int)
        assert gap.to_dict() == flagged.reindex(regency.index).fillna(0).astype(int).to_dict(), level  # exactly the listed rows


def test_pre_2012_hospital_codes_are_read_by_the_hospitals_names(real_con: duckdb.DuckDBPyConnection) -> None:
    """Kaltara's hospitals carry Kaltim codes in the 2021 register: Tarakan is 65.71 Kota Tarakan, not Kaltim."""
    rows = real_con.execute("SELECT name, stated_code, stated_regency_code FROM facility_registers WHERE register = 'hospitals_2021'").df()
    tarakan = rows[rows["name"] == "RS Umum Daerah Tarakan"].iloc[0]
    assert (tarakan["stated_code"], tarakan["stated_regency_code"]) == ("6473", "65.71")
    malinau = rows[rows["name"] == "RS Umum Daerah Kabupaten Malinau"].iloc[0]
    assert malinau["stated_regency_code"] == "65.02"  # Kemendagri 65.02 = Malinau
    # Kutai Barat's hospital in Sendawar: BPS 6402, Kemendagri 64.07
    sendawar = rows[rows["name"].str.contains("Sendawar")].iloc[0]
    assert sendawar["stated_regency_code"] == "64.07"
    assert _value(real_con, "hf_beds_per1k", "65.71") is not None


def test_schools_lie_in_the_regency_kemendikbud_names(real_con: duckdb.DuckDBPyConnection) -> None:
    schools = real_con.execute(
        "SELECT point_id, name, stated_regency_code, regency_code, district_code, quality FROM service_points "
        "WHERE source_id = 'kemendikbud_sekolah_2019'"
    ).df()
    assert len(schools) == 17549
    placed = schools[schools["district_code"].notna()]
    agree = (placed["regency_code"] == placed["stated_regency_code"]).mean()
    assert agree >= 0.98, agree
    disagree = placed[placed["regency_code"] != placed["stated_regency_code"]]
    listed = set(
        real_con.execute(
            "SELECT name FROM point_quality WHERE register = 'kemendikbud_sekolah_2019' "
            "AND (reason = 'code_location_disagree' OR detail LIKE '%code_location_disagree%')"
        ).df()["name"]
    )
    assert set(disagree["name"]) <= listed  # every school in another regency than its name says is listed
    assert disagree["quality"].notna().all()  # and kept out of distances
    missing = real_con.execute(
        "SELECT count(*) FROM point_quality WHERE register = 'kemendikbud_sekolah_2019' AND reason = 'no_coordinates'"
    ).fetchone()
    assert missing == (122,)


def test_quality_table_lists_rsud_landak_in_the_java_sea(real_con: duckdb.DuckDBPyConnection) -> None:
    rows = warehouse.run(real_con, "point_quality")
    landak = rows[rows["name"] == "RS Umum Daerah Kabupaten Landak"].iloc[0]
    assert landak["reason"] == "outside_kalimantan"
    assert landak["lat"] == pytest.approx(-7.04, abs=0.01)
    assert landak["stated_regency"] == "Kabupaten Landak"
    shown = quality.rows_table(rows, "en")
    assert "Outside Kalimantan" in set(shown.loc[shown["Name"] == "RS Umum Daerah Kabupaten Landak", "Reason"])
    used = real_con.execute("SELECT count(*) FROM service_points WHERE name = 'RS Umum Daerah Kabupaten Landak' AND quality IS NULL")
    assert used.fetchone() == (0,)
    access = warehouse.run(real_con, "access_points")
    assert "RS Umum Daerah Kabupaten Landak" not in set(access["name"])


def _haversine_km(lon1: float, lat1: float, lon2: np.ndarray, lat2: np.ndarray) -> np.ndarray:
    """By hand: the great-circle distance on a sphere of radius 6371.0088 km (the mean Earth radius)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi, dlam = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlam / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(a))


@pytest.mark.parametrize("village", ["61.06.01.1001", "63.02.01.2001", "64.11.01.2001", "65.04.01.2001"])
def test_village_distances_match_hand_computed_haversine(real_con: duckdb.DuckDBPyConnection, village: str) -> None:
    row = real_con.execute(
        "SELECT r.rep_lon, r.rep_lat, a.puskesmas, a.smp FROM regions r JOIN village_access a USING (code) WHERE code = ?", [village]
    ).fetchone()
    assert row is not None
    lon, lat, km_pusk, km_smp = row
    for kinds, km in ((("puskesmas",), km_pusk), (("smp",), km_smp)):
        pts = real_con.execute("SELECT lon, lat FROM service_points WHERE quality IS NULL AND list_contains(?, kind)", [list(kinds)]).df()
        expected = _haversine_km(lon, lat, pts["lon"].to_numpy(), pts["lat"].to_numpy()).min()
        assert km == pytest.approx(expected, abs=1e-6)  # the great circle on the mean-radius sphere, to the millimetre
    shown = _value(real_con, "acc_km_puskesmas", village)
    assert shown == pytest.approx(km_pusk)


def test_distance_shares_and_medians_follow_the_villages(real_con: duckdb.DuckDBPyConnection) -> None:
    km = real_con.execute("SELECT code, puskesmas FROM village_access WHERE code LIKE '61.06.%'").df()
    beyond = 100.0 * (km["puskesmas"] > 10).mean()
    assert _value(real_con, "acc_beyond10_puskesmas", "61.06") == pytest.approx(beyond)
    assert _value(real_con, "acc_km_puskesmas", "61.06") == pytest.approx(km["puskesmas"].median())
    # a city's villages are nearer a puskesmas than a border regency's
    assert _value(real_con, "acc_km_puskesmas", "61.71") < _value(real_con, "acc_km_puskesmas", "61.06")


def test_staffing_ratios_are_totals_over_counts(real_con: duckdb.DuckDBPyConnection) -> None:
    doctors = real_con.execute(
        "SELECT sum(doctors), count(*) FROM service_points WHERE kind = 'puskesmas' AND stated_regency_code = '61.06'"
    ).fetchone()
    assert _value(real_con, "hf_doctors_per_puskesmas", "61.06") == pytest.approx(doctors[0] / doctors[1])
    pop = _value(real_con, "population", "61.06")
    assert _value(real_con, "hf_puskesmas_per10k", "61.06") == pytest.approx(22 / pop * 1e4)


def test_catalogue_page_shows_the_quality_table_in_both_languages(real_env: Path) -> None:
    for lang, reason, landak in (("id", "Alasan", "Di luar Kalimantan"), ("en", "Reason", "Outside Kalimantan")):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        if lang != "id":
            at.query_params["lang"] = lang
        at.run()
        at.switch_page(PAGE).run()
        assert not at.exception
        tables = [d.value for d in at.dataframe]
        rows = next(tb for tb in tables if reason in tb.columns)
        hit = rows[rows.iloc[:, 1] == "RS Umum Daerah Kabupaten Landak"]
        assert list(hit[reason]) == [landak]
        systems = next(tb for tb in tables if len(tb) == 5)
        assert systems.shape[1] == 4


# ---------------------------------------------------------------- fixture data (fast)


def test_fixture_registers_place_flag_and_count(fixture_db: Path) -> None:
    con = duckdb.connect(str(fixture_db), read_only=True)
    try:
        reasons = dict(con.execute("SELECT name, reason FROM point_quality").fetchall())
        assert reasons["RS Umum Daerah Mempawah"] == "outside_kalimantan"
        assert reasons["SD TANPA TITIK"] == "no_coordinates"
        assert reasons["SD DI LAUT"] == "outside_kalimantan"
        assert reasons["RS Umum Daerah Putussibau"] == "duplicate_coordinates"
        assert _value(con, "hf_puskesmas_2019", "61.06") == 2
        assert _value(con, "hf_puskesmas_2022", "61.06") == 3
        assert _value(con, "hf_puskesmas_2019", "61.71") is None  # absent from the register: unknown, not zero
        pts = con.execute("SELECT name, village_code, district_code, regency_code FROM service_points WHERE kind = 'puskesmas'").df()
        hulu = pts[pts["name"] == "Puskesmas Kapuas Hulu Hulu"].iloc[0]
        assert hulu["regency_code"] == "61.06" and hulu["village_code"].startswith(hulu["district_code"])
        used = warehouse.run(con, "access_points")
        assert not ({"RS Umum Daerah Mempawah", "SD DI LAUT", "RS Umum Daerah Putussibau"} & set(used["name"]))
        rivers = con.execute("SELECT file_name FROM geo_assets WHERE level = 'rivers'").fetchone()[0]
        band = json.loads((fixture_db.parent / "geo" / rivers).read_text())["features"]
        assert [f["id"] for f in band] == ["RIVERS"] and band[0]["properties"] == {}  # geometry only: drawn from a static file
        shape_ = shapely.geometry.shape(band[0]["geometry"])
        assert shape_.contains(shapely.Point(110.8, 0.1))  # on the river
        assert not shape_.contains(shapely.Point(110.0, 0.0))  # the degenerate one-point segment is dropped
    finally:
        con.close()


def test_quality_summary_counts_reasons_per_register() -> None:
    counts = pd.DataFrame({"register": ["kemendikbud_sekolah_2019"], "n_rows": [1200], "n_usable": [1198]})
    rows = pd.DataFrame({"register": ["kemendikbud_sekolah_2019"] * 2, "reason": ["no_coordinates", "outside_kalimantan"]})
    table = quality.summary_table(counts, rows, "id")
    assert table.iloc[0]["Baris"] == "1.200"
    assert table.iloc[0]["Tanpa koordinat"] == "1" and table.iloc[0]["Di luar Kalimantan"] == "1"


def test_proxy_scorecard_is_real_unless_demonstration_data_is_asked_for() -> None:
    from kalimantan_equity.services import gaps
    from kalimantan_equity.services.gaps import Spec

    rows = []
    for code, group, km, sim in (("a", "kota", 2.0, 90.0), ("b", "kabupaten", 8.0, 70.0), ("c", "perbatasan", 14.0, 50.0)):
        rows.append({"indicator_id": "acc_km_puskesmas", "year": 2019, "code": code, "region_type": group, "prov_code": "61", "value": km})
        rows.append({"indicator_id": "spm_kesehatan", "year": 2025, "code": code, "region_type": group, "prov_code": "61", "value": sim})
    values = pd.DataFrame(rows).assign(population=np.nan, denominator=np.nan, numerator=np.nan)
    specs = {
        "acc_km_puskesmas": Spec(direction=-1, target=None, aggregate="mean", level="kabupaten"),
        "spm_kesehatan": Spec(direction=1, target=100.0, aggregate="weighted", level="kabupaten"),
    }
    real = gaps.proxy_scorecard(values, specs, simulated_ids=("spm_kesehatan",))
    assert set(real["indicator_id"]) == {"acc_km_puskesmas"}
    standing = real.set_index("group")["standing"]
    assert (standing["kota"], standing["perbatasan"]) == (1.0, 0.0)  # nearer is better
    demo = gaps.proxy_scorecard(values, specs, include_simulated=True, simulated_ids=("spm_kesehatan",))
    assert set(demo["indicator_id"]) == {"acc_km_puskesmas", "spm_kesehatan"}
    assert demo[demo["indicator_id"] == "spm_kesehatan"].set_index("group")["mean"]["kota"] == 90.0


def test_profile_facility_tables_say_unknown_staff_as_a_dash() -> None:
    from kalimantan_equity.services import profiletables

    facilities = pd.DataFrame(
        {"kind": ["sd", "puskesmas"], "n_used": [1200, 22], "n_flagged": [3, 0], "doctors": [np.nan, 35.0], "midwives": [np.nan, 348.0]}
    )
    table = profiletables.facilities_display(facilities, "id")
    assert list(table["Fasilitas"]) == ["Puskesmas", "SD"]  # health first, then schools by level
    assert list(table["Dihitung"]) == ["22", "1.200"] and list(table["Dokter"]) == ["35", "—"]
    far = pd.DataFrame(
        {"name": ["Bungan Jaya"], "district": ["Putussibau Selatan"], "puskesmas": [73.61], "sd": [39.0], "smp": [np.nan], "sma": [80.9]}
    )
    shown = profiletables.farthest_display(far, "en")
    assert (
        shown.iloc[0]["km to Community health centre (puskesmas)"] == "73.6" and shown.iloc[0]["km to Junior secondary school (SMP)"] == "—"
    )
