"""Charts as stamped slide images: the figure the page shows, exported by Plotly's own Kaleido.

Kaleido draws the figure in the server's Chromium (Debian's ``chromium`` package), offline: the
Plotly.js it loads ships inside the ``plotly`` package. The page's figure is copied, given the
stamp (title, indicator and year, source, date, the simulated mark) and exported at 1280×720 CSS
pixels with scale 1.5, so a PNG is 1920×1080 with type as large relative to the slide as on screen.
Maps are not exported this way (geo/render.py draws them with matplotlib, without a browser).
"""

from __future__ import annotations

import copy
import logging
from functools import lru_cache
from html import escape as _html_escape

import plotly.graph_objects as go
import plotly.io as pio

from geo.render import SLIDE_PX, Stamp

_LOG = logging.getLogger(__name__)


def escape(text: str) -> str:
    """``<``, ``>`` and ``&`` as entities Plotly decodes; quotes stay quotes (Plotly would print ``&quot;``)."""
    return _html_escape(text, quote=False)


_CSS_PX = (1280, 720)
_SCALE = SLIDE_PX[0] / _CSS_PX[0]
_SIMULATED_RED = "#b00020"


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether a Chromium for Kaleido is installed on this server (looked up once per process)."""
    try:
        from choreographer.browsers.chromium import Chromium

        return Chromium.find_browser(skip_local=False) is not None
    except Exception:  # noqa: BLE001 - no Kaleido or no browser: the page says so instead of offering buttons
        _LOG.warning("chart images unavailable", exc_info=True)
        return False


def stamped(figure: go.Figure, stamp: Stamp) -> go.Figure:
    """A copy of ``figure`` laid out for a 16:9 slide with the stamp on it; the page's figure is untouched."""
    fig = go.Figure(copy.deepcopy(figure.to_dict()), skip_invalid=True)
    margin = fig.layout.margin
    fig.update_layout(
        width=_CSS_PX[0],
        height=_CSS_PX[1],
        paper_bgcolor="white",
        title=dict(
            text=f"<b>{escape(stamp.title)}</b><br><span style='font-size:15px'>{escape(stamp.subtitle)}</span>",
            x=0.01,
            xanchor="left",
            y=0.975,
            yanchor="top",
            font=dict(size=20),
        ),
        margin=dict(t=95, b=max(70, (margin.b or 0) + 45), l=max(20, margin.l or 0), r=max(20, margin.r or 0)),
    )
    notes = [
        dict(text=escape(stamp.source), x=0, y=0, yshift=-0, font=dict(size=11, color="#333333")),
        dict(text=escape(stamp.date), x=1, y=0, xanchor="right", font=dict(size=11, color="#555555")),
    ]
    for note in notes:
        fig.add_annotation(
            xref="paper", yref="paper", yanchor="bottom", xanchor=note.pop("xanchor", "left"), showarrow=False, align="left", **note
        )
    # The notes sit in the bottom margin, in pixels below the plot area.
    for annotation in fig.layout.annotations[-2:]:
        annotation.update(yref="paper", y=0, yanchor="top", yshift=-(fig.layout.margin.b - 22))
    if stamp.simulated:
        fig.add_annotation(
            text=f"<b>{escape(stamp.simulated)}</b>",
            xref="paper",
            yref="paper",
            x=1,
            y=1,
            xanchor="right",
            yanchor="bottom",
            yshift=40,
            showarrow=False,
            font=dict(size=18, color=_SIMULATED_RED),
            bordercolor=_SIMULATED_RED,
            borderwidth=2,
            borderpad=5,
            bgcolor="white",
        )
    return fig


def image(figure: go.Figure, stamp: Stamp, fmt: str = "png") -> bytes:
    """The stamped chart as PNG (1920×1080) or SVG."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown image format: {fmt}")
    return pio.to_image(stamped(figure, stamp), format=fmt, width=_CSS_PX[0], height=_CSS_PX[1], scale=_SCALE)
