"""Briefing decks: every shape on its slide, native charts, and each slide equal to its live step."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Emu
from streamlit.testing.v1 import AppTest

from kalimantan_equity.services import deck
from tests.conftest import ROOT

_STEPS = ["bps_p0", "idm_score", "spm_kesehatan"]
_GROUPS = ["kota", "kabupaten", "perbatasan"]
_PATHLIKE = re.compile(r"\b[\w-]+/[\w./-]*\.(?:csv|md|py|json|parquet|duckdb)\b|reference/|\bcommit [0-9a-f]{6,}")


def outside_shapes(data: bytes) -> list[str]:
    """Every shape that reaches beyond its slide; a table counts by the sum of its row heights."""
    pptx = Presentation(io.BytesIO(data))
    width, height = pptx.slide_width, pptx.slide_height
    problems = []
    for number, slide in enumerate(pptx.slides, start=1):
        for shape in slide.shapes:
            shape_h = sum(row.height for row in shape.table.rows) if shape.has_table else shape.height
            shape_w = sum(col.width for col in shape.table.columns) if shape.has_table else shape.width
            if shape.left < 0 or shape.top < 0 or shape.left + shape_w > width or shape.top + shape_h > height:
                problems.append(f"slide {number}: {shape.name} at {Emu(shape.top).inches:.2f} in, {Emu(shape_h).inches:.2f} in high")
    return problems


def slide_texts(pptx) -> list[str]:
    return [" ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in pptx.slides]


def render_pages(data: bytes, folder: Path) -> list[Path]:
    """The deck drawn by LibreOffice (headless) to PDF, then each page to PNG by poppler's pdftoppm."""
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        message = "LibreOffice (libreoffice-impress) and poppler-utils are needed to render decks: scripts/_libreoffice.sh installs them"
        if os.environ.get("CI") or os.environ.get("REQUIRE_LIBREOFFICE") == "1":
            pytest.fail(message)
        pytest.skip(message)
    source = folder / "deck.pptx"
    source.write_bytes(data)
    profile = (folder / "lo-profile").as_uri()  # its own profile: a second soffice elsewhere cannot block this one
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    subprocess.run([pdftoppm, "-r", "60", "-png", str(folder / "deck.pdf"), str(folder / "page")], check=True, timeout=120)
    return sorted(folder.glob("page-*.png"))


