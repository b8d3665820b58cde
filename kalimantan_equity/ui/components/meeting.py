"""Meeting mode for presenting on a projector: large type, no sidebar or Streamlit chrome.

The mode is a toggle in the sidebar and a link parameter (``?rapat=1``); while it is on, the
sidebar is hidden, so a small bar at the top of the page offers the way out. Pages read
:func:`is_on` to draw thicker lines and larger legends.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from kalimantan_equity.services.i18n import t
from kalimantan_equity.ui.components import url_state

KEY = "meeting"
PARAM = "rapat"
CONTRAST_KEY = "high_contrast"
_MODE, _CONTRAST = "_meeting_on", "_high_contrast_on"  # the state itself; the widgets above only show it

# Sizes are in rem so the whole page scales with the root font size; 20 px keeps every caption at
# 20 px or more, and headline figures at 2.3 rem = 46 px.
# A slide is one screen: the map or chart frame takes the window's height (``.st-key-meeting_fill``),
# the exit button floats in a corner instead of taking a row, and nothing greys out while the next
# step is drawn (a stale element stays as it was until its replacement arrives whole).
_CSS = """
<style>
html { font-size: 20px; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="collapsedControl"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], footer,
[data-testid="stTooltipIcon"], .modebar-container, [data-testid="stElementToolbar"] { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding: 0.4rem 0.8rem 0 0.8rem !important; max-width: 100% !important; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.45rem; }
h1 { font-size: 1.5rem !important; padding: 0 !important; margin: 0 !important; line-height: 1.2 !important; }
[data-testid="stHeaderActionElements"] { display: none !important; }
[data-testid="stMarkdown"], .stMarkdown { margin-bottom: 0 !important; }
h2 { font-size: 1.3rem !important; padding: 0 !important; }
[data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"] p { font-size: 1rem !important; line-height: 1.3 !important; }
[data-testid="stMarkdownContainer"] { margin-bottom: 0 !important; }
[data-testid="stMarkdownContainer"] p { margin: 0 0 0.3rem 0 !important; }
.st-key-step_prev p, .st-key-step_next p { font-size: 0.8rem !important; white-space: nowrap; }
[data-testid="stMetricLabel"] p { font-size: 1rem !important; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * { white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMetricValue"] { font-size: 2.1rem !important; line-height: 1.1 !important; }
[data-testid="stHeading"] { margin: 0 0 0.25rem 0 !important; }
.st-key-slide_head, *:has(> .st-key-slide_head) { order: -1; }
[data-stale="true"] { opacity: 1 !important; transition: none !important; }
.st-key-step_clicker, .st-key-profile_region { display: none !important; }
.st-key-meeting_exit { position: fixed; left: 0.5rem; bottom: 0.5rem; z-index: 999990; opacity: 0.55; }
.st-key-meeting_exit button { min-height: 0; padding: 0.1rem 0.5rem; }
.st-key-meeting_exit button p { font-size: 0.7rem !important; }
.st-key-step_keys { position: fixed; left: 0.6rem; bottom: 2.1rem; z-index: 999990; opacity: 0.55; width: auto !important; }
.st-key-step_keys [data-testid="stCaptionContainer"], .st-key-step_keys p { font-size: 0.7rem !important; margin: 0 !important; }
.st-key-meeting_fill { height: calc(100vh - 1rem) !important; min-height: calc(100vh - 1rem) !important; flex: none !important; }
.st-key-meeting_fill_half { height: calc(100vh - 11rem) !important; min-height: calc(100vh - 11rem) !important; flex: none !important; }
.st-key-meeting_fill [data-testid="stElementContainer"], .st-key-meeting_fill_half [data-testid="stElementContainer"],
.st-key-meeting_fill [data-testid="stPlotlyChart"], .st-key-meeting_fill_half [data-testid="stPlotlyChart"],
.st-key-meeting_fill .js-plotly-plot, .st-key-meeting_fill_half .js-plotly-plot { height: 100% !important; }
.st-key-meeting_reserved { min-height: 1.4rem; }
.meeting-legend { font-size: 0.8rem; line-height: 1.15; display: grid; grid-template-columns: 1fr 1fr; gap: 0.1rem 0.8rem; }
.meeting-legend .lg-title { grid-column: 1 / -1; font-weight: 600; }
.meeting-legend .lg-row { display: flex; align-items: center; gap: 0.4rem; }
.meeting-legend .lg-sw { flex: none; width: 0.9rem; height: 0.9rem; display: inline-block; box-sizing: border-box; }
.st-key-slide_headline h1 { font-size: 2.1rem !important; line-height: 1.1 !important; }
.st-key-slide_side li { font-size: 1rem !important; line-height: 1.3 !important; margin: 0 0 0.15rem 0 !important; }
.st-key-slide_side ul { margin: 0 0 0.3rem 0 !important; padding-left: 1.1rem !important; }
.meeting-table { border-collapse: collapse; font-size: 0.9rem; line-height: 1.2; width: 100%; }
.meeting-table th, .meeting-table td { padding: 0.12rem 0.6rem; border-bottom: 1px solid #d0d0d0; text-align: right; }
.meeting-table th:first-child, .meeting-table td:first-child { text-align: left; }
.meeting-table th { font-weight: 600; border-bottom: 2px solid #888; }
.st-key-meeting_big p { font-size: 1.3rem !important; line-height: 1.3 !important; margin-bottom: 0.35rem !important; }
</style>
"""


def show(lang: str) -> bool:
    """The sidebar toggles, seeded once from the link; returns whether meeting mode is on.

    The truth lives under keys no widget owns (``_MODE``, ``_CONTRAST``); the toggles show and change
    it. Streamlit can give a frame widget a new identity between the first run of a session and the
    next (seen when the first interaction is a keyboard shortcut), and a widget that owned the value
    would then fall back to its default: the presenter's meeting mode would switch itself off.
    """
    if _MODE not in st.session_state:
        wanted = st.query_params.get(PARAM)
        st.session_state[_MODE] = wanted == "1"
        if wanted not in (None, "0", "1"):
            url_state.note_ignored(PARAM)
    st.session_state.setdefault(_CONTRAST, False)
    st.toggle(t("meeting_mode", lang), value=st.session_state[_MODE], key=KEY, help=t("meeting_mode_help", lang),
              on_change=_follow, args=(KEY, _MODE))  # fmt: skip
    st.toggle(
        t("high_contrast", lang), value=st.session_state[_CONTRAST], key=CONTRAST_KEY, on_change=_follow, args=(CONTRAST_KEY, _CONTRAST)
    )
    on = is_on()
    if on:
        st.query_params[PARAM] = "1"
    else:
        st.query_params.pop(PARAM, None)
    return on


def _follow(widget_key: str, truth_key: str) -> None:
    st.session_state[truth_key] = bool(st.session_state[widget_key])


def apply(lang: str) -> None:
    """Hide the chrome and offer the way back (the sidebar, where the toggle lives, is hidden)."""
    st.html(_CSS)
    st.button(t("meeting_exit", lang), key="meeting_exit", icon=":material/fullscreen_exit:", on_click=_leave)


def _leave() -> None:
    # a callback runs before the script; the toggle is dropped and drawn again from the truth
    st.session_state[_MODE] = False
    st.session_state.pop(KEY, None)
    st.query_params.pop(PARAM, None)


def is_on() -> bool:
    return bool(st.session_state.get(_MODE, False))


def high_contrast() -> bool:
    return bool(st.session_state.get(_CONTRAST, False))


def step_buttons(on_step: Callable[[int], None], lang: str, position: str | None = None, compact: bool = False) -> None:
    """Previous / Next like slides: the arrow keys work too, and a presenter's clicker (Page Up / Down).

    ``compact`` (a narrow side column): the two buttons share the row and the position goes below them."""
    if compact:
        prev_col, next_col = st.columns(2, vertical_alignment="center")
        where_col = st.container()
    else:
        prev_col, where_col, next_col = st.columns([1.25, 1, 1.25], vertical_alignment="center")
    # No tooltips: on a projector a tooltip left under the pointer covers the slide. The keys are named
    # in a small caption pinned to a corner, like the exit button: it takes no row from the slide.
    prev_col.button(t("step_previous", lang), key="step_prev", on_click=on_step, args=(-1,), icon=":material/arrow_back:",
                    width="stretch", shortcut="Left")  # fmt: skip
    next_col.button(t("step_next", lang), key="step_next", on_click=on_step, args=(1,), icon=":material/arrow_forward:",
                    width="stretch", shortcut="Right")  # fmt: skip
    if position:
        where_col.markdown(position)
    with st.container(key="step_keys"):
        st.caption(t("step_keys_help", lang))
    with st.container(key="step_clicker"):  # hidden: a clicker sends Page Up / Page Down, not the arrows
        st.button(t("step_previous", lang), key="step_prev_clicker", on_click=on_step, args=(-1,), shortcut="PageUp")
        st.button(t("step_next", lang), key="step_next_clicker", on_click=on_step, args=(1,), shortcut="PageDown")


def step_from(options: list[str], current: object, delta: int) -> str:
    """The slide after (or before) ``current``; from outside the list, Next starts at the first and Previous at the last."""
    if current in options:
        return options[(options.index(current) + delta) % len(options)]
    return options[0] if delta > 0 else options[-1]


CHART_TEXT_PX = 18  # every text in a chart while presenting: legible from the back of the room (>= 16 px)


def chart(fig: go.Figure, minimum: int = CHART_TEXT_PX) -> go.Figure:
    """A copy of a Plotly figure for a slide: no text smaller than ``minimum`` px, fit to its frame.

    Walks the whole figure (layout fonts, axis ticks, legend, annotations, trace text) so a size set
    anywhere, e.g. a 13 px tick font, cannot stay small on the projector."""
    spec = fig.to_plotly_json()

    def bump(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key.endswith("font") and isinstance(value, dict):
                    size = value.get("size")
                    if not isinstance(size, int | float) or size < minimum:
                        value["size"] = minimum
                bump(value)
        elif isinstance(node, list):
            for item in node:
                bump(item)

    layout = spec.setdefault("layout", {})
    layout.setdefault("font", {})
    for key in ("title", "legend", "xaxis", "yaxis", "hoverlabel"):
        if key in layout and isinstance(layout[key], dict):
            layout[key].setdefault("font" if key != "xaxis" and key != "yaxis" else "tickfont", {})
    bump(spec)
    layout["height"] = None
    layout["autosize"] = True
    return go.Figure(spec, skip_invalid=True)


def plotly_config() -> dict:
    """Plotly's config on a slide: no toolbar, no logo."""
    return {"displayModeBar": False, "displaylogo": False, "scrollZoom": False}
