"""The regency profile's numbers: the link check, scorecard, summary, peers, villages, distances, downloads.

Most checks run on the warehouse built from the real shared data, and compare the profile's figures
with an independent route to the same number (the equity map's query and headline means, a plain
pandas rank, pyproj directly) so that the profile cannot pass by agreeing with itself.
"""

from __future__ import annotations

import io
import math

import duckdb
import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyproj import Geod

from kalimantan_equity.geo import nearest
from kalimantan_equity.services import export, profile, profiletables, summary, warehouse
from kalimantan_equity.services.mapview import rank_values

GROUPS = ["kota", "kabupaten", "perbatasan"]


def _run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    return warehouse.run(con, name, **params)


@pytest.fixture
def regencies(real_con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return _run(real_con, "profile_regencies")


@pytest.fixture
def cat(real_con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return _run(real_con, "indicator_catalogue")


def _card(con: duckdb.DuckDBPyConnection, cat: pd.DataFrame, region: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    values = _run(con, "profile_values", region=region)
    return profile.scorecard(values, cat, _run(con, "profile_trend", region=region), region), values


# ---------------------------------------------------------------- the link parameter


def _mini_regencies() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": ["61.04", "61.06", "61.71", "62.03"],
            "name": ["Kabupaten Ketapang", "Kabupaten Kapuas Hulu", "Kota Pontianak", "Kabupaten Kapuas"],
            "prov_code": ["61", "61", "61", "62"],
            "province": ["Kalimantan Barat", "Kalimantan Barat", "Kalimantan Barat", "Kalimantan Tengah"],
        }
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, (None, None)),
        ("61.06", ("61.06", None)),
        (" 61.06 ", ("61.06", None)),
        ("Kabupaten Kapuas Hulu", ("61.06", None)),
        ("kabupaten   KAPUAS hulu", ("61.06", None)),
        ("Kabupaten Kapuas", ("62.03", None)),  # not Kapuas Hulu: the whole name must match
        ("6106", (None, "undotted")),  # BPS 6106 is Ketapang, Kemendagri 61.06 is Kapuas Hulu
        ("6104", (None, "undotted")),
        ("99.99", (None, "unknown")),
        ("61.6", (None, "unknown")),
        ("Kapuas Hulu", (None, "unknown")),  # a name without its prefix is not the exact name
        ("<script>alert(1)</script>", (None, "malformed")),
        ("61.06' OR '1'='1", (None, "malformed")),
        ("", (None, "malformed")),
        ("x" * 200, (None, "malformed")),
    ],
)
def test_only_a_dotted_code_or_an_exact_name_opens_a_regency(raw, expected) -> None:
    assert profile.resolve_region(raw, _mini_regencies()) == expected


@given(st.text(max_size=120))
def test_no_link_value_raises_or_opens_a_regency_it_does_not_name(raw: str) -> None:
    regencies = _mini_regencies()
    code, problem = profile.resolve_region(raw, regencies)
    assert (code is None) != (problem is None)
    if code is not None:
        name = regencies.set_index("code").loc[code, "name"]
        assert " ".join(raw.split()) in (code,) or " ".join(raw.split()).casefold() == name.casefold()
    shown = profile.shown_parameter(raw)
    assert len(shown) <= 40 and not set(shown) & set("`<>[]*_=\\|{}")


def test_picker_groups_by_province_and_names_it() -> None:
    regencies = _mini_regencies()
    assert profile.picker_options(regencies) == ["61.06", "61.04", "61.71", "62.03"]
    assert profile.picker_labels(regencies)["62.03"] == "Kalimantan Tengah › Kabupaten Kapuas"


# ---------------------------------------------------------------- nearest service point