def test_a_long_table_is_split_and_nothing_leaves_its_slide() -> None:
    rows = [[f"Kabupaten {i}", str(i), f"{i},5 %"] for i in range(1, 32)]  # the 31 rows that ran to 10.3 in
    slides = [
        deck.Slide("Tabel", "Sumber: BPS, 2024", table=deck.Table(["Wilayah", "Peringkat", "Nilai"], rows)),
        deck.Slide("Grafik", "Sumber: BPS, 2024", charts=[deck.Bars("A", ["Kota", "Perbatasan"], [1.5, 2.5], 1)] * 5),
    ]
    data = deck.build("Judul", "Sub", slides, "Sumber", [f"Sumber {i}" for i in range(25)])
    pptx = Presentation(io.BytesIO(data))
    assert outside_shapes(data) == []
    titles = [s.shapes[0].text_frame.text for s in pptx.slides]
    pages = -(-31 // deck.ROWS_PER_SLIDE)
    assert [f"Tabel ({i}/{pages})" for i in range(1, pages + 1)] == [x for x in titles if x.startswith("Tabel")]
    body = [[s.table.cell(r, 0).text for r in range(1, len(s.table.rows))] for sl in pptx.slides for s in sl.shapes if s.has_table]
    assert sum(body, []) == [r[0] for r in rows]  # every row once, in order, the header on each page
    assert all(s.table.cell(0, 0).text == "Wilayah" for sl in pptx.slides for s in sl.shapes if s.has_table)
    assert sum(t.startswith("Sumber (") for t in titles) == 3  # 25 sources, ten a slide


def test_map_deck_slides_equal_their_live_steps(real_env: Path) -> None:
    """Each step's slide has the step's year (step_view), its group means as a native chart, and no
    bar for a group the indicator does not apply to (IDM has no cities)."""
    from kalimantan_equity.services import catalogue, mapview, slideview, summary, warehouse
    from kalimantan_equity.ui import exports

    data, skipped = exports.map_deck(_STEPS, "id", _GROUPS, "quantiles", 5)
    assert skipped == [] and outside_shapes(data) == []
    pptx = Presentation(io.BytesIO(data))
    con = warehouse.connect(real_env)
    cat = warehouse.run(con, "indicator_catalogue")
    texts = slide_texts(pptx)
    for number, indicator in enumerate(_STEPS, start=1):
        view = slideview.step_view(cat, indicator, "kabupaten", "quantiles", 5)
        row = catalogue.row(cat, indicator)
        meta = mapview.IndicatorMeta.from_row(row, "id")
        slide = pptx.slides[number]
        assert slide.shapes[0].text_frame.text == f"{meta.name} ({meta.unit}), {view.year}"
        frame = warehouse.run(
            con, "map_values", indicator=indicator, year=view.year, level="kabupaten", province=None, region_types=_GROUPS
        )
        population = warehouse.run(con, "population_nearest", year=view.year).set_index("region_code")["population"]
        head = summary.headline(frame, row["aggregate"], meta.direction, "kabupaten", population)
        chart = next(sh.chart for sh in slide.shapes if sh.has_chart)
        expected = {g: head.means[g].mean for g in _GROUPS if head.means[g].mean is not None}
        assert list(chart.plots[0].categories) == [
            {"kota": "Kota", "kabupaten": "Kab. lain", "perbatasan": "Perbatasan"}[g] for g in expected
        ]
        assert list(chart.plots[0].series[0].values) == pytest.approx(list(expected.values()))
        assert sum(sh.shape_type == 13 for sh in slide.shapes) == 1  # the map is the only picture
        assert f"{view.year}" in texts[number] and "Sumber:" in texts[number]
    idm = next(sh.chart for sh in pptx.slides[2].shapes if sh.has_chart)
    assert "Kota" not in list(idm.plots[0].categories) and "Kota: Tidak berlaku" in texts[2]
    assert "DATA SIMULASI" in texts[3] and "DATA SIMULASI" not in texts[1]
    assert all(not _PATHLIKE.search(t) for t in texts), [t for t in texts if _PATHLIKE.search(t)]
    pictures = sum(sh.shape_type == 13 for s in pptx.slides for sh in s.shapes)
    assert pictures == len(_STEPS)  # bars are charts staff can edit; only maps are pictures


def test_stepping_on_the_map_shows_the_year_its_slide_shows(real_env: Path) -> None:
    """The bug: Next from IDM 2024 kept 2024 for SPM health, whose slide showed 2025."""
    from kalimantan_equity.services import slideview, warehouse

    cat = warehouse.run(warehouse.connect(real_env), "indicator_catalogue")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update({"ind": "idm_score", "yr": "2024", "steps": "idm_score,spm_kesehatan", "rapat": "1", "demo": "1"})
    at.run()
    assert not at.exception and at.session_state["yr"] == 2024
    next(b for b in at.button if b.key == "step_next").click().run()
    assert not at.exception
    view = slideview.step_view(cat, "spm_kesehatan", "kabupaten", "quantiles", 5)
    assert at.session_state["ind"] == "spm_kesehatan"
    assert (at.session_state["yr"], at.session_state["lvl"]) == (view.year, view.level) == (2025, "kabupaten")


def _gap_deck(indicator: str, level: str, year: int, lang: str) -> tuple[bytes, object]:
    """The gap page's deck from the tables the page computes for this view."""
    from kalimantan_equity.services import catalogue, gaps
    from kalimantan_equity.ui import analysis, exports
    from kalimantan_equity.ui.context import query, reference

    cat = reference("indicator_catalogue")
    row = catalogue.row(cat, indicator)
    spec = gaps.Spec.from_row(row, level)
    frame = query("map_values", indicator=indicator, year=year, level=level, province=None, region_types=list(gaps.GROUPS))
    population = query("population_nearest", year=year).set_index("region_code")["population"] if level == "kabupaten" else None
    frame = gaps.with_population(frame, population, level)
    types = gaps.group_table(frame, spec, "region_type")
    series_ids = catalogue.series_for(cat, indicator, level)
    series = [(i, catalogue.row(cat, i)["name_id" if lang == "id" else "name_en"]) for i in series_ids]
    data = exports.gap_deck(row, level, year, lang, types, analysis.trend(series_ids, level), series, gaps.contributions(frame, spec),
                            analysis.proxy_scorecard())  # fmt: skip
    return data, types


def test_gap_deck_carries_the_pages_group_means_and_leaves_out_what_does_not_apply(real_env: Path) -> None:
    data, types = _gap_deck("idm_score", "kabupaten", 2024, "id")
    assert outside_shapes(data) == []
    pptx = Presentation(io.BytesIO(data))
    texts = slide_texts(pptx)
    group_chart = next(sh.chart for sh in pptx.slides[1].shapes if sh.has_chart)
    means = types.rows.set_index("group")["headline"]
    assert list(group_chart.plots[0].categories) == ["Kab. lain", "Perbatasan"]  # IDM has no cities: no bar, not a bar of zero
    assert list(group_chart.plots[0].series[0].values) == pytest.approx([means["kabupaten"], means["perbatasan"]])
    assert "Kota: Tidak berlaku" in texts[1] and "Sumber: Kemendes PDTT" in texts[1]
    kinds = [sh.chart.chart_type for s in pptx.slides for sh in s.shapes if sh.has_chart]
    assert len(kinds) >= 3 and sum(sh.shape_type == 13 for s in pptx.slides for sh in s.shapes) == 0  # all native, no pictures
    assert any("Rapor SPM dari proksi resmi" in t for t in texts) and any(t.startswith("Sumber data") for t in texts)
    assert all(not _PATHLIKE.search(t) for t in texts)


def test_profile_deck_has_one_slide_per_regency_with_its_highlights(real_env: Path) -> None:
    from kalimantan_equity.services import profile
    from kalimantan_equity.ui import exports
    from kalimantan_equity.ui.context import query, reference

    data = exports.profile_deck(["61.06", "64.72"], "en")
    assert outside_shapes(data) == []
    pptx = Presentation(io.BytesIO(data))
    titles = [s.shapes[0].text_frame.text for s in pptx.slides]
    assert titles[1:3] == ["Profile: Kabupaten Kapuas Hulu", "Profile: Kota Samarinda"]
    card = profile.scorecard(query("profile_values", region="61.06"), reference("indicator_catalogue"),
                             query("profile_trend", region="61.06"), "61.06")  # fmt: skip
    summary = profile.strongest_and_weakest(card)
    table = next(sh.table for sh in pptx.slides[1].shapes if sh.has_table)
    ranks = [table.cell(r, 4).text for r in range(1, len(table.rows)) if table.cell(r, 4).text]
    assert ranks == [f"{a.rank} of {a.n}" for a in [*summary.strongest, *summary.weakest]]
    for area in summary.strongest:  # "strongest" is the best third of the regencies, never rank 46 of 56
        assert area.rank <= area.n / 3
    assert sum(sh.shape_type == 13 for sh in pptx.slides[1].shapes) == 1  # the regency's district map
    assert re.search(r"Map: Village Development Index \(IDM\), 20\d\d, by district", slide_texts(pptx)[1])
    assert titles[-1] == "Data sources" and all(not _PATHLIKE.search(t) for t in slide_texts(pptx))


def test_profile_pdf_is_one_page(real_env: Path) -> None:
    from kalimantan_equity.ui import exports

    data = exports.profile_pdf("61.06", "id")
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) == 1


