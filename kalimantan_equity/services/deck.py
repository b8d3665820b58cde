"""PowerPoint decks (python-pptx), built offline on the server from the same view state as the screen.

A deck is a list of :class:`Slide` descriptions; :func:`build` lays them out on a 16:9 page. Bars
and lines are native PowerPoint charts (staff can restyle them and read their numbers in
PowerPoint's data sheet); only maps are pictures. Layouts are fixed boxes computed here, so
nothing leaves its slide: a long table is split across slides (``(1/3)`` in the title, header
repeated), a long list of sources too. Groups without a value (not applicable or no data) are left
out of charts by the callers, never drawn as a bar of zero. Every content slide names its sources
(publisher and year) and carries the simulated mark where it applies.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from pptx import Presentation
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide as PptxSlide
from pptx.table import _Cell
from pptx.util import Emu, Inches, Pt

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)  # 16:9, PowerPoint's widescreen
MARGIN = Inches(0.5)
_TITLE_TOP, _TITLE_H = Inches(0.3), Inches(0.9)
_BODY_TOP = Inches(1.3)
_FOOT_H = Inches(0.5)
_FOOT_TOP = SLIDE_H - Inches(0.15) - _FOOT_H
_BODY_H = _FOOT_TOP - Inches(0.1) - _BODY_TOP
_ROW_H = Inches(0.4)  # one line of 12 pt text with the cell's margins
ROWS_PER_SLIDE = int((_BODY_H - _ROW_H) // _ROW_H)  # body rows under the header row
SOURCE_LINES_PER_SLIDE = 10
CHARTS_PER_SLIDE = 3  # side by side: each chart keeps its own scale and its title its own box
_RED = RGBColor(0xB0, 0x00, 0x20)
_GREY = RGBColor(0x44, 0x44, 0x44)
# The dashboard's group colours (Okabe-Ito): cities blue, other regencies grey, border regencies orange.
GROUP_COLOURS = {"kota": "0072B2", "kabupaten": "8C8C8C", "perbatasan": "D55E00"}


@dataclass(frozen=True)
class Bars:
    """A native column chart: one bar per category; categories without a value are not passed in."""

    title: str
    categories: list[str]
    values: list[float]
    decimals: int
    colours: list[str] | None = None  # hex per bar
    horizontal: bool = False


@dataclass(frozen=True)
class Lines:
    """A native line chart: categories (years) along the bottom, one line per series; None leaves a gap."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[float | None]]]
    decimals: int
    colours: list[str] | None = None


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]
    weights: list[float] | None = None  # relative column widths; by default from the longest text
    row_height: float = 0.4  # inches; 0.4 holds one line of 12 pt
    font: int = 12


@dataclass(frozen=True)
class Slide:
    """One message. With a picture, the charts and text stand beside it; without, charts share the width."""

    title: str
    source: str = ""
    simulated: str | None = None
    picture: bytes | None = None  # a map, 16:9 PNG
    charts: list[Bars | Lines] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    table: Table | None = None


