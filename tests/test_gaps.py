"""Gap analysis services: group summaries, target gap, contributions, trend and scorecard, by hand."""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from kalimantan_equity.services import catalogue, gaps, gaptables, gapview, i18n, warehouse
from kalimantan_equity.services.gaps import ALL, Spec

SPM = Spec(direction=1, target=100.0, aggregate="weighted", level="kabupaten")


def _frame() -> pd.DataFrame:
    """Seven regencies: two cities, three other regencies (one without data), two border regencies."""
    rows = [
        # code, name, region_type, prov, value, population, status
        ("61.71", "Kota A", "kota", "61", 90.0, 100.0, "value"),
        ("64.72", "Kota B", "kota", "64", 100.0, 300.0, "value"),
        ("61.02", "Kab C", "kabupaten", "61", 70.0, 200.0, "value"),
        ("64.02", "Kab D", "kabupaten", "64", 80.0, 200.0, "value"),
        ("64.03", "Kab G", "kabupaten", "64", np.nan, 50.0, "missing"),
        ("61.06", "Kab E", "perbatasan", "61", 50.0, 100.0, "value"),
        ("64.11", "Kab F", "perbatasan", "64", 60.0, 100.0, "value"),
    ]
    frame = pd.DataFrame(rows, columns=["code", "name", "region_type", "prov_code", "value", "population", "status"])
    frame["province"] = frame["prov_code"].map({"61": "Kalimantan Barat", "64": "Kalimantan Timur"})
    frame["regency_code"] = frame["code"]
    frame["numerator"] = np.nan
    frame["denominator"] = np.nan
    return frame


def test_group_summaries_by_hand() -> None:
    table = gaps.group_table(_frame(), SPM)
    rows = table.rows.set_index("group")
    assert table.reference == "kota" and table.weighting == "population" and table.has_population
    # cities: mean (90 + 100) / 2; population-weighted (90·100 + 100·300) / 400 = 97.5
    assert rows.at["kota", "mean"] == pytest.approx(95.0)
    assert rows.at["kota", "pop_mean"] == pytest.approx(97.5)
    assert rows.at["kabupaten", "n_regions"] == 3 and rows.at["kabupaten", "n_with_data"] == 2 and rows.at["kabupaten", "n_missing"] == 1
    assert (rows.at["kabupaten", "min"], rows.at["kabupaten", "max"], rows.at["kabupaten", "median"]) == (70.0, 80.0, 75.0)
    # the gap is measured on the default (population-weighted) means: 97.5 − 75 and 97.5 − 55
    assert rows.at["kabupaten", "gap"] == pytest.approx(22.5)
    assert rows.at["perbatasan", "gap"] == pytest.approx(42.5)
    assert rows.at["perbatasan", "ratio"] == pytest.approx(97.5 / 55)
    assert pd.isna(rows.at["kota", "gap"]) and pd.isna(rows.at[ALL, "gap"])
    # Kalimantan: six values, mean 75; weighted (9000 + 30000 + 14000 + 16000 + 5000 + 6000) / 1000 = 80
    assert rows.at[ALL, "mean"] == pytest.approx(75.0) and rows.at[ALL, "pop_mean"] == pytest.approx(80.0)
    # target 100: shortfalls 10, 0, 30, 20, 50, 40; five below; mean 25; weighted 20000 / 1000 = 20
    assert rows.at[ALL, "n_below_target"] == 5
    assert rows.at[ALL, "mean_shortfall"] == pytest.approx(25.0)
    assert rows.at[ALL, "pop_mean_shortfall"] == pytest.approx(20.0)


def test_gaps_are_oriented_so_positive_means_behind() -> None:
    poverty = Spec(direction=-1, target=None, aggregate="weighted", level="kabupaten")  # lower is better
    rows = gaps.group_table(_frame(), poverty).rows.set_index("group")
    # other regencies have less than the cities (75 vs 97.5): with lower-is-better they are ahead
    assert rows.at["kabupaten", "gap"] == pytest.approx(-22.5)
    assert rows.at["kabupaten", "ratio"] == pytest.approx(75 / 97.5)
    assert "n_below_target" not in rows


def test_provinces_are_measured_against_kalimantan() -> None:
    table = gaps.group_table(_frame(), SPM, "prov_code")
    rows = table.rows.set_index("group")
    assert table.reference == ALL
    assert rows.at["61", "name"] == "Kalimantan Barat"
    # Kalbar weighted: (9000 + 14000 + 5000) / 400 = 70; Kalimantan 80; gap 10 behind
    assert rows.at["61", "gap"] == pytest.approx(10.0)
    with pytest.raises(ValueError):
        gaps.group_table(_frame(), SPM, "name")


