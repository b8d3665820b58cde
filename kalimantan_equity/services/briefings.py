"""Slides for the gap page and the regency profile, and the one-page profile as PDF.

Plain Python on the tables the pages themselves show (``services.gaps`` results, the profile
scorecard), so a slide carries the page's numbers. Decks are laid out by ``services.deck``.

The PDF is drawn with matplotlib, not converted from the slide by LibreOffice: matplotlib is
already installed and draws offline in a fraction of a second, while LibreOffice would add about a
gigabyte of system packages to every server and a 3–5 s office process per click, which also
refuses to run twice at once with one user profile. The PDF and the slide share their content
(:class:`ProfileSheet`), so they say the same.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import numpy.typing as npt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_agg import RendererAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402 - a Figure object, not pyplot: pyplot is not thread-safe
from matplotlib.font_manager import FontProperties  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402
from PIL import Image  # noqa: E402

from kalimantan_equity.geo import render  # noqa: E402
from kalimantan_equity.geo.mpl_text import mpl_escape  # noqa: E402
from kalimantan_equity.services import deck, export, gaps  # noqa: E402
from kalimantan_equity.services.i18n import fmt_number, label, t  # noqa: E402

if TYPE_CHECKING:  # annotations only: no import of the profile computation at run time
    from kalimantan_equity.services.profile import StrongestWeakest

TOP_CONTRIBUTORS = 10


def _decimals_format(value: float | None, lang: str, decimals: int) -> str:
    return fmt_number(value, lang, decimals)


def group_slide(table: gaps.GroupTable, name: str, unit: str, gap_unit: str, decimals: int, direction: int, lang: str,
                source: str, mark: str | None) -> deck.Slide:  # fmt: skip
    """Group means as bars (groups without a value left out) and, beside them, the gap of each group
    to the page's reference in words."""
    rows = table.rows.set_index("group")
    shown = [g for g in gaps.GROUPS if g in rows.index and pd.notna(rows.at[g, "headline"])]
    bars = deck.Bars(name, [label("region_types_short", g, lang) for g in shown], [float(rows.at[g, "headline"]) for g in shown],
                     decimals, [deck.GROUP_COLOURS[g] for g in shown])  # fmt: skip
    reference = t("gap_reference_kota" if table.reference == "kota" else "gap_reference_all", lang)
    lines = [f"{label('region_types_short', g, lang)}: {fmt_number(rows.at[g, 'headline'], lang, decimals)} {unit}" for g in shown]
    for g in gaps.GROUPS:
        if g in rows.index and pd.isna(rows.at[g, "headline"]) and rows.at[g, "n_na"] > 0:
            lines.append(f"{label('region_types', g, lang)}: {t('not_applicable', lang)}")
    for g in shown:
        gap = rows.at[g, "gap"]
        if g == table.reference or pd.isna(gap):
            continue
        key = "deck_gap_diff" if direction == 0 else ("deck_gap_behind" if gap > 0 else "deck_gap_ahead")
        lines.append(t(key, lang, group=label("region_types", g, lang), gap=fmt_number(abs(gap), lang, decimals), unit=gap_unit,
                       reference=reference))  # fmt: skip
    lines.append(t(f"weighting_{table.weighting}", lang))
    return deck.Slide(name, source, mark, charts=[bars], text=lines)


def trend_slides(trend: pd.DataFrame, series: list[tuple[str, str]], unit: str, decimals: int, lang: str, source: str,
                 mark: str | None) -> list[deck.Slide]:  # fmt: skip
    """Group means over the years as native lines, one chart per series (series are never joined:
    a method break starts a new one). A series with a single year has no line and is left out."""
    charts: list[deck.Bars | deck.Lines] = []
    means = trend[trend["measure"].isin([f"mean_{g}" for g in gaps.GROUPS])]
    for series_id, name in series:
        part = means[means["indicator_id"] == series_id]
        years = sorted({int(y) for y in part["year"]})
        if len(years) < 2:
            continue
        lines: list[tuple[str, list[float | None]]] = []
        for g in gaps.GROUPS:
            values = part[part["measure"] == f"mean_{g}"].set_index("year")["value"]
            if values.notna().any():
                lines.append(
                    (label("region_types_short", g, lang), [None if pd.isna(values.get(y)) else float(values.get(y)) for y in years])
                )
        colours = [deck.GROUP_COLOURS[g] for g in gaps.GROUPS if any(n == label("region_types_short", g, lang) for n, _ in lines)]
        charts.append(deck.Lines(f"{name} ({unit})", [str(y) for y in years], lines, decimals, colours))
    title = t("deck_trend_title", lang)
    return [deck.Slide(title, source, mark, charts=charts[i : i + 2]) for i in range(0, len(charts), 2)]


