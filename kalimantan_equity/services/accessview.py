"""Service access figures: the village distance map with its service points, and the scenario
comparison chart; with the labels every figure carries (distance unit with its detour factor,
citation, the kinds counted). Numbers come from :mod:`services.access`."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from kalimantan_equity.services import mapview
from kalimantan_equity.services.access import ALL_KINDS, FACILITY_KINDS, MOBILE, REFERENCE_YEAR, NewPoint, PointSet, Settings
from kalimantan_equity.services.i18n import fmt_number, label, t

_CITATION_SOURCES = ("reference_points", "cahyadsn_boundaries")
_BOUNDARY_CREDIT = "© 2024 Cahya DSN (MIT)"  # the credit line the licence asks for, short enough for a hover label
_KIND_STYLE = {  # symbol and colour per kind; blues and greens stay apart from the yellow–red distance classes
    "kanim": ("square", "#0b3d91"),
    "ulp": ("circle", "#009E73"),
    "pos": ("triangle-down", "#56B4E9"),
    "plbn": ("diamond", "#5b2a86"),
    "mobile": ("triangle-up", "#CC79A7"),
    "puskesmas": ("cross", "#00838f"),
    "hospital": ("cross", "#4a148c"),
    "sd": ("circle", "#1b5e20"),
    "smp": ("circle", "#0d47a1"),
    "sma": ("circle", "#311b92"),
    "smk": ("circle", "#4e342e"),
}
_KIND_SOURCES = {"puskesmas": "kemenkes_faskes_2019", "hospital": "kemenkes_faskes_2019"} | {
    k: "kemendikbud_sekolah_2019" for k in ("sd", "smp", "sma", "smk")
}
_SHORT_LEGEND = {"puskesmas": "access_legend_puskesmas"}  # the full English name runs past a legend column at 1366 px
_NEW_COLOUR = "#000000"
SCENARIO_COLOURS = {"A": "#0072B2", "B": "#009E73", "C": "#CC79A7"}  # Okabe-Ito


# ---------------------------------------------------------------- labels


def citation(sources: pd.DataFrame, lang: str, short: bool = False, kinds: Iterable[str] = ()) -> str:
    """The point lists' and the boundaries' citations; ``short`` keeps the boundary credit only (for hover labels).

    The facility registers are cited when one of their kinds is chosen, the project's point list
    (immigration, PLBN, mobile services) when one of its kinds is, or when no kinds are given.
    """
    column = "citation_id" if lang == "id" else "citation_en"
    rows = sources.set_index("source_id")
    kinds = tuple(kinds)
    registers = tuple(dict.fromkeys(_KIND_SOURCES[k] for k in kinds if k in _KIND_SOURCES))
    point_list = _CITATION_SOURCES[:1] if not kinds or any(k not in _KIND_SOURCES for k in kinds) else ()
    wanted = (*point_list, *registers, *_CITATION_SOURCES[1:])
    cited = [str(rows.loc[s, column]) for s in wanted if s in rows.index]
    if short and len(cited) == len(wanted):
        cited[-1] = _BOUNDARY_CREDIT
    return "; ".join(cited)


def detour_text(settings: Settings, lang: str) -> str:
    if settings.detour == 1.0:
        return t("access_straight_line", lang)
    return t("access_with_detour", lang, factor=fmt_number(settings.detour, lang, 1))


def detour_suffix(settings: Settings, lang: str) -> str:
    """Appended to a label that shows a distance when the detour factor is not 1."""
    return "" if settings.detour == 1.0 else t("access_detour_suffix", lang, factor=fmt_number(settings.detour, lang, 1))


def distance_unit(settings: Settings, lang: str) -> str:
    """``km (garis lurus)`` or ``km (garis lurus × 1,3)``: the factor travels with every figure."""
    return f"km ({detour_text(settings, lang)})"


def kinds_text(kinds: Iterable[str], lang: str) -> str:
    return ", ".join(label("point_kinds", k, lang) for k in kinds)


def indicator_meta(settings: Settings, lang: str, cite: str) -> mapview.IndicatorMeta:
    return mapview.IndicatorMeta(
        indicator_id="access_km",
        name=t("access_indicator", lang, kinds=kinds_text(settings.kinds, lang)),
        unit=distance_unit(settings, lang),
        decimals=1,
        direction=-1,  # nearer is better
        target=None,
        simulated=False,
        citation=cite,
        sector="access",
    )


# ---------------------------------------------------------------- figures


def map_frame(measures: pd.DataFrame) -> pd.DataFrame:
    """Villages in the shape ``queries/map_values.sql`` returns, the value being the distance shown."""
    value = measures["km"]
    return pd.DataFrame(
        {
            "code": measures["code"],
            "name": measures["name"],
            "level": "desa",
            "region_type": measures["region_type"],
            "prov_code": measures["prov_code"],
            "province": measures["province"],
            "regency_code": measures["regency_code"],
            "value": value,
            "note": None,
            "numerator": np.nan,
            "denominator": np.nan,
            "status": np.where(value.notna(), "value", "missing"),
        }
    )


def point_traces(points: PointSet, new: list[NewPoint], lang: str, scenario: str | None) -> list[mapview.Trace]:
    """Service points as symbols by kind (one legend entry per kind), and a scenario's new units as black stars."""
    shown = pd.concat([points.fixed, points.mobile], ignore_index=True)
    traces: list[mapview.Trace] = []
    for kind in ALL_KINDS:
        part = shown[shown["kind"] == kind]
        if part.empty:
            continue
        symbol, colour = _KIND_STYLE[kind]
        text = []
        for row in part.itertuples():
            extra = ""
            if kind == MOBILE:
                extra = "<br>" + t("access_days_hover", lang, days=fmt_number(row.days, lang, 0))
            text.append(
                f"<b>{escape(str(row.name))}</b><br>{label('point_kinds', kind, lang)} · {label('point_status', row.status, lang)}"
                + (f"<br>{escape(str(row.town))}{extra}<br><i>{t('access_approximate', lang)}</i>" if kind not in FACILITY_KINDS else "")
            )
        traces.append(
            dict(
                type="scattergeo",
                lon=part["lon"].to_numpy(),
                lat=part["lat"].to_numpy(),
                mode="markers",
                marker=dict(
                    size=7 if kind in FACILITY_KINDS else 12,  # thousands of schools: small marks
                    color=colour,
                    symbol=[symbol if s == "open" else f"{symbol}-open" for s in part["status"]],
                    line=dict(width=1.5, color="white"),
                ),
                hovertext=text,
                hoverinfo="text",
                name=t(_SHORT_LEGEND[kind], lang) if kind in _SHORT_LEGEND else label("point_kinds", kind, lang),
                legendgroup=f"kind_{kind}",
                showlegend=True,
            )
        )
    if new:
        traces.append(
            dict(
                type="scattergeo",
                lon=[p.lon for p in new],
                lat=[p.lat for p in new],
                mode="markers",
                marker=dict(size=18, color=_NEW_COLOUR, symbol="star", line=dict(width=1.5, color="white")),
                hovertext=[f"<b>{escape(p.name)}</b><br>{label('point_kinds', p.kind, lang)}" for p in new],
                hoverinfo="text",
                name=t("access_new_units_legend", lang, scenario=scenario or ""),
                showlegend=True,
            )
        )
    return traces


