"""Build the choropleth figure: values and colours only, geometry by URL.

The figure refers to the boundary file by its URL (``geojson="/app/static/geo/…"``); Plotly.js
fetches it once per page and keeps it, so a change of indicator, year or filter sends a few
kilobytes of values instead of megabytes of polygons. No base map and no world outline are drawn,
so nothing is fetched from a CDN.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from kalimantan_equity.services import classify
from kalimantan_equity.services.i18n import fmt_number, label, md_escape, t

KALIMANTAN_BBOX = (108.5, -4.3, 119.3, 4.5)  # lon/lat extent of the five provinces
_OUTLINE = "#3b3b3b"
_BORDER = "#5b2a86"  # deep purple: apart from the yellow–red classes and the grey outlines
Trace = dict[str, Any]  # one Plotly trace as a plain dict (Plotly takes any of its many properties)


@dataclass(frozen=True)
class IndicatorMeta:
    """What a map, legend and hover need to say about an indicator, in one language."""

    indicator_id: str
    name: str
    unit: str
    decimals: int
    direction: int  # +1 higher is better, -1 lower is better, 0 neither
    target: float | None
    simulated: bool
    citation: str
    sector: str

    @classmethod
    def from_row(cls, row: pd.Series, lang: str) -> IndicatorMeta:
        target = row.get("target")
        return cls(
            indicator_id=row["indicator_id"],
            name=row["name_id"] if lang == "id" else row["name_en"],
            unit=row["unit_id"] if lang == "id" else row["unit_en"],
            decimals=int(row["decimals"]),
            direction=int(row["direction"]),
            target=None if target is None or pd.isna(target) else float(target),
            simulated=bool(row["simulated"]),
            citation=row["citation_id"] if lang == "id" else row["citation_en"],
            sector=row["sector"],
        )

    def as_markdown(self) -> IndicatorMeta:
        """The same, with name, unit and source escaped for Markdown (an editor's upload may name them)."""
        return replace(self, name=md_escape(self.name), unit=md_escape(self.unit), citation=md_escape(self.citation))


def rank_values(values: pd.Series, direction: int) -> pd.Series:
    """Rank 1 = best (highest value when higher is better, lowest when lower is better).

    Ties share the better rank; missing values get no rank. Neutral indicators rank high to low.
    """
    ascending = direction < 0
    return values.rank(method="min", ascending=ascending).astype("Int64")


@dataclass(frozen=True)
class MapLayer:
    """The boundary file a map draws from, by URL.

    ``path`` is the same file on this server's disk. When it is given and the file carries short ids
    (``properties.i``, written by ``geo/boundaries.py``), the figure names its regions by them: a
    village map sends 7,229 two-byte numbers instead of 7,229 thirteen-character codes (116 KB)."""

    url: str
    level: str
    path: str | None = None

    def short_ids(self) -> dict[str, int]:
        """Region code -> short id in this layer's file; empty when there is none (then codes are used)."""
        return feature_ids(self.path) if self.path else {}

    def region_of(self, location: object) -> str | None:
        """The region code a map click names: the short id back to its code, or a code as it is."""
        if isinstance(location, str):
            return location
        if isinstance(location, int | float) and not isinstance(location, bool):
            return _codes_by_id(self.path).get(int(location)) if self.path else None
        return None


@lru_cache(maxsize=16)
def feature_ids(path: str) -> dict[str, int]:
    """``{code: short id}`` of a geometry file, read once per file (its name holds a content hash, so a
    rebuilt file is another path). Empty when the file has no short ids (built before they existed)."""
    try:
        features = json.loads(Path(path).read_text(encoding="utf-8")).get("features", [])
    except (OSError, ValueError):
        return {}
    raw = {str(f.get("id")): (f.get("properties") or {}).get("i") for f in features}
    ids = {code: i for code, i in raw.items() if isinstance(i, int) and i > 0}
    return ids if ids and len(ids) == len(raw) else {}  # every feature has its short id, or none is used


@lru_cache(maxsize=16)
def _codes_by_id(path: str) -> dict[int, str]:
    return {i: code for code, i in feature_ids(path).items()}


def class_labels(classes: classify.Classes, meta: IndicatorMeta, lang: str) -> list[str]:
    """Legend text for each class: bounds in the language's number format, and the count."""

    def fmt(v: float | None) -> str:
        return fmt_number(v, lang, meta.decimals)

    labels = []
    lower = classes.lower
    for i, upper in enumerate(classes.uppers):
        if classes.scheme == "target" and meta.target is not None and i == classes.target_met_from:
            text = ("≥ " if meta.direction >= 0 else "≤ ") + fmt(meta.target) + " ✓"
        elif classes.scheme == "target" and meta.target is not None and upper == np.nextafter(meta.target, -np.inf):
            text = f"{fmt(lower)} – < {fmt(meta.target)}"
        else:
            text = fmt(upper) if lower == upper else f"{fmt(lower)} – {fmt(upper)}"
        labels.append(f"{text} ({classes.counts[i]})")
        lower = upper
    return labels


def build_map(
    frame: pd.DataFrame,
    meta: IndicatorMeta,
    year: int,
    lang: str,
    layer: MapLayer,
    scheme: str = classify.DEFAULT_SCHEME,
    k: int = classify.DEFAULT_K,
    outline: MapLayer | None = None,
    border: MapLayer | None = None,
    points: pd.DataFrame | None = None,
    bbox: tuple[float, float, float, float] = KALIMANTAN_BBOX,
    selected: str | None = None,
    high_contrast: bool = False,
    height: int = 620,
    presenting: bool = False,
) -> go.Figure:
    """One trace per class (so the legend shows bounds and counts), then no-data, not-applicable,
    province outlines and service points. ``frame`` comes from ``queries/map_values.sql``.
    """
    simulated = f"<br><b>⚠ {t('simulated_mark', lang)}</b>" if meta.simulated else ""
    footer = f"<br><span style='font-size:0.85em'>{escape(t('source', lang))}: {escape(meta.citation)} · {year}</span>{simulated}"
    thin = (0.3 if layer.level == "desa" else 0.6) * (2 if presenting else 1)
    scale = 1.4 if presenting else 1.0  # meeting mode: legible from the back of the room
    painting = paint(frame, meta, lang, scheme, k, high_contrast)
    traces = _value_traces(frame, meta, lang, layer, painting, footer, thin)
    traces += _status_traces(frame, lang, layer, dict(painting.legend), footer, thin)
    if outline is not None:
        traces.append(_outline(outline, 2.0 * scale))
    if border is not None:
        traces.append(_border(border, lang))
    if selected is not None and (frame["code"] == selected).any():
        traces.append(highlight(selected, layer))
    if points is not None and not points.empty:
        traces.append(_points(points, lang, round(11 * scale)))
    # The traces are plain dicts built from known-good values; Plotly's per-property validation
    # would cost more than the rest of the rerun (~60 ms for 56 regencies), so it is skipped.
    # Tests render every indicator and level, and the browser test draws the result.
    return go.Figure(data=traces, layout=_map_layout(meta, lang, layer, bbox, height, scale), _validate=False)


def _value_traces(
    frame: pd.DataFrame, meta: IndicatorMeta, lang: str, layer: MapLayer, painting: Painting, footer: str, thin: float
) -> list[Trace]:
    """One trace per class and group of the regions with a value (the legend names each class once).

    Per-region hover data is only the value (as ``z``, 4 bytes) and the rank (2 bytes), sent as typed
    arrays; the name comes from the geometry file (``properties.n``) and Plotly formats the number
    with the language's separators (layout ``separators``). Group, unit, source and year are the
    same for a whole trace and go into its template."""
    with_value = frame[frame["status"] == "value"].copy()
    with_value["rank"] = rank_values(with_value["value"], meta.direction)
    n_ranked = len(with_value)
    if not n_ranked:
        return []
    label_of = dict(painting.legend)
    order = {colour: i for i, (colour, _) in enumerate(painting.legend)}
    with_value["colour"] = with_value["code"].map(painting.colour_of)
    with_value["order"] = with_value["colour"].map(order)
    with_value["rank"] = with_value["rank"].astype(int)
    traces: list[Trace] = []
    shown_in_legend: set[int] = set()
    for (i, group), part in with_value.groupby(["order", "region_type"], sort=True):
        template = (
            f"<b>%{{properties.n}}</b><br>%{{z:,.{max(meta.decimals, 0)}f}} "
            + escape(meta.unit)
            + f"<br>{t('rank', lang)} "
            + t("rank_of", lang, rank="%{customdata}", n=n_ranked)
            + f"<br>{t('group', lang)}: {label('region_types', group, lang)}"
        )
        colour = part["colour"].iloc[0]
        legend = i not in shown_in_legend
        shown_in_legend.add(i)
        trace = _choropleth(part["code"], None, layer, colour, label_of[colour], template + footer, thin, f"class{i}", legend)
        trace["z"] = _hover_values(part["value"].to_numpy(dtype=float), meta.decimals)  # one colour per trace: z only feeds the hover
        trace["customdata"] = part["rank"].to_numpy(dtype=np.int16 if n_ranked < 32_000 else np.int32)
        traces.append(trace)
    return traces


def _status_traces(frame: pd.DataFrame, lang: str, layer: MapLayer, label_of: dict[str, str], footer: str, thin: float) -> list[Trace]:
    """No data and not applicable: each its own grey, its own legend entry, never a class."""
    traces: list[Trace] = []
    for status, colour in (("missing", classify.NO_DATA_COLOUR), ("na", classify.NOT_APPLICABLE_COLOUR)):
        part = frame[frame["status"] == status]
        if part.empty:
            continue
        key = "no_data" if status == "missing" else "not_applicable"
        template = f"<b>%{{properties.n}}</b><br>{t(key, lang)}"
        traces.append(_choropleth(part["code"], None, layer, colour, label_of[colour], template + footer, thin, status, True))
    return traces


def _map_layout(
    meta: IndicatorMeta, lang: str, layer: MapLayer, bbox: tuple[float, float, float, float], height: int, scale: float
) -> dict[str, Any]:
    """No base map (nothing fetched from a CDN), fitted to ``bbox``, the legend below the map."""
    lon0, lat0, lon1, lat1 = _padded(bbox)
    return dict(
        template="none",  # Plotly's default template adds ~10 KB to every rerun
        geo=dict(
            visible=False,  # no base map: nothing to fetch from a CDN
            projection=dict(type="mercator"),
            lonaxis=dict(range=[lon0, lon1]),
            lataxis=dict(range=[lat0, lat1]),
            bgcolor="rgba(0,0,0,0)",
        ),
        height=height,
        margin=dict(l=0, r=0, t=0, b=110),
        paper_bgcolor="rgba(0,0,0,0)",
        # Below the map, not over it: on a projector the legend must not hide the west coast.
        legend=dict(
            title=dict(text=f"{escape(meta.unit)}", side="top"),
            orientation="h",
            yanchor="top",
            y=0.0,
            xanchor="left",
            x=0.0,
            font=dict(size=round(13 * scale)),
            entrywidth=0.33,  # three entries a row: a tidy grid that never runs off the right edge
            entrywidthmode="fraction",
        ),
        hoverlabel=dict(align="left"),
        separators=",." if lang == "id" else ".,",  # decimal, thousands: 1.234,5 in Indonesian, as fmt_number
        uirevision=f"{layer.level}",  # keep the user's zoom while values change
        clickmode="event+select",
    )


@dataclass(frozen=True)
class Painting:
    """The colour of every region and the legend, for figures drawn outside the browser (exports)."""

    colour_of: dict[str, str]
    legend: list[tuple[str, str]]  # (colour, label) in legend order


def paint(frame: pd.DataFrame, meta: IndicatorMeta, lang: str, scheme: str, k: int, high_contrast: bool = False) -> Painting:
    """The same classes, colours and labels as :func:`build_map`, as plain data."""
    with_value = frame[frame["status"] == "value"]
    colour_of: dict[str, str] = {}
    legend: list[tuple[str, str]] = []
    if len(with_value):
        classes = classify.classify(with_value["value"].to_numpy(), scheme, k, meta.target, meta.direction)
        colours = classify.ramp(classes.k, meta.direction, high_contrast)
        colour_of.update({code: colours[c] for code, c in zip(with_value["code"], classes.class_of, strict=True)})
        legend.extend(zip(colours, class_labels(classes, meta, lang), strict=True))
    for status, colour, key in (("missing", classify.NO_DATA_COLOUR, "no_data"), ("na", classify.NOT_APPLICABLE_COLOUR, "not_applicable")):
        part = frame[frame["status"] == status]
        if len(part):
            colour_of.update(dict.fromkeys(part["code"], colour))
            legend.append((colour, f"{t(key, lang)} ({len(part)})"))
    return Painting(colour_of, legend)


def plotly_config(static_root: str, presenting: bool = False) -> dict[str, Any]:
    """Plotly config for maps: the world topojson comes from our own server, never a CDN.

    While presenting, Plotly's toolbar is off: a slide shows the map, not the tools."""
    config = {
        "topojsonURL": f"{static_root}/topojson/",
        "scrollZoom": False,  # a projector laptop's touchpad must not zoom the map by accident
        "displaylogo": False,
        "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    }
    if presenting:
        config["displayModeBar"] = False
    return config


def _hover_values(values: np.ndarray, decimals: int) -> np.ndarray:
    """Values rounded as the page shows them, as 4-byte floats where that keeps every shown digit."""
    rounded: np.ndarray = np.round(values, max(decimals, 0))
    exact = np.all(np.abs(rounded) * 10.0 ** max(decimals, 0) < 2**24)  # float32 holds 24 bits of mantissa
    return rounded.astype(np.float32) if exact else rounded


def _choropleth(
    codes: pd.Series, data: np.ndarray | None, layer: MapLayer, colour: str, name: str, template: str, line: float, group: str, show: bool
) -> Trace:
    """A single-colour choropleth trace. Names in ``data`` (first column) are escaped: they may come from uploads."""
    if data is not None:
        data = data.copy()
        data[:, 0] = [escape(str(n)) for n in data[:, 0]]
    trace = dict(
        type="choropleth",
        geojson=layer.url,
        locations=_locations(codes, layer),
        z=np.ones(len(codes), dtype=np.int8),  # one byte per region: the colour comes from the trace
        customdata=data,
        hovertemplate=template + "<extra></extra>",
        legendgroup=group,
        colorscale=[[0, _hex(colour)], [1, _hex(colour)]],
        showscale=False,
        showlegend=show,
        name=name,
        marker=dict(line=dict(color="white", width=line)),
    )
    if layer.short_ids():
        trace["featureidkey"] = "properties.i"
    return trace


_RGB = re.compile(r"rgb\(\s*(\d{1,3}),\s*(\d{1,3}),\s*(\d{1,3})\s*\)")


def _hex(colour: str) -> str:
    """``rgb(128, 0, 38)`` as ``#800026``: the same colour in 7 characters instead of 16, twice a trace."""
    found = _RGB.fullmatch(colour)
    return "#{:02x}{:02x}{:02x}".format(*(int(v) for v in found.groups())) if found else colour


def _locations(codes: pd.Series, layer: MapLayer) -> np.ndarray:
    """The regions of a trace: short ids as a typed array when the layer's file has them, else codes.

    A code the file does not hold becomes 0, which names no feature (the ids start at 1): it is not
    drawn, as a code without a polygon was not drawn before."""
    ids = layer.short_ids()
    if not ids:
        as_codes: np.ndarray = codes.to_numpy()  # pandas is untyped here
        return as_codes
    found: np.ndarray = codes.map(ids).fillna(0).to_numpy(dtype=np.int64)
    return found.astype(np.int16 if len(ids) < 32_000 else np.int32)


def _outline(outline: MapLayer, width: float) -> Trace:
    """Province borders drawn thick, from the province file, with a transparent fill."""
    return dict(
        type="choropleth",
        geojson=outline.url,
        locations=["61", "62", "63", "64", "65"],
        z=[0, 0, 0, 0, 0],
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        showscale=False,
        showlegend=False,
        hoverinfo="skip",
        marker=dict(line=dict(color=_OUTLINE, width=width)),
        name="provinsi",
    )


def _border(border: MapLayer, lang: str) -> Trace:
    """The land border with Malaysia: a thin band from its own static file, drawn dark."""
    return dict(
        type="choropleth",
        geojson=border.url,
        locations=["MYS"],
        z=[1],
        colorscale=[[0, _BORDER], [1, _BORDER]],
        showscale=False,
        showlegend=True,
        hoverinfo="skip",
        marker=dict(line=dict(width=0)),
        name=t("international_border", lang),
    )


_RIVER = "#4a90c2"  # a light blue: context, not data


def rivers(layer: MapLayer, lang: str) -> Trace:
    """The main rivers (GSHHG) as thin blue lines, from their own static file (``level`` rivers):
    optional context, since rivers are how much of Kalimantan travels."""
    return dict(
        type="choropleth",
        geojson=layer.url,
        locations=["RIVERS"],
        z=[1],
        colorscale=[[0, _RIVER], [1, _RIVER]],
        showscale=False,
        showlegend=True,
        hoverinfo="skip",
        marker=dict(line=dict(width=0), opacity=0.8),
        name=t("map_rivers", lang),
    )


def highlight(code: str, layer: MapLayer) -> Trace:
    """The selected region drawn as a thick outline from its level's file (by URL, like every boundary)."""
    return dict(
        type="choropleth",
        geojson=layer.url,
        locations=[code],
        z=[0],
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        showscale=False,
        showlegend=False,
        hoverinfo="skip",
        marker=dict(line=dict(color="#0b3d91", width=4.0)),
        name="selected",
    )


def _points(points: pd.DataFrame, lang: str, size: int = 11) -> Trace:
    symbols = {"open": "diamond", "unverified": "diamond-open", "planned": "x", "closed": "x-thin-open"}
    text = [f"<b>{escape(n)}</b><br>{label('point_status', s, lang)}" for n, s in zip(points["name"], points["status"], strict=True)]
    return dict(
        type="scattergeo",
        lon=points["lon"].to_numpy(),
        lat=points["lat"].to_numpy(),
        mode="markers",
        marker=dict(
            size=size, color="#1f4e9c", symbol=[symbols.get(s, "circle") for s in points["status"]], line=dict(width=1.5, color="white")
        ),
        hovertext=text,
        hoverinfo="text",
        name=t("plbn_points", lang),
        showlegend=True,
    )


def _padded(bbox: tuple[float, float, float, float], pad: float = 0.04) -> tuple[float, float, float, float]:
    lon0, lat0, lon1, lat1 = bbox
    dx, dy = (lon1 - lon0) * pad, (lat1 - lat0) * pad
    return lon0 - dx, lat0 - dy, lon1 + dx, lat1 + dy


# --------------------------------------------------------------------------- groups, labels, fit, slides
# Kept apart from build_map: these add to a built figure, so the map's core stays one function.

GROUP_MARKS = {"kota": "#0072B2", "perbatasan": "#009E73"}  # Okabe-Ito blue and green: apart from the yellow–red classes
_LABEL_PREFIXES = ("Kabupaten ", "Kota ")


def fit_bbox(places: pd.DataFrame, codes: pd.Series | list[str], pad: float = 0.0) -> tuple[float, float, float, float] | None:
    """The extent of the regions shown (``places`` from ``queries/region_places.sql``), or None when
    none is known: a map of one province or of the border regencies only is drawn as large as it can be."""
    shown = places[places["code"].isin(list(codes))].dropna(subset=["min_lon", "min_lat", "max_lon", "max_lat"])
    if shown.empty:
        return None
    lon0, lat0, lon1, lat1 = shown["min_lon"].min(), shown["min_lat"].min(), shown["max_lon"].max(), shown["max_lat"].max()
    dx, dy = (lon1 - lon0) * pad, (lat1 - lat0) * pad
    return float(lon0 - dx), float(lat0 - dy), float(lon1 + dx), float(lat1 + dy)


def add_group_marks(fig: go.Figure, frame: pd.DataFrame, regencies: MapLayer, lang: str, width: float = 2.5) -> None:
    """Outline the cities and the border regencies on the map itself, each with a legend entry.

    The outline is drawn from the regency file whatever the level, so a district or village map still
    shows which regencies are cities or on the border (the headline compares exactly these groups)."""
    for group, colour in GROUP_MARKS.items():
        codes = sorted(set(frame.loc[frame["region_type"] == group, "regency_code"].dropna()))
        if not codes:
            continue
        fig.add_trace(
            go.Choropleth(
                geojson=regencies.url,
                locations=codes,
                z=[0] * len(codes),
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
                showlegend=False,  # a hollow choropleth's legend swatch is blank: the line below stands for it
                hoverinfo="skip",
                marker=dict(line=dict(color=colour, width=width)),
                name=t(f"map_mark_{group}", lang),
                legendgroup=f"mark_{group}",
            )
        )
        fig.add_trace(  # legend only: a line swatch in the outline's colour, toggling the outline with it
            go.Scattergeo(
                lon=[None],
                lat=[None],
                mode="lines",
                line=dict(color=colour, width=width),
                name=t(f"map_mark_{group}", lang),
                legendgroup=f"mark_{group}",
                hoverinfo="skip",
            )
        )


def short_name(name: str) -> str:
    """A regency's name as a map label: without "Kabupaten"/"Kota" (the outline says which it is)."""
    for prefix in _LABEL_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def add_name_labels(fig: go.Figure, frame: pd.DataFrame, places: pd.DataFrame, size: int = 10, px_per_degree: float = 80.0) -> None:
    """Regency names on the map (regency level only: 626 districts or 7,229 villages would be a blur).

    A label is placed only where it does not overlap one already placed, largest regencies first: in
    the crowded south-east a small city keeps its outline and its hover, not an unreadable pile of
    names. ``px_per_degree`` is the map's scale on screen the labels are spaced for."""
    shown = frame[["code", "name"]].merge(places, on="code", how="inner").dropna(subset=["rep_lon", "rep_lat"])
    if shown.empty:
        return
    shown = shown.assign(extent=(shown["max_lon"] - shown["min_lon"]) * (shown["max_lat"] - shown["min_lat"]))
    char_w, line_h = 0.6 * size / px_per_degree, 1.25 * size / px_per_degree  # a label's box, in degrees
    placed: list[tuple[float, float, float, float]] = []
    lon, lat, text = [], [], []
    for row in shown.sort_values("extent", ascending=False).itertuples():
        name = short_name(str(row.name))
        half_w, half_h = len(name) * char_w / 2, line_h / 2
        box = (row.rep_lon - half_w, row.rep_lat - half_h, row.rep_lon + half_w, row.rep_lat + half_h)
        if any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in placed):
            continue
        placed.append(box)
        lon.append(round(row.rep_lon, 3))  # ~100 m: a label's place needs no more
        lat.append(round(row.rep_lat, 3))
        text.append(escape(name))
    fig.add_trace(
        go.Scattergeo(
            lon=lon,
            lat=lat,
            mode="text",
            text=text,
            textfont=dict(size=size, color="#111111"),
            hoverinfo="skip",
            showlegend=False,
            name="labels",
        )
    )


def equity_map(
    frame: pd.DataFrame,
    meta: IndicatorMeta,
    year: int,
    lang: str,
    layer: MapLayer,
    regencies: MapLayer,
    places: pd.DataFrame | None,
    presenting: bool = False,
    label_size: int = 10,
    river_layer: MapLayer | None = None,
    **options: Any,  # build_map's keyword arguments, passed on as they are
) -> go.Figure:
    """The equity map page's figure whole: the choropleth (:func:`build_map` with ``options``), the
    cities and border regencies outlined, the main rivers when asked for (``river_layer``), regency names at
    regency level (``places`` given), and, while presenting, laid out as a slide. One function, so the finished figure can be built once per
    view and shared by every session (``ui/views.py``)."""
    fig = build_map(frame, meta, year, lang, layer, presenting=presenting, **options)
    add_group_marks(fig, frame, regencies, lang, width=3.5 if presenting else 2.5)
    if river_layer is not None:  # context when asked for: the band comes from its own static file, by URL
        fig.add_trace(rivers(river_layer, lang))
    if places is not None:
        # spaced for the map's scale on screen: ~70 px per degree on a 1280×720 slide, ~60 on the desktop view
        add_name_labels(fig, frame, places, size=label_size, px_per_degree=70 if presenting else 60)
    return for_meeting(fig) if presenting else fig


def for_meeting(fig: go.Figure) -> go.Figure:
    """The map as a slide: it fills its frame (no fixed height, no margin) and its legend moves beside
    it into the page (see :func:`legend_html`), so the drawing takes all the room there is."""
    fig.update_layout(height=None, autosize=True, margin=dict(l=0, r=0, t=0, b=0), showlegend=False)
    return fig


def legend_html(fig: go.Figure, unit: str, lang: str) -> str:
    """The map's legend as HTML for the side of a slide: a swatch and the text of every legend entry.

    Read from the figure's own traces (its dict, so a shared prebuilt figure works too), so the
    slide's legend cannot disagree with the map."""
    rows = []
    seen: set[str] = set()
    for trace in fig.to_dict().get("data", []):
        name = trace.get("name")
        if not name or name in seen or trace.get("showlegend") is False:
            continue
        seen.add(name)
        marker = trace.get("marker") or {}
        scale = trace.get("colorscale") or [[0, "#cccccc"]]
        if trace.get("type") == "scattergeo" and trace.get("mode") == "lines":  # a line (outline, river): a hollow swatch
            swatch = f"<span class='lg-sw' style='border:0.2rem solid {(trace.get('line') or {}).get('color')}'></span>"
        elif trace.get("type") == "scattergeo":
            colour = marker.get("color") if isinstance(marker.get("color"), str) else "#1f4e9c"
            swatch = f"<span class='lg-sw' style='background:{colour};transform:rotate(45deg) scale(0.75)'></span>"
        elif scale[0][1] == "rgba(0,0,0,0)":  # an outline: a hollow swatch
            swatch = f"<span class='lg-sw' style='border:0.2rem solid {(marker.get('line') or {}).get('color')}'></span>"
        else:
            swatch = f"<span class='lg-sw' style='background:{scale[0][1]}'></span>"
        rows.append(f"<div class='lg-row'>{swatch}<span>{escape(str(name))}</span></div>")
    title = f"<div class='lg-title'>{escape(unit)}</div>" if unit else ""
    return f"<div class='meeting-legend' lang='{lang}'>{title}{''.join(rows)}</div>"