def contribution_slide(con: gaps.Contributions, title: str, lang: str, source: str, mark: str | None) -> deck.Slide | None:
    """The regions adding most to the shortfall, as horizontal bars of their share (per cent)."""
    rows = con.rows[con.rows["share"] > 0].head(TOP_CONTRIBUTORS)
    if rows.empty:
        return None
    bars = deck.Bars(title, rows["name"].astype(str).tolist(), [float(v) * 100 for v in rows["share"]], 1,
                     [deck.GROUP_COLOURS.get(g, "8C8C8C") for g in rows["region_type"]], horizontal=True)  # fmt: skip
    legend = " · ".join(f"{label('region_types_short', g, lang)}" for g in gaps.GROUPS)
    return deck.Slide(title, source, mark, charts=[bars], text=[t("deck_contrib_note", lang, groups=legend)])


def scorecard_slide(
    card: pd.DataFrame, names: dict[str, str], decimals: dict[str, int], lang: str, source: str, mark: str | None
) -> deck.Slide:
    """The SPM proxy scorecard in a table, as the page draws it: one row per proxy (its name, unit and
    the year of its latest data), a column per group; a group without a value says so in words."""
    columns = [t("deck_indicator", lang)] + [label("region_types_short", g, lang) for g in gaps.GROUPS]
    rows = []
    for indicator, part in card.groupby("indicator_id", sort=False):
        means = part.set_index("group")["mean"]
        places = decimals.get(indicator, 1)
        rows.append([f"{names.get(indicator, indicator)}, {int(part['year'].iloc[0])}"] + [fmt_number(means.get(g), lang, places)
                     if pd.notna(means.get(g)) else t("not_applicable", lang) for g in gaps.GROUPS])  # fmt: skip
    return deck.Slide(t("gap_proxy_title", lang), source, mark, table=deck.Table(columns, rows, [5, 1.5, 1.5, 1.5]))


# ---------------------------------------------------------------- the one-page regency profile


@dataclass(frozen=True)
class ProfileSheet:
    """What the one-page profile says, shared by its slide and its PDF."""

    title: str
    subtitle: str
    map_png: bytes  # the regency's districts coloured by one indicator, with its outline
    map_caption: str  # which indicator, year and level the map shows
    columns: list[str]
    rows: list[list[str]]
    summary: list[str]
    sources: list[str]
    made: str
    simulated: str | None = None


def highlight_rows(card: pd.DataFrame, summary: StrongestWeakest, lang: str) -> list[list[str]]:
    """The strongest and weakest areas of the profile summary with their figures from the scorecard."""
    by_id = card.set_index("indicator_id")
    rows = []
    for kind, areas in (("deck_profile_strong", summary.strongest), ("deck_profile_weak", summary.weakest)):
        if not areas:  # a middling regency: said in words, never filled with an average rank
            rows.append([t(kind, lang), t(f"{kind}_none", lang), "", "", ""])
        for area in areas:
            r = by_id.loc[area.indicator_id]
            name = r["name_id"] if lang == "id" else r["name_en"]
            unit = r["unit_id"] if lang == "id" else r["unit_en"]
            rows.append([
                t(kind, lang),
                label("sectors", area.sector, lang),
                f"{name}, {area.year}",
                f"{fmt_number(r['value'], lang, int(r['decimals']))} {unit}",
                t("rank_of", lang, rank=area.rank, n=area.n),
            ])  # fmt: skip
    return rows


def profile_slide(sheet: ProfileSheet) -> deck.Slide:
    """The sheet as a slide: the map with the words beside it and the highlights table below, whose
    columns are sized to their longest text so that no cell wraps and no row grows past the slide."""
    font = next((f for f in (11, 10, 9) if _slide_columns_fit(sheet.columns, sheet.rows, f)), 9)
    table = deck.Table(sheet.columns, sheet.rows, _slide_weights(sheet.columns, sheet.rows), row_height=0.32, font=font)
    return deck.Slide(sheet.title, "; ".join(sheet.sources), sheet.simulated, picture=sheet.map_png, table=table,
                      text=[sheet.subtitle, sheet.map_caption, *sheet.summary])  # fmt: skip


_SLIDE_TABLE_IN = deck.SLIDE_W.inches - 2 * deck.MARGIN.inches  # the table spans the slide inside its margins
_SLIDE_CELL_MARGINS_IN = 0.2  # PowerPoint's default left and right cell margins together
_SLIDE_CHAR_EM = 0.56  # a generous average character width of the slide's font, in ems


def _slide_weights(columns: list[str], rows: list[list[str]]) -> list[float]:
    """Each column as wide as its longest text plus the cell's margins (in characters)."""
    return [max(len(c) for c in [column, *(r[i] for r in rows)]) + 3 for i, column in enumerate(columns)]


