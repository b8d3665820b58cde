"""Charts as stamped slide images: the figure the page shows, exported by Plotly's own Kaleido.

Kaleido draws the figure in the server's Chromium (Debian's ``chromium`` package), offline: the
Plotly.js it loads ships inside the ``plotly`` package. The page's figure is copied, given the
stamp (title, indicator and year, source, date, the simulated mark) and exported at 1280×720 CSS
pixels with scale 1.5, so a PNG is 1920×1080 with type as large relative to the slide as on screen.
Maps are not exported this way (geo/render.py draws them with matplotlib, without a browser).
"""

from __future__ import annotations

import asyncio
import atexit
import copy
import logging
import threading
from functools import lru_cache
from html import escape as _html_escape
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from kalimantan_equity.geo.render import SLIDE_PX, Stamp

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
    opts = dict(format=fmt, width=_CSS_PX[0], height=_CSS_PX[1], scale=_SCALE)
    return _CHROMIUM.render(stamped(figure, stamp).to_dict(), opts)


_RENDER_TIMEOUT_S = 90.0


class _Chromium:
    """Kaleido's Chromium, started at the first export and kept for the life of the process.

    ``pio.to_image`` starts a new Chromium for every image (about a second and a process each);
    under a meeting's load that is a browser per click. Here one Kaleido runs on an event loop of
    its own thread; exports take turns on its tab (a lock), each with a time limit, and a
    browser that failed or hung is dropped and started afresh on the next export. Kaleido's own
    ``start_sync_server`` is not used: it hands results back through one shared queue (two
    sessions exporting at once could swap images) and waits without a time limit.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None  # kaleido.Kaleido: the package has no type information
        self.starts = 0  # how many browsers this process has started (tests check it stays at one)

    def render(self, fig: dict[str, Any], opts: dict[str, Any]) -> bytes:
        with self._lock:
            self._ensure_started()
            browser, loop = self._kaleido, self._loop
            if browser is None or loop is None:  # _ensure_started raises rather than leave these unset
                raise RuntimeError("chart image browser not started")
            future = asyncio.run_coroutine_threadsafe(browser.calc_fig(fig, opts=opts, topojson=pio.defaults.topojson), loop)
            try:
                result: bytes = future.result(_RENDER_TIMEOUT_S)
                return result
            except BaseException:
                future.cancel()
                self._stop()  # a failed or hung browser is not reused
                raise

    def _ensure_started(self) -> None:
        if self._kaleido is not None and self._thread is not None and self._thread.is_alive():
            return
        import kaleido

        async def open_browser() -> Any:
            browser = kaleido.Kaleido(n=1, plotlyjs=pio.defaults.plotlyjs, mathjax=pio.defaults.mathjax)
            await browser.open()
            return browser

        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="kaleido-chromium", daemon=True)
        thread.start()
        try:
            browser = asyncio.run_coroutine_threadsafe(open_browser(), loop).result(_RENDER_TIMEOUT_S)
        except BaseException:
            loop.call_soon_threadsafe(loop.stop)
            raise
        self._loop, self._thread, self._kaleido = loop, thread, browser
        self.starts += 1

    def _stop(self) -> None:
        loop, browser = self._loop, self._kaleido
        self._loop = self._thread = self._kaleido = None
        if loop is None:
            return
        if browser is not None:
            try:
                asyncio.run_coroutine_threadsafe(browser.close(), loop).result(10)
            except BaseException:  # noqa: BLE001 - closing a broken browser may fail; it is dropped either way
                _LOG.warning("chart image browser did not close cleanly", exc_info=True)
        loop.call_soon_threadsafe(loop.stop)

    def close(self) -> None:
        with self._lock:
            self._stop()


_CHROMIUM = _Chromium()
atexit.register(_CHROMIUM.close)
