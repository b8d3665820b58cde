"""Frame and router: page config, the language switch, and the table of contents."""

import logging

import streamlit as st

from services.i18n import t
from ui.components import language

st.set_page_config(
    page_title="Pemerataan Layanan Publik Kalimantan",
    page_icon="🗺️",  # an emoji, not a Material icon: those are fetched from a font CDN
    layout="wide",
    initial_sidebar_state="expanded",
)

with st.sidebar:
    lang = language.show()

pages = [
    st.Page("pages/equity_map.py", title=t("nav_overview", lang), icon=":material/map:", url_path="peta", default=True),
    st.Page("pages/about_data.py", title=t("nav_about", lang), icon=":material/info:", url_path="tentang"),
]
try:
    st.navigation(pages).run()
except Exception:  # st.stop()/st.rerun() are BaseExceptions and pass through
    # A user sees a plain message in their language; the details go to the server log.
    logging.getLogger("equity").exception("page failed")
    st.error(t("unexpected_error", lang))
