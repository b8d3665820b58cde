"""The editor's upload flow as an editor goes through it (AppTest): answers survive reruns, a new
version of one's own dataset keeps the indicator on every page, and nothing empty is ever stored."""

from __future__ import annotations

import errno
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kalimantan_equity.services import auth, upload_store, uploads, warehouse
from kalimantan_equity.services.i18n import t
from tests.conftest import ROOT

PAGE = str(ROOT / "kalimantan_equity" / "pages" / "data_catalogue.py")


@pytest.fixture
def editor_env(real_env: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("EQUITY_EDITORS", "budi:" + auth.make_hash("sandi-rahasia-2026", n=2**10))
    return "budi"


def _editor_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    at.switch_page(PAGE)
    at.session_state["_editor_user"] = "budi"  # as after a successful sign-in
    return at.run()


def _values(db: Path, indicator: str, code: str, year: int) -> list[float]:
    con = warehouse.connect(db, uploads.active_layer())
    rows = con.execute(
        "SELECT value FROM observations WHERE indicator_id = $i AND region_code = $c AND year = $y", {"i": indicator, "c": code, "y": year}
    )
    return sorted(r[0] for r in rows.fetchall())


def _store_button(at: AppTest):
    return next(b for b in at.button if b.label.startswith("Simpan"))


def test_a_settled_region_survives_typing_the_form_and_is_stored(editor_env: str, real_env: Path) -> None:
    """Bare "Pontianak" is the city or the old regency: the editor picks the city, then fills the
    form (each field a rerun); the answer is still there and the value lands on the city."""
    csv = b"wilayah;tahun;nilai\nPontianak;2024;7,25\nKab. Kapuas Hulu;2024;9,5\n"
    at = _editor_page()
    at.file_uploader(key="upload_file").upload("kota.csv", csv, "text/csv").run()
    picker = at.selectbox(key="upload_choice_|Pontianak|")
    assert "Pontianak" in picker.label  # the file's own name for the row
    assert not any(b.label.startswith("Simpan") for b in at.button)  # nothing to store while a region is open
    picker.set_value("61.71").run()
    fields = {"new_id": "uji_kota", "new_name_id": "Uji kota", "new_name_en": "City test", "new_unit_id": "indeks",
              "new_unit_en": "index", "upload_title": "Uji pilihan", "upload_publisher": "Dinas"}  # fmt: skip
    for key, value in fields.items():
        at.text_input(key=key).input(value).run()  # a rerun per field, as in the browser
        assert at.selectbox(key="upload_choice_|Pontianak|").value == "61.71", key
    _store_button(at).click().run()
    assert not at.exception
    assert any("Tersimpan: 2 nilai" in s.value for s in at.success)
    # the page now lists the new version in its history, and offers no button to store the same file twice
    assert any("Uji pilihan" in " ".join(map(str, df.value.get("Dataset", []))) for df in at.dataframe)
    assert not any(b.label.startswith("Simpan") for b in at.button)
    assert _values(real_env, "uji_kota", "61.71", 2024) == [7.25] and _values(real_env, "uji_kota", "61.06", 2024) == [9.5]


def test_a_new_version_of_ones_own_dataset_with_default_choices_keeps_the_indicator_everywhere(editor_env: str, real_env: Path) -> None:
    """The routine re-upload of issue 15: the second file, on the default "keep the existing values",
    is compared with other sources only; its values become the active version and every page shows them."""
    first = b"kode_bps;nama;tahun;persen_miskin\n6108;Kapuas Hulu;2024;7,25\n6106;Ketapang;2024;9,5\n"
    at = _editor_page()
    at.file_uploader(key="upload_file").upload("kemiskinan.csv", first, "text/csv").run()
    at.text_input(key="upload_title").input("Kemiskinan versi Bappeda").run()
    at.selectbox(key="upload_indicator").set_value("bps_p0").run()
    findings = " ".join(" ".join(map(str, df.value.get("text", []))) for df in at.dataframe)
    assert "akan menggantikan nilai tersimpan" in findings  # checked against BPS's stored values once the column is mapped
    at.radio(key="upload_replace").set_value(True).run()  # the first time: the editor chooses these over BPS's
    _store_button(at).click().run()
    assert any("Tersimpan: 2 nilai sebagai versi 1" in s.value for s in at.success)

    second = first.replace(b"7,25", b"7,5")  # next year's file corrects one value
    at = _editor_page()
    at.file_uploader(key="upload_file").upload("kemiskinan-2.csv", second, "text/csv").run()
    at.text_input(key="upload_title").input("Kemiskinan versi Bappeda").run()
    at.selectbox(key="upload_indicator").set_value("bps_p0").run()
    assert at.caption and any(c.value == t("data_upload_no_clash", "id") for c in at.caption)  # its own values are no clash
    assert any("**2** nilai akan disimpan" in m.value for m in at.markdown)
    _store_button(at).click().run()  # every other choice left as it is
    assert any("Tersimpan: 2 nilai sebagai versi 2" in s.value for s in at.success)
    history = uploads.history()
    assert history.loc[history["active"], ["version", "rows"]].values.tolist() == [[2, 2]]
    # the new values, and BPS's still hidden (the earlier decision carried over): one value each
    assert _values(real_env, "bps_p0", "61.06", 2024) == [7.5] and _values(real_env, "bps_p0", "61.04", 2024) == [9.5]
    overview = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    overview.query_params["ind"] = "bps_p0"
    overview.run()
    assert any("Kemiskinan versi Bappeda" in c.value for c in overview.caption)
    for page, params in (("regency_profile.py", {"region": "61.06"}), ("gap_analysis.py", {"ind": "bps_p0", "yr": "2024"})):
        other = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
        for key in list(other.query_params):
            del other.query_params[key]
        for key, value in params.items():
            other.query_params[key] = value
        other.switch_page(str(ROOT / "kalimantan_equity" / "pages" / page)).run()
        assert not other.exception, page
        assert any("Kemiskinan versi Bappeda" in c.value for c in other.caption), page


def test_nothing_to_store_creates_no_version_and_a_full_disk_saves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EQUITY_UPLOADS_DIR", str(tmp_path))
    source = {"title": "Uji", "publisher": "Dinas", "licence": "-"}
    empty = pd.DataFrame({"region_code": [], "year": [], "value": [], "replaces": []})
    with pytest.raises(uploads.EmptyUpload):
        uploads.commit(indicator_id="bps_p0", title="Uji", file_name="a.csv", file_sha256="0" * 64, user="budi",
                       rows=empty, rejected=pd.DataFrame({"row_no": []}), source=source)  # fmt: skip
    assert uploads.history().empty

    rows = pd.DataFrame({"region_code": ["61.06"], "year": [2024], "value": [7.5], "replaces": [False]})
    real_write = upload_store._replace_with

    def full_disk(path: Path, data: bytes) -> None:
        if path.name.endswith(".rejected.parquet"):  # the second file of the version: the disk is full now
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write(path, data)

    monkeypatch.setattr(upload_store, "_replace_with", full_disk)
    with pytest.raises(uploads.StoreFailed) as failed:
        uploads.commit(indicator_id="bps_p0", title="Uji", file_name="a.csv", file_sha256="0" * 64, user="budi",
                       rows=rows, rejected=pd.DataFrame({"row_no": [1]}), source=source)  # fmt: skip
    assert str(tmp_path) not in str(failed.value)  # what the page may show names no server path
    assert uploads.history().empty and sorted(p.name for p in tmp_path.iterdir()) == [".lock"]  # nothing half-written is left

    monkeypatch.setattr(upload_store, "_replace_with", real_write)
    (tmp_path / "registry.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(uploads.RegistryError) as damaged:
        uploads.load()
    assert str(tmp_path) not in str(damaged.value) and "registry.json" in str(damaged.value)
    assert str(tmp_path) not in (uploads.active_layer().problem or "")


def test_a_wide_table_maps_each_indicator_column_and_stores_them_in_one_go(editor_env: str, real_env: Path) -> None:
    """A unit "(Tahun)" in a header is not the year column; each indicator column goes to its own
    indicator (one existing, one new), a third is left out, and one press stores both."""
    csv = (
        b"Kabupaten/Kota;Tahun;lat;lon;Rata-rata Lama Sekolah (Tahun);Harapan Lama Sekolah (Tahun);Luas (km2)\n"
        b"Kapuas Hulu;2024;0,82;112,9;7,53;12,4;29842\nKetapang;2024;-1,70;110,0;7,1;12,1;31588\n"
    )
    at = _editor_page()
    at.file_uploader(key="upload_file").upload("ipm.csv", csv, "text/csv").run()
    at.text_input(key="upload_title").input("IPM dinas").run()
    # the columns, sorted: Harapan (0), Luas (1), Rata-rata (2); no coordinate is offered as an indicator
    mapped = [s for s in at.selectbox if s.key and s.key.startswith("upload_indicator")]
    assert [s.key for s in mapped] == ["upload_indicator", "upload_indicator_1", "upload_indicator_2"]
    assert not any("lat" in s.label or "lon" in s.label for s in mapped)
    at.selectbox(key="upload_indicator").set_value("bps_p0").run()  # Harapan Lama Sekolah → an existing indicator (for the test)
    at.selectbox(key="upload_indicator_2").set_value("__new__").run()  # Rata-rata Lama Sekolah → a new one
    for key, value in {"new2_id": "rls_dinas", "new2_name_id": "RLS dinas", "new2_name_en": "Mean schooling (agency)",
                       "new2_unit_id": "tahun", "new2_unit_en": "years"}.items():  # fmt: skip
        at.text_input(key=key).input(value).run()
    assert at.selectbox(key="upload_indicator_1").value == "__skip__"  # "Luas" stays out unless mapped
    if any(r.key == "upload_replace" for r in at.radio):
        at.radio(key="upload_replace").set_value(True).run()
    texts = " ".join(m.value for m in at.markdown)
    assert "**2** nilai akan disimpan" in texts and texts.count("nilai akan disimpan") == 2
    _store_button(at).click().run()
    assert not at.exception
    assert sum("Tersimpan: 2 nilai" in s.value for s in at.success) == 2
    assert _values(real_env, "rls_dinas", "61.06", 2024) == [7.53] and _values(real_env, "rls_dinas", "61.04", 2024) == [7.1]
    assert 12.4 in _values(real_env, "bps_p0", "61.06", 2024)
    assert sorted(uploads.history()["indicator_id"]) == ["bps_p0", "rls_dinas"]


def test_editors_names_are_for_editors_and_uploads_are_marked_as_uploads(editor_env: str, real_env: Path) -> None:
    rows = pd.DataFrame({"region_code": ["61.06"], "year": [2024], "value": [7.5], "replaces": [True]})
    source = {"title": "Kemiskinan versi Bappeda", "publisher": "Bappeda Kalbar", "licence": "-"}
    uploads.commit(indicator_id="bps_p0", title=source["title"], file_name="a.csv", file_sha256="0" * 64, user="budi",
                   rows=rows, rejected=pd.DataFrame({"row_no": []}), source=source)  # fmt: skip
    viewer = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    viewer.switch_page(PAGE).run()
    table = viewer.dataframe[0].value.set_index("Indikator")
    row = table.loc[[n for n in table.index if "(P0)" in n][0]]
    assert row["Jenis"] == t("upload_mixed_mark", "id") and "budi" not in " ".join(table["Versi"])
    assert row["Versi"].startswith("v1 · ") and not row["Versi"].endswith("·")
    editor = _editor_page()
    table = editor.dataframe[0].value.set_index("Indikator")
    assert table.loc[[n for n in table.index if "(P0)" in n][0], "Versi"].endswith("· budi")


def test_findings_name_the_region_and_the_column_never_a_blank() -> None:
    """Issue 15 saw "63.02 (, 2023)": a code without its name, an indicator left blank."""
    from kalimantan_equity.ui.upload_flow import _named

    params = _named({"region": "6302", "region_code": "63.02", "indicator": "", "column": "nilai", "year": 2023, "detail": "2, 3"},
                    {"63.02": "Kabupaten Kotabaru"})  # fmt: skip
    assert t("upload_finding_duplicate_same", "id", **params).startswith("63.02 Kabupaten Kotabaru (nilai, 2023) muncul")
    named = _named({"region": "Kab. Kotabaru", "region_code": "63.02", "indicator": "IPM", "year": 2023}, {"63.02": "Kabupaten Kotabaru"})
    assert (named["region"], named["indicator"]) == ("Kab. Kotabaru", "IPM")  # the file's own words stay when it has them


def test_library_messages_count_in_the_users_language() -> None:
    from kalimantan_equity.ui.upload_flow import _say

    params = {"count": 1, "example": "1,5"}
    assert _say("upload_locale_decimal_comma", "en", params, markdown=False) == "Comma as the decimal sign: 1 value like '1,5'."
    assert _say("upload_locale_decimal_comma", "en", params | {"count": 3}, markdown=False).endswith("3 values like '1,5'.")
    assert _say("upload_locale_decimal_comma", "id", params, markdown=False) == "Koma sebagai tanda desimal: 1 nilai seperti '1,5'."
