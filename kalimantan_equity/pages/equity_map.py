"""Equity map: where do basic services fall short, and how do cities, regencies and border regencies compare?"""

from __future__ import annotations

import streamlit as st

from kalimantan_equity.data import build
from kalimantan_equity.services import catalogue, classify, mapview, ranking, slideview, summary
from kalimantan_equity.services.i18n import fmt_number, label, md_escape, t
from kalimantan_equity.ui import exports, views
from kalimantan_equity.ui.components import chart_download, indicator_picker, meeting, url_state
from kalimantan_equity.ui.components.state import first_value, follows_language, keep_valid, keep_valid_all
from kalimantan_equity.ui.context import demo_data, language, query, reference, require_data, shown_indicators, static_root, static_url

# The first view tells the strongest true story in real, recent data. Of the candidates' 2024 group means
# (regency level), HDI 2024 separates the groups most cleanly: cities 80.9, other regencies 73.0, border
# regencies 70.6, a 10-point gap with almost no overlap (the best border regency, 74.7, equals the
# weakest city). Poverty 2024 (cities 4.1 %, border 7.0 %) overlaps widely; IDM 2024 does not apply
# to cities and its groups differ by 0.01.
DEFAULT_INDICATOR = "bps_ipm_2024"
_DEFAULT_STEPS = ["bps_ipm_2024", "bps_p0", "wb_electricity_access", "idm_score"]  # a short briefing, all real
_DEMO_STEPS = ["spm_kesehatan"]  # added to the briefing only when demonstration data is on


def _step(delta: int) -> None:
    """Next or previous indicator of the presentation list (a callback, so it may set the widget)."""
    steps = st.session_state.get("steps") or []
    if steps:
        st.session_state["ind"] = meeting.step_from(steps, st.session_state.get("ind"), delta)
        # the step's level, year and classes come from the function the deck uses: a step and its slide agree
        view = slideview.step_view(reference("indicator_catalogue"), st.session_state["ind"], st.session_state.get("lvl", "kabupaten"),
                                   st.session_state.get("scheme", classify.DEFAULT_SCHEME), st.session_state.get("k", classify.DEFAULT_K))  # fmt: skip
        if view is not None:
            st.session_state.update(lvl=view.level, yr=view.year, scheme=view.scheme)


lang = language()
require_data()
cat = reference("indicator_catalogue")
ids = shown_indicators(cat)  # real indicators; simulated ones only with demonstration data on
provinces = reference("provinces")
LINK = [
    url_state.Param("ind", "ind", url_state.one_of(ids)),
    url_state.Param("lvl", "lvl", url_state.one_of(catalogue.LEVEL_ORDER)),
    url_state.Param("yr", "yr", url_state.integer(1990, 2100)),
    url_state.Param("prov", "prov", url_state.one_of(["all", *provinces["code"]])),
    url_state.Param("types", "types", url_state.subset_of(summary.GROUPS)),
    url_state.Param("scheme", "scheme", url_state.one_of(classify.SCHEMES)),
    url_state.Param("k", "k", url_state.integer(*classify.K_RANGE)),
    url_state.Param("steps", "steps", url_state.subset_of(ids)),
    url_state.Param("selected_region", "sel", url_state.pattern(r"\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?")),
    url_state.Param("map_rivers", "sungai", lambda text: True if text == "1" else None),
]
first_visit = not st.session_state.get("_url_applied_peta")
ignored = url_state.apply_once("peta", LINK)
if first_visit and "ind" not in st.query_params and st.session_state.get("steps"):
    st.session_state["ind"] = st.session_state["steps"][0]  # a shared briefing opens on its first slide
st.session_state.setdefault("k", classify.DEFAULT_K)