def test_nearest_km_agrees_with_hand_computed_haversine_and_names_the_target() -> None:
    lon, lat = np.array([109.34, 112.92, 116.0]), np.array([-0.05, 0.88, -3.5])
    targets_lon, targets_lat = np.array([112.923372, 109.340303, 115.945265]), np.array([0.883144, -0.048737, -3.509858])
    km, index = nearest.nearest_km(lon, lat, targets_lon, targets_lat)
    assert index.tolist() == [1, 0, 2]
    for i in range(3):  # the great circle on the mean-radius sphere, written out
        p1, p2 = math.radians(lat[i]), math.radians(targets_lat[index[i]])
        a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(targets_lon[index[i]] - lon[i]) / 2) ** 2
        assert km[i] == pytest.approx(2 * 6371.0088 * math.asin(math.sqrt(a)), abs=1e-6)
    geod = Geod(ellps="WGS84")  # and within 0.6 % of the WGS84 geodesic, as the method text says
    for i in range(3):
        _, _, metres = geod.inv(lon[i], lat[i], targets_lon[index[i]], targets_lat[index[i]])
        assert km[i] == pytest.approx(metres / 1000, rel=0.006)


def test_nearest_km_leaves_unknown_distances_unknown() -> None:
    km, index = nearest.nearest_km([110.0, np.nan], [0.0, 0.0], [], [])
    assert np.isnan(km).all() and index.tolist() == [-1, -1]
    km, index = nearest.nearest_km([110.0, np.nan], [0.0, 1.0], [np.nan, 111.0], [0.0, 0.0])
    assert index.tolist() == [1, -1]  # a target without coordinates is never chosen
    assert km[0] == pytest.approx(111.3, abs=0.2) and np.isnan(km[1])


# ---------------------------------------------------------------- scorecard


def test_scorecard_ranks_and_means_agree_with_the_equity_map(real_con: duckdb.DuckDBPyConnection, cat: pd.DataFrame) -> None:
    """The same rank, city mean and province mean the overview page would show for that indicator and year."""
    card, _ = _card(real_con, cat, "61.06")
    meta = cat.drop_duplicates("indicator_id").set_index("indicator_id")
    for indicator in ("bps_ipm_2024", "wb_electricity_access", "idm_share_lagging", "lapor_per_100k", "bps_poor_thousand"):
        row = card.set_index("indicator_id").loc[indicator]
        frame = _run(
            real_con, "map_values", indicator=indicator, year=int(row["year"]), level="kabupaten", province=None, region_types=GROUPS
        )
        population = _run(real_con, "population_nearest", year=int(row["year"])).set_index("region_code")["population"]
        m = meta.loc[indicator]
        head = summary.headline(frame, m["aggregate"], int(m["direction"]), "kabupaten", population)
        assert row["weighting"] == head.weighting
        if head.means["kota"].mean is None:
            assert pd.isna(row["cities_mean"])
        else:
            assert row["cities_mean"] == pytest.approx(head.means["kota"].mean)
        have = frame[frame["status"] == "value"].reset_index(drop=True)
        ranks = rank_values(have["value"], int(m["direction"]))
        assert row["rank"] == ranks[have["code"] == "61.06"].iloc[0] and row["n"] == len(have)
        prov = have[have["prov_code"] == "61"].reset_index(drop=True)
        assert row["prov_rank"] == rank_values(prov["value"], int(m["direction"]))[prov["code"] == "61.06"].iloc[0]
        weights = {"population": prov["regency_code"].map(population), "denominator": prov["denominator"]}.get(head.weighting)
        expected = summary.weighted_mean(prov["value"].to_numpy(), None if weights is None else weights.to_numpy(dtype=float))
        assert row["prov_mean"] == pytest.approx(expected)
        assert row["diff_prov"] == pytest.approx(row["value"] - expected)


