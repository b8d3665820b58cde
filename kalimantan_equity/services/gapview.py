"""Figures and display helpers of the gap-analysis page: trend lines, contribution bars, scorecard.

Figures are plain dicts of known-good values (like the ranking beside the map), in the user's
language and number format. Every series across a method break is its own trace: a line never
joins the BPS IPM 2010–2021 series to the 2024 series.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sequential

from kalimantan_equity.services.i18n import fmt_number, label, t
from kalimantan_equity.services.ranking import GROUP_COLOURS
from kalimantan_equity.services.summary import GROUPS

UNWEIGHTED_COLOUR, WEIGHTED_COLOUR = "#0072B2", "#CC79A7"  # Okabe-Ito, apart from the group colours
PROVINCE_COLOUR = "#009E73"
SERIES_SYMBOLS = ("circle", "diamond", "square", "triangle-up", "x")  # one per series across a break
TOP_CONTRIBUTORS = 15  # bars in the contribution chart: readable on a projector
# ColorBrewer YlOrRd as the map uses it, listed explicitly with the darkest at the low end: low
# achievement = dark. (Plotly.js's own named "YlOrRd" runs the other way; a name invites that slip.)
ACHIEVEMENT_SCALE = [[i / (len(sequential.YlOrRd) - 1), colour] for i, colour in enumerate(reversed(sequential.YlOrRd))]

# How each measure is shown: the factor between the stored value and the number on screen, and decimals.
# Theil T and L are shown × 1000 and the CV as a percentage, as HEAT shows them; Gini stays 0–1.
DISPLAY = {
    "gini": (1.0, 3),
    "theil_t": (1000.0, 2),
    "theil_l": (1000.0, 2),
    "cv": (100.0, 1),
    "fifth_ratio": (1.0, 2),
    "between": (100.0, 1),
    "n_below_target": (1.0, 0),
}


@dataclass(frozen=True)
class Line:
    """One measure drawn as a line in a trend family."""

    measure: str  # column of services.gaps.measures
    label_key: str  # i18n key of its legend entry (with {group} filled for group lines)
    colour: str
    dash: str = "solid"
    group: str | None = None


def _ineq_lines(name: str) -> tuple[Line, ...]:
    return (Line(name, "gap_line_unweighted", UNWEIGHTED_COLOUR), Line(f"{name}_w", "gap_line_weighted", WEIGHTED_COLOUR, "dot"))


FAMILIES: dict[str, tuple[Line, ...]] = {
    "group_means": (
        *(Line(f"mean_{g}", "gap_line_group", GROUP_COLOURS[g], group=g) for g in GROUPS),
        Line("mean_all", "gap_line_all", "#3b3b3b", "dash"),
    ),
    "gaps": tuple(Line(f"gap_{g}", "gap_line_group", GROUP_COLOURS[g], group=g) for g in GROUPS if g != "kota"),
    "gini": _ineq_lines("gini"),
    "theil_t": _ineq_lines("theil_t"),
    "theil_l": _ineq_lines("theil_l"),
    "cv": _ineq_lines("cv"),
    "fifth_ratio": _ineq_lines("fifth_ratio"),
    "between": (
        Line("between_type", "gap_line_between_type", UNWEIGHTED_COLOUR),
        Line("between_type_w", "gap_line_between_type_w", UNWEIGHTED_COLOUR, "dot"),
        Line("between_prov", "gap_line_between_prov", PROVINCE_COLOUR),
        Line("between_prov_w", "gap_line_between_prov_w", PROVINCE_COLOUR, "dot"),
    ),
    "shortfall": _ineq_lines("mean_shortfall"),
    "n_below_target": (Line("n_below_target", "gap_line_n_below", "#D55E00"),),
}
TARGET_FAMILIES = ("shortfall", "n_below_target")


def display_of(family: str) -> tuple[float, int] | None:
    """Scale and decimals of a family on screen; None for families in the indicator's own unit."""
    return DISPLAY.get(family)


