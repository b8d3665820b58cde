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


def keep_valid_all(key: str, options: list) -> None:
    """Keep a multi-choice widget's state among its options (demonstration data turned off drops the
    simulated series from a presentation list, instead of failing on a choice no longer offered)."""
    chosen = st.session_state.get(key)
    if isinstance(chosen, list) and any(c not in options for c in chosen):
        st.session_state[key] = [c for c in chosen if c in options]


# Widgets whose option labels are in the user's language. Streamlit keeps a keyed widget's identity when
# its labels change, and the browser then goes on showing the old language's label (or, for a radio,
# no selection at all) until a reload. The language switch sets each of these again from its own
# value, which makes Streamlit send the value to the browser with the new labels.
LANGUAGE_KEYS: set[str] = set()


def follows_language(*keys: str) -> None:
    """Register widget keys whose labels depend on the language (see ``LANGUAGE_KEYS``)."""
    LANGUAGE_KEYS.update(keys)


def refresh_language_widgets() -> None:
    """Set every registered widget's value again (called by the language switch, as a callback)."""
    for key in LANGUAGE_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