def test_scorecard_puts_the_biggest_direction_aware_lags_first(real_con: duckdb.DuckDBPyConnection, cat: pd.DataFrame) -> None:
    card, values = _card(real_con, cat, "61.06")
    scored = card[card["direction"] != 0]
    assert scored["lag_score"].is_monotonic_increasing
    assert card["order"].tolist() == list(range(1, len(card) + 1))
    assert (card.loc[card["direction"] == 0, "lag_score"].isna()).all()
    assert card["direction"].tolist()[-len(card[card["direction"] == 0]) :] == [0] * int((card["direction"] == 0).sum())
    # poverty (lower is better): a high rate is a lag, so its score is minus its z-score
    p0 = card.set_index("indicator_id").loc["bps_p0"]
    have = values[(values["indicator_id"] == "bps_p0") & (values["status"] == "value")]["value"]
    z = (p0["value"] - have.mean()) / have.std(ddof=0)
    assert p0["z"] == pytest.approx(z) and p0["lag_score"] == pytest.approx(-z)


def test_a_method_break_stays_two_rows_with_their_own_trend(real_con: duckdb.DuckDBPyConnection, cat: pd.DataFrame) -> None:
    card, _ = _card(real_con, cat, "61.06")
    rows = card.set_index("indicator_id")
    assert rows.loc["bps_ipm", "trend_years"] == list(range(2010, 2022))
    assert rows.loc["bps_ipm_2024", "trend_years"] == [2024]
    assert rows.loc["bps_ipm", "series_group"] == rows.loc["bps_ipm_2024", "series_group"]
    trend = profiletables.trend_export(card)
    assert set(trend.loc[trend["indicator_id"] == "bps_ipm", "year"]) == set(range(2010, 2022))


def test_mahakam_ulu_missing_years_stay_missing(real_con: duckdb.DuckDBPyConnection, cat: pd.DataFrame) -> None:
    card, _ = _card(real_con, cat, "64.11")
    rows = card.set_index("indicator_id")
    assert rows.loc["bps_ipm", "trend_years"][0] == 2013  # 2010–2012 blank in the source: missing, not zero
    assert 0.0 not in rows.loc["bps_ipm", "trend_values"]
    na, missing = profile.coverage_gaps(cat, card, _run(real_con, "profile_not_applicable", region="64.11"))
    assert na == [] and {"wb_apm_sd", "wb_doctors", "wb_schools_sd"} <= set(missing)
    assert "wb_apm_sd" not in rows.index
    # BPS flags its 2024 poverty figure as doubtful: shown with the note, left out of the summary
    assert "doubtful" in rows.loc["bps_p0", "note"]
    result = profile.strongest_and_weakest(card)
    assert "bps_p0" not in {a.indicator_id for a in [*result.strongest, *result.weakest]}


def test_a_city_lists_idm_as_not_applicable(real_con: duckdb.DuckDBPyConnection, cat: pd.DataFrame) -> None:
    card, _ = _card(real_con, cat, "61.71")
    assert not card["indicator_id"].str.startswith("idm_").any()
    na, _missing = profile.coverage_gaps(cat, card, _run(real_con, "profile_not_applicable", region="61.71"))
    assert set(na) == {"idm_score", "idm_iks", "idm_ike", "idm_ikl", "idm_share_lagging", "idm_share_mandiri"}


def test_summary_names_only_genuinely_strong_and_weak_areas_on_real_data(
    real_con: duckdb.DuckDBPyConnection, cat: pd.DataFrame, regencies: pd.DataFrame
) -> None:
    """Every regency: a "strongest" area ranks in the best third of the regencies compared (rank 1 =
    best, whatever the indicator's direction), a "weakest" one in the worst third; never the same area."""
    listed = {"strong": 0, "weak": 0, "empty": 0}
    for region in regencies["code"]:
        card, _ = _card(real_con, cat, region)
        result = profile.strongest_and_weakest(card)
        for area in result.strongest:
            assert area.rank <= area.n / 3 and area.score > 0, (region, area)
        for area in result.weakest:
            assert area.n - area.rank + 1 <= area.n / 3 and area.score < 0, (region, area)
        assert not {a.sector for a in result.strongest} & {a.sector for a in result.weakest}
        used = card.set_index("indicator_id").loc[[a.indicator_id for a in [*result.strongest, *result.weakest]]]
        assert not used["simulated"].any() and (used["year"] >= profile.SUMMARY_SINCE).all()
        assert (used["aggregate"] != "sum").all()
        # the rank named is the scorecard's rank for that indicator
        assert list(used["rank"]) == [a.rank for a in [*result.strongest, *result.weakest]]
        listed["strong"] += len(result.strongest)
        listed["weak"] += len(result.weakest)
        listed["empty"] += not result.strongest
    assert listed["strong"] > 56 and listed["weak"] > 56 and listed["empty"] > 0  # the rule filters, and still finds areas


