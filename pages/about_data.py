"""About the data: sources and licences, region groups (which regency is in which), credits."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from services.i18n import fmt_date, fmt_number, label, t
from ui.components import url_state
from ui.context import language, reference, require_data

lang = language()
require_data()

st.title(t("about_title", lang))
if ignored := url_state.apply_once("tentang", []):  # this page has no view of its own; the frame's may be ignored
    st.caption(t("link_ignored", lang, names=", ".join(ignored)))
st.markdown(t("about_intro", lang))

st.header(t("sources_heading", lang))
srcs = reference("sources")
table = srcs.assign(
    kind=[t("simulated_mark", lang) if s else t("real_mark", lang) for s in srcs["simulated"]],
    citation=srcs["citation_id"] if lang == "id" else srcs["citation_en"],
)[["title", "publisher", "licence", "citation", "kind"]]
st.dataframe(
    table.rename(
        columns={
            "title": t("col_title", lang),
            "publisher": t("col_publisher", lang),
            "licence": t("col_licence", lang),
            "citation": t("col_citation", lang),
            "kind": t("col_kind", lang),
        }
    ),
    hide_index=True,
    width="stretch",
)

st.header(t("groups_heading", lang))
st.markdown(t("groups_intro", lang))
groups = reference("region_groups")
st.dataframe(
    groups.assign(
        group=[label("region_types", g, lang) for g in groups["region_type"]],
        km_capital=[fmt_number(v, lang, 0) for v in groups["km_to_capital"]],
        km_city=[fmt_number(v, lang, 0) for v in groups["km_to_city"]],
    )[["code", "name", "province", "group", "km_capital", "km_city"]].rename(
        columns={
            "code": t("col_code", lang),
            "name": t("col_name", lang),
            "province": t("col_province", lang),
            "group": t("col_group", lang),
            "km_capital": t("col_km_capital", lang),
            "km_city": t("col_km_city", lang),
        }
    ),
    hide_index=True,
    width="stretch",
)

st.header(t("credits_heading", lang))
st.markdown(t("credits_body", lang))
info = reference("build_info")
if not info.empty:
    built = datetime.fromisoformat(str(info.iloc[0]["built_at"]))
    st.caption(t("built_at", lang, when=fmt_date(built.date(), lang)))
