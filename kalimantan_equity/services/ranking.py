"""The ranking beside the map: best and worst regions as a dot plot, coloured by region group."""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go

from kalimantan_equity.services.i18n import fmt_number, label, t
from kalimantan_equity.services.mapview import IndicatorMeta, rank_values
from kalimantan_equity.services.summary import GROUPS

GROUP_COLOURS = {"kota": "#0072B2", "kabupaten": "#8c8c8c", "perbatasan": "#D55E00"}  # Okabe-Ito: colour-blind safe
TOP_N = 10  # dots at each end: readable on a projector


def ranked(frame: pd.DataFrame, direction: int) -> pd.DataFrame:
    """Regions with a value, best first (rank 1), ties sharing the better rank."""
    rows = frame[frame["status"] == "value"].copy()
    rows["rank"] = rank_values(rows["value"], direction)
    return rows.sort_values(["rank", "name"])


def top_and_bottom(rows: pd.DataFrame, selected: str | None, top_n: int = TOP_N) -> pd.DataFrame:
    """The first and last ``top_n`` regions, plus the selected one wherever it ranks."""
    if len(rows) <= 2 * top_n:
        return rows
    keep = pd.concat([rows.head(top_n), rows.tail(top_n)])
    if selected is not None and selected in rows["code"].to_numpy() and selected not in keep["code"].to_numpy():
        keep = rows[rows["code"].isin([*keep["code"], selected])]
    return keep


def rank_text(rank: int, tied: bool) -> str:
    """``1.`` for a rank held alone, ``=1`` for a rank shared (ten regencies at 100 % are not all "first")."""
    return f"={int(rank)}" if tied else f"{int(rank)}."


def tied(rows: pd.DataFrame) -> pd.Series:
    """Whether each row's rank is shared with another region (computed over every ranked region)."""
    return rows["rank"].duplicated(keep=False)


def place_names(rows: pd.DataFrame, places: pd.DataFrame | None) -> pd.Series:
    """A region's name as a ranking reads it: "village, district, regency" for villages and "district,
    regency" for districts (names repeat across Kalimantan: there are many a Sungai Ambawang)."""
    if places is None or rows.empty or rows["level"].iloc[0] == "kabupaten":
        return rows["name"].astype(str)
    where = rows[["code"]].merge(places[["code", "district_name", "regency_name"]], on="code", how="left").set_index(rows.index)
    parts = [rows["name"].astype(str)]
    if rows["level"].iloc[0] == "desa":
        parts.append(where["district_name"])
    parts.append(where["regency_name"])
    return pd.Series([", ".join(str(p) for p in names if isinstance(p, str) and p) for names in zip(*parts, strict=True)], index=rows.index)


def figure(shown: pd.DataFrame, n_ranked: int, meta: IndicatorMeta, lang: str, selected: str | None) -> go.Figure:
    """A dot plot, not bars: values cluster far from zero (83–100 %), and dots need no zero baseline.

    ``shown`` may carry ``tied`` (see :func:`tied`) and ``place`` (see :func:`place_names`)."""
    ties = shown["tied"] if "tied" in shown else pd.Series(False, index=shown.index)
    names = shown["place"] if "place" in shown else shown["name"]
    labels = [f"{rank_text(r, d)} {escape(str(n))}" for r, d, n in zip(shown["rank"], ties, names, strict=True)]
    shown = shown.assign(axis_label=labels)
    traces = []
    for group in GROUPS:  # one trace per group, so the chart carries its own colour legend
        part = shown[shown["region_type"] == group]
        if part.empty:
            continue
        is_selected = (part["code"] == selected).to_numpy()
        traces.append(
            dict(
                type="scatter",
                x=part["value"].to_numpy(),
                y=part["axis_label"].tolist(),
                mode="markers",
                name=label("region_types", group, lang),
                marker=dict(
                    size=[16 if s else 11 for s in is_selected],
                    color=GROUP_COLOURS[group],
                    line=dict(width=[3 if s else 0 for s in is_selected], color="#0b3d91"),
                ),
                customdata=[fmt_number(v, lang, meta.decimals) for v in part["value"]],
                hovertemplate="%{y}<br>%{customdata} " + escape(meta.unit) + f"<br>{label('region_types', group, lang)}<extra></extra>",
            )
        )
    layout = dict(
        template="none",
        height=max(300, 24 * len(shown) + 90),
        margin=dict(l=10, r=10, t=70, b=40),
        yaxis=dict(autorange="reversed", automargin=True, tickfont=dict(size=13), categoryorder="array", categoryarray=labels),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0),
        xaxis=dict(title=dict(text=escape(meta.unit)), automargin=True, gridcolor="#e5e5e5"),
        title=dict(text=t("ranking_title", lang, n=min(TOP_N, n_ranked)), font=dict(size=14), y=0.99, yanchor="top"),
        separators=",." if lang == "id" else ".,",
        plot_bgcolor="white",
    )
    return go.Figure(data=traces, layout=layout, _validate=False)  # plain dicts of known-good values