def test_kapuas_hulu_s_summary_reads_its_real_standing(real_con: duckdb.DuckDBPyConnection, cat: pd.DataFrame) -> None:
    card, _ = _card(real_con, cat, "61.06")
    result = profile.strongest_and_weakest(card)
    text_id = profiletables.summary_markdown(result, "Kabupaten Kapuas Hulu", "id")
    text_en = profiletables.summary_markdown(result, "Kabupaten Kapuas Hulu", "en")
    assert "relatif paling baik" in text_id and "Paling tertinggal" in text_id
    assert "does relatively best" in text_en and "dari 56" not in text_en
    for area in result.strongest:
        assert f"rank {area.rank} of {area.n}" in text_en


def test_a_regency_strong_nowhere_says_so_plainly(real_con: duckdb.DuckDBPyConnection, cat: pd.DataFrame, regencies: pd.DataFrame) -> None:
    for region in regencies["code"]:
        result = profile.strongest_and_weakest(_card(real_con, cat, region)[0])
        if not result.strongest and result.n_indicators:
            break
    else:
        pytest.fail("every regency is strong somewhere: pick a test that can show the empty case")
    text = profiletables.summary_markdown(result, "X", "en")
    assert "is not in the best third in any area" in text and "does relatively best" not in text
    assert "tidak berada di sepertiga terbaik" in profiletables.summary_markdown(result, "X", "id")


def test_summary_on_a_made_up_scorecard() -> None:
    """Areas are sectors scored by their mean; the named indicator is the clearest one in that direction,
    and an area is listed only where that indicator ranks in the best (or worst) third."""

    def row(indicator: str, sector: str, lag: float, simulated: bool = False, year: int = 2024, rank: int | None = None) -> dict:
        return {
            "indicator_id": indicator,
            "sector": sector,
            "name_id": indicator,
            "name_en": indicator,
            "year": year,
            "rank": rank if rank is not None else (5 if lag > 0 else 50),
            "n": 56,
            "direction": 1,
            "aggregate": "weighted",
            "note": None,
            "lag_score": lag,
            "simulated": simulated,
        }

    card = pd.DataFrame(
        [
            row("a1", "kemiskinan", 1.5),
            row("a2", "kemiskinan", 0.5),
            row("b1", "ekonomi", 0.9),
            row("c1", "desa", -2.0),
            row("c2", "desa", -0.2),
            row("d1", "spm_pu", -0.5),
            row("e1", "spm_kesehatan", 0.4, rank=20),  # ahead of the average, but not in the best third (18 of 56)
            row("f1", "spm_sosial", -0.3, rank=38),  # behind, but not in the worst third
            row("sim", "spm_sosial", 3.0, simulated=True),  # simulated: never in the summary
            row("old", "infrastruktur", -3.0, year=2011),  # before SUMMARY_SINCE
        ]
    )
    result = profile.strongest_and_weakest(card)
    assert [a.sector for a in result.strongest] == ["kemiskinan", "ekonomi"]
    assert [a.indicator_id for a in result.strongest] == ["a1", "b1"]
    assert [a.sector for a in result.weakest] == ["desa", "spm_pu"]
    assert result.weakest[0].indicator_id == "c1" and result.weakest[0].score == pytest.approx(-1.1)
    assert result.n_indicators == 8


# ---------------------------------------------------------------- peers