def build(title: str, subtitle: str, slides: list[Slide], sources_title: str, sources: list[str]) -> bytes:
    """The deck: a centred title slide, the slides (tables split), and the sources (split too)."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_W, SLIDE_H
    blank = deck.slide_layouts[6]

    first = deck.slides.add_slide(blank)
    _text(first, title, MARGIN, Inches(2.4), SLIDE_W - 2 * MARGIN, Inches(1.4), 40, bold=True, align=PP_ALIGN.CENTER)
    _text(first, subtitle, MARGIN, Inches(3.9), SLIDE_W - 2 * MARGIN, Inches(0.9), 22, align=PP_ALIGN.CENTER, colour=_GREY)

    for item in slides:
        for page in _pages(item):
            _draw(deck.slides.add_slide(blank), page)

    lines = list(dict.fromkeys(sources))
    chunks = [lines[i : i + SOURCE_LINES_PER_SLIDE] for i in range(0, len(lines), SOURCE_LINES_PER_SLIDE)] or [[]]
    for i, chunk in enumerate(chunks):
        name = sources_title + (f" ({i + 1}/{len(chunks)})" if len(chunks) > 1 else "")
        _draw(deck.slides.add_slide(blank), Slide(name, text=[f"• {s}" for s in chunk]))

    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _pages(item: Slide) -> list[Slide]:
    """A slide whose table has more rows than fit becomes several, each with the header row."""
    if item.table is None or item.picture is not None:  # a sheet's table is short by design (its caller keeps it so)
        return [item]
    row_h = Inches(item.table.row_height)
    per_slide = int((_BODY_H - row_h) // row_h)
    rows = item.table.rows
    if len(rows) <= per_slide:
        return [item]
    parts = [rows[i : i + per_slide] for i in range(0, len(rows), per_slide)]
    return [
        Slide(
            f"{item.title} ({i + 1}/{len(parts)})",
            item.source,
            item.simulated,
            table=Table(item.table.columns, part, item.table.weights or _weights(item.table), item.table.row_height, item.table.font),
        )
        for i, part in enumerate(parts)
    ]


def _draw(slide: PptxSlide, item: Slide) -> None:
    width = SLIDE_W - 2 * MARGIN
    title_w = width - (Inches(3.2) if item.simulated else 0)
    _text(slide, item.title, MARGIN, _TITLE_TOP, title_w, _TITLE_H, 26, bold=True, anchor=MSO_ANCHOR.MIDDLE)
    if item.simulated:
        _text(slide, item.simulated, SLIDE_W - MARGIN - Inches(3.0), _TITLE_TOP, Inches(3.0), _TITLE_H, 18, bold=True, colour=_RED,
              align=PP_ALIGN.RIGHT, anchor=MSO_ANCHOR.MIDDLE)  # fmt: skip
    if item.source:
        _text(slide, item.source, MARGIN, _FOOT_TOP, width, _FOOT_H, 11, colour=_GREY, anchor=MSO_ANCHOR.BOTTOM, shrink=True)

    if item.picture is not None and item.table is not None:  # a one-page sheet: map and words on top, the table below
        pic_w = Inches(5.4)
        pic_h = Emu(int(pic_w * 9 / 16))
        slide.shapes.add_picture(io.BytesIO(item.picture), MARGIN, _BODY_TOP, width=pic_w, height=pic_h)
        side_left = MARGIN + pic_w + Inches(0.3)
        if item.text:
            _text(slide, "\n".join(item.text), side_left, _BODY_TOP, SLIDE_W - MARGIN - side_left, pic_h, 15, shrink=True)
        _table(slide, item.table, MARGIN, _BODY_TOP + pic_h + Inches(0.1), width)
        return
    if item.picture is not None:
        pic_w = Inches(8.4)
        pic_h = Emu(int(pic_w * 9 / 16))
        slide.shapes.add_picture(io.BytesIO(item.picture), MARGIN, Emu(_BODY_TOP + (_BODY_H - pic_h) // 2), width=pic_w, height=pic_h)
        side_left = MARGIN + pic_w + Inches(0.2)
        side_w = SLIDE_W - MARGIN - side_left
        chart_h = Inches(3.0) if item.charts else 0
        for chart in item.charts[:1]:
            _chart(slide, chart, side_left, _BODY_TOP, side_w, chart_h)
        if item.text:
            top = _BODY_TOP + chart_h + Inches(0.1)
            _text(slide, "\n".join(item.text), side_left, top, side_w, _BODY_TOP + _BODY_H - top, 16, shrink=True)
        return
    if item.table is not None:
        _table(slide, item.table, MARGIN, _BODY_TOP, width)
        return
    if len(item.charts) == 1 and item.text:  # one chart and its message: side by side, both readable
        chart_w = Inches(7.8)
        _chart(slide, item.charts[0], MARGIN, _BODY_TOP, chart_w, _BODY_H)
        side_left = MARGIN + chart_w + Inches(0.3)
        _text(slide, "\n".join(item.text), side_left, _BODY_TOP + Inches(0.3), SLIDE_W - MARGIN - side_left, _BODY_H - Inches(0.3), 16,
              shrink=True)  # fmt: skip
        return
    if item.charts:
        n = len(item.charts)
        gap = Inches(0.25)
        text_h = Inches(1.0) if item.text else 0
        each = (width - gap * (n - 1)) // n
        for i, chart in enumerate(item.charts):
            _chart(slide, chart, MARGIN + i * (each + gap), _BODY_TOP, each, _BODY_H - text_h)
        if item.text:
            _text(slide, "\n".join(item.text), MARGIN, _BODY_TOP + _BODY_H - text_h, width, text_h, 16, shrink=True)
        return
    if item.text:
        _text(slide, "\n".join(item.text), MARGIN, _BODY_TOP, width, _BODY_H, 18, shrink=True)


def _text(
    slide: PptxSlide,
    text: str,
    left: int,
    top: int,
    width: int,
    height: int,
    size: float,
    bold: bool = False,
    colour: RGBColor | None = None,
    align: PP_ALIGN | None = None,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    shrink: bool = False,
) -> Shape:
    """A text box; positions and sizes in EMU (python-pptx's ``Length`` is an ``int``, sums of lengths are plain ints)."""
    box = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    # Shrink on overflow: PowerPoint and LibreOffice fit long text into its box instead of running off the slide.
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE if shrink else MSO_AUTO_SIZE.NONE
    for i, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(size)
        paragraph.font.bold = bold
        if align is not None:
            paragraph.alignment = align
        if colour is not None:
            paragraph.font.color.rgb = colour
    return box


def number_format(decimals: int) -> str:
    """Excel's format code for ``decimals`` places, with thousands grouping (the viewer's separators)."""
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def _chart(slide: PptxSlide, spec: Bars | Lines, left: int, top: int, width: int, height: int) -> None:
    data = CategoryChartData(number_format=number_format(spec.decimals))
    data.categories = spec.categories
    if isinstance(spec, Bars):
        data.add_series(spec.title, spec.values)
        kind = XL_CHART_TYPE.BAR_CLUSTERED if spec.horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    else:
        for name, values in spec.series:
            data.add_series(name, values)
        kind = XL_CHART_TYPE.LINE_MARKERS
    # python-pptx 1.0.2 annotates add_chart wrongly: it takes any CategoryChartData (its ``ChartData`` is a
    # legacy subclass) and returns the GraphicFrame that holds the chart, not the Chart (as its docstring says).
    frame = slide.shapes.add_chart(kind, Emu(left), Emu(top), Emu(width), Emu(height), data)  # type: ignore[arg-type]
    chart: Chart = frame.chart  # type: ignore[attr-defined]
    chart.font.size = Pt(13)
    chart.has_title = True
    chart.chart_title.text_frame.text = spec.title
    chart.chart_title.text_frame.paragraphs[0].font.size = Pt(14)
    chart.chart_title.text_frame.paragraphs[0].font.bold = True
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.tick_labels.number_format = number_format(min(spec.decimals, 1))  # round steps need no four decimals
    value_axis.tick_labels.number_format_is_linked = False
    if isinstance(spec, Bars):
        if min(spec.values, default=0) >= 0:
            value_axis.minimum_scale = 0  # a bar's length is its value: never a cut axis that makes 96 look like half of 99
        chart.has_legend = False
        plot = chart.plots[0]
        plot.gap_width = 60
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = number_format(spec.decimals)
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.font.size = Pt(13)
        if spec.horizontal:
            chart.category_axis.reverse_order = True  # the first category on top, as in the table
        for point, colour in zip(plot.series[0].points, spec.colours or [], strict=False):
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = RGBColor.from_string(colour)
    else:
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        for series, colour in zip(chart.plots[0].series, spec.colours or [], strict=False):
            series.format.line.color.rgb = RGBColor.from_string(colour)
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = RGBColor.from_string(colour)
            series.smooth = False


def _weights(table: Table) -> list[float]:
    longest = [max([len(c)] + [len(r[i]) for r in table.rows]) for i, c in enumerate(table.columns)]
    return [max(4, min(n, 45)) for n in longest]


def _table(slide: PptxSlide, table: Table, left: int, top: int, width: int) -> None:
    """A table of fixed row heights, centred; its height is the sum of its rows (tested)."""
    weights = table.weights or _weights(table)
    total = sum(weights)
    n_rows = len(table.rows) + 1
    row_h = Inches(table.row_height)
    shape = slide.shapes.add_table(n_rows, len(table.columns), Emu(left), Emu(top), Emu(width), Emu(row_h * n_rows))
    grid = shape.table
    widths = [int(width * w / total) for w in weights]
    widths[-1] = width - sum(widths[:-1])
    for i, w in enumerate(widths):
        grid.columns[i].width = Emu(w)
    for r in range(n_rows):
        grid.rows[r].height = row_h
    for c, heading in enumerate(table.columns):
        _cell(grid.cell(0, c), heading, table.font, bold=True)
    for r, row in enumerate(table.rows, start=1):
        for c, value in enumerate(row):
            _cell(grid.cell(r, c), value, table.font)


def _cell(cell: _Cell, text: str, size: int, bold: bool = False) -> None:
    cell.text = text
    cell.margin_top = cell.margin_bottom = Inches(0.04)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    paragraph = cell.text_frame.paragraphs[0]
    paragraph.font.size = Pt(size)
    paragraph.font.bold = bold