def _slide_columns_fit(columns: list[str], rows: list[list[str]], font: int) -> bool:
    """Whether every cell holds its text on one line at this font size, columns sized by :func:`_slide_weights`."""
    weights = _slide_weights(columns, rows)
    char_in = font * _SLIDE_CHAR_EM / 72
    return all((w - 3) * char_in + _SLIDE_CELL_MARGINS_IN <= _SLIDE_TABLE_IN * w / sum(weights) for w in weights)


def _put(fig: Figure, x: float, y: float, text: str, **style: Any) -> Text:  # matplotlib Text properties, as Figure.text takes them
    """Text on the page as typed: names are never read as matplotlib maths (``$`` stays ``$``)."""
    return fig.text(x, y, mpl_escape(text), **style)


_PAGE_IN = (11.69, 8.27)  # A4 landscape
_TABLE_FONT = 9.5
_TABLE_COLUMNS = (0.09, 0.24, 0.38, 0.18, 0.11)  # shares of the table's width: kind, area, indicator, value, rank
_CELL_PAD_IN = 0.07  # between a cell's edge and its text, each side
_LEGEND_SCALE = 10 / 14  # the map picture's legend is drawn at 14 pt: on the page it reads as 10 pt
_MAP_PICTURE_DPI = 160  # the dots per inch the map picture was drawn at (geo.render)
_PAGE_DPI = 100  # the page's layout unit: where a text sits is measured at this resolution


def _renderer(dpi: float) -> RendererAgg:
    """A renderer to measure text with the fonts the PDF embeds; one a page, as renderers are not shared between threads."""
    return RendererAgg(1, 1, dpi)  # type: ignore[no-untyped-call]


def wrap_to(text: str, width_pt: float, prop: FontProperties) -> list[str]:
    """``text`` in lines no wider than ``width_pt`` (broken between words; a single longer word keeps its line)."""
    measure = _renderer(72)  # at 72 dots per inch a dot is a point

    def _width_pt(line: str) -> float:
        return float(measure.get_text_width_height_descent(line, prop, ismath=False)[0])  # type: ignore[no-untyped-call]

    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and _width_pt(trial) > width_pt:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line]