def families_for(trend: pd.DataFrame) -> list[str]:
    """Families with at least one value in the trend (target families only where there is a target)."""
    have = set(trend.loc[trend["value"].notna(), "measure"])
    return [f for f, lines in FAMILIES.items() if any(line.measure in have for line in lines)]


@dataclass(frozen=True)
class Series:
    """One indicator drawn in the trend: a series on one side of a method break."""

    indicator_id: str
    name: str
    simulated: bool


def trend_figure(trend: pd.DataFrame, family: str, series: list[Series], lang: str, unit: str, decimals: int, title: str) -> go.Figure:
    """Lines over the years for one family of measures; each series and measure its own trace."""
    scale, digits = display_of(family) or (1.0, decimals)
    sep = ",." if lang == "id" else ".,"
    traces, spans = [], []
    for s_index, s in enumerate(series):
        part = trend[trend["indicator_id"] == s.indicator_id]
        years_with_data: list[int] = []
        for line in FAMILIES[family]:
            points = part[(part["measure"] == line.measure) & part["value"].notna()].sort_values("year")
            if points.empty:
                continue
            years_with_data += points["year"].tolist()
            ys = points["value"].to_numpy(dtype=float) * scale
            legend = t(line.label_key, lang, group=label("region_types", line.group, lang) if line.group else "")
            name = legend if len(series) == 1 else f"{legend} · {s.name}"
            mark = f"<br>⚠ {t('simulated_mark', lang)}" if s.simulated else ""
            traces.append(
                dict(
                    type="scatter",
                    x=points["year"].tolist(),
                    y=ys,
                    mode="lines+markers" if len(points) > 1 else "markers",
                    name=escape(name),
                    legendgroup=s.indicator_id,
                    line=dict(color=line.colour, dash=line.dash, width=3),
                    marker=dict(color=line.colour, size=10, symbol=SERIES_SYMBOLS[s_index % len(SERIES_SYMBOLS)]),
                    customdata=[fmt_number(v, lang, digits) for v in ys],
                    hovertemplate=f"{escape(s.name)}<br>{escape(legend)}<br>%{{x}}: %{{customdata}}{mark}<extra></extra>",
                )
            )
        if years_with_data:
            spans.append((min(years_with_data), max(years_with_data)))
    shapes, annotations = _break_marks(spans, lang)
    all_years = sorted({int(y) for tr in traces for y in tr["x"]})
    layout = dict(
        template="none",
        height=460,
        margin=dict(l=10, r=10, t=60, b=90),
        title=dict(text=escape(title), font=dict(size=16), x=0, y=0.98),
        xaxis=dict(tickmode="array", tickvals=all_years, ticktext=[str(y) for y in all_years], gridcolor="#e5e5e5", automargin=True),
        yaxis=dict(title=dict(text=escape(unit)), gridcolor="#e5e5e5", automargin=True, zeroline=family in ("gaps",)),
        legend=dict(orientation="h", yanchor="top", y=-0.12, x=0, font=dict(size=13)),
        separators=sep,
        plot_bgcolor="white",
        shapes=shapes,
        annotations=annotations,
        hovermode="closest",
    )
    return go.Figure(data=traces, layout=layout, _validate=False)