def test_not_applicable_cities_move_the_reference_to_kalimantan() -> None:
    frame = _frame()
    frame.loc[frame["region_type"] == "kota", ["value", "status"]] = [np.nan, "na"]
    table = gaps.group_table(frame, SPM)
    rows = table.rows.set_index("group")
    assert table.reference == ALL
    assert rows.at["kota", "n_regions"] == 0 and rows.at["kota", "n_na"] == 2 and rows.at["kota", "n_with_data"] == 0
    assert pd.isna(rows.at["kota", "headline"])
    assert rows.at["perbatasan", "gap"] == pytest.approx(rows.at[ALL, "headline"] - 55)


def test_ratio_of_totals_and_no_population_below_regencies() -> None:
    frame = _frame().assign(numerator=[9, 10, 7, 8, np.nan, 5, 6], denominator=[10, 10, 10, 10, np.nan, 10, 40])
    frame["value"] = 100 * frame["numerator"] / frame["denominator"]
    shares = Spec(direction=1, target=None, aggregate="ratio", level="kabupaten")
    rows = gaps.group_table(frame, shares).rows.set_index("group")
    assert rows.at["perbatasan", "headline"] == pytest.approx(100 * 11 / 50)  # Σ numerators / Σ denominators
    districts = gaps.group_table(_frame(), Spec(1, None, "weighted", "kecamatan"))
    assert not districts.has_population and districts.weighting == "none"
    assert districts.rows["pop_mean"].isna().all()


def test_inequality_and_decomposition_tables() -> None:
    frame = _frame()
    table = gaps.inequality_table(frame, SPM)
    assert list(table.index) == list(gaps.INEQUALITY_MEASURES)
    values = frame["value"].dropna()
    assert table.at["gini", "unweighted"] == pytest.approx(gaps.inequality.gini(values))
    assert table.at["best_fifth", "unweighted"] > table.at["worst_fifth", "unweighted"]
    decomposition = gaps.decomposition_table(frame, SPM)
    assert len(decomposition) == 2 * 2 * 2  # two groupings × T and L × unweighted and weighted
    parts = decomposition["between"] + decomposition["within"]
    assert np.allclose(parts.astype(float), decomposition["total"].astype(float))
    zero = frame.assign(value=frame["value"].replace(50.0, 0.0))
    assert pd.isna(gaps.inequality_table(zero, SPM).at["theil_l", "unweighted"])  # ln 0: not defined, not 0
    districts = gaps.inequality_table(frame, Spec(1, None, "mean", "kecamatan"))
    assert districts["population"].isna().all()


def test_contributions_split_the_weighted_shortfall() -> None:
    con = gaps.contributions(_frame(), SPM)
    # weighted shortfalls: A 10·100, C 30·200, D 20·200, E 50·100, F 40·100 = 20000 in all
    shares = dict(zip(con.rows["name"], con.rows["share"], strict=True))
    assert shares == pytest.approx({"Kab C": 0.30, "Kab E": 0.25, "Kab F": 0.20, "Kab D": 0.20, "Kota A": 0.05, "Kota B": 0.0})
    assert con.rows["name"].tolist()[:3] == ["Kab C", "Kab E", "Kab F"]  # ties: the larger shortfall first
    assert "Kab G" not in shares  # no data is not a zero shortfall
    assert con.reference_kind == "target" and con.mean_shortfall == pytest.approx(20.0)
    assert con.rows["theil_share"].sum() == pytest.approx(1.0) and (con.rows["theil_share"] >= 0).all()


def test_contributions_without_target_use_the_mean_and_neutral_has_none() -> None:
    con = gaps.contributions(_frame(), Spec(1, None, "mean", "kabupaten"))
    assert con.reference_kind == "mean" and con.reference == pytest.approx(75.0)
    assert set(con.rows.loc[con.rows["share"] > 0, "name"]) == {"Kab C", "Kab E", "Kab F"}  # below 75 only
    met = gaps.contributions(_frame().assign(value=lambda f: f["value"] + 100), SPM)
    assert (met.rows["share"] == 0).all()


def _two_series() -> tuple[pd.DataFrame, dict[str, Spec]]:
    """An old series 2019–2021 and a new-method series 2024, as across the BPS IPM break."""
    base = _frame()
    parts = []
    for indicator, years in (("old", (2019, 2020, 2021)), ("new", (2024,))):
        for year in years:
            parts.append(
                base[base["status"] == "value"].assign(indicator_id=indicator, year=year, value=lambda f, y=year: f["value"] + (y - 2019))
            )
    values = pd.concat(parts, ignore_index=True).drop(columns=["status"])
    return values, {"old": SPM, "new": SPM}