def test_peers_are_the_nearest_of_the_same_type_on_standardised_logs(regencies: pd.DataFrame) -> None:
    for region in ("61.06", "61.71", "64.11", "63.02"):
        found = profile.peers(regencies, region)
        me = regencies.set_index("code").loc[region]
        assert len(found) == 5 and region not in set(found["code"])
        assert (found["region_type"] == me["region_type"]).all()
        assert found["distance"].is_monotonic_increasing
        # by hand: z-scores over the 56, Euclidean distance, every other same-type regency farther
        pop = np.log(regencies["population"].to_numpy(dtype=float))
        km = np.log(regencies["km_to_capital"].to_numpy(dtype=float) + 10)
        z = np.column_stack([(pop - pop.mean()) / pop.std(), (km - km.mean()) / km.std()])
        codes = regencies["code"].to_numpy()
        dist = np.sqrt(((z - z[codes == region][0]) ** 2).sum(axis=1))
        same = (regencies["region_type"] == me["region_type"]).to_numpy() & (codes != region)
        expected = pd.Series(dist[same], index=codes[same]).sort_values().head(5)
        assert found["code"].tolist() == expected.index.tolist()
        np.testing.assert_allclose(found["distance"], expected.to_numpy())


def test_peer_values_sit_in_the_scorecard_year(real_con: duckdb.DuckDBPyConnection, cat: pd.DataFrame, regencies: pd.DataFrame) -> None:
    card, values = _card(real_con, cat, "61.71")
    found = profile.peers(regencies, "61.71")
    long = profile.peer_values(values, card, regencies, "61.71", found["code"].tolist())
    assert "idm_score" not in set(long["indicator_id"])  # a city has no IDM: no column for it
    ipm = long[long["indicator_id"] == "bps_ipm_2024"].set_index("code")
    assert set(ipm.index) == {"61.71", *found["code"]}
    direct = dict(
        real_con.execute("SELECT region_code, value FROM observations WHERE indicator_id = 'bps_ipm_2024' AND year = 2024").fetchall()
    )
    for code, value in ipm["value"].items():
        assert value == pytest.approx(direct[code])
    shown = profiletables.peer_display(regencies, found, long, card, "61.71", "id")
    assert list(shown.columns) == ["Ukuran", "Kota Pontianak", *found["name"]]  # side by side, this city first
    ipm_row = shown.set_index("Ukuran").loc["IPM 2024 (UHH Long Form SP2020) (indeks)"]
    assert ipm_row["Kota Pontianak"] == "82,22 (#5)"


# ---------------------------------------------------------------- inside the regency


def test_village_status_counts_every_status_and_keeps_kelurahan_apart(real_con: duckdb.DuckDBPyConnection) -> None:
    villages = _run(real_con, "profile_villages", region="61.06", year=2024)
    counts = profile.village_status_counts(villages).set_index("status")["n"]
    assert list(counts.index[:5]) == list(profile.VILLAGE_STATUSES)
    assert counts.sum() == len(villages)
    direct = dict(
        real_con.execute(
            "SELECT s.status, count(*) FROM village_status s JOIN regions r ON r.code = s.code "
            "WHERE r.regency_code = '61.06' AND s.year = 2024 GROUP BY 1"
        ).fetchall()
    )
    for status in profile.VILLAGE_STATUSES:
        assert counts[status] == direct.get(status, 0)
    assert counts["NOT_APPLICABLE"] == int(villages["is_kelurahan"].sum()) > 0
    city = profile.village_status_counts(_run(real_con, "profile_villages", region="61.71", year=2024)).set_index("status")["n"]
    assert city[list(profile.VILLAGE_STATUSES)].sum() == 0 and city["NOT_APPLICABLE"] > 0


def test_lagging_villages_and_districts_come_lowest_first(real_con: duckdb.DuckDBPyConnection) -> None:
    villages = profile.lagging_villages(_run(real_con, "profile_villages", region="64.11", year=2024))
    assert villages["idm_score"].is_monotonic_increasing and villages["lag_rank"].iloc[0] == 1
    districts = _run(real_con, "profile_subregions", region="64.11", indicator="idm_score", year=2024, level="kecamatan")
    ranked = profile.lag_ranked(districts, 1)
    have = ranked[ranked["status"] == "value"]
    assert have["value"].is_monotonic_increasing and have["lag_rank"].tolist()[0] == 1


