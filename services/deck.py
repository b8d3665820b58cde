"""A PowerPoint briefing deck (python-pptx), built offline on the server.

Title slide, then per indicator a map slide with its headline figures, one gap chart across the
indicators, a table slide, and a sources slide. Every slide names its source and year; slides
with simulated figures carry the "Data simulasi" mark.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402 - a Figure object, not pyplot: pyplot's global state is not thread-safe
from pptx import Presentation  # noqa: E402
from pptx.dml.color import RGBColor  # noqa: E402
from pptx.util import Emu, Inches, Pt  # noqa: E402

from geo.mpl_text import mpl_escape  # noqa: E402

_WIDE = (Inches(13.333), Inches(7.5))  # 16:9
_RED = RGBColor(0xB0, 0x00, 0x20)


@dataclass(frozen=True)
class IndicatorSlide:
    name: str  # "Persentase penduduk miskin (P0) (%), 2024"
    map_png: bytes
    headline: list[str]  # lines: group means and the gap
    source: str
    simulated_mark: str | None
    group_means: dict[str, float | None]  # group label -> mean, for the gap chart
    table: list[tuple[str, str, str]]  # (rank, region, value) rows for the table slide


def build_deck(title: str, subtitle: str, slides: list[IndicatorSlide], labels: dict[str, str], sources: list[str]) -> bytes:
    """``labels`` carries the translated headings: gap_chart, table, sources, rank, region, value."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = _WIDE
    blank = deck.slide_layouts[6]

    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = title
    first.placeholders[1].text = subtitle

    for item in slides:
        slide = deck.slides.add_slide(blank)
        _text(slide, item.name, Inches(0.4), Inches(0.2), Inches(12.5), Inches(0.7), 26, bold=True)
        slide.shapes.add_picture(io.BytesIO(item.map_png), Inches(0.3), Inches(0.95), width=Inches(9.2))
        _text(slide, "\n".join(item.headline), Inches(9.6), Inches(1.2), Inches(3.5), Inches(4.5), 16)
        _text(slide, item.source, Inches(0.4), Inches(6.95), Inches(12.5), Inches(0.4), 11)
        if item.simulated_mark:
            _text(slide, item.simulated_mark, Inches(9.6), Inches(0.25), Inches(3.5), Inches(0.5), 18, bold=True, colour=_RED)

    chart = deck.slides.add_slide(blank)
    _text(chart, labels["gap_chart"], Inches(0.4), Inches(0.2), Inches(12.5), Inches(0.7), 26, bold=True)
    chart.shapes.add_picture(io.BytesIO(_gap_chart(slides)), Inches(0.4), Inches(1.0), width=Inches(12.5))
    if any(s.simulated_mark for s in slides):
        _text(
            chart,
            next(s.simulated_mark for s in slides if s.simulated_mark),
            Inches(9.6),
            Inches(0.25),
            Inches(3.5),
            Inches(0.5),
            18,
            bold=True,
            colour=_RED,
        )

    table_slide = deck.slides.add_slide(blank)
    _text(table_slide, labels["table"], Inches(0.4), Inches(0.2), Inches(12.5), Inches(0.7), 26, bold=True)
    rows = [(s.name, r) for s in slides for r in s.table]
    shape = table_slide.shapes.add_table(len(rows) + 1, 4, Inches(0.4), Inches(1.0), Inches(12.5), Emu(Inches(0.3) * (len(rows) + 1)))
    for col, heading in enumerate((labels["indicator"], labels["rank"], labels["region"], labels["value"])):
        shape.table.cell(0, col).text = heading
    for i, (name, (rank, region, value)) in enumerate(rows, start=1):
        for col, text in enumerate((name, rank, region, value)):
            cell = shape.table.cell(i, col)
            cell.text = text
            cell.text_frame.paragraphs[0].font.size = Pt(10)

    src = deck.slides.add_slide(blank)
    _text(src, labels["sources"], Inches(0.4), Inches(0.2), Inches(12.5), Inches(0.7), 26, bold=True)
    _text(src, "\n".join(f"• {s}" for s in sources), Inches(0.4), Inches(1.0), Inches(12.5), Inches(6), 14)

    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _text(slide, text: str, left, top, width, height, size: int, bold: bool = False, colour: RGBColor | None = None) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(size)
        paragraph.font.bold = bold
        if colour is not None:
            paragraph.font.color.rgb = colour


def _gap_chart(slides: list[IndicatorSlide]) -> bytes:
    """Group means side by side for each indicator (each with its own scale)."""
    n = max(len(slides), 1)
    fig = Figure(figsize=(12.5, 5.2), dpi=150)
    axes = fig.subplots(1, n, squeeze=False)
    colours = ["#0072B2", "#8c8c8c", "#D55E00"]  # Okabe-Ito, as on the dashboard
    for ax, item in zip(axes[0], slides, strict=False):
        names = list(item.group_means)
        for x, (value, colour) in enumerate(zip(item.group_means.values(), colours, strict=False)):
            if value is None:  # no data or not applicable: no bar, not a bar of zero
                ax.text(x, 0, "—", ha="center", va="bottom", fontsize=12, color="#555555")
            else:
                ax.bar(x, value, color=colour)
        ax.set_xticks(range(len(names)), [mpl_escape(n) for n in names], rotation=20, fontsize=8)
        ax.set_title(mpl_escape(item.name), fontsize=9, wrap=True)  # "$" drawn as typed, never maths
        ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
