"""Small helpers for widget state shared by the pages."""

from __future__ import annotations

from typing import Any

import streamlit as st


def keep_valid(key: str, options: list, default: Any) -> None:
    """Keep a widget's state among its options when they change (another indicator has other years).

    Falls back to ``default`` if it is an option, else to the first option (or None when there is none).
    """
    if st.session_state.get(key) not in options:
        st.session_state[key] = default if default in options else (options[0] if options else None)