def _break_marks(spans: list[tuple[int, int]], lang: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A dashed vertical line between two series that follow each other in time (a method break)."""
    shapes, annotations = [], []
    ordered = sorted(spans)
    for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
        if start <= end:
            continue  # overlapping series: separate traces say enough
        x = (end + start) / 2
        shapes.append(dict(type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1, line=dict(color="#555555", dash="dash", width=1.5)))
        annotations.append(
            dict(
                xref="x", yref="paper", x=x, y=1.0, text=t("gap_method_break", lang), showarrow=False, yanchor="bottom", font=dict(size=12)
            )
        )
    return shapes, annotations


def contribution_figure(rows: pd.DataFrame, lang: str, unit: str, decimals: int, title: str, simulated: bool) -> go.Figure:
    """Horizontal bars: each region's share of the total shortfall, largest first, coloured by group."""
    shown = rows[rows["share"] > 0].head(TOP_CONTRIBUTORS)
    labels = [f"{i + 1}. {escape(str(n))}" for i, n in enumerate(shown["name"])]
    shown = shown.assign(axis_label=labels)
    mark = f"<br>⚠ {t('simulated_mark', lang)}" if simulated else ""
    traces = []
    for group in GROUPS:
        part = shown[shown["region_type"] == group]
        if part.empty:
            continue
        pct = part["share"].to_numpy(dtype=float) * 100
        custom = [
            [fmt_number(s, lang, 1), fmt_number(v, lang, decimals), fmt_number(d, lang, decimals)]
            for s, v, d in zip(pct, part["value"], part["shortfall"], strict=True)
        ]
        traces.append(
            dict(
                type="bar",
                orientation="h",
                x=pct,
                y=part["axis_label"].tolist(),
                name=label("region_types", group, lang),
                marker=dict(color=GROUP_COLOURS[group]),
                text=[f"{c[0]} %" for c in custom],
                textposition="outside",
                cliponaxis=False,
                customdata=custom,
                hovertemplate="%{y}<br>"
                + t("gap_hover_share", lang)
                + ": %{customdata[0]} %<br>"
                + t("gap_hover_value", lang)
                + f": %{{customdata[1]}} {escape(unit)}<br>"
                + t("gap_hover_shortfall", lang)
                + f": %{{customdata[2]}} {escape(unit)}{mark}<extra></extra>",
            )
        )
    layout = dict(
        template="none",
        height=max(320, 28 * len(shown) + 120),
        margin=dict(l=10, r=60, t=70, b=40),
        title=dict(text=escape(title), font=dict(size=16), x=0, y=0.98),
        yaxis=dict(autorange="reversed", automargin=True, tickfont=dict(size=13), categoryorder="array", categoryarray=labels),
        xaxis=dict(title=dict(text="%"), gridcolor="#e5e5e5", rangemode="tozero", automargin=True),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0),
        separators=",." if lang == "id" else ".,",
        plot_bgcolor="white",
        barmode="overlay",
    )
    return go.Figure(data=traces, layout=layout, _validate=False)


@dataclass(frozen=True)
class ScoreRow:
    indicator_id: str
    label: str  # e.g. "SPM Kesehatan › Capaian SPM kesehatan"
    simulated: bool


def scorecard_figure(card: pd.DataFrame, rows: list[ScoreRow], lang: str, decimals: int, title: str) -> go.Figure:
    """Heatmap: SPM indicators × region types, each cell the group's mean achievement.

    Darker is further behind (YlOrRd, darkest for the lowest achievement, as on the map); each row says whether it is real or
    simulated, in its label and its hover.
    """
    pivot = card.pivot(index="indicator_id", columns="group", values="mean").reindex(
        index=[r.indicator_id for r in rows], columns=list(GROUPS)
    )
    counts = card.pivot(index="indicator_id", columns="group", values="n").reindex(
        index=[r.indicator_id for r in rows], columns=list(GROUPS)
    )
    z = pivot.to_numpy(dtype=float)
    marks = [t("simulated_mark", lang) if r.simulated else t("real_mark", lang) for r in rows]
    y_labels = [f"{escape(r.label)} ({'⚠ ' if r.simulated else ''}{m})" for r, m in zip(rows, marks, strict=True)]
    x_labels = [label("region_types", g, lang) for g in GROUPS]
    text = [[fmt_number(v, lang, decimals) if np.isfinite(v) else t("no_data", lang) for v in row] for row in z]
    custom = [[[m, str(int(n)) if pd.notna(n) else "0"] for n in count_row] for m, count_row in zip(marks, counts.to_numpy(), strict=True)]
    trace = dict(
        type="heatmap",
        z=np.where(np.isfinite(z), z, np.full(z.shape, None, dtype=object)).tolist(),
        x=x_labels,
        y=y_labels,
        text=text,
        texttemplate="%{text}",
        textfont=dict(size=16),
        customdata=custom,
        colorscale=ACHIEVEMENT_SCALE,
        xgap=3,
        ygap=3,
        colorbar=dict(title=dict(text="%"), thickness=14),
        hovertemplate="%{y}<br>%{x}: %{text} %<br>n = %{customdata[1]}<br>%{customdata[0]}<extra></extra>",
    )
    return _grid_figure(trace, title, len(rows), 56, lang)