def test_villages_newer_than_the_boundaries_are_listed_but_not_drawn(real_con: duckdb.DuckDBPyConnection) -> None:
    villages = _run(real_con, "profile_villages", region="61.09", year=2024)
    drawn = _run(real_con, "profile_subregions", region="61.09", indicator="idm_score", year=2024, level="desa")
    newer = villages[~villages["has_polygon"]]
    assert len(newer) == 7 and newer["idm_score"].notna().all()
    assert set(drawn["code"]) == set(villages.loc[villages["has_polygon"], "code"])
    assert set(newer["code"]) <= set(profile.lagging_villages(villages)["code"])


def test_city_districts_are_not_applicable_for_idm(real_con: duckdb.DuckDBPyConnection) -> None:
    frame = _run(real_con, "profile_subregions", region="61.71", indicator="idm_score", year=2024, level="desa")
    assert len(frame) > 0 and (frame["status"] == "na").all()


def test_district_distances_use_operating_points_anywhere(real_con: duckdb.DuckDBPyConnection) -> None:
    points = _run(real_con, "service_points", kinds=["plbn", "kanim"], include_closed=False)
    kapuas = profile.district_distances(_run(real_con, "profile_districts", region="61.06"), points)
    putussibau = kapuas.set_index("name").loc["Putussibau Utara"]
    assert putussibau["kanim_name"] == "Kantor Imigrasi Kelas III TPI Putussibau" and putussibau["kanim_km"] < 60
    assert kapuas["plbn_km"].notna().all() and (kapuas["plbn_km"] > 0).all()
    # Krayan (Nunukan): Long Midang is only planned, so it is never the nearest border post
    nunukan = profile.district_distances(_run(real_con, "profile_districts", region="65.03"), points)
    assert "Long Midang" not in " ".join(nunukan["plbn_name"])
    # Kotabaru is served from Batulicin across the water
    kotabaru = profile.district_distances(_run(real_con, "profile_districts", region="63.02"), points)
    assert (kotabaru["kanim_name"] == "Kantor Imigrasi Kelas II TPI Batulicin").any()


def test_points_in_bbox_keeps_only_nearby_posts() -> None:
    points = pd.DataFrame({"name": ["in", "out"], "lon": [112.0, 117.0], "lat": [1.0, 4.0]})
    assert profile.points_in_bbox(points, (111.5, 0.0, 114.2, 1.6))["name"].tolist() == ["in"]


# ---------------------------------------------------------------- downloads


def _read_csv(data: bytes) -> pd.DataFrame:
    text = data.decode("utf-8-sig")
    if text.startswith("# "):
        text = text.split("\n", 1)[1]
    return pd.read_csv(io.StringIO(text), dtype={"code": str, "district_code": str})


