"""Gap analysis: how wide is the urban–remote–border gap, is it closing, and who drives it?"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kalimantan_equity.services import catalogue, gaps, gaptables, gapview, mapview
from kalimantan_equity.services.i18n import fmt_number, label, md_escape, t
from kalimantan_equity.ui import analysis, exports
from kalimantan_equity.ui.components import chart_download, indicator_picker, meeting, url_state
from kalimantan_equity.ui.components.state import keep_valid
from kalimantan_equity.ui.context import demo_data, language, query, reference, require_data

DEFAULT_INDICATOR = "bps_ipm"  # real, twelve years and a method break: the trend has something to say


lang = language()
require_data()
cat = reference("indicator_catalogue")
ids = catalogue.indicator_ids(cat)
LINK = [  # the view in the link: validated on the way in, written back as the user changes it
    url_state.Param("gap_ind", "ind", url_state.one_of(ids)),
    url_state.Param("gap_lvl", "lvl", url_state.one_of(catalogue.LEVEL_ORDER)),
    url_state.Param("gap_yr", "yr", url_state.integer(1990, 2100)),
]
ignored = url_state.apply_once("kesenjangan", LINK)

with st.sidebar:
    choice = indicator_picker.show(cat, lang, DEFAULT_INDICATOR, prefix="gap_")
    indicator, level, year = choice.indicator, choice.level, choice.year
url_state.publish(LINK, {"gap_ind": indicator, "gap_lvl": level, "gap_yr": year})

meta_row = catalogue.row(cat, indicator)
meta = mapview.IndicatorMeta.from_row(meta_row, lang)
spec = gaps.Spec.from_row(meta_row, level)
direction_text = t({1: "higher_better", -1: "lower_better", 0: "neutral_direction"}[meta.direction], lang)
gap_unit = gaptables.gap_unit(meta.unit, lang)
sim_mark = f" · ⚠ {t('simulated_mark', lang)}" if meta.simulated else ""  # on every chart title of a simulated series

presenting = meeting.is_on()
caption = t(
    "gap_caption",
    lang,
    indicator=md_escape(meta.name),
    unit=md_escape(meta.unit),
    year=year,
    level=label("levels", level, lang),
    direction=direction_text,
    source=md_escape(meta.citation),
)
if not presenting:
    st.title(t("gap_title", lang))
    if ignored:
        st.caption(t("link_ignored", lang, names=", ".join(ignored)))
    st.caption(caption)
    if meta.simulated:
        st.warning(t("simulated_banner", lang))
uploaded = query("value_sources", indicator=indicator, region=None)
uploaded = uploaded[uploaded["uploaded"]]
if len(uploaded):  # values an editor uploaded are named with their own source
    st.caption(t("uploaded_values", lang, sources="; ".join(map(md_escape, uploaded["citation_id" if lang == "id" else "citation_en"]))))

frame = query("map_values", indicator=indicator, year=int(year), level=level, province=None, region_types=list(gaps.GROUPS))
if frame.empty or not (frame["status"] == "value").any():
    st.info(t("no_data_for_choice", lang, indicator=meta.name, level=label("levels", level, lang), year=year))
    st.stop()
population = query("population_nearest", year=int(year)).set_index("region_code")["population"] if level == "kabupaten" else None
frame = gaps.with_population(frame, population, level)
rows = gaps.value_rows(frame)
weighted = gaps.has_population(rows, level)

types = gaps.group_table(frame, spec, "region_type")
by_type = types.rows.set_index("group")
reference_text = t("gap_reference_kota" if types.reference == "kota" else "gap_reference_all", lang)


def _gap_sentences(by_type: pd.DataFrame, meta: mapview.IndicatorMeta, lang: str, gap_unit: str, reference_text: str) -> None:
    """How far the border and the other regencies are behind (or ahead of) the reference, one line each."""
    for group in ("perbatasan", "kabupaten"):
        gap, ratio = by_type.at[group, "gap"], by_type.at[group, "ratio"]
        if pd.isna(gap):
            continue
        key = "gap_difference" if meta.direction == 0 else ("gap_behind" if gap > 0 else "gap_ahead")
        st.markdown(
            t(
                key,
                lang,
                group=t(f"gap_plural_{group}", lang),
                gap=fmt_number(abs(gap), lang, meta.decimals),
                unit=gap_unit,
                reference=reference_text,
                ratio=fmt_number(ratio, lang, 2),
            )
        )


@st.fragment
def _trend_section(
    trend: pd.DataFrame,
    series: list[gapview.Series],
    meta: mapview.IndicatorMeta,
    lang: str,
    gap_unit: str,
    sim_mark: str,
    reference_is_all: bool,
    view: str,
    year: int,
) -> None:
    """The trend chart and its measure. Only this chart depends on the measure, so choosing another
    one reruns this part alone (a fragment), not the tables and figures above and below it."""
    trend_years = sorted({int(y) for y in trend["year"]})
    families = gapview.families_for(trend)
    keep_valid("gap_family", families, "gaps" if "gaps" in families else families[0])
    family_names = {f: t(f"gap_f_{f}", lang) for f in families} | ({"gaps": t("gap_f_gaps_all", lang)} if reference_is_all else {})
    family = st.selectbox(t("gap_trend_measure", lang), families, key="gap_family", format_func=family_names.__getitem__)
    axis = {
        "group_means": meta.unit,
        "gaps": gap_unit,
        "shortfall": gap_unit,
        "theil_t": "× 1000",
        "theil_l": "× 1000",
        "cv": "%",
        "between": "%",
        "fifth_ratio": t("gap_axis_times", lang),
        "n_below_target": t("gap_axis_regions", lang),
    }.get(family, "")
    trend_fig = gapview.trend_figure(trend, family, series, lang, axis, meta.decimals, f"{meta.name}: {family_names[family]}{sim_mark}")
    st.plotly_chart(trend_fig, key="gap_trend", theme=None, config={"displaylogo": False})
    span = f"{trend_years[0]}–{trend_years[-1]}" if len(trend_years) > 1 else str(year)
    chart_download.buttons(
        chart_download.chart(trend_fig, exports.stamp(meta, span, lang, title=family_names[family])),
        f"tren_{view}",
        "dl_trend",
        lang,
    )
    if len(trend_years) < 2:
        st.caption(t("gap_trend_one_year", lang))
    if len(series) > 1:
        st.caption(t("gap_trend_series", lang, series="; ".join(s.name for s in series)))


def _group_figures(types: gaps.GroupTable, meta: mapview.IndicatorMeta, lang: str, presenting: bool) -> None:
    """The four headline figures: cities, other regencies, border regencies and all of Kalimantan."""
    by_type = types.rows.set_index("group")
    for col, group in zip(st.columns(4), (*gaps.GROUPS, gaps.ALL), strict=True):
        value = by_type.at[group, "headline"]
        name = t("all_provinces", lang) if group == gaps.ALL else label("region_types_short", group, lang)
        shown = t("not_applicable", lang) if pd.isna(value) and by_type.at[group, "n_na"] > 0 else fmt_number(value, lang, meta.decimals)
        help_text = None if presenting else t(f"weighting_{types.weighting}", lang) + f" · n = {by_type.at[group, 'n_with_data']}"
        col.metric(name, shown, help=help_text)


if presenting:
    # One message per slide: the groups' figures and the gap, then how the group means and the gap
    # moved over the years, then who makes up the shortfall. Each slide fits one screen.
    trend_series = catalogue.series_for(cat, indicator, level)
    slide_trend = analysis.trend(trend_series, level)
    slides = ["groups"] + [f for f in ("group_means", "gaps") if f in gapview.families_for(slide_trend)]
    slide_contrib = gaps.contributions(frame, spec)
    if meta.direction != 0 and (slide_contrib.rows["share"] > 0).any():
        slides.append("contrib")
    keep_valid("gap_slide", slides, slides[0])

    def _step_slide(delta: int) -> None:
        st.session_state["gap_slide"] = meeting.step_from(slides, st.session_state.get("gap_slide"), delta)

    slide = st.session_state["gap_slide"]
    sim = f" · ⚠ {t('simulated_mark', lang)}" if meta.simulated else ""
    heading = {"groups": "gap_groups_heading", "group_means": "gap_f_group_means", "gaps": "gap_f_gaps", "contrib": "gap_contrib_heading"}
    # The slide's body is sent first and its heading after, drawn above it (CSS order): a step never
    # shows the new heading over the old chart.
    if slide == "groups":
        _group_figures(types, meta, lang, presenting)
        with st.container(key="meeting_big"):
            _gap_sentences(by_type, meta, lang, gap_unit, reference_text)
        st.caption(t("gap_orientation", lang, reference=reference_text, weighting=t(f"weighting_{types.weighting}", lang).lower()))
    else:
        if slide == "contrib":
            fig = gapview.contribution_figure(slide_contrib.rows, lang, meta.unit, meta.decimals, "", meta.simulated)
        else:
            named = [gapview.Series(i, catalogue.row(cat, i)["name_id" if lang == "id" else "name_en"], bool(catalogue.row(cat, i)["simulated"]))
                     for i in trend_series]  # fmt: skip
            fig = gapview.trend_figure(
                slide_trend, slide, named, lang, meta.unit if slide == "group_means" else gap_unit, meta.decimals, ""
            )
            fig.update_layout(
                legend=dict(orientation="v", x=1.01, xanchor="left", y=1.0, yanchor="top", tracegroupgap=2)
            )  # beside, not below
        with st.container(key="meeting_fill_half"):
            st.plotly_chart(meeting.chart(fig), key=f"gap_slide_{slide}", theme=None, height="stretch", config=meeting.plotly_config())
    with st.container(key="slide_head"):
        meeting.step_buttons(_step_slide, lang, t("step_position", lang, position=slides.index(slide) + 1, total=len(slides)))
        st.title(f"{md_escape(meta.name)}, {year}: {t(heading[slide], lang)}", anchor=False)
        st.caption(caption + sim)
    st.stop()

# --------------------------------------------------------------------------- group summaries
st.header(t("gap_groups_heading", lang))
_group_figures(types, meta, lang, presenting)
_gap_sentences(by_type, meta, lang, gap_unit, reference_text)
st.caption(t("gap_orientation", lang, reference=reference_text, weighting=t(f"weighting_{types.weighting}", lang).lower()))
provinces = gaps.group_table(frame, spec, "prov_code")
tab_types, tab_provinces = st.tabs([t("gap_tab_types", lang), t("gap_tab_provinces", lang)])
with tab_types:
    st.dataframe(
        gaptables.format_group_table(types, "region_type", lang, meta.decimals, meta.unit, spec.target is not None),
        hide_index=True,
        width="stretch",
    )
with tab_provinces:
    st.dataframe(
        gaptables.format_group_table(provinces, "prov_code", lang, meta.decimals, meta.unit, spec.target is not None),
        hide_index=True,
        width="stretch",
    )
if not weighted:
    st.caption(t("gap_no_population", lang))

# --------------------------------------------------------------------------- target
st.header(t("gap_target_heading", lang))
if spec.target is not None:
    whole = by_type.loc[gaps.ALL]
    weighted_text = (
        t("gap_target_weighted", lang, shortfall=fmt_number(whole["pop_mean_shortfall"], lang, meta.decimals), unit=gap_unit)
        if weighted
        else ""
    )
    st.markdown(
        t(
            "gap_target_summary",
            lang,
            target=fmt_number(spec.target, lang, 0),
            unit=meta.unit,
            below=int(whole["n_below_target"]),
            n=int(whole["n_with_data"]),
            shortfall=fmt_number(whole["mean_shortfall"], lang, meta.decimals),
            weighted=weighted_text,
        )
    )
else:
    st.caption(t("gap_no_target", lang))

# --------------------------------------------------------------------------- inequality
st.header(t("gap_inequality_heading", lang))
ineq_col, decomp_col = st.columns([5, 6], gap="medium")
with ineq_col:
    st.dataframe(
        gaptables.format_inequality(gaps.inequality_table(rows, spec), lang, meta.decimals, meta.unit, weighted),
        hide_index=True,
        width="stretch",
    )
    st.caption(t("gap_undefined_note", lang))
with decomp_col:
    st.subheader(t("gap_decomp_heading", lang))
    decomposition = gaps.decomposition_table(rows, spec)
    st.dataframe(gaptables.format_decomposition(decomposition, lang), hide_index=True, width="stretch")
    st.caption(t("gap_decomp_note", lang))

# --------------------------------------------------------------------------- trend
st.header(t("gap_trend_heading", lang))
series_ids = catalogue.series_for(cat, indicator, level)
trend = analysis.trend(series_ids, level)
series = [
    gapview.Series(i, catalogue.row(cat, i)["name_id" if lang == "id" else "name_en"], bool(catalogue.row(cat, i)["simulated"]))
    for i in series_ids
]
_trend_section(trend, series, meta, lang, gap_unit, sim_mark, types.reference == gaps.ALL, f"{indicator}_{level}", year)

# --------------------------------------------------------------------------- contributions
st.header(t("gap_contrib_heading", lang))
contrib = gaps.contributions(frame, spec)
ref_value = t("gap_reference_all", lang) if contrib.reference_kind == "mean" else "target"
ref_number = fmt_number(contrib.reference, lang, meta.decimals if contrib.reference_kind == "mean" else 0)
if meta.direction == 0:
    st.info(t("gap_contrib_neutral", lang))
elif not (contrib.rows["share"] > 0).any():
    st.info(t("gap_contrib_none", lang, reference=ref_number, unit=meta.unit))
else:
    title_key = "gap_contrib_title_target" if contrib.reference_kind == "target" else "gap_contrib_title_mean"
    contrib_fig = gapview.contribution_figure(contrib.rows, lang, meta.unit, meta.decimals, t(title_key, lang) + sim_mark, meta.simulated)
    st.plotly_chart(contrib_fig, key="gap_contrib", theme=None, config={"displaylogo": False})
    contrib_stamp = exports.stamp(meta, year, lang, title=t(title_key, lang))
    chart_download.buttons(chart_download.chart(contrib_fig, contrib_stamp), f"kontribusi_{indicator}_{level}_{year}", "dl_contrib", lang)
    top = min(gapview.TOP_CONTRIBUTORS, int((contrib.rows["share"] > 0).sum()))
    st.caption(
        t(
            "gap_contrib_caption",
            lang,
            reference=f"{ref_value} ({ref_number})" if contrib.reference_kind == "mean" else ref_number,
            unit=meta.unit,
            weighting=t(f"weighting_{contrib.weighting}", lang).lower(),
            top=top,
            share=fmt_number(contrib.rows["share"].head(top).sum() * 100, lang, 1),
        )
    )
with st.expander(t("gap_contrib_table", lang)):
    st.dataframe(gaptables.format_contributions(contrib, lang, meta.decimals, meta.unit), hide_index=True, width="stretch")

# --------------------------------------------------------------------------- scorecard
# Real proxies by default; the simulated SPM achievement series only with demonstration data.
include_simulated = demo_data()
st.header(t("gap_scorecard_heading", lang))
card = analysis.proxy_scorecard(include_simulated)
if card.empty:
    st.info(t("gap_scorecard_none", lang))
else:
    present = list(dict.fromkeys(card["indicator_id"]))
    years = card.groupby("indicator_id")["year"].first()
    score_rows = [
        gapview.ProxyRow(
            i,
            f"{label('sectors', catalogue.row(cat, i)['sector'], lang)} › {catalogue.row(cat, i)['name_id' if lang == 'id' else 'name_en']}",
            str(catalogue.row(cat, i)["unit_id" if lang == "id" else "unit_en"]),
            int(catalogue.row(cat, i)["decimals"]),
            str(catalogue.row(cat, i)["method_id" if lang == "id" else "method_en"]),
            int(years[i]),
            bool(catalogue.row(cat, i)["simulated"]),
        )
        for i in present
    ]
    sc_title = t("gap_proxy_title", lang)
    sc_fig = gapview.proxy_scorecard_figure(card, score_rows, lang, sc_title)
    st.plotly_chart(sc_fig, key="gap_scorecard", theme=None, config={"displaylogo": False})
    sc_sources = "; ".join(dict.fromkeys(str(catalogue.row(cat, i)["citation_id" if lang == "id" else "citation_en"]) for i in present))
    sc_stamp = exports.plain_stamp(sc_title, t("gap_scorecard_heading", lang), sc_sources, lang, any(r.simulated for r in score_rows))
    chart_download.buttons(chart_download.chart(sc_fig, sc_stamp), "spm_proxies", "dl_scorecard", lang)
    st.caption(t("gap_proxy_caption", lang))
    with st.expander(t("gap_proxy_definitions", lang)):
        st.markdown("\n".join(f"- **{md_escape(r.label)}**: {md_escape(r.definition)}" for r in score_rows))

# --------------------------------------------------------------------------- download
tables = {
    "groups": types.rows,
    "provinces": provinces.rows,
    "inequality": gaps.inequality_table(rows, spec).rename_axis("measure").reset_index(),
    "decomposition": decomposition,
    "contributions": contrib.rows.drop(columns=["status"], errors="ignore"),
    "trend": trend,
}
st.download_button(
    t("gap_download", lang),
    data=lambda: gaptables.workbook(tables, meta_row, int(year), level, types.weighting, types.reference, lang),  # built on click only
    file_name=f"kesenjangan_{indicator}_{level}_{year}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="gap_download",
)
st.download_button(
    t("export_gap_deck_download", lang),
    data=lambda: exports.gap_deck(
        meta_row,
        level,
        int(year),
        lang,
        types,
        trend,
        [(s.indicator_id, s.name) for s in series],
        contrib,
        card,
    ),
    file_name=f"kesenjangan_{indicator}_{level}_{year}.pptx",
    mime=exports.PPTX_MIME,
    key="gap_deck_download",
    on_click="ignore",
    icon=":material/slideshow:",
)

# --------------------------------------------------------------------------- methods
with st.expander(t("gap_methods_heading", lang)):
    st.markdown(t("gap_methods_intro", lang))
    for key, formula in gaptables.METHODS:
        st.markdown(t(key, lang))
        st.latex(formula)
