"""Language switch shared by every page: Bahasa Indonesia first, kept in the link (``?lang=en``)."""

from __future__ import annotations

import streamlit as st

from services.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, t


def show(key: str = "lang") -> str:
    """Seed the language once from the URL (ignoring anything unknown), then follow the widget."""
    if key not in st.session_state:
        wanted = st.query_params.get(key)
        st.session_state[key] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
    lang = st.session_state[key]
    st.radio(
        t("language", lang),
        options=list(LANGUAGES),
        format_func=LANGUAGE_NAMES.__getitem__,
        key=key,
        horizontal=True,
    )
    lang = st.session_state[key]
    if lang == DEFAULT_LANGUAGE:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = lang
    return lang