def test_downloads_parse_back_to_the_same_numbers(real_con: duckdb.DuckDBPyConnection, cat: pd.DataFrame, regencies: pd.DataFrame) -> None:
    card, values = _card(real_con, cat, "61.06")
    villages = _run(real_con, "profile_villages", region="61.06", year=2024)
    points = _run(real_con, "service_points", kinds=["plbn", "kanim"], include_closed=False)
    found = profile.peers(regencies, "61.06")
    tables = {
        "scorecard": profiletables.scorecard_export(card),
        "trend": profiletables.trend_export(card),
        "villages": profiletables.villages_export(villages, 2024),
        "village_status": profile.village_status_counts(villages),
        "distances": profile.district_distances(_run(real_con, "profile_districts", region="61.06"), points),
        "peers": profiletables.peers_export(regencies, found, "61.06"),
        "peer_values": profile.peer_values(values, card, regencies, "61.06", found["code"].tolist()),
    }
    years = profile.indicator_years(card, whole_series=True)
    assert profile.indicator_years(card)["bps_ipm"] == "2021" and years["bps_ipm"] == "2010–2021"
    meta = profiletables.metadata(
        cat, years, _run(real_con, "sources"), {"village_status": "kemendes_idm", "service_points": "reference_points"}
    )
    book = openpyxl.load_workbook(io.BytesIO(export.to_excel_bytes(tables, meta)))
    assert book.sheetnames == [*tables, "metadata"]
    for name, table in tables.items():
        simulated = "simulated" in table and bool(table["simulated"].any())
        csv_bytes = export.to_csv_bytes(table, simulated=simulated)
        assert csv_bytes.decode("utf-8-sig").startswith("# DATA SIMULASI") == simulated
        back = _read_csv(csv_bytes)
        from_excel = pd.read_excel(io.BytesIO(export.to_excel_bytes({name: table}, meta)), sheet_name=name, dtype={"code": str})
        assert list(back.columns) == list(table.columns), name
        for column in table.columns:
            if pd.api.types.is_numeric_dtype(table[column]) and not pd.api.types.is_bool_dtype(table[column]):
                np.testing.assert_allclose(
                    back[column].to_numpy(dtype=float), table[column].to_numpy(dtype=float), rtol=1e-12, err_msg=name
                )
                np.testing.assert_allclose(
                    from_excel[column].to_numpy(dtype=float), table[column].to_numpy(dtype=float), rtol=1e-12, err_msg=name
                )
    score = tables["scorecard"].set_index("indicator_id")
    assert score.loc["bps_ipm_2024", "value"] == pytest.approx(68.77)  # Kapuas Hulu, BPS 2024
    sheet = pd.read_excel(io.BytesIO(export.to_excel_bytes(tables, meta)), sheet_name="metadata")
    indicators = sheet[sheet["kind"] == "indicator"].set_index("id")
    assert indicators.loc["bps_ipm", "years"] == "2010–2021" and indicators.loc["spm_kesehatan", "simulated"]
    assert indicators.loc["bps_ipm_2024", "name_id"] and indicators.loc["bps_ipm_2024", "name_en"]
    assert {"unit_id", "unit_en", "licence", "source", "citation_id", "citation_en"} <= set(sheet.columns)
    assert set(sheet.loc[sheet["kind"] == "dataset", "id"]) == {"village_status", "service_points"}
    assert "Kemendes" in sheet.set_index("id").loc["village_status", "citation_id"]


def test_downloaded_text_that_looks_like_a_formula_is_neutralised() -> None:
    villages = pd.DataFrame(
        {
            "code": ["61.06.01.2001", "61.06.01.2002"],
            "name": ['=HYPERLINK("http://x","klik")', "@SUM(A1)"],
            "district_code": ["61.06.01", "61.06.01"],
            "district": ["+62 Putussibau", "-Bika"],
            "is_kelurahan": [False, False],
            "has_polygon": [True, True],
            "status": ["MAJU", "MANDIRI"],
            "idm_score": [0.71, -0.5],
            "idm_iks": [0.7, 0.8],
            "idm_ike": [0.6, 0.7],
            "idm_ikl": [0.8, 0.9],
            "not_applicable": [False, False],
        }
    )
    table = profiletables.villages_export(villages, 2024)
    back = _read_csv(export.to_csv_bytes(table))
    assert back["name"].tolist() == ["'@SUM(A1)", '\'=HYPERLINK("http://x","klik")']
    assert back["district"].tolist() == ["'-Bika", "'+62 Putussibau"]
    assert back["idm_score"].tolist() == [-0.5, 0.71]  # numbers stay numbers, negative ones too
    book = openpyxl.load_workbook(io.BytesIO(export.to_excel_bytes({"villages": table}, pd.DataFrame({"id": ["x"]}))))
    assert book["villages"]["C2"].value.startswith("'")


def test_file_names_are_safe() -> None:
    assert profile.file_stem("61.06", "Kabupaten Kapuas Hulu") == "profil_61-06_kapuas_hulu"
    assert profile.file_stem("63.02", "Kabupaten Kotabaru") == "profil_63-02_kotabaru"
