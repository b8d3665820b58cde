"""Region keys land on the right Kemendagri code, and the 4-digit code trap is decided from the data."""

from __future__ import annotations

import pandas as pd
import pytest

from kalimantan_equity.services.upload import match
from kalimantan_equity.services.upload.match import Gazetteer, RegionKey, decide_code_system, match_all
from tests.upload_support import load_frames


@pytest.fixture(scope="module")
def frames(request: pytest.FixtureRequest) -> tuple[pd.DataFrame, pd.DataFrame]:
    return load_frames(request)


NONE = match.CodeSystemDecision(None, match.Explanation("upload_codes_none", {}))


@pytest.fixture(scope="module")
def gazetteer(frames: tuple[pd.DataFrame, pd.DataFrame]) -> Gazetteer:
    return Gazetteer.build(*frames)


def _one(gazetteer: Gazetteer, region: str, province: str = "", name: str = "", decision=NONE, others: tuple[str, ...] = ()) -> match.Match:
    key = RegionKey(region, name, province)
    found = match_all([key, *(RegionKey(o) for o in others)], gazetteer, decision)
    return found[key]


def test_the_frames_hold_56_regencies_and_5_provinces(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.regencies) == 56
    assert gazetteer.provinces == {
        "61": "Kalimantan Barat",
        "62": "Kalimantan Tengah",
        "63": "Kalimantan Selatan",
        "64": "Kalimantan Timur",
        "65": "Kalimantan Utara",
    }
    # the trap itself: BPS 6108 is Kapuas Hulu, BPS 6106 is Ketapang
    assert gazetteer.bps["6108"] == "61.06" and gazetteer.bps["6106"] == "61.04"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Kab. Kapuas Hulu", "61.06"),
        ("KAPUAS HULU", "61.06"),
        ("Kabupaten Kapuas Hulu", "61.06"),
        ("KAB. KAPUAS HULU", "61.06"),
        ("Kab.Kapuas Hulu", "61.06"),
        ("Kapuas Hulu*", "61.06"),
        ("Kapuas Hulu 1)", "61.06"),
        ("Kapuas", "62.03"),
        ("Kabupaten Pontianak", "61.02"),
        ("Pasir", "64.01"),
        ("Mahakam Hulu", "64.11"),
        ("Kota Baru", "63.02"),
        ("Kotabaru", "63.02"),
        ("Kota Banjar Baru", "63.72"),
        ("Kota Palangka Raya", "62.71"),
        ("Banjar", "63.03"),
        ("Kota Banjarmasin", "63.71"),
        ("Kotawaringin Barat", "62.01"),
        ("Tana Tidung", "65.04"),
    ],
)
def test_names_in_their_many_forms(gazetteer: Gazetteer, written: str, code: str) -> None:
    found = _one(gazetteer, written)
    assert (found.status, found.code) == ("matched", code)


def test_old_names_are_said_to_be_old(gazetteer: Gazetteer) -> None:
    assert _one(gazetteer, "Pasir").reason_key == "upload_match_old_name"
    assert _one(gazetteer, "Mahakam Hulu").reason_key == "upload_match_old_name"
    assert _one(gazetteer, "Kota Baru").reason_key == "upload_match_name"  # a spelling, not an old name


def test_bare_pontianak_is_a_choice_unless_the_file_writes_cities_as_kota(gazetteer: Gazetteer) -> None:
    alone = _one(gazetteer, "Pontianak")
    assert alone.status == "ambiguous"
    assert set(alone.candidates) == {"61.02", "61.71"}  # the regency (now Mempawah) or the city
    in_bps_style = _one(gazetteer, "Pontianak", "KALIMANTAN BARAT", others=("Kota Pontianak", "Sambas"))
    assert (in_bps_style.status, in_bps_style.code, in_bps_style.reason_key) == ("matched", "61.02", "upload_match_bare_is_regency")
    assert _one(gazetteer, "Kota Pontianak").code == "61.71"


