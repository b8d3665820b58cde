"""Regency profile: how does my regency compare, on which services, and which of my districts and villages lag?"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from kalimantan_equity.services import catalogue, classify, export, mapview, profile, profiletables, profileview
from kalimantan_equity.services.i18n import fmt_number, label, md_escape, t, tn
from kalimantan_equity.ui import exports
from kalimantan_equity.ui.components import chart_download, indicator_picker, meeting, url_state
from kalimantan_equity.ui.components.state import keep_valid
from kalimantan_equity.ui.context import demo_data, language, query, reference, require_data, static_root, static_url

_SUB_LEVELS = ("kecamatan", "desa")
_DATASETS_INSIDE = {"boundaries": "cahyadsn_boundaries", "village_status": "kemendes_idm"}


def _downloads(
    key: str,
    tables: list[tuple[str, str, pd.DataFrame]],
    years: Mapping[str, str],
    datasets: Mapping[str, str] | None,
    *,
    stem: str,
    cat: pd.DataFrame,
    lang: str,
) -> None:
    """One CSV per table and one Excel workbook of them all with its metadata sheet, each built on click.

    ``tables`` holds (sheet name, label key, table); a table with simulated rows says so in its CSV.
    ``stem`` starts every file name; ``cat`` is the indicator catalogue the metadata sheet describes.
    """
    sources = reference("sources")
    sheets = {sheet: table for sheet, _label, table in tables}
    with st.container(horizontal=True):
        for sheet, label_key, table in tables:
            simulated = bool("simulated" in table and table["simulated"].fillna(False).astype(bool).any())
            st.download_button(
                t("profile_download_csv", lang, table=t(label_key, lang)),
                data=lambda table=table, simulated=simulated: export.to_csv_bytes(table, simulated, lang, exports.indicator_decimals()),
                file_name=f"{stem}_{sheet}.csv",
                mime="text/csv",
                key=f"profile_dl_{key}_{sheet}_csv",
                on_click="ignore",
                icon=":material/download:",
            )
        st.download_button(
            t("profile_download_xlsx", lang),
            data=lambda: export.to_excel_bytes(
                sheets, profiletables.metadata(cat, dict(years), sources, dict(datasets or {})), lang, exports.indicator_decimals()
            ),
            file_name=f"{stem}_{key}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"profile_dl_{key}_xlsx",
            on_click="ignore",
            icon=":material/download:",
        )


def _step_region(delta: int, options: list[str]) -> None:
    """Meeting mode: the next or previous regency, like a slide (a callback, so it may set the picker)."""
    st.session_state["profile_region"] = meeting.step_from(options, st.session_state.get("profile_region"), delta)


def _meeting_slide(
    region: str,
    reg: pd.Series,
    result: profile.StrongestWeakest,
    lang: str,
    cat: pd.DataFrame,
    assets: pd.Series,
    bbox: tuple[float, float, float, float],
    *,
    rivers: mapview.MapLayer | None,
    on_step: Callable[[int], None],
    step_text: str,
) -> None:
    """The regency as one slide: its district map filling the window's height on the left; beside it
    the step bar, its name, where it lies, its strongest and weakest areas, and the map's key.

    The map shows the page's default indicator by district in its latest year, as the one-page
    profile does (``services.profile.district_map_choice``)."""
    indicator, year = exports.district_map_choice(cat, str(reg["region_type"]))
    meta_row = catalogue.row(cat, indicator)
    meta = mapview.IndicatorMeta.from_row(meta_row, lang)
    shown = meta.as_markdown()
    frame = query("profile_subregions", region=region, indicator=indicator, year=year, level="kecamatan")
    plbn = profile.points_in_bbox(query("service_points", kinds=["plbn"], include_closed=False), bbox)
    fig = profileview.regency_map(
        frame, meta, year, lang,
        layer=mapview.MapLayer(static_url(assets["kecamatan"]), "kecamatan"),
        regency_layer=mapview.MapLayer(static_url(assets["kabupaten"]), "kabupaten"),
        region=region, points=plbn, bbox=bbox, high_contrast=meeting.high_contrast(), rivers=rivers, presenting=True,
    )  # fmt: skip
    map_col, side_col = st.columns([9, 11], gap="small")  # the text needs the width at 1280 × 720
    with map_col, st.container(key="meeting_fill"):  # the map first: the text beside it never describes a map not yet drawn
        st.plotly_chart(fig, key="profile_map", theme=None, height="stretch", config=mapview.plotly_config(static_root(), presenting=True))
    with side_col, st.container(key="slide_side"):
        meeting.step_buttons(on_step, lang, step_text, compact=True)
        with st.container(key="slide_headline"):
            st.title(str(reg["name"]), anchor=False)
        st.caption(f"{reg['province']} · {label('region_types', reg['region_type'], lang)}")
        st.markdown(profiletables.summary_slide_markdown(result, str(reg["name"]), lang))
        st.caption(t("profile_slide_map", lang, indicator=shown.name, year=year, level=label("levels", "kecamatan", lang).lower(),
                     source=md_escape(str(meta_row["publisher"]))))  # fmt: skip
        st.html(mapview.legend_html(fig, meta.unit, lang))


lang = language()
require_data()
regencies = reference("profile_regencies")
cat = reference("indicator_catalogue")

# Which regency: the link (?region=61.06) seeds the picker; a pick is written back into the link.
param = st.query_params.get("region")
if param != st.session_state.get("profile_seen_param") or "profile_region" not in st.session_state:
    seeded, problem = profile.resolve_region(param, regencies)
    if seeded is None and problem is None:
        seeded = st.session_state.get("profile_last")  # back from another page, whose link has no region
    st.session_state["profile_region"] = seeded
    st.session_state["profile_seen_param"] = param
    st.session_state["profile_problem"] = (problem, profile.shown_parameter(param)) if problem else None

region = st.session_state.get("profile_region")
by_code = regencies.set_index("code")
presenting = meeting.is_on()
if not presenting or region not in by_code.index:  # a slide names its regency beside its map
    st.title(by_code.loc[region, "name"] if region in by_code.index else t("profile_title_empty", lang))
options = list(profile.picker_options(regencies))
STEPS = [url_state.Param("profile_steps", "langkah", url_state.subset_of(options))]  # the regencies to present, in order
if ignored := url_state.apply_once("profil", STEPS):  # region is checked above, with its own message
    st.caption(t("link_ignored", lang, names=", ".join(ignored)))
problem = st.session_state.get("profile_problem")
if region is None and problem:
    st.warning(t(f"profile_region_{problem[0]}", lang, shown=problem[1]), icon=":material/link_off:")
labels = profile.picker_labels(regencies)
picker_col, steps_col = (st.container(), None) if presenting else st.columns([2, 3])
region = picker_col.selectbox(
    t("profile_picker", lang),
    options,
    key="profile_region",
    index=None,
    format_func=labels.__getitem__,
    placeholder=t("profile_picker_placeholder", lang),
)
if presenting:  # the step buttons stand beside the map, on the slide (or here, before a regency is chosen)
    chosen = [c for c in st.session_state.get("profile_steps") or [] if c in options]
    slides = chosen if len(chosen) > 1 else options  # a list of one is no list: step through them all
    position = slides.index(region) + 1 if region in slides else 0
    step_text = t("step_position", lang, position=position, total=len(slides))
    if region is None:
        meeting.step_buttons(lambda delta: _step_region(delta, slides), lang, step_text)
else:  # kept while meeting mode hides it, so the presentation list survives the switch
    steps_col.multiselect(t("profile_steps", lang), options, key="profile_steps", format_func=labels.__getitem__,
                          placeholder=t("profile_steps_placeholder", lang), help=t("profile_steps_help", lang), persist_state="session")  # fmt: skip
url_state.publish(STEPS, {"profile_steps": list(st.session_state.get("profile_steps") or [])})
if region is None:
    if not problem and "region" in st.query_params:  # the user cleared the picker: the link follows
        st.query_params.pop("region")
        st.session_state["profile_seen_param"] = None
        st.session_state["profile_last"] = None
    st.info(t("profile_intro", lang))
    st.stop()
uploaded = query("value_sources", indicator=None, region=region)
uploaded = uploaded[uploaded["uploaded"]]
if len(uploaded):  # values an editor uploaded are named with their own source
    st.caption(t("uploaded_values", lang, sources="; ".join(map(md_escape, uploaded["citation_id" if lang == "id" else "citation_en"]))))
if st.query_params.get("region") != region:
    st.query_params["region"] = region
st.session_state["profile_seen_param"] = region
st.session_state["profile_last"] = region
st.session_state["profile_problem"] = None

reg = by_code.loc[region]
name = str(reg["name"])
stem = profile.file_stem(region, name)
file_args = {"stem": stem, "cat": cat, "lang": lang}  # what every download row names its files by and describes
if not presenting:  # the slide says where the regency lies in a shorter line of its own
    st.caption(
        t(
            "profile_context",
            lang,
            province=reg["province"],
            group=label("region_types", reg["region_type"], lang),
            code=region,
            population=fmt_number(reg["population"], lang, 0),
            population_year=int(reg["population_year"]) if pd.notna(reg["population_year"]) else "—",
            km=fmt_number(reg["km_to_capital"], lang, 0),
        )
    )

values = query("profile_values", region=region)
trend = query("profile_trend", region=region)
card = profile.scorecard(values, cat, trend, region)
if not demo_data():  # real data by default: the simulated rows only when a user asks for demonstration data
    card = card[~card["simulated"].astype(bool)].reset_index(drop=True)
result = profile.strongest_and_weakest(card)
assets = reference("geo_assets").set_index("level")["file_name"]
bbox = (reg["min_lon"], reg["min_lat"], reg["max_lon"], reg["max_lat"])
rivers_layer = mapview.MapLayer(static_url(assets["rivers"]), "rivers") if "rivers" in assets else None
if presenting:  # a regency is one slide: its district map, and beside it where it stands, strongest and weakest
    _meeting_slide(
        region, reg, result, lang, cat, assets, bbox,
        rivers=rivers_layer if st.session_state.get("profile_rivers_on") else None,
        on_step=lambda delta: _step_region(delta, slides),
        step_text=step_text,
    )  # fmt: skip
    st.stop()
with st.container(border=True):
    st.markdown(profiletables.summary_markdown(result, name, lang))
    st.caption(t("profile_summary_basis", lang, n=result.n_indicators, since=profile.SUMMARY_SINCE))
whole_profile = st.container()  # the whole-profile workbook, filled in once every table exists

# ---- Scorecard
st.header(t("profile_scorecard_heading", lang))
st.caption(t("profile_scorecard_caption", lang))
if not card.empty and card["simulated"].any():
    st.caption(t("profile_scorecard_simulated", lang))
trend_col = t("profile_col_trend", lang)
st.dataframe(
    profiletables.scorecard_display(card, lang),
    hide_index=True,
    width="stretch",
    height=min(38 + 35 * len(card), 640),
    column_config={
        t("profile_col_order", lang): st.column_config.NumberColumn(width="small", pinned=True),
        t("profile_col_indicator", lang): st.column_config.TextColumn(width="medium", pinned=True),
        trend_col: st.column_config.LineChartColumn(trend_col, width="small"),
    },
    key="profile_scorecard",
)
na_ids, missing_ids = profile.coverage_gaps(cat, card, query("profile_not_applicable", region=region))
if not demo_data():  # the simulated series left out above are not "missing" for this regency
    simulated_ids = set(cat.loc[cat["simulated"].astype(bool), "indicator_id"])
    na_ids, missing_ids = ([i for i in ids if i not in simulated_ids] for ids in (na_ids, missing_ids))
names = catalogue.indicator_labels(cat, lang)
if na_ids:
    st.caption(t("profile_gaps_na", lang, names=", ".join(names[i] for i in na_ids)))
if missing_ids:
    st.caption(t("profile_gaps_missing", lang, names=", ".join(names[i] for i in missing_ids)))
trend_years = profile.indicator_years(card, whole_series=True)
scorecard_table, trend_table = profiletables.scorecard_export(card), profiletables.trend_export(card)
_downloads(
    "scorecard",
    [("scorecard", "profile_table_scorecard", scorecard_table), ("trend", "profile_table_trend", trend_table)],
    trend_years,
    None,
    **file_args,
)

# ---- Inside the regency: districts and villages
st.header(t("profile_inside_heading", lang, regency=name))
sub_ids = [i for i in catalogue.indicator_ids(cat) if set(catalogue.levels_for(cat, i)) & set(_SUB_LEVELS)]
sub_labels = catalogue.indicator_labels(cat, lang)
c1, c2, c3, c4 = st.columns([3, 1, 1, 1], vertical_alignment="bottom")
keep_valid("profile_sub_ind", sub_ids, profile.default_sub_indicator(sub_ids, reg["region_type"]))
st.html(indicator_picker.options_css())  # the indicator list: long names shown whole, never cut
indicator = c1.selectbox(t("profile_sub_indicator", lang), sub_ids, key="profile_sub_ind", format_func=sub_labels.__getitem__)
levels = [lv for lv in catalogue.levels_for(cat, indicator) if lv in _SUB_LEVELS]
keep_valid("profile_sub_lvl", levels, "desa")
level = c2.radio(t("profile_sub_level", lang), levels, key="profile_sub_lvl", format_func=lambda v: label("levels", v, lang))
years = catalogue.years_for(cat, indicator, level)
keep_valid("profile_sub_yr", years, years[-1] if years else None)
year = int(c3.selectbox(t("profile_sub_year", lang), years, key="profile_sub_yr"))
show_rivers = rivers_layer is not None and c4.checkbox(t("profile_rivers", lang), key="profile_rivers", help=t("access_rivers_help", lang))
st.session_state["profile_rivers_on"] = show_rivers  # kept for meeting mode, where the checkbox is not drawn

meta_row = catalogue.row(cat, indicator)
meta = mapview.IndicatorMeta.from_row(meta_row, lang)
shown = meta.as_markdown()  # for Markdown: an editor's upload may name the indicator
frame = query("profile_subregions", region=region, indicator=indicator, year=year, level=level)
if level == "kecamatan":
    districts_frame = frame
else:
    district_year = year if year in catalogue.years_for(cat, indicator, "kecamatan") else None
    districts_frame = (
        query("profile_subregions", region=region, indicator=indicator, year=district_year, level="kecamatan")
        if district_year is not None
        else frame.iloc[0:0]
    )
if meta.simulated:
    st.warning(t("profile_simulated_banner", lang))
st.caption(t("profile_map_caption", lang, indicator=shown.name, unit=shown.unit, year=year, source=shown.citation))

map_col, list_col = st.columns([3, 2], gap="medium")
with map_col:
    statuses = set(frame["status"])
    if frame.empty or statuses == {"missing"}:
        st.info(t("profile_sub_no_data", lang, indicator=shown.name, level=label("levels", level, lang), year=year))
    else:
        if statuses == {"na"}:
            st.info(t("profile_sub_all_na", lang, indicator=shown.name))
        plbn = profile.points_in_bbox(query("service_points", kinds=["plbn"], include_closed=False), bbox)
        fig = profileview.regency_map(
            frame,
            meta,
            year,
            lang,
            layer=mapview.MapLayer(static_url(assets[level]), level),
            regency_layer=mapview.MapLayer(static_url(assets["kabupaten"]), "kabupaten"),
            region=region,
            points=plbn,
            bbox=bbox,
            high_contrast=meeting.high_contrast(),  # the sidebar's high-contrast switch applies to every map
            rivers=rivers_layer if show_rivers else None,
        )
        st.plotly_chart(fig, key="profile_map", theme=None, config=mapview.plotly_config(static_root()))
        map_title = f"{name} · {label('levels', level, lang)}"
        chart_download.buttons(
            lambda fmt: exports.map_image(
                frame, meta, year, level, lang, classify.DEFAULT_SCHEME, classify.DEFAULT_K, fmt, title=map_title
            ),
            f"{stem}_{level}_{indicator}_{year}",
            "dl_profile_map",
            lang,
            needs_browser=False,
        )
    map_table = profiletables.subregion_export(frame, meta_row, year, meta.direction)
    _downloads("map", [(f"{level}_{indicator}", "profile_table_map", map_table)], {indicator: str(year)}, _DATASETS_INSIDE, **file_args)

district_table = None
with list_col:
    st.subheader(t("profile_districts_heading", lang))
    if districts_frame.empty or not (districts_frame["status"] == "value").any():
        st.info(t("profile_sub_no_data", lang, indicator=shown.name, level=label("levels", "kecamatan", lang), year=year))
    else:
        st.caption(t("profile_districts_caption", lang, indicator=shown.name, year=year))
        st.dataframe(
            profiletables.subregion_display(districts_frame, meta_row, meta.direction, lang),
            hide_index=True,
            width="stretch",
            height=min(38 + 35 * len(districts_frame), 460),
            key="profile_districts",
        )
        district_table = profiletables.subregion_export(districts_frame, meta_row, year, meta.direction)
        _downloads(
            "districts",
            [(f"kecamatan_{indicator}", "profile_table_districts", district_table)],
            {indicator: str(year)},
            _DATASETS_INSIDE,
            **file_args,
        )

# Villages: IDM status (real, per village); kelurahan and city villages are not applicable.
idm_years = catalogue.years_for(cat, "idm_score", "desa")
idm_year = idm_years[-1] if idm_years else None
st.subheader(t("profile_villages_heading", lang, year=idm_year or "—"))
villages = query("profile_villages", region=region, year=idm_year) if idm_year is not None else pd.DataFrame()
village_tables: dict[str, pd.DataFrame] = {}
if villages.empty or villages["not_applicable"].fillna(False).astype(bool).all():
    st.info(tn("profile_villages_na_city", len(villages), lang, regency=name))
else:
    counts = profile.village_status_counts(villages).set_index("status")["n"]
    shown = [
        *profile.VILLAGE_STATUSES,
        *(["NO_STATUS"] if counts["NO_STATUS"] else []),
        "NOT_APPLICABLE",
    ]  # "no status" only where it occurs
    for col, status in zip(st.columns(len(shown)), shown, strict=True):
        if status == "NOT_APPLICABLE":
            text = t("profile_status_kelurahan", lang)
        else:
            text = profiletables.status_label(None if status == "NO_STATUS" else status, lang)
        col.metric(text, fmt_number(int(counts[status]), lang, 0))
    kemendes = reference("sources").set_index("source_id").loc["kemendes_idm"]
    st.caption(
        t(
            "profile_villages_caption",
            lang,
            n_desa=fmt_number(int(counts[list(profile.VILLAGE_STATUSES)].sum()), lang, 0),
            n_kel=fmt_number(int(counts["NOT_APPLICABLE"]), lang, 0),
            source=kemendes["citation_id"] if lang == "id" else kemendes["citation_en"],
        )
    )
    st.markdown(f"**{t('profile_lagging_villages', lang)}**")
    village_display = profiletables.villages_display(villages, lang)
    st.caption(tn("profile_lagging_caption", len(village_display), lang))
    st.dataframe(village_display, hide_index=True, width="stretch", height=420, key="profile_villages")
    village_tables = {
        "village_status": profile.village_status_counts(villages),
        "villages": profiletables.villages_export(villages, idm_year),
    }
    idm_meta = {i: str(idm_year) for i in ("idm_score", "idm_iks", "idm_ike", "idm_ikl")}
    _downloads(
        "villages",
        [
            ("villages", "profile_table_villages", village_tables["villages"]),
            ("village_status", "profile_table_village_status", village_tables["village_status"]),
        ],
        idm_meta,
        _DATASETS_INSIDE,
        **file_args,
    )

# Distances from each district to the nearest border post and immigration office.
st.subheader(t("profile_distances_heading", lang))
points = query("service_points", kinds=list(profile.DISTANCE_KINDS), include_closed=False)
distances = profile.district_distances(query("profile_districts", region=region), points)
points_source = reference("sources").set_index("source_id").loc["reference_points"]
st.caption(t("profile_distances_caption", lang, source=points_source["citation_id"] if lang == "id" else points_source["citation_en"]))
st.dataframe(
    profiletables.distances_display(distances, lang),
    hide_index=True,
    width="stretch",
    height=min(38 + 35 * len(distances), 460),
    key="profile_distances",
)
distance_datasets = {"service_points": "reference_points", "boundaries": "cahyadsn_boundaries"}
_downloads("distances", [("distances", "profile_table_distances", distances)], {}, distance_datasets, **file_args)

# The regency's own basic-service facilities, and its villages farthest from a puskesmas.
st.subheader(t("profile_facilities_heading", lang))
facilities = query("profile_facilities", region=region)
st.caption(t("profile_facilities_caption", lang))
if facilities.empty:
    st.info(t("profile_facilities_none", lang))
else:
    st.dataframe(profiletables.facilities_display(facilities, lang), hide_index=True, width="stretch", key="profile_facilities")
farthest = query("profile_farthest_villages", region=region, n=profile.FARTHEST_N)
if not farthest.empty:
    st.markdown(f"**{tn('profile_farthest_heading', len(farthest), lang)}**")
    st.dataframe(profiletables.farthest_display(farthest, lang), hide_index=True, width="stretch", key="profile_farthest")

# ---- Peers
st.header(t("profile_peers_heading", lang))
st.caption(t("profile_peers_caption", lang, group=label("region_types", reg["region_type"], lang)))
peer_frame = profile.peers(regencies, region)
peer_long = profile.peer_values(values, card, regencies, region, peer_frame["code"].tolist())
if peer_frame.empty:
    st.info(t("profile_peers_none", lang))
else:
    peer_table_shown = profiletables.peer_display(regencies, peer_frame, peer_long, card, region, lang)
    measure_col = t("profile_col_measure", lang)
    st.dataframe(
        peer_table_shown,
        hide_index=True,
        width="stretch",
        height=38 + 35 * len(peer_table_shown),
        column_config={measure_col: st.column_config.TextColumn(width="large", pinned=True)},
        key="profile_peers",
    )
    if peer_long["simulated"].any():
        st.caption(t("profile_scorecard_simulated", lang))
peer_table = profiletables.peers_export(regencies, peer_frame, region)
peer_years = {i: y for i, y in profile.indicator_years(card).items() if i in set(peer_long["indicator_id"])}
_downloads(
    "peers",
    [("peers", "profile_table_peers", peer_table), ("peer_values", "profile_table_peer_values", peer_long)],
    peer_years,
    {"region_groups": "reference_flags"},
    **file_args,
)

# ---- The whole profile as one workbook
with whole_profile:
    sheets = {
        "scorecard": scorecard_table,
        "trend": trend_table,
        f"{level}_{indicator}": map_table,
        **({f"kecamatan_{indicator}": district_table} if district_table is not None and level != "kecamatan" else {}),
        **village_tables,
        "distances": distances,
        "peers": peer_table,
        "peer_values": peer_long,
    }
    all_years = {**trend_years, indicator: str(year)}
    all_datasets = {**_DATASETS_INSIDE, **distance_datasets, "region_groups": "reference_flags"}
    sources = reference("sources")
    st.download_button(
        t("profile_download_all", lang),
        data=lambda: export.to_excel_bytes(
            sheets, profiletables.metadata(cat, all_years, sources, all_datasets), lang, exports.indicator_decimals()
        ),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="profile_dl_all",
        on_click="ignore",
        icon=":material/download:",
        type="primary",
    )
    with st.container(horizontal=True):  # the one-page profile, and a deck of the presentation list (one slide a regency)
        st.download_button(t("export_profile_pdf", lang), data=lambda: exports.profile_pdf(region, lang), file_name=f"{stem}.pdf",
                           mime="application/pdf", key="profile_dl_pdf", on_click="ignore", icon=":material/picture_as_pdf:",
                           help=t("export_profile_help", lang))  # fmt: skip
        st.download_button(t("export_profile_pptx", lang), data=lambda: exports.profile_deck([region], lang), file_name=f"{stem}.pptx",
                           mime=exports.PPTX_MIME, key="profile_dl_pptx", on_click="ignore", icon=":material/slideshow:",
                           help=t("export_profile_help", lang))  # fmt: skip
        listed = [c for c in st.session_state.get("profile_steps") or [] if c in options]
        if len(listed) > 1:
            st.download_button(t("export_profile_deck", lang), data=lambda: exports.profile_deck(listed, lang), file_name="profil_kabupaten.pptx",
                               mime=exports.PPTX_MIME, key="profile_dl_deck", on_click="ignore", icon=":material/slideshow:",
                               help=t("export_profile_help", lang))  # fmt: skip