follows_language("prov", "types", "scheme", "steps")
with st.sidebar:
    choice = indicator_picker.show(cat, lang, DEFAULT_INDICATOR)
    indicator, level, year, indicator_labels = choice.indicator, choice.level, choice.year, choice.labels
    prov_options = ["all", *provinces["code"]]
    prov_names = dict(zip(provinces["code"], provinces["name"], strict=True))
    keep_valid("prov", prov_options, "all")
    province = st.selectbox(
        t("province", lang), prov_options, key="prov", format_func=lambda c: t("all_provinces", lang) if c == "all" else prov_names[c]
    )
    if "types" not in st.session_state:
        st.session_state["types"] = list(summary.GROUPS)
    types = st.multiselect(t("region_types", lang), list(summary.GROUPS), key="types", format_func=lambda g: label("region_types", g, lang))
    meta_row = catalogue.row(cat, indicator)
    meta = mapview.IndicatorMeta.from_row(meta_row, lang)
    schemes = list(classify.available_schemes(meta.target))
    keep_valid("scheme", schemes, classify.DEFAULT_SCHEME)
    scheme = st.selectbox(t("classification", lang), schemes, key="scheme", format_func=lambda s: label("class_schemes", s, lang))
    k = st.slider(t("n_classes", lang), *classify.K_RANGE, key="k", disabled=scheme == "target")
    show_rivers = st.checkbox(t("map_show_rivers", lang), key="map_rivers", help=t("map_show_rivers_help", lang))
    st.session_state.setdefault("steps", [i for i in _DEFAULT_STEPS + (_DEMO_STEPS if demo_data() else []) if i in ids])
    keep_valid_all("steps", ids)
    steps = st.multiselect(
        t("presentation_steps", lang), ids, default=first_value("steps", ids), key="steps", format_func=indicator_labels.__getitem__,
        help=t("presentation_steps_help", lang),
    )  # fmt: skip

url_state.publish(
    LINK,
    {"ind": indicator, "lvl": level, "yr": year, "prov": province, "types": list(types), "scheme": scheme, "k": k,
     "steps": list(steps), "selected_region": st.session_state.get("selected_region"), "map_rivers": "1" if show_rivers else None},
)  # fmt: skip

presenting = meeting.is_on()
direction_key = {1: "higher_better", -1: "lower_better", 0: "neutral_direction"}[meta.direction]
shown = meta.as_markdown()  # names, units and sources may come from an editor's upload: shown as text
if not presenting:
    st.title(t("map_title", lang))
    if ignored:
        st.caption(t("link_ignored", lang, names=", ".join(ignored)))
    caption_key = "map_caption" if meta.direction != 0 else "map_caption_neutral"
    st.caption(
        t(caption_key, lang, indicator=shown.name, unit=shown.unit, year=year, source=shown.citation) + f" ({t(direction_key, lang)})"
    )
    if meta.simulated:
        st.warning(t("simulated_banner", lang))

frame = query(
    "map_values",
    indicator=indicator,
    year=int(year),
    level=level,
    province=None if province == "all" else province,
    region_types=list(types),
)
uploaded = sorted(set(frame["source_id"].dropna()) - {meta_row["source_id"]})
if uploaded:  # values an editor uploaded are shown with their own source
    titles = reference("sources").set_index("source_id")["citation_id" if lang == "id" else "citation_en"]
    st.caption(t("uploaded_values", lang, sources="; ".join(md_escape(titles.get(s, s)) for s in uploaded)))
if frame.empty or not (frame["status"] == "value").any():
    st.info(t("no_data_for_choice", lang, indicator=shown.name, level=label("levels", level, lang), year=year))
    st.stop()

assets = reference("geo_assets").set_index("level")["file_name"]
# the file on disk too: the figure names regions by the file's short ids (see mapview.MapLayer)
layer = mapview.MapLayer(static_url(assets[level]), level, str(build.static_dir() / assets[level]))
outline = mapview.MapLayer(static_url(assets["provinsi"]), "provinsi")
regency_layer = mapview.MapLayer(static_url(assets["kabupaten"]), "kabupaten")
border = mapview.MapLayer(static_url(assets["perbatasan"]), "perbatasan")
plbn = query("service_points", kinds=["plbn"], include_closed=False)
places = query("region_places", level=level)
# The map is fitted to the regions it shows: one province, or the border regencies alone, fill the frame.
bbox = mapview.fit_bbox(places, frame["code"]) or mapview.KALIMANTAN_BBOX
if province != "all":
    plbn = plbn[plbn["regency_code"].str[:2] == province]
selected = st.session_state.get("selected_region")

population = None
if level == "kabupaten":
    population = query("population_nearest", year=int(year)).set_index("region_code")["population"]
head = summary.headline(frame, meta_row["aggregate"], meta.direction, level, population)

fig = views.figure(  # built once per view, shared by every session (ui/views.py)
    mapview.equity_map,
    frame,
    meta,
    int(year),
    lang,
    layer,
    regency_layer,
    places if level == "kabupaten" else None,
    presenting=presenting,
    label_size=meeting.CHART_TEXT_PX if presenting else 10,
    river_layer=mapview.MapLayer(static_url(assets["rivers"]), "rivers") if show_rivers and "rivers" in assets else None,
    scheme=scheme,
    k=k,
    outline=outline,
    border=border,
    points=plbn,
    bbox=bbox,
    selected=None if presenting else selected,
    high_contrast=meeting.high_contrast(),
    height=620,
)

