"""Meeting mode for presenting on a projector: large type, no sidebar or Streamlit chrome.

The mode is a toggle in the sidebar and a link parameter (``?rapat=1``); while it is on, the
sidebar is hidden, so a small bar at the top of the page offers the way out. Pages read
:func:`is_on` to draw thicker lines and larger legends.
"""

from __future__ import annotations

import streamlit as st

from services.i18n import t

KEY = "meeting"
PARAM = "rapat"
CONTRAST_KEY = "high_contrast"

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
</style>
"""


def show(lang: str) -> bool:
    """The sidebar toggle, seeded once from the link; returns whether meeting mode is on."""
    if KEY not in st.session_state:
        st.session_state[KEY] = st.query_params.get(PARAM) == "1"
    st.toggle(t("meeting_mode", lang), key=KEY, help=t("meeting_mode_help", lang))
    st.toggle(t("high_contrast", lang), key=CONTRAST_KEY)
    on = bool(st.session_state[KEY])
    if on:
        st.query_params[PARAM] = "1"
    else:
        st.query_params.pop(PARAM, None)
    return on


def apply(lang: str) -> None:
    """Hide the chrome and offer the way back (the sidebar, where the toggle lives, is hidden)."""
    st.html(_CSS)
    st.button(t("meeting_exit", lang), key="meeting_exit", icon=":material/fullscreen_exit:", on_click=_leave)


def _leave() -> None:
    # a callback runs before the script, when the toggle's state may still be changed
    st.session_state[KEY] = False
    st.query_params.pop(PARAM, None)


def is_on() -> bool:
    return bool(st.session_state.get(KEY, False))


def high_contrast() -> bool:
    return bool(st.session_state.get(CONTRAST_KEY, False))
