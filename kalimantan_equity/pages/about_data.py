"""About the data: sources and licences, region groups (which regency is in which), credits."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from kalimantan_equity.services.i18n import fmt_date, fmt_number, label, md_escape, t
from kalimantan_equity.ui.components import meeting, url_state
from kalimantan_equity.ui.components.state import keep_valid
from kalimantan_equity.ui.context import language, reference, require_data

_SOURCES_PER_SLIDE = 6  # two-line citations included, six fit under the title on a 1280×720 projector

lang = language()
require_data()

ignored = url_state.apply_once("tentang", [])  # this page has no view of its own; the frame's may be ignored
if meeting.is_on():
    # Slides: where the numbers come from (a few sources a slide, so a long list never runs off a
    # 1280×720 screen), and which regency is in which group (names in columns, not a 56-row table).
    sources = reference("sources").sort_values("simulated", kind="stable")  # real sources first
    pages_of_sources = [sources.iloc[i : i + _SOURCES_PER_SLIDE] for i in range(0, len(sources), _SOURCES_PER_SLIDE)]
    slides = [f"sources{i + 1}" for i in range(len(pages_of_sources))] + ["groups"]
    keep_valid("about_slide", slides, slides[0])

    def _step_slide(delta: int) -> None:
        st.session_state["about_slide"] = meeting.step_from(slides, st.session_state.get("about_slide"), delta)

    slide = st.session_state["about_slide"]
    meeting.step_buttons(_step_slide, lang, t("step_position", lang, position=slides.index(slide) + 1, total=len(slides)))
    if slide.startswith("sources"):
        st.title(t("sources_heading", lang), anchor=False)
        for src in pages_of_sources[slides.index(slide)].itertuples():
            mark = f" · ⚠ {t('simulated_mark', lang)}" if src.simulated else ""
            st.markdown(f"**{md_escape(src.publisher)}**: {md_escape(src.citation_id if lang == 'id' else src.citation_en)}{mark}")
    else:
        st.title(t("groups_heading", lang), anchor=False)
        groups = reference("region_groups")
        cols = st.columns([1, 1, 3])
        for col, group in zip(cols, ("kota", "perbatasan", "kabupaten"), strict=True):
            names = sorted(groups.loc[groups["region_type"] == group, "name"])
            col.markdown(f"**{label('region_types', group, lang)} ({len(names)})**")
            if group == "kabupaten":  # 39 names: three columns of their own
                for sub, part in zip(col.columns(3), [names[i::3] for i in range(3)], strict=True):
                    sub.markdown("  \n".join(md_escape(n.removeprefix("Kabupaten ")) for n in part))
            else:
                col.markdown("  \n".join(md_escape(n) for n in names))
    st.stop()

st.title(t("about_title", lang))
if ignored:
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