def split_map_picture(png: bytes) -> tuple[Image.Image, Image.Image]:
    """The compact map picture (``geo.render.map_image(compact=True)``) cut into the map and its
    legend, each trimmed to what is drawn on it. The cut lies between the map's clipped right edge
    and the legend's left edge, both fixed by ``geo.render``'s layout constants."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    ink = np.asarray(image).min(axis=2) < 245
    width, height = image.size
    cut = round(width * (render.COMPACT_MAP_RIGHT + render.COMPACT_LEGEND_LEFT) / 2)
    return _trim(image.crop((0, 0, cut, height)), ink[:, :cut]), _trim(image.crop((cut, 0, width, height)), ink[:, cut:])


def _trim(image: Image.Image, ink: npt.NDArray[np.bool_]) -> Image.Image:
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not len(rows):
        return image
    pad = 6
    return image.crop((max(0, cols[0] - pad), max(0, rows[0] - pad), min(image.size[0], cols[-1] + pad + 1),
                       min(image.size[1], rows[-1] + pad + 1)))  # fmt: skip


def _fig_box(fig: Figure, artist: Text) -> Bbox:
    """Where a piece of text sits on the page, in page fractions (0–1)."""
    return artist.get_window_extent(renderer=_renderer(fig.dpi)).transformed(fig.transFigure.inverted())


def profile_pdf(sheet: ProfileSheet) -> bytes:
    """The sheet as one A4 landscape PDF page. From the top: title and context; the district map as
    the page's main picture, with the summary and the map's legend in a column to its right; the
    highlights table, every cell wrapped onto as many lines as it needs; sources and date.

    The page is laid out from the bottom up, so the map takes whatever height the table and the
    sources leave."""
    page_w, page_h = _PAGE_IN
    fig = Figure(figsize=_PAGE_IN, dpi=_PAGE_DPI)
    margin = 0.04
    _put(fig, margin, 0.95, sheet.title, fontsize=20, fontweight="bold", va="top")
    subtitle = _put(fig, margin, 0.905, sheet.subtitle, fontsize=11, va="top", color="#333333")
    if sheet.simulated:
        _put(fig, 1 - margin, 0.95, sheet.simulated, fontsize=14, fontweight="bold", color="#b00020", ha="right", va="top")
    _put(fig, 1 - margin, 0.015, sheet.made, fontsize=8, ha="right", va="bottom", color="#555555")
    sources = _put(fig, margin, 0.04, "\n".join(textwrap.fill(s, 160) for s in sheet.sources), fontsize=8, va="bottom", color="#333333")
    top_of_sources = _fig_box(fig, sources).y1 if sheet.sources else 0.04

    # the table: cell text wrapped to its column, each row as high as its tallest cell
    table_w_in = page_w * (1 - 2 * margin)
    shares = _TABLE_COLUMNS if len(sheet.columns) == len(_TABLE_COLUMNS) else [1 / len(sheet.columns)] * len(sheet.columns)
    widths_in = [table_w_in * share for share in shares]
    body, head = FontProperties(size=_TABLE_FONT), FontProperties(size=_TABLE_FONT, weight="bold")
    rows = sheet.rows or [["—"] * len(sheet.columns)]
    wrapped = [["\n".join(wrap_to(c, (w - 2 * _CELL_PAD_IN) * 72, head if r == 0 else body)) for c, w in zip(row, widths_in, strict=True)]
               for r, row in enumerate([sheet.columns, *rows])]  # fmt: skip
    line_in = _TABLE_FONT * 1.3 / 72
    heights_in = [max(cell.count("\n") + 1 for cell in row) * line_in + 0.1 for row in wrapped]
    table_bottom = top_of_sources + 0.025
    table_h = sum(heights_in) / page_h
    ax_table = fig.add_axes((margin, table_bottom, 1 - 2 * margin, table_h))
    ax_table.set_axis_off()
    grid = ax_table.table(cellText=[[mpl_escape(c) for c in row] for row in wrapped[1:]], colLabels=[mpl_escape(c) for c in wrapped[0]],
                          cellLoc="left", colLoc="left", colWidths=list(shares), bbox=Bbox.from_bounds(0, 0, 1, 1))  # fmt: skip
    grid.auto_set_font_size(False)
    grid.set_fontsize(_TABLE_FONT)
    for (r, c), cell in grid.get_celld().items():
        cell.set_height(heights_in[r])  # relative: the bounding box scales the rows to the axes together
        cell.PAD = _CELL_PAD_IN / widths_in[c]  # a fixed padding, not a share of the column's width
        cell.set_edgecolor("#cccccc")
        if r == 0:
            cell.set_facecolor("#e8eef7")
            cell.set_text_props(fontweight="bold")
    table_top = table_bottom + table_h

    # the map above the table, as large as the space allows; its caption right under it
    caption = _put(fig, margin, table_top + 0.02, sheet.map_caption, fontsize=9.5, va="bottom", color="#333333")
    map_bottom = _fig_box(fig, caption).y1 + 0.01
    map_top = _fig_box(fig, subtitle).y0 - 0.02
    column_left = 0.7  # the right column: summary, then the map's legend
    picture, legend = split_map_picture(sheet.map_png)
    ax_map = fig.add_axes((margin, map_bottom, column_left - 0.02 - margin, map_top - map_bottom), anchor="S")
    ax_map.imshow(picture, interpolation="antialiased")
    ax_map.set_axis_off()

    column_w_in = page_w * (1 - margin - column_left)
    summary_text = "\n".join("\n".join(wrap_to(s, column_w_in * 72, FontProperties(size=10.5))) for s in sheet.summary)
    summary = _put(fig, column_left, map_top, summary_text, fontsize=10.5, va="top", color="#222222")
    if legend is not None:
        legend_top = (_fig_box(fig, summary).y0 - 0.03) if sheet.summary else map_top
        w_in = legend.size[0] / _MAP_PICTURE_DPI * _LEGEND_SCALE
        h_in = legend.size[1] / _MAP_PICTURE_DPI * _LEGEND_SCALE
        room_in = (legend_top - table_top - 0.015) * page_h  # down to the table
        scale = min(1.0, column_w_in / w_in, room_in / h_in)  # shrunk only where it would not fit
        w, h = w_in * scale / page_w, h_in * scale / page_h
        ax_legend = fig.add_axes((column_left, legend_top - h, w, h))
        ax_legend.imshow(legend, interpolation="antialiased")
        ax_legend.set_axis_off()
    buffer = io.BytesIO()
    # TrueType fonts (42), not matplotlib's default Type 3: a reader copies and searches the words as
    # printed ("definisi", "2010–2021"), where Type 3 splits ligatures and dashes off them
    with matplotlib.rc_context({"pdf.fonttype": 42}):
        fig.savefig(buffer, format="pdf", dpi=200)  # the map picture keeps its detail
    return buffer.getvalue()


def sources_of(card: pd.DataFrame, indicator_ids: list[str], lang: str) -> list[str]:
    """Publisher and year of every figure on the sheet (no file paths)."""
    by_id = card.set_index("indicator_id")
    out = []
    for indicator in indicator_ids:
        if indicator in by_id.index:
            r = by_id.loc[indicator]
            out.append(export.plain_source(r["citation_id" if lang == "id" else "citation_en"], int(r["year"])))
    return list(dict.fromkeys(out))