def test_decks_render_in_libreoffice(real_env: Path, tmp_path: Path) -> None:
    """LibreOffice opens each deck and draws every slide (a page per slide, none blank); the PDF
    profile draws as one landscape page. The pages are kept in test-output/decks to look at."""
    from kalimantan_equity.ui import exports

    out = ROOT / "test-output" / "decks"
    out.mkdir(parents=True, exist_ok=True)
    decks = {
        "map": exports.map_deck(_STEPS, "en", _GROUPS, "quantiles", 5)[0],
        "gap": _gap_deck("bps_ipm", "kabupaten", 2021, "id")[0],
        "profile": exports.profile_deck(["61.06", "64.72"], "id"),
    }
    for name, data in decks.items():
        folder = tmp_path / name
        folder.mkdir()
        pages = render_pages(data, folder)
        assert len(pages) == len(Presentation(io.BytesIO(data)).slides), name
        for page in pages:
            image = Image.open(page).convert("L")
            assert image.size[0] > image.size[1]  # 16:9
            assert image.getextrema()[0] < 100  # something dark was drawn: text, a map, a chart
            shutil.copy(page, out / f"{name}-{page.name}")
    pdf = tmp_path / "profile.pdf"
    pdf.write_bytes(exports.profile_pdf("61.06", "id"))
    subprocess.run([shutil.which("pdftoppm"), "-r", "60", "-png", str(pdf), str(tmp_path / "sheet")], check=True, timeout=60)
    sheets = sorted(tmp_path.glob("sheet-*.png"))
    assert len(sheets) == 1 and Image.open(sheets[0]).size[0] > Image.open(sheets[0]).size[1]
    shutil.copy(sheets[0], out / "profile-sheet.png")


def test_pages_offer_their_decks_and_the_one_page_profile(real_env: Path) -> None:
    """The gap page offers its deck; the profile offers PDF and PPTX, and a deck once two regencies are listed."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update({"lang": "en", "region": "61.06", "langkah": "61.06,64.72"})
    at.run()
    at.switch_page(str(ROOT / "kalimantan_equity" / "pages" / "regency_profile.py")).run()
    assert not at.exception
    labels = {el.proto.id.rsplit("-", 1)[-1]: el.proto.label for el in at.get("download_button")}
    assert labels.get("profile_dl_pdf") == "One-page profile (PDF)" and labels.get("profile_dl_pptx") == "One-page profile (PPTX)"
    assert labels.get("profile_dl_deck") == "Briefing deck: one slide per regency of the presentation list (PPTX)"
    at.switch_page(str(ROOT / "kalimantan_equity" / "pages" / "gap_analysis.py")).run()
    assert not at.exception
    labels = {el.proto.id.rsplit("-", 1)[-1]: el.proto.label for el in at.get("download_button")}
    assert labels.get("gap_deck_download") == "Download the gap briefing deck (PPTX)"
