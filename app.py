"""Frame and router: page config, the language switch, and the table of contents."""

import logging

import streamlit as st

from kalimantan_equity.services import logs, runtime
from kalimantan_equity.services.i18n import t
from kalimantan_equity.ui.components import demo, editor_help, language, meeting, url_state

logs.configure_once()  # the server log's format and level (EQUITY_LOG_LEVEL); only the first run does it
_LOG = logging.getLogger(__name__)

st.set_page_config(
    page_title="Pemerataan Layanan Publik Kalimantan",
    page_icon="🗺️",  # an emoji, not a Material icon: those are fetched from a font CDN
    layout="wide",
    initial_sidebar_state="expanded",
)

with st.sidebar:
    lang = language.show()
    meeting_on = meeting.show(lang)
    demo.show(lang)
if meeting_on:
    meeting.apply(lang)
else:  # drawn inside the sidebar, so the page itself gains no empty row
    # A wider sidebar: indicator names such as "Rata-rata lama sekolah (2010–2021)" and "… 2024" differ
    # after 23 characters, and the default width cut both into the same-looking option.
    st.sidebar.html("<style>section[data-testid='stSidebar'] { width: 26rem !important; min-width: 26rem !important; }</style>")

pages = [
    st.Page("kalimantan_equity/pages/equity_map.py", title=t("nav_overview", lang), icon=":material/map:", url_path="peta", default=True),
    st.Page("kalimantan_equity/pages/gap_analysis.py", title=t("gap_nav", lang), icon=":material/compare_arrows:", url_path="kesenjangan"),
    st.Page("kalimantan_equity/pages/regency_profile.py", title=t("profile_nav", lang), icon=":material/location_city:", url_path="profil"),
    st.Page("kalimantan_equity/pages/service_access.py", title=t("access_nav", lang), icon=":material/directions_boat:", url_path="akses"),
    st.Page("kalimantan_equity/pages/data_catalogue.py", title=t("data_nav", lang), icon=":material/table_view:", url_path="data"),
    st.Page("kalimantan_equity/pages/about_data.py", title=t("nav_about", lang), icon=":material/info:", url_path="tentang"),
]
try:
    st.navigation(pages).run()
except Exception:  # st.stop()/st.rerun() are BaseExceptions and pass through
    # A user sees a plain message in their language; the details go to the server log.
    _LOG.exception("page failed")
    st.error(t("unexpected_error", lang))
with st.sidebar:
    editor_help.show(lang)  # set-up commands and settings: editors only, never on a viewer's screen
with st.sidebar, st.expander(t("copy_link", lang), icon=":material/link:"):
    # A plain text field (select, copy): st.code would load a 1.56 MB syntax highlighter into every browser.
    st.text_input(t("copy_link", lang), url_state.current_link(), label_visibility="collapsed")
# After the first page: start-up objects frozen, no full collection per run (runner.postScriptGC is off).
runtime.tune_gc_once()