@dataclass(frozen=True)
class ProxyRow:
    indicator_id: str
    label: str  # "SPM Kesehatan › Jarak ke puskesmas terdekat (median desa)"
    unit: str
    decimals: int
    definition: str  # the catalogue's method text: what the proxy measures
    year: int
    simulated: bool


def proxy_scorecard_figure(card: pd.DataFrame, rows: list[ProxyRow], lang: str, title: str) -> go.Figure:
    """Heatmap of the real SPM proxies × region groups: each cell the group's value in the row's
    own unit; the colour is the cell's standing within its row (darker = further behind), so km,
    ratios and % share one scale. Every label says *proxy* (or simulated) and its year; the hover
    gives the definition."""
    ids = [r.indicator_id for r in rows]
    means = card.pivot(index="indicator_id", columns="group", values="mean").reindex(index=ids, columns=list(GROUPS))
    standing = card.pivot(index="indicator_id", columns="group", values="standing").reindex(index=ids, columns=list(GROUPS))
    counts = card.pivot(index="indicator_id", columns="group", values="n").reindex(index=ids, columns=list(GROUPS))
    kind = [t("simulated_mark", lang) if r.simulated else t("gap_proxy_mark", lang) for r in rows]
    y_labels = [f"{escape(r.label)} ({'⚠ ' if r.simulated else ''}{k}, {r.year})" for r, k in zip(rows, kind, strict=True)]
    text = [
        [(f"{fmt_number(v, lang, r.decimals)} {escape(r.unit)}" if np.isfinite(v) else t("no_data", lang)) for v in row]
        for r, row in zip(rows, means.to_numpy(dtype=float), strict=True)
    ]
    custom = [
        [[escape(r.definition), str(int(n)) if pd.notna(n) else "0"] for n in count_row]
        for r, count_row in zip(rows, counts.to_numpy(), strict=True)
    ]
    z = standing.to_numpy(dtype=float)
    trace = dict(
        type="heatmap",
        z=np.where(np.isfinite(z), z, np.full(z.shape, None, dtype=object)).tolist(),
        zmin=0,
        zmax=1,
        x=[label("region_types", g, lang) for g in GROUPS],
        y=y_labels,
        text=text,
        texttemplate="%{text}",
        textfont=dict(size=15),
        customdata=custom,
        colorscale=ACHIEVEMENT_SCALE,
        showscale=False,
        xgap=3,
        ygap=3,
        hovertemplate="%{y}<br>%{x}: %{text}<br>n = %{customdata[1]}<br>%{customdata[0]}<extra></extra>",
    )
    return _grid_figure(trace, title, len(rows), 44, lang)


def _grid_figure(trace: dict[str, Any], title: str, n_rows: int, row_px: int, lang: str) -> go.Figure:
    """A sector × group grid: columns named on top, first row at the top, ``row_px`` per row."""
    layout = dict(
        template="none",
        height=max(320, row_px * n_rows + 140),
        margin=dict(l=10, r=10, t=70, b=40),
        title=dict(text=escape(title), font=dict(size=16), x=0, y=0.98),
        xaxis=dict(side="top", tickfont=dict(size=14), automargin=True),
        yaxis=dict(autorange="reversed", tickfont=dict(size=13), automargin=True),
        separators=",." if lang == "id" else ".,",
        plot_bgcolor="white",
    )
    return go.Figure(data=[trace], layout=layout, _validate=False)
