"""Charts as slide images: the page's own figure, stamped, 1920×1080, drawn offline by Kaleido."""

from __future__ import annotations

import html
import io
import re

import pandas as pd
from PIL import Image

from kalimantan_equity.geo.render import Stamp
from kalimantan_equity.services import chart_image, ranking
from kalimantan_equity.services.mapview import IndicatorMeta

STAMP = Stamp(
    title='Peringkat: 10 teratas dan 10 terbawah "Desa"',
    subtitle="Capaian SPM kesehatan (%), 2025",
    source="Sumber: simulasi <b>seeded</b>",
    date="Dibuat 30 November 2026",
    simulated="DATA SIMULASI",
)


def _ranking_figure():
    frame = pd.DataFrame(
        {
            "code": [f"64.{i:02d}" for i in range(30)],
            "name": [f"Kabupaten {i}" for i in range(29)] + ["<img src=x onerror=alert(1)>"],
            "value": [60.0 + i for i in range(30)],
            "status": "value",
            "region_type": ["kota", "kabupaten", "perbatasan"] * 10,
        }
    )
    meta = IndicatorMeta("spm_kesehatan", "Capaian SPM kesehatan", "%", 1, 1, 100.0, True, "simulasi", "kesehatan")
    rows = ranking.ranked(frame, meta.direction)
    return ranking.figure(ranking.top_and_bottom(rows, None), len(rows), meta, "id", None)


def test_stamp_goes_on_a_copy_and_user_text_stays_text() -> None:
    fig = _ranking_figure()
    before = fig.to_json()
    slide = chart_image.stamped(fig, STAMP)
    assert fig.to_json() == before  # the page's figure is not changed by an export
    assert "Peringkat: 10 teratas" in slide.layout.title.text and "Capaian SPM kesehatan (%), 2025" in slide.layout.title.text
    notes = [a.text for a in slide.layout.annotations]
    assert "Sumber: simulasi &lt;b&gt;seeded&lt;/b&gt;" in notes and "Dibuat 30 November 2026" in notes
    assert "<b>DATA SIMULASI</b>" in notes
    assert (slide.layout.width, slide.layout.height) == (1280, 720)


def test_png_is_slide_sized_and_svg_carries_the_stamp_as_text() -> None:
    assert chart_image.available(), "Debian's chromium is installed by scripts/test.sh; Kaleido needs it"
    fig = _ranking_figure()
    png = chart_image.image(fig, STAMP, "png")
    image = Image.open(io.BytesIO(png))
    assert image.size == (1920, 1080)
    assert len(image.convert("RGB").getcolors(maxcolors=1_000_000) or []) > 10  # drawn, not blank
    svg = chart_image.image(fig, STAMP, "svg").decode("utf-8")
    texts = re.findall(r">([^<>]+)</tspan>|<text[^>]*>([^<>]+)</text>", svg)
    shown = {html.unescape(a or b).strip() for a, b in texts}
    assert {"DATA SIMULASI", "Dibuat 30 November 2026", "Capaian SPM kesehatan (%), 2025"} <= shown
    assert 'Peringkat: 10 teratas dan 10 terbawah "Desa"' in shown  # quotes print as quotes, not &quot;
    # a region named with markup is drawn as text, not made an element
    assert "1. <img src=x onerror=alert(1)>" in shown and "<img" not in svg


def test_one_browser_serves_every_export_in_a_process() -> None:
    assert chart_image.available(), "Debian's chromium is installed by scripts/test.sh; Kaleido needs it"
    fig = _ranking_figure()
    before = chart_image._CHROMIUM.starts
    images = [chart_image.image(fig, STAMP, fmt) for fmt in ("png", "svg", "png")]
    assert Image.open(io.BytesIO(images[0])).size == (1920, 1080) and images[1].startswith(b"<svg")
    assert chart_image._CHROMIUM.starts - before <= 1  # started at most once, whatever ran before
    assert chart_image._CHROMIUM.starts >= 1


def test_exports_at_the_same_moment_each_get_their_own_image() -> None:
    from concurrent.futures import ThreadPoolExecutor

    assert chart_image.available(), "Debian's chromium is installed by scripts/test.sh; Kaleido needs it"
    fig = _ranking_figure()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda fmt: (fmt, chart_image.image(fig, STAMP, fmt)), ["svg", "png", "svg", "png"]))
    for fmt, data in results:
        assert data.startswith(b"<svg") if fmt == "svg" else data.startswith(b"\x89PNG")
