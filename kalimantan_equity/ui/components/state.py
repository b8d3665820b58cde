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


_FIRST_VALUES = "_widget_first_values"


def first_value(key: str, options: list) -> Any:
    """The value a widget is first drawn with in this session, handed to it as its default.

    Call it just before the widget, after the page has seeded ``st.session_state[key]`` (from the
    link, a fallback, a preset). A value set through session state makes Streamlit send the widget
    as "set to this value" on that run and as a plain widget on the next, so a long option list (the
    75 indicators, 3.4 KB) crossed the network twice, the second time on the user's first click.
    Given as the default instead, the first run's element equals every later run's and the browser
    takes it from its message cache. Values set through session state later (a meeting step, a
    fallback, the language switch) still win over the default, as usual.

    Returns the value (a list for a multi-choice widget) kept among ``options``."""
    firsts = st.session_state.setdefault(_FIRST_VALUES, {})
    if key not in firsts:
        firsts[key] = st.session_state.pop(key, None)
    first = firsts[key]
    if isinstance(first, list):
        return [v for v in first if v in options]
    return first if first in options else (options[0] if options else None)


def first_index(key: str, options: list) -> int:
    """:func:`first_value` as a selectbox's ``index``."""
    value = first_value(key, options)
    return options.index(value) if value in options else 0
