"""Figures of the regency profile page: the regency's own map of districts or villages."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kalimantan_equity.services import mapview

_RING = "#3b3b3b"  # the regency's boundary, as dark as the overview's province outlines


def regency_map(
    frame: pd.DataFrame,
    meta: mapview.IndicatorMeta,
    year: int,
    lang: str,
    layer: mapview.MapLayer,
    regency_layer: mapview.MapLayer,
    region: str,
    points: pd.DataFrame | None,
    bbox: tuple[float, float, float, float],
    height: int = 560,
    high_contrast: bool = False,
    rivers: mapview.MapLayer | None = None,
    presenting: bool = False,
) -> go.Figure:
    """The equity map's choropleth (geometry by URL) zoomed to one regency, ringed by its own boundary.

    The province outlines are left out: zoomed in, a province reaches past the view and its clipped
    outline would draw a box along the edges. The regency's boundary lies inside the view.
    ``rivers``: the main rivers as context, under the regency's boundary. ``presenting``: laid out
    as a slide (it fills its frame; its legend is drawn beside it, from ``mapview.legend_html``).
    """
    fig = mapview.build_map(
        frame, meta, year, lang, layer, points=points, bbox=bbox, height=height, high_contrast=high_contrast, presenting=presenting
    )
    ring = dict(
        type="choropleth",
        geojson=regency_layer.url,
        locations=[region],
        z=[0],
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        showscale=False,
        showlegend=False,
        hoverinfo="skip",
        marker=dict(line=dict(color=_RING, width=1.5)),
        name="kabupaten",
    )
    river = [mapview.rivers(rivers, lang)] if rivers is not None else []
    out = go.Figure(data=[*fig.data, *river, ring], layout=fig.layout, _validate=False)
    return mapview.for_meeting(out) if presenting else out