def test_a_city_named_like_a_regency_is_not_the_regency(gazetteer: Gazetteer) -> None:
    # Kota Banjar is in Jawa Barat; Kalimantan has Kabupaten Banjar. Without a province, offer it.
    found = _one(gazetteer, "Kota Banjar")
    assert found.status == "unmatched"
    assert found.candidates[0] == "63.03"
    assert _one(gazetteer, "Kota Banjar", "JAWA BARAT").status == "outside"


def test_the_province_context_keeps_a_name_in_its_province(gazetteer: Gazetteer) -> None:
    found = _one(gazetteer, "Kapuas", "KALIMANTAN BARAT")
    assert (found.status, found.candidates, found.reason_key) == ("ambiguous", ("62.03",), "upload_ambiguous_other_province")
    assert _one(gazetteer, "Kapuas", "Kalimantan Tengah").code == "62.03"
    assert _one(gazetteer, "Kapuas", "Kalteng").code == "62.03"
    assert _one(gazetteer, "Kapuas", "62").code == "62.03"


@pytest.mark.parametrize(
    ("region", "province", "status"),
    [
        ("Simeulue", "ACEH", "outside"),
        ("Sleman", "D I YOGYAKARTA", "outside"),
        ("Bangka", "KEP. BANGKA BELITUNG", "outside"),
        ("ACEH", "", "outside"),
        ("Jawa Barat", "", "outside"),
        ("KALIMANTAN BARAT", "", "aggregate"),
        ("INDONESIA", "", "aggregate"),
        ("Jumlah", "", "aggregate"),
        ("Total Kalimantan Timur", "", "aggregate"),
        ("61", "", "aggregate"),
        ("11.01", "", "outside"),
        ("3201", "", "outside"),
    ],
)
def test_other_provinces_are_outside_and_totals_are_totals(gazetteer: Gazetteer, region: str, province: str, status: str) -> None:
    assert _one(gazetteer, region, province).status == status


def test_unknown_names_get_suggestions_never_a_silent_guess(gazetteer: Gazetteer) -> None:
    found = _one(gazetteer, "Kapuas Hullu")
    assert found.status == "unmatched" and found.code is None
    assert found.candidates[0] == "61.06"
    assert "61.06 Kabupaten Kapuas Hulu" in found.detail
    nothing = _one(gazetteer, "Atlantis")
    assert (nothing.status, nothing.candidates, nothing.reason_key) == ("unmatched", (), "upload_unmatched_name_none")


@pytest.mark.parametrize(
    ("code", "status", "expected"),
    [
        ("61.06", "matched", "61.06"),
        ("61.1", "matched", "61.10"),  # Excel turned 61.10 into the number 61.1
        ("61.06.01", "unmatched", None),
        ("6106010", "unmatched", None),
        ("61.99", "unmatched", None),
        ("6199", "unmatched", None),
    ],
)
def test_dotted_codes_are_kemendagri(gazetteer: Gazetteer, code: str, status: str, expected: str | None) -> None:
    found = _one(gazetteer, code)
    assert (found.status, found.code) == (status, expected)


# --- the 4-digit code system -----------------------------------------------------------------------


def test_all_56_bps_codes_are_recognised_as_bps(gazetteer: Gazetteer) -> None:
    pairs = [(b, "") for b in gazetteer.bps]
    decision = decide_code_system(pairs, gazetteer)
    assert decision.system == "bps"
    assert decision.explanation.key == "upload_codes_only_in"
    assert decision.explanation.params["examples"] == "6404, 6405"  # Kutai Timur and Berau in BPS numbering
    found = match_all([RegionKey("6108"), RegionKey("6106")], gazetteer, decision)
    assert found[RegionKey("6108")].code == "61.06"  # Kapuas Hulu
    assert found[RegionKey("6106")].code == "61.04"  # Ketapang


def test_all_56_kemendagri_codes_without_dots_are_recognised(gazetteer: Gazetteer) -> None:
    decision = decide_code_system([(c, "") for c in gazetteer.kemendagri_nodot], gazetteer)
    assert decision.system == "kemendagri"
    assert decision.explanation.params["examples"] == "6407, 6408"
    assert match_all([RegionKey("6106")], gazetteer, decision)[RegionKey("6106")].code == "61.06"