if presenting:
    # The slide: the map fills the window's height on the left; the step bar, the indicator, its
    # headline figures, the gap and the legend stand beside it. The map is sent first, so the
    # figures beside it never change before the map they describe has arrived.
    map_col, side_col = st.columns([2, 1], gap="small")
    with map_col, st.container(key="meeting_fill"):
        st.plotly_chart(fig, key="map", theme=None, height="stretch",
                        config=mapview.plotly_config(static_root(), presenting=True))  # fmt: skip
    with side_col:
        if steps:
            position = steps.index(indicator) + 1 if indicator in steps else 0
            meeting.step_buttons(_step, lang, t("step_position", lang, position=position, total=len(steps)), compact=True)
        st.title(shown.name, anchor=False)
        caption_key = "meeting_map_caption" if meta.direction != 0 else "meeting_map_caption_neutral"
        st.caption(t(caption_key, lang, unit=shown.unit, year=year, direction=t(direction_key, lang), source=shown.citation))
        if demo_data():  # only then can a step be simulated: the same room on every step, so nothing shifts
            with st.container(key="meeting_reserved"):
                if meta.simulated:
                    st.markdown(f"**⚠ {t('simulated_mark', lang)}**")
        na_groups = set(frame.loc[frame["status"] == "na", "region_type"])
        for col, group in zip(st.columns(3, gap="small"), summary.GROUPS, strict=True):
            gm = head.means[group]
            if gm.mean is None and group in na_groups:  # not applicable is a statement, not a figure
                col.markdown(f"{label('region_types_short', group, lang)}  \n*{t('not_applicable', lang)}*")
            else:
                col.metric(label("region_types_short", group, lang), "—" if gm.mean is None else fmt_number(gm.mean, lang, meta.decimals))
        if head.gap_city_border is not None:
            key = "gap_neutral" if meta.direction == 0 else ("gap_border_behind" if head.gap_city_border > 0 else "gap_border_ahead")
            gap_unit = t("percentage_points", lang) if meta.unit.startswith("%") else shown.unit
            sentence = t(key, lang, gap=fmt_number(abs(head.gap_city_border), lang, meta.decimals), unit=gap_unit)
            st.container(key="meeting_big").markdown(sentence)
        st.caption(t(f"weighting_{head.weighting}", lang))
        st.html(mapview.legend_html(fig, meta.unit, lang))
    st.stop()

map_col, side_col = st.columns([3, 2], gap="medium")
with map_col:
    event = st.plotly_chart(
        fig,
        key="map",
        on_select="rerun",
        selection_mode="points",
        theme=None,
        config=mapview.plotly_config(static_root()),
    )
    counts = frame["status"].value_counts()
    st.caption(
        t(
            "legend_counts",
            lang,
            shown=len(frame),
            with_value=int(counts.get("value", 0)),
            missing=int(counts.get("missing", 0)),
            na=int(counts.get("na", 0)),
        )
    )

    with st.expander(t("export_title", lang)):
        view = f"{indicator}_{level}_{year}"
        st.download_button(
            t("export_csv", lang),
            data=lambda: exports.data_csv(frame, meta, int(year), lang),  # built on click: 0.1 s and 1.5 MB for villages
            file_name=f"{view}.csv",
            mime="text/csv",
            key="dl_csv",
            on_click="ignore",
        )
        st.caption(t("export_map_images", lang))
        chart_download.buttons(
            lambda fmt: exports.view_image(
                frame, meta_row, int(year), level, lang, scheme, k, fmt, None if province == "all" else province
            ),
            view,
            "dl_map",
            lang,
            needs_browser=False,
        )
        deck_for = (tuple(steps), lang, tuple(types), scheme, k, province, level)  # a deck is offered only for the view it was made for
        if st.button(t("export_deck", lang), key="make_deck"):
            if steps:
                chosen = None if province == "all" else (province, prov_names[province])
                data, skipped = exports.map_deck(list(steps), lang, list(types) or list(summary.GROUPS), scheme, k, level, chosen)
                st.session_state["_deck"] = {"for": deck_for, "data": data, "skipped": skipped}
            else:
                st.info(t("export_deck_empty", lang))
        made = st.session_state.get("_deck")
        if made and made["for"] == deck_for:
            if made["skipped"]:
                names = ", ".join(md_escape(indicator_labels.get(i, i)) for i in made["skipped"])
                st.caption(t("export_deck_skipped", lang, names=names))
            mime = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            st.download_button(t("export_deck_download", lang), made["data"], file_name="bahan_rapat.pptx", mime=mime, key="dl_deck")

