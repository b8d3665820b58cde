"""The frame's "demonstration data" switch: simulated series are offered only when a user asks."""

from __future__ import annotations

import streamlit as st

from kalimantan_equity.services.i18n import t
from kalimantan_equity.ui.context import DEMO_PARAM, demo_data, set_demo_data

KEY = "demo_toggle"


def show(lang: str) -> bool:
    """A toggle in the sidebar; the choice lives in :func:`ui.context.demo_data` (and the link's ``demo=1``)."""
    on = demo_data()
    st.toggle(t("demo_data", lang), value=on, key=KEY, help=t("demo_data_help", lang), on_change=_follow)
    if on and st.query_params.get(DEMO_PARAM) != "1":
        st.query_params[DEMO_PARAM] = "1"
    return on


def _follow() -> None:
    set_demo_data(bool(st.session_state[KEY]))