def test_names_beside_codes_decide_and_the_explanation_counts_them(gazetteer: Gazetteer) -> None:
    west = [
        ("6101", "Sambas"),
        ("6102", "Bengkayang"),
        ("6103", "Landak"),
        ("6104", "Mempawah"),
        ("6106", "Ketapang"),
        ("6108", "Kapuas Hulu"),
    ]
    decision = decide_code_system(west, gazetteer)
    assert decision.system == "bps"
    assert decision.explanation.key == "upload_codes_by_names"
    assert decision.explanation.params == {"system": "BPS", "agree": 5, "total": 5}  # 6101 is Sambas in both: no evidence


def test_codes_that_mean_the_same_in_both_systems_need_no_decision(gazetteer: Gazetteer) -> None:
    decision = decide_code_system([("6101", ""), ("6109", ""), ("6301", "")], gazetteer)
    assert (decision.system, decision.undecided, decision.explanation.key) == (None, False, "upload_codes_same_both")
    assert match_all([RegionKey("6109")], gazetteer, decision)[RegionKey("6109")].code == "61.09"


def test_without_evidence_nothing_is_guessed_and_the_caller_decides(gazetteer: Gazetteer) -> None:
    pairs = [("6106", ""), ("6108", ""), ("6101", "")]
    decision = decide_code_system(pairs, gazetteer)
    assert decision.undecided and decision.system is None
    assert decision.explanation.key == "upload_codes_undecided"
    found = match_all([RegionKey("6106")], gazetteer, decision)[RegionKey("6106")]
    assert (found.status, found.candidates) == ("ambiguous", ("61.06", "61.04"))
    settled = decide_code_system(pairs, gazetteer, override="bps")
    assert settled.explanation.key == "upload_codes_override"
    assert match_all([RegionKey("6106")], gazetteer, settled)[RegionKey("6106")].code == "61.04"
    by_header = decide_code_system(pairs, gazetteer, header="kode_bps")
    assert (by_header.system, by_header.explanation.key) == ("bps", "upload_codes_by_header")


def test_a_name_that_contradicts_its_code_is_caught(gazetteer: Gazetteer) -> None:
    decision = decide_code_system([("6106", "")], gazetteer, override="kemendagri")
    key = RegionKey("6106", "Ketapang")
    found = match_all([key], gazetteer, decision)[key]
    assert found.status == "ambiguous" and found.reason_key == "upload_ambiguous_code_name"
    assert found.candidates == ("61.06", "61.04")


def test_a_code_missing_from_the_chosen_system_says_what_it_would_be_in_the_other(gazetteer: Gazetteer) -> None:
    decision = decide_code_system([], gazetteer, override="kemendagri")
    found = match_all([RegionKey("6405")], gazetteer, decision)[RegionKey("6405")]
    assert found.status == "unmatched"
    assert found.candidates == ("64.03",) and "Berau" in found.detail


# --- the user's choices ----------------------------------------------------------------------------


def test_choices_settle_a_key_or_leave_it_out(gazetteer: Gazetteer) -> None:
    key = RegionKey("Pontianak")
    chosen = match_all([key], gazetteer, NONE, {key.id: "61.71"})[key]
    assert (chosen.status, chosen.code, chosen.reason_key) == ("matched", "61.71", "upload_match_choice")
    assert match_all([key], gazetteer, NONE, {"Pontianak": "61.02"})[key].code == "61.02"
    assert match_all([key], gazetteer, NONE, {"Pontianak": ""})[key].status == "skipped"
    with pytest.raises(ValueError):
        match_all([key], gazetteer, NONE, {"Pontianak": "99.99"})


def test_the_built_in_province_list() -> None:
    assert len(match.PROVINCES) == 38
    assert match.province_code_of("D I YOGYAKARTA") == "34"
    assert match.province_code_of("KEP. BANGKA BELITUNG") == "19"
    assert match.province_code_of("Provinsi Kalimantan Utara") == "65"
    assert match.province_code_of("Nanggroe Aceh Darussalam") == "11"
    assert match.province_code_of("Sumatra Utara") == "12"
    assert match.province_code_of("Kapuas Hulu") is None
