"""Maps as images for slides and documents, drawn on the server with matplotlib (no browser).

The same geometry files the browser fetches and the same colours as the interactive map; every
image carries its title, source, year, date and, for simulated data, a visible stamp.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")  # no display on a server
from matplotlib.artist import Artist  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402 - a Figure object, not pyplot: pyplot's global state is not thread-safe
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from kalimantan_equity.geo.mpl_text import mpl_escape  # noqa: E402

SLIDE_PX = (1920, 1080)  # 16:9 at full-HD: sharp on a projector and in a PowerPoint slide
_DPI = 160
_BORDER = "#5b2a86"


@dataclass(frozen=True)
class Stamp:
    title: str
    subtitle: str  # indicator, unit, year
    source: str  # "Sumber: …"
    date: str  # "Dibuat 30 November 2026"
    simulated: str | None = None  # the "Data simulasi" mark, when it applies


def _mpl(colour: str) -> tuple[float, float, float]:
    """Plotly's ``rgb(r, g, b)`` or a hex colour as an RGB tuple for matplotlib."""
    if colour.startswith("rgb"):
        parts = colour[colour.index("(") + 1 : colour.rindex(")")].split(",")
        return tuple(float(p) / 255 for p in parts[:3])  # type: ignore[return-value]
    return to_rgb(colour)


@lru_cache(maxsize=8)
def _layer(path: str) -> gpd.GeoDataFrame:
    frame = gpd.read_file(path)
    frame["code"] = frame["id"] if "id" in frame.columns else frame.index.astype(str)
    return frame


# The compact picture (for slides and the one-page profile): the map in the left part, clipped at
# COMPACT_MAP_RIGHT, and the legend from COMPACT_LEGEND_LEFT on. The one-page profile cuts the picture
# between the two to place the legend in its own column (services/briefings.py::split_map_picture).
COMPACT_MAP_RIGHT = 0.63
COMPACT_LEGEND_LEFT = 0.64


def map_image(
    geometry: Path,
    colour_of: dict[str, str],
    legend: list[tuple[str, str]],
    stamp: Stamp,
    outline: Path | None = None,
    border: Path | None = None,
    fmt: str = "png",
    size_px: tuple[int, int] = SLIDE_PX,
    points: tuple[list[float], list[float], str] | None = None,
    unit: str | None = None,
    note: str | None = None,
    border_label: str | None = None,
    compact: bool = False,
) -> bytes:
    """A choropleth as PNG or SVG: regions not in ``colour_of`` are left out (filtered views).

    What the screen shows is drawn too: ``points`` (longitudes, latitudes, legend label) as dark
    diamonds (PLBN posts, service points), the land border with its legend entry ``border_label``,
    the legend titled with the ``unit``, and ``note`` (the gap sentence) under the legend.

    ``compact`` is the picture for a slide, whose title, figures, source and mark are slide text:
    only the map and its legend, drawn larger, so they stay legible at the slide's scale."""
    # names are text, never maths: "(US$) … (US$)" keeps its spaces (geo/mpl_text.py)
    stamp = Stamp(**{k: mpl_escape(v) if isinstance(v, str) else v for k, v in vars(stamp).items()})
    legend, points = [(c, mpl_escape(text)) for c, text in legend], (points[0], points[1], mpl_escape(points[2])) if points else None
    note, unit, border_label = (mpl_escape(x) if isinstance(x, str) else x for x in (note, unit, border_label))
    regions = _layer(str(geometry))
    shown = regions[regions["code"].isin(colour_of)]
    fig = Figure(figsize=(size_px[0] / _DPI, size_px[1] / _DPI), dpi=_DPI)
    ax = fig.add_axes((0.01, 0.02, COMPACT_MAP_RIGHT - 0.01, 0.96) if compact else (0.02, 0.1, 0.66, 0.74))
    ax.set_axis_off()
    shown.plot(ax=ax, color=[_mpl(colour_of[c]) for c in shown["code"]], edgecolor="white", linewidth=0.15 if len(shown) > 1000 else 0.4)
    if outline is not None:
        _layer(str(outline)).boundary.plot(ax=ax, color="#3b3b3b", linewidth=1.1)
    handles_extra: list[Artist] = []
    if border is not None and _layer(str(border)).shape[0]:
        _layer(str(border)).plot(ax=ax, color=_BORDER, linewidth=0)
        if border_label:
            handles_extra.append(Patch(facecolor=_BORDER, edgecolor=_BORDER, label=border_label))
    if points is not None and len(points[0]):
        ax.scatter(points[0], points[1], marker="D", s=22, color="#0b3d91", edgecolors="white", linewidths=0.6, zorder=5)
        handles_extra.append(Line2D([], [], marker="D", linestyle="", color="#0b3d91", markeredgecolor="white", label=points[2]))
    minx, miny, maxx, maxy = shown.total_bounds
    pad_x, pad_y = (maxx - minx) * 0.03, (maxy - miny) * 0.03
    ax.set_xlim(minx - pad_x, maxx + pad_x)
    ax.set_ylim(miny - pad_y, maxy + pad_y)
    ax.set_aspect("equal")
    handles = [Patch(facecolor=_mpl(c), edgecolor="#777777", label=label) for c, label in legend] + handles_extra
    if compact:  # a narrower legend column: long labels ("International border (Malaysia)") wrap instead of leaving the image
        for handle in handles:
            handle.set_label(textwrap.fill(str(handle.get_label()), 24))
    size = 14 if compact else 12
    legend_box = fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(COMPACT_LEGEND_LEFT, 0.97) if compact else (0.7, 0.84), fontsize=size,
                            frameon=False, title=unit, title_fontsize=size + 1, alignment="left")  # fmt: skip
    if compact:
        return _save(fig, fmt)
    fig.text(0.02, 0.955, stamp.title, fontsize=20, fontweight="bold", va="top")
    fig.text(0.02, 0.895, stamp.subtitle, fontsize=13, va="top", color="#333333")
    if note:
        fig.draw_without_rendering()  # the legend's height is known only once drawn: the sentence goes right under it
        bottom = legend_box.get_window_extent().transformed(fig.transFigure.inverted()).y0
        fig.text(0.705, bottom - 0.03, textwrap.fill(note, 26), fontsize=15, fontweight="bold", va="top", color="#222222")
    fig.text(0.02, 0.045, stamp.source, fontsize=10, color="#333333")
    fig.text(0.02, 0.015, stamp.date, fontsize=10, color="#555555")
    if stamp.simulated:
        fig.text(0.98, 0.955, stamp.simulated, fontsize=18, fontweight="bold", color="#b00020", ha="right", va="top",
                 bbox=dict(facecolor="white", edgecolor="#b00020", boxstyle="round,pad=0.3"))  # fmt: skip
    return _save(fig, fmt)


def _save(fig: Figure, fmt: str) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=_DPI)
    return buffer.getvalue()
