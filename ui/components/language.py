"""Language switch shared by every page: Bahasa Indonesia first, kept in the link (``?lang=en``)."""

from __future__ import annotations

import streamlit as st

from services.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES

_LABEL = "Bahasa / Language"  # the same in both languages, so the widget keeps its identity on a switch


def show(key: str = "lang") -> str:
    """The chosen language. The link's ``lang`` seeds the default once (anything unknown is ignored);
    the widget then owns the value. Its label and default never change within a session, because a
    change of either makes Streamlit treat it as a new widget and reset it."""
    seed_key = f"_{key}_default"
    if seed_key not in st.session_state:
        wanted = st.query_params.get(key)
        st.session_state[seed_key] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
    lang = st.radio(
        _LABEL,
        options=list(LANGUAGES),
        index=LANGUAGES.index(st.session_state[seed_key]),
        format_func=LANGUAGE_NAMES.__getitem__,
        key=key,
        horizontal=True,
    )
    if lang == DEFAULT_LANGUAGE:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = lang
    return lang
