"""Meeting mode for presenting on a projector: large type, no sidebar or Streamlit chrome.

The mode is a toggle in the sidebar and a link parameter (``?rapat=1``); while it is on, the
sidebar is hidden, so a small bar at the top of the page offers the way out. Pages read
:func:`is_on` to draw thicker lines and larger legends.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from services.i18n import t
from ui.components import url_state

KEY = "meeting"
PARAM = "rapat"
CONTRAST_KEY = "high_contrast"
_MODE, _CONTRAST = "_meeting_on", "_high_contrast_on"  # the state itself; the widgets above only show it

# Sizes are in rem so the whole page scales with the root font size.
_CSS = """
<style>
html { font-size: 20px; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="collapsedControl"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding-top: 0.6rem !important; max-width: 100% !important; }
h1 { font-size: 1.7rem !important; padding-top: 0.2rem !important; }
[data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"] p { font-size: 1rem !important; }
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p { font-size: 2.3rem !important; line-height: 1.1 !important; }
.st-key-step_clicker { display: none !important; }
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


def step_buttons(on_step: Callable[[int], None], lang: str, position: str | None = None) -> None:
    """Previous / Next like slides: the arrow keys work too, and a presenter's clicker (Page Up / Down)."""
    prev_col, where_col, next_col = st.columns([1, 3, 1], vertical_alignment="center")
    prev_col.button(t("step_previous", lang), key="step_prev", on_click=on_step, args=(-1,), icon=":material/arrow_back:",
                    width="stretch", shortcut="Left", help=t("step_keys_help", lang))  # fmt: skip
    next_col.button(t("step_next", lang), key="step_next", on_click=on_step, args=(1,), icon=":material/arrow_forward:",
                    width="stretch", shortcut="Right", help=t("step_keys_help", lang))  # fmt: skip
    if position:
        where_col.markdown(position)
    with st.container(key="step_clicker"):  # hidden: a clicker sends Page Up / Page Down, not the arrows
        st.button(t("step_previous", lang), key="step_prev_clicker", on_click=on_step, args=(-1,), shortcut="PageUp")
        st.button(t("step_next", lang), key="step_next_clicker", on_click=on_step, args=(1,), shortcut="PageDown")


def step_from(options: list[str], current: object, delta: int) -> str:
    """The slide after (or before) ``current``; from outside the list, Next starts at the first and Previous at the last."""
    if current in options:
        return options[(options.index(current) + delta) % len(options)]
    return options[0] if delta > 0 else options[-1]