def test_trend_keeps_series_apart_and_measures_each_year() -> None:
    values, specs = _two_series()
    trend = gaps.trend(values, specs)
    assert set(zip(trend["indicator_id"], trend["year"], strict=True)) == {("old", 2019), ("old", 2020), ("old", 2021), ("new", 2024)}
    gap = trend[(trend["measure"] == "gap_perbatasan") & (trend["indicator_id"] == "old")].sort_values("year")["value"]
    assert gap.tolist() == pytest.approx([42.5, 42.5, 42.5])  # every value moves together: the gap stays
    assert {"gini", "gini_w", "theil_t_w", "between_type", "between_prov_w", "n_below_target"} <= set(trend["measure"])


def test_trend_figure_never_joins_a_method_break() -> None:
    values, specs = _two_series()
    trend = gaps.trend(values, specs)
    series = [gapview.Series("old", "IPM 2010–2021", False), gapview.Series("new", "IPM 2024", False)]
    for family in gapview.families_for(trend):
        figure = gapview.trend_figure(trend, family, series, "id", "x", 1, "t").to_plotly_json()
        for trace in figure["data"]:
            years = set(trace["x"])
            assert years <= {2019, 2020, 2021} or years == {2024}, (family, trace["name"])
        assert any(a["text"] == "ganti metode" for a in figure["layout"]["annotations"])
        assert any(shape["x0"] == pytest.approx(2022.5) for shape in figure["layout"]["shapes"])


def test_scorecard_and_its_heatmap() -> None:
    values, _ = _two_series()
    card = gaps.scorecard(values, {"old": SPM, "new": SPM}, 2024)
    assert set(card["indicator_id"]) == {"new"}
    assert card.set_index("group").at["kota", "mean"] == pytest.approx(97.5 + 5)
    rows = [gapview.ScoreRow("new", "SPM Kesehatan › Capaian", True)]
    figure = gapview.scorecard_figure(card, rows, "en", 1, "t").to_plotly_json()
    heat = figure["data"][0]
    assert heat["type"] == "heatmap" and len(heat["z"]) == 1 and len(heat["z"][0]) == 3
    assert "Simulated data" in heat["y"][0]
    assert heat["text"][0][0] == "102.5"
    # the lowest achievement is the darkest colour, as on the map: dark red at 0, pale yellow at 1
    assert heat["colorscale"][0] == [0.0, "rgb(128,0,38)"] and heat["colorscale"][-1] == [1.0, "rgb(255,255,204)"]
    assert not heat.get("reversescale")


def test_tables_speak_the_language_and_the_workbook_keeps_numbers() -> None:
    table = gaps.group_table(_frame(), SPM)
    shown = gaptables.format_group_table(table, "region_type", "id", 1, "%", True)
    assert shown.iloc[0, 0] == "Kota" and shown.iloc[-1, 0] == "Seluruh Kalimantan"
    assert "97,5" in shown.iloc[0].tolist() and "2 dari 3" in shown.iloc[1].tolist()
    assert any("poin persen" in c for c in shown.columns)
    meta = pd.Series(
        {
            "indicator_id": "spm_x",
            "name_id": "=cmd",
            "name_en": "SPM",
            "unit_id": "%",
            "unit_en": "%",
            "direction": 1,
            "target": 100.0,
            "citation_en": "sim",
            "licence": "-",
            "simulated": True,
        }
    )
    data = gaptables.workbook({"groups": table.rows}, meta, 2024, "kabupaten", table.weighting, table.reference)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["groups", "metadata"]
    assert book["groups"]["A2"].value == "kota" and isinstance(book["groups"]["H2"].value, float)
    values = [c.value for c in book["metadata"]["B"]]
    assert "'=cmd" in values and any("SIMULASI" in str(v) for v in values)


def test_every_generated_string_key_exists() -> None:
    keys = {f"gap_f_{f}" for f in gapview.FAMILIES} | {line.label_key for lines in gapview.FAMILIES.values() for line in lines}
    keys |= {f"gap_m_{m}" for m in gaps.INEQUALITY_MEASURES} | {f"gap_partition_{p}" for p in gaps.PARTITIONS}
    keys |= {f"gap_plural_{g}" for g in gaps.GROUPS if g != "kota"} | {key for key, _ in gaptables.METHODS}
    assert sorted(keys - set(i18n.STRINGS)) == []
    for key, formula in gaptables.METHODS:
        assert formula.count("{") == formula.count("}"), key
        assert not re.search(r"[^\x00-\x7f]", formula), key  # KaTeX source: ASCII only


def test_series_and_spm_indicators_from_the_catalogue(real_db: Path) -> None:
    cat = warehouse.run(warehouse.connect(real_db), "indicator_catalogue")
    assert catalogue.series_for(cat, "bps_ipm", "kabupaten") == ["bps_ipm", "wb_hdi_2019", "bps_ipm_2024"]
    assert catalogue.series_for(cat, "wb_electricity_access", "kabupaten") == ["wb_electricity_access"]
    spm = catalogue.spm_indicators(cat)
    assert spm[:2] == ["wb_apm_sd", "wb_apm_smp"] and "spm_sosial" in spm and "bps_ipm" not in spm