with side_col:
    weighting_text = t(f"weighting_{head.weighting}", lang)
    cols = st.columns(3)
    na_groups = set(frame.loc[frame["status"] == "na", "region_type"])
    for col, group in zip(cols, ("kota", "kabupaten", "perbatasan"), strict=True):
        gm = head.means[group]
        col.metric(
            label("region_types_short", group, lang),
            "—" if gm.mean is None else f"{fmt_number(gm.mean, lang, meta.decimals)}",
            help=t("headline_help", lang, n=gm.n, weighting=weighting_text, unit=shown.unit),
        )
    for group in summary.GROUPS:
        if head.means[group].mean is None and group in na_groups:
            st.caption(f"{label('region_types', group, lang)}: {t('not_applicable', lang)}")
    if head.gap_city_border is not None:
        key = "gap_border_behind" if head.gap_city_border > 0 else "gap_border_ahead"
        if meta.direction == 0:
            key = "gap_neutral"
        gap_unit = t("percentage_points", lang) if meta.unit.startswith("%") else shown.unit
        st.markdown(t(key, lang, gap=fmt_number(abs(head.gap_city_border), lang, meta.decimals), unit=gap_unit))
    st.caption(weighting_text + (f" · ⚠ {t('simulated_mark', lang)}" if meta.simulated else ""))

    ranked = ranking.ranked(frame, meta.direction)
    ranked = ranked.assign(tied=ranking.tied(ranked), place=ranking.place_names(ranked, places))
    bar = views.figure(ranking.figure, ranking.top_and_bottom(ranked, selected), len(ranked), meta, lang, selected)
    st.plotly_chart(bar, theme=None, config={"displaylogo": False})
    bar_stamp = exports.stamp(meta, int(year), lang, title=t("ranking_title", lang, n=min(ranking.TOP_N, len(ranked))))
    chart_download.buttons(chart_download.chart(bar, bar_stamp), f"peringkat_{indicator}_{level}_{year}", "dl_rank", lang)

# A click on the map selects a region; the side panel shows where it stands.
points = (event or {}).get("selection", {}).get("points", []) if event else []
clicked = next((layer.region_of(p.get("location")) for p in points if p.get("location") is not None), None)
if clicked and clicked != selected and clicked in frame["code"].values:
    st.session_state["selected_region"] = clicked
    st.rerun()
if selected is not None and selected in frame["code"].values:
    row = frame.set_index("code").loc[selected]
    st.subheader(row["name"])
    if row["status"] != "value":
        st.write(t("not_applicable" if row["status"] == "na" else "no_data", lang))
    else:
        mine = ranked.set_index("code").loc[selected]
        rank = ranking.rank_text(int(mine["rank"]), bool(mine["tied"])).rstrip(".")
        in_province = (ranked["prov_code"] == row["prov_code"]).to_numpy()
        province_mean = summary.mean_where(ranked, in_province, head.weighting, population)
        group_mean = head.means[row["region_type"]].mean
        c1, c2, c3, c4 = st.columns(4)
        c1.metric(shown.unit, fmt_number(row["value"], lang, meta.decimals))
        c2.metric(t("rank", lang), t("rank_of", lang, rank=rank, n=len(ranked)))
        c3.metric(
            t("group_mean", lang, group=label("region_types", row["region_type"], lang)),
            "—" if group_mean is None else fmt_number(group_mean, lang, meta.decimals),
        )
        c4.metric(
            t("province_mean", lang, province=row["province"]),
            "—" if province_mean is None else fmt_number(province_mean, lang, meta.decimals),
        )
        st.caption(weighting_text)
    regency = str(selected)[:5]  # the regency a selected district or village belongs to
    if len(regency) == 5:
        st.page_link(
            "kalimantan_equity/pages/regency_profile.py",
            label=t("open_profile", lang),
            icon=":material/location_city:",
            query_params={"region": regency},
        )
    if st.button(t("clear_selection", lang), key="clear_selected"):
        st.session_state.pop("selected_region", None)
        st.rerun()
