"""Set-up help for editors only: how to add editors and where the data lives.

Commands, environment variables and folders are for the people who run the dashboard, never for a
viewer's screen (or a projector); an editor who has signed in finds them here, and the README has all."""

from __future__ import annotations

import streamlit as st

from kalimantan_equity.services.i18n import t
from kalimantan_equity.ui import editor


def show(lang: str) -> None:
    if editor.current_editor() is None:
        return
    with st.expander(t("editor_help_title", lang), icon=":material/admin_panel_settings:"):
        st.markdown(t("editor_help_body", lang))