def regency_outline(code: str, layer: mapview.MapLayer) -> mapview.Trace:
    """The selected regency drawn as a thick outline from the regency file (by URL, like every boundary)."""
    return mapview.highlight(code, layer)


def map_figure(
    measures: pd.DataFrame,
    meta: mapview.IndicatorMeta,
    lang: str,
    villages_layer: mapview.MapLayer,
    outline: mapview.MapLayer,
    regency_layer: mapview.MapLayer,
    points: PointSet,
    new: list[NewPoint],
    scenario: str | None,
    selected_regency: str | None,
    bbox: tuple[float, float, float, float],
    scheme: str,
    rivers: mapview.MapLayer | None = None,
) -> go.Figure:
    """The village distance map from :func:`services.mapview.build_map`, plus the regency outline, the
    rivers when asked for (under the points), and the points."""
    fig = mapview.build_map(
        map_frame(measures), meta, REFERENCE_YEAR, lang, villages_layer, scheme=scheme, outline=outline, bbox=bbox, height=640
    )
    extra = [regency_outline(selected_regency, regency_layer)] if selected_regency else []
    if rivers is not None:
        extra.append(mapview.rivers(rivers, lang))
    fig.add_traces(extra + point_traces(points, new, lang, scenario))
    for trace in fig.data:
        # A click picks a village for a new unit; it must not grey out the other villages and the points.
        trace.unselected = {"marker": {"opacity": 1}}
    return fig


def comparison_figure(wide: pd.DataFrame, scenarios: list[str], lang: str, threshold_text: str, unit: str = "km") -> go.Figure:
    """Villages brought within the threshold, per area and scenario: grouped horizontal bars."""
    names = [escape(str(n)) for n in wide["name"]]
    traces: list[mapview.Trace] = []
    for key in scenarios:
        brought = wide[f"brought_{key}"].to_numpy()
        change = [fmt_number(v, lang, 1) for v in wide[f"median_change_{key}_km"]]
        traces.append(
            dict(
                type="bar",
                orientation="h",
                x=brought,
                y=names,
                name=t("access_scenario_label", lang, scenario=key),
                marker=dict(color=SCENARIO_COLOURS[key]),
                text=[fmt_number(v, lang, 0) for v in brought],
                textposition="outside",
                customdata=change,
                hovertemplate="%{y}<br>"
                + escape(t("access_hover_brought", lang))
                + " %{x}<br>"
                + escape(t("access_hover_median_change", lang))
                + f" %{{customdata}} {escape(unit)}<extra>%{{fullData.name}}</extra>",
            )
        )
    layout = dict(
        template="none",
        barmode="group",
        height=max(220, 110 + 26 * len(wide) * max(1, len(scenarios))),
        bargap=0.25,
        margin=dict(l=10, r=40, t=60, b=50),
        title=dict(text=escape(t("access_compare_chart_title", lang, threshold=threshold_text)), font=dict(size=15), y=0.98, yanchor="top"),
        yaxis=dict(autorange="reversed", automargin=True, tickfont=dict(size=13)),
        xaxis=dict(title=dict(text=escape(t("access_villages_axis", lang))), automargin=True, gridcolor="#e5e5e5", rangemode="tozero"),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0),
        separators=",." if lang == "id" else ".,",
        plot_bgcolor="white",
    )
    return go.Figure(data=traces, layout=layout, _validate=False)
