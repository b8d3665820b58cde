"""Language switch shared by every page: Bahasa Indonesia first, kept in the link (``?lang=en``)."""

from __future__ import annotations

import streamlit as st

from kalimantan_equity.services.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES
from kalimantan_equity.ui.components import state, url_state

_LABEL = "Bahasa / Language"  # the same in both languages, so the widget keeps its identity on a switch


def show(key: str = "lang") -> str:
    """The chosen language. The link's ``lang`` seeds it once (anything unknown is ignored).

    The choice lives under a key no widget owns; the radio shows and changes it. Its label never
    changes, and should Streamlit still give the radio a new identity (a frame widget can get one
    between a session's first run and the next), it is drawn again from the choice, not reset.
    """
    chosen = f"_{key}_chosen"
    if chosen not in st.session_state:
        wanted = st.query_params.get(key)
        st.session_state[chosen] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
        if wanted is not None and wanted not in LANGUAGES:
            url_state.note_ignored(key)
    st.radio(
        _LABEL,
        options=list(LANGUAGES),
        index=LANGUAGES.index(st.session_state[chosen]),
        format_func=LANGUAGE_NAMES.__getitem__,
        key=key,
        horizontal=True,
        on_change=_follow,
        args=(key, chosen),
    )
    lang = st.session_state[chosen]
    if lang == DEFAULT_LANGUAGE:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = lang
    return lang


def _follow(widget_key: str, chosen: str) -> None:
    if st.session_state.get(widget_key) in LANGUAGES:
        st.session_state[chosen] = st.session_state[widget_key]
        state.refresh_language_widgets()  # the sidebar's choices change language with everything else


def current(key: str = "lang") -> str:
    """The language chosen in this session (the default before the switch has been drawn)."""
    return str(st.session_state.get(f"_{key}_chosen", DEFAULT_LANGUAGE))
