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
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402 - a Figure object, not pyplot: pyplot is not thread-safe
from PIL import Image  # noqa: E402

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
    table = deck.Table(sheet.columns, sheet.rows, [1.1, 2.6, 4.7, 2.1, 1.1], row_height=0.32, font=11)
    return deck.Slide(sheet.title, "; ".join(sheet.sources), sheet.simulated, picture=sheet.map_png, table=table,
                      text=[sheet.subtitle, sheet.map_caption, *sheet.summary])  # fmt: skip


def _put(fig: Figure, x: float, y: float, text: str, **style: Any) -> None:  # matplotlib Text properties, as Figure.text takes them
    """Text on the page as typed: names are never read as matplotlib maths (``$`` stays ``$``)."""
    fig.text(x, y, mpl_escape(text), **style)


def profile_pdf(sheet: ProfileSheet) -> bytes:
    """The sheet as one A4 landscape PDF page: title, district map, highlights table, sources, date."""
    fig = Figure(figsize=(11.69, 8.27))
    _put(fig, 0.04, 0.95, sheet.title, fontsize=20, fontweight="bold", va="top")
    _put(fig, 0.04, 0.905, sheet.subtitle, fontsize=11, va="top", color="#333333")
    if sheet.simulated:
        _put(fig, 0.96, 0.95, sheet.simulated, fontsize=14, fontweight="bold", color="#b00020", ha="right", va="top")
    ax_map = fig.add_axes((0.03, 0.47, 0.55, 0.41))
    ax_map.imshow(Image.open(io.BytesIO(sheet.map_png)))
    ax_map.set_axis_off()
    _put(fig, 0.04, 0.465, sheet.map_caption, fontsize=9.5, va="top", color="#333333")
    summary = "\n".join(textwrap.fill(s, 48) for s in sheet.summary)
    _put(fig, 0.6, 0.86, summary, fontsize=10.5, va="top", color="#222222")
    ax_table = fig.add_axes((0.04, 0.13, 0.92, 0.3))
    ax_table.set_axis_off()
    cells = [[mpl_escape(textwrap.shorten(c, 60, placeholder="…")) for c in row] for row in sheet.rows] or [["—"] * len(sheet.columns)]
    grid = ax_table.table(cellText=cells, colLabels=[mpl_escape(c) for c in sheet.columns], loc="upper center", cellLoc="left", colLoc="left",
                          colWidths=[0.09, 0.25, 0.38, 0.19, 0.09])  # fmt: skip
    grid.auto_set_font_size(False)
    grid.set_fontsize(9.5)
    grid.scale(1, 1.5)
    for (r, _c), cell in grid.get_celld().items():
        cell.set_edgecolor("#cccccc")
        if r == 0:
            cell.set_facecolor("#e8eef7")
            cell.set_text_props(fontweight="bold")
    sources = "\n".join(textwrap.fill(s, 150) for s in sheet.sources)
    _put(fig, 0.04, 0.1, sources, fontsize=8, va="top", color="#333333")
    _put(fig, 0.96, 0.02, sheet.made, fontsize=8, ha="right", color="#555555")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="pdf")
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
