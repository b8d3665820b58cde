"""The service-access page as a user meets it, through Streamlit's AppTest (no browser)."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

TIMEOUT = 120
PAGE = str(ROOT / "kalimantan_equity" / "pages" / "service_access.py")


def _page(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def _charts(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def _villages_drawn(figure: dict) -> int:
    return sum(len(tr["locations"]) for tr in figure["data"] if str(tr.get("legendgroup", "")).startswith("class"))


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [e.value for e in at.error] + [i.value for i in at.info] + [w.value for w in at.warning] + [s.value for s in at.success]
    return "\n".join(str(p) for p in parts)


def _metrics(at: AppTest) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def test_opens_in_indonesian_with_every_village_and_the_service_points(real_env: Path) -> None:
    at = _page()
    assert at.title[0].value == "Seberapa jauh warga dari titik layanan?"
    figure = _charts(at)[0]
    assert _villages_drawn(figure) == 7229
    assert all(isinstance(tr["geojson"], str) for tr in figure["data"] if tr["type"] == "choropleth")
    # it opens on the puskesmas, the basic service the coordination meeting asks about, at 10 km
    assert at.multiselect(key="access_kinds").value == ["puskesmas"] and at.slider(key="access_km").value == 10
    symbols = {tr["name"]: tr["marker"]["symbol"] for tr in figure["data"] if tr["type"] == "scattergeo"}
    assert set(symbols) == {"Puskesmas"} and set(symbols["Puskesmas"]) == {"cross"}
    metrics = _metrics(at)
    assert metrics["Median jarak, Kalimantan"][0] == "7,3 km"
    assert metrics["Desa > 10 km, Kalimantan"][0] == "2.606 (36,0 %)"
    text = _text(at)
    assert "**Jarak = garis lurus × faktor jalan memutar**" in text  # said plainly, before any figure
    assert "km (garis lurus)" in text and "© 2024 Cahya DSN" in text and "Kemenkes" in text
    assert "titik layanan imigrasi (disusun proyek" not in text  # the immigration point list is not cited for puskesmas
    assert "hanya jumlah desa yang tersedia" in text
    assert "23 desa tanpa poligon" in text
    assert "cakupan parsial" not in text  # the visiting passport services say nothing about a puskesmas
    assert any("Belum ada skenario" in i.value for i in at.info)
    regencies = at.dataframe[0].value
    assert len(regencies) == 56 and "% desa > 10 km" in regencies.columns
    assert not [c for c in regencies.columns if "parsial" in c]  # no mobile service counts: no partial-coverage columns
    # hospitals and schools by level are offered beside immigration and PLBN, basic services first
    assert at.multiselect(key="access_kinds").options[:6] == ["Puskesmas", "Rumah sakit", "SD", "SMP", "SMA", "SMK"]


def test_english_from_the_link(real_env: Path) -> None:
    at = _page(lang="en")
    assert at.title[0].value == "How far are residents from a service point?"
    metrics = _metrics(at)
    assert metrics["Median distance, Kalimantan"][0] == "7.3 km"
    assert "**Distance = straight line × the detour factor**" in _text(at)
    assert "only village counts are available" in _text(at)
    names = {tr["name"] for tr in _charts(at)[0]["data"] if tr["type"] == "scattergeo"}
    assert names == {"Puskesmas"}  # the legend's short name; the hover says "Community health centre (puskesmas)"


def test_link_opens_a_regency_and_the_settings(real_env: Path) -> None:
    at = _page(kab="63.02", km="100", jenis="kanim", memutar="1.5")
    assert at.selectbox(key="access_kab").value == "63.02"
    assert at.slider(key="access_km").value == 100
    assert at.multiselect(key="access_kinds").value == ["kanim"]
    assert at.slider(key="access_detour").value == 1.5
    figure = _charts(at)[0]
    outline = [tr for tr in figure["data"] if tr.get("name") == "selected"]
    assert outline and outline[0]["locations"] == ["63.02"] and "/kabupaten." in outline[0]["geojson"]
    metrics = _metrics(at)
    assert "Median jarak, Kabupaten Kotabaru (jalan memutar × 1,5)" in metrics
    assert "Desa > 100 km, Kabupaten Kotabaru (jalan memutar × 1,5)" in metrics
    assert any(h.value == "Per kecamatan di Kabupaten Kotabaru" for h in at.subheader)
    assert len(at.dataframe[1].value) == 22  # Kotabaru's districts
    assert "Sebagian tautan diabaikan" not in _text(at)
    at.slider(key="access_km").set_value(75).run()  # the link follows the user's choices
    assert at.query_params["km"] == "75" and at.query_params["kab"] == "63.02" and at.query_params["memutar"] == "1.5"


def test_unknown_or_hostile_link_parameters_are_ignored_with_a_notice(real_env: Path) -> None:
    at = _page(kab="<script>alert(1)</script>", km="1e9", jenis="kanim,os.system", evil="__import__('os')")
    assert any(c.value == "Sebagian tautan diabaikan karena tidak dikenal atau tidak sah: kab, km, jenis." for c in at.caption)
    assert at.multiselect(key="access_kinds").value == ["puskesmas"]
    assert at.selectbox(key="access_kab").value == "all"
    assert at.slider(key="access_km").value == 10
    assert "<script>" not in _text(at)


def test_the_kotabaru_example_against_the_current_state(real_env: Path) -> None:
    at = _page(jenis="kanim,ulp", km="50")  # a link from before the page opened on puskesmas: the passport view, exactly
    assert "cakupan parsial setara" in _text(at)
    at.button(key="access_example").click().run()
    assert not at.exception
    assert any("ditambahkan ke skenario A" in s.value for s in at.success)
    assert at.radio(key="access_view").value == "A"  # the map now shows the scenario
    metrics = _metrics(at)
    value, delta = metrics["Desa > 50 km, Kalimantan"]
    assert value == "3.983 (55,1 %)" and delta == "-36"
    assert metrics["Median jarak, Kalimantan"][1].startswith("-")
    comparison = at.dataframe[0].value
    assert comparison["Wilayah"].tolist() == ["Kalimantan", "Kabupaten Kotabaru"]
    assert comparison["A: desa baru ≤ 50 km"].tolist() == ["+36", "+36"]
    assert comparison.loc[1, "A: perubahan median (km)"] == "-9,6"
    charts = _charts(at)
    bars = [tr for tr in charts[1]["data"] if tr["type"] == "bar"]
    assert bars[0]["name"] == "Skenario A" and bars[0]["text"] == ["36", "36"]
    stars = [tr for tr in charts[0]["data"] if tr.get("name") == "Unit baru, skenario A"]
    assert stars and stars[0]["marker"]["symbol"] == "star"
    labels = sorted(b.proto.label for b in at.get("download_button"))
    # the map and the comparison chart as images, the comparison as data
    assert labels == ["Gambar PNG", "Gambar PNG", "Gambar SVG", "Gambar SVG", "Unduh perbandingan (CSV)", "Unduh perbandingan (Excel)"]
    assert "hanya jumlah desa yang tersedia" in _text(at)


def test_a_new_puskesmas_and_a_new_smp_answered_on_the_page(real_env: Path) -> None:
    at = _page(lang="en")
    assert at.button(key="access_example").label == "Example: new puskesmas, Mantangai"
    at.button(key="access_example").click().run()
    assert not at.exception
    comparison = at.dataframe[0].value
    assert comparison["Area"].tolist() == ["Kalimantan", "Kabupaten Kapuas"]
    assert not [c for c in comparison.columns if "partial" in c.lower()]
    assert comparison["A: villages brought ≤ 10 km"].tolist() == ["+13", "+13"]
    assert _metrics(at)["Villages > 10 km, Kalimantan"] == ("2,593 (35.9 %)", "-13")
    # a new SMP, typed in by coordinates, counts once SMP are chosen; the puskesmas view ignores it
    at.radio(key="access_edit").set_value("B").run()
    at.selectbox(key="access_new_kind").set_value("smp").run()
    at.radio(key="access_loc").set_value("coords").run()
    at.number_input(key="access_new_lon").set_value(114.35).run()  # Mantangai, inland
    at.number_input(key="access_new_lat").set_value(-2.3).run()
    at.button(key="access_add").click().run()
    assert not at.exception and not at.error
    assert any("not counted" in m.value for m in at.markdown)
    at.multiselect(key="access_kinds").set_value(["puskesmas", "smp"]).run()
    assert not at.exception
    comparison = at.dataframe[0].value.set_index("Area")
    assert comparison.loc["Kabupaten Kapuas", "B: villages brought ≤ 10 km"].startswith("+")
    assert at.query_params["jenis"] == "puskesmas,smp"


def test_three_scenarios_side_by_side_from_the_form(real_env: Path) -> None:
    at = _page(kab="63.02", jenis="kanim,ulp", km="50")
    at.button(key="access_example").click().run()  # A: passport unit in Kotabaru town
    at.radio(key="access_edit").set_value("B").run()
    at.selectbox(key="access_new_kind").set_value("ulp").run()
    at.selectbox(key="access_new_district").set_value("63.02.13").run()  # Pamukan Utara
    at.button(key="access_add").click().run()
    at.radio(key="access_edit").set_value("C").run()
    at.selectbox(key="access_new_kind").set_value("plbn").run()
    at.button(key="access_add").click().run()
    assert not at.exception
    assert any("tidak dihitung" in m.value for m in at.markdown)  # a PLBN does not count for passports
    comparison = at.dataframe[0].value
    for key in "ABC":
        assert f"{key}: desa baru ≤ 50 km" in comparison.columns
    assert set(comparison["C: desa baru ≤ 50 km"]) == {"0"}
    bars = [tr["name"] for tr in _charts(at)[1]["data"]]
    assert bars == ["Skenario A", "Skenario B", "Skenario C"]
    at.button(key="access_rm_B_0").click().run()
    assert "B: desa baru ≤ 50 km" not in at.dataframe[0].value.columns


def test_coordinates_are_checked_with_clear_messages(real_env: Path) -> None:
    at = _page(lang="en")
    at.radio(key="access_loc").set_value("coords").run()
    at.number_input(key="access_new_lon").set_value(106.8).run()  # Jakarta
    at.number_input(key="access_new_lat").set_value(-6.2).run()
    at.button(key="access_add").click().run()
    assert any("outside Kalimantan" in e.value for e in at.error)
    at.number_input(key="access_new_lon").set_value(117.5).run()  # Makassar Strait
    at.number_input(key="access_new_lat").set_value(-3.0).run()
    at.button(key="access_add").click().run()
    assert any("sea or Malaysia" in e.value for e in at.error)
    at.text_input(key="access_new_name").input("ULP *Kotabaru* [link](http://x)").run()
    at.number_input(key="access_new_lon").set_value(116.22294).run()
    at.number_input(key="access_new_lat").set_value(-3.2421).run()
    at.button(key="access_add").click().run()
    assert not at.error
    assert any("added to scenario A" in s.value for s in at.success)
    assert any("ULP \\*Kotabaru\\* \\[link\\]" in m.value for m in at.markdown)  # shown as typed, not as Markdown


def test_mobile_unit_is_partial_coverage_not_a_shorter_distance(real_env: Path) -> None:
    at = _page(jenis="kanim,ulp", km="50")
    at.selectbox(key="access_new_kind").set_value("mobile").run()
    at.number_input(key="access_new_days").set_value(8).run()
    at.selectbox(key="access_new_district").set_value("61.06.14").run()  # Badau, Kapuas Hulu, far from any office
    at.button(key="access_add").click().run()
    assert not at.exception
    metrics = _metrics(at)
    assert metrics["Median jarak, Kalimantan"] == ("59,2 km", "0,0 km")  # distance untouched
    comparison = at.dataframe[0].value.set_index("Wilayah")
    assert comparison.loc["Kabupaten Kapuas Hulu", "A: desa baru ≤ 50 km"] == "0"
    partial_now = float(comparison.loc["Kabupaten Kapuas Hulu", "Cakupan parsial kini"].replace(",", "."))
    partial_after = float(comparison.loc["Kabupaten Kapuas Hulu", "A: cakupan parsial"].replace(",", "."))
    assert partial_after > partial_now


def test_detour_factor_is_shown_with_every_distance(real_env: Path) -> None:
    at = _page()
    at.slider(key="access_detour").set_value(1.5).run()
    assert not at.exception
    text = _text(at)
    assert "km (garis lurus × 1,5 faktor jalan memutar)" in text
    assert _metrics(at)["Median jarak, Kalimantan (jalan memutar × 1,5)"][0] == "11,0 km"  # 7,3 × 1,5
    hover = next(tr for tr in _charts(at)[0]["data"] if str(tr.get("legendgroup", "")).startswith("class"))["hovertemplate"]
    assert "× 1,5" in hover
    at.button(key="access_example").click().run()
    bars = [tr for tr in _charts(at)[1]["data"] if tr["type"] == "bar"]
    assert "km (garis lurus × 1,5 faktor jalan memutar)" in bars[0]["hovertemplate"]
    assert "km (garis lurus × 1,5 faktor jalan memutar)" in _text(at)  # under the comparison table


def test_no_point_of_the_chosen_kinds_says_so(real_env: Path) -> None:
    at = _page()
    at.multiselect(key="access_kinds").set_value([]).run()
    assert not at.exception
    assert any("Tidak ada titik layanan" in w.value for w in at.warning)
    assert not _charts(at)  # no map of nothing


def test_small_warehouse_with_a_point_without_coordinates(env_paths: dict[str, Path]) -> None:
    """The miniature sources: five regencies, a planned PLBN without a location, no mobile service."""
    at = _page()
    at.multiselect(key="access_kinds").set_value(["kanim", "ulp", "plbn"]).run()
    at.multiselect(key="access_statuses").set_value(["open", "planned"]).run()
    assert not at.exception
    assert "Titik tanpa koordinat, tidak dihitung: PLBN Long Midang \\(Krayan\\)" in _text(at)
    assert _villages_drawn(_charts(at)[0]) == 20
    assert not [b for b in at.button if b.key == "access_example"]  # no Kotabaru here, so no Kotabaru example
    at.selectbox(key="access_new_district").set_value("61.06.01").run()
    at.button(key="access_add").click().run()
    assert not at.exception
    assert at.dataframe[0].value["Wilayah"].iloc[0] == "Kalimantan"
