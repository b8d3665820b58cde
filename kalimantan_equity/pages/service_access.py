"""Service access: who is far from a service point, and what would a new unit change?"""

from __future__ import annotations

import streamlit as st

from kalimantan_equity.services import access, accesstables, accessview, classify, export, mapview
from kalimantan_equity.services.i18n import fmt_number, label, md_escape, t, tn
from kalimantan_equity.ui import exports
from kalimantan_equity.ui.components import chart_download, meeting, url_state
from kalimantan_equity.ui.components.state import keep_valid
from kalimantan_equity.ui.context import language, reference, require_data, static_path, static_root, static_url

_STATE = "access_scenarios"  # {scenario: [new unit as a plain dict]}: this session only
_PLACES = ("district", "village", "coords")


def _link(regency_codes: list[str]) -> list[url_state.Param]:
    """What a link carries: the highlighted regency and the settings (scenarios stay in the session)."""
    low, high = access.THRESHOLD_RANGE
    in_range = url_state.integer(low, high)
    detour = url_state.pattern(r"[1-3](\.\d)?")
    return [
        url_state.Param("access_kab", "kab", url_state.one_of(["all", *regency_codes])),
        url_state.Param("access_km", "km", lambda text: v if (v := in_range(text)) is not None and v % 5 == 0 else None),
        url_state.Param("access_kinds", "jenis", url_state.subset_of(access.FIXED_KINDS)),
        url_state.Param("access_statuses", "status", url_state.subset_of(access.STATUSES)),
        url_state.Param(
            "access_detour",
            "memutar",
            lambda text: v if (v := float(detour(text) or "nan")) <= access.DETOUR_RANGE[1] else None,
        ),
    ]


def _stored() -> dict[str, list[dict]]:
    return st.session_state.setdefault(_STATE, {key: [] for key in access.SCENARIOS})


def _add(context: dict) -> None:
    """Button callback: check the form and add the unit to the scenario being edited."""
    s = st.session_state
    scenario = s.get("access_edit", access.SCENARIOS[0])
    stored = _stored()
    if len(stored.get(scenario, [])) >= access.MAX_POINTS_PER_SCENARIO:
        s["access_msg"] = ("error", "access_err_full", {"scenario": scenario, "n": access.MAX_POINTS_PER_SCENARIO})
        return
    result = access.place(
        s.get("access_new_name", ""),
        s.get("access_new_kind", access.DEFAULT_KINDS[0]),
        s.get("access_loc", "district"),
        district_code=s.get("access_new_district"),
        village_code=s.get("access_clicked"),
        lon=s.get("access_new_lon"),
        lat=s.get("access_new_lat"),
        days=s.get("access_new_days"),
        **context,
    )
    if isinstance(result, access.Problem):
        s["access_msg"] = ("error", result.key, result.values)
        return
    stored[scenario] = [*stored.get(scenario, []), result.as_dict()]
    s["access_msg"] = ("success", "access_added", {"name": md_escape(result.name), "scenario": scenario})
    s["access_view"] = scenario


def _add_example(unit: access.NewPoint) -> None:
    stored = _stored()
    scenario = st.session_state.get("access_edit", access.SCENARIOS[0])
    if len(stored.get(scenario, [])) >= access.MAX_POINTS_PER_SCENARIO:
        st.session_state["access_msg"] = ("error", "access_err_full", {"scenario": scenario, "n": access.MAX_POINTS_PER_SCENARIO})
        return
    stored[scenario] = [*stored.get(scenario, []), unit.as_dict()]
    st.session_state["access_msg"] = ("success", "access_added", {"name": md_escape(unit.name), "scenario": scenario})
    st.session_state["access_view"] = scenario


def _remove(scenario: str, index: int) -> None:
    points = _stored().get(scenario, [])
    if 0 <= index < len(points):
        del points[index]


def _clear(scenario: str) -> None:
    _stored()[scenario] = []


def _delta(change: float | None, formatter, decimals: int) -> dict:
    """Metric delta against today: lower is better; no change is grey, with no arrow."""
    if change is None:
        return {}
    if round(change, decimals) == 0:
        return {"delta": formatter(0), "delta_color": "off", "delta_arrow": "off"}
    return {"delta": formatter(change), "delta_color": "inverse"}


def _take_map_click(village_codes: set[str]) -> None:
    """A village clicked on the map becomes the place for a new unit (read before the form is drawn)."""
    selection = (st.session_state.get("access_map") or {}).get("selection") or {}
    clicked = next((p.get("location") for p in selection.get("points", []) if p.get("location")), None)
    if clicked in village_codes and clicked != st.session_state.get("access_last_click"):
        st.session_state["access_last_click"] = clicked
        st.session_state["access_clicked"] = clicked
        st.session_state["access_loc"] = "village"


lang = language()
require_data()
village_rows = reference("access_villages")
point_rows = reference("access_points")
districts = reference("access_districts")
regencies = reference("access_regencies")
provinces = reference("provinces")
sources = reference("sources")
assets = reference("geo_assets").set_index("level")["file_name"]
regency_codes = regencies["code"].tolist()
regency_names = dict(zip(regencies["code"], regencies["name"], strict=True))

LINK = _link(regency_codes)
ignored = url_state.apply_once("akses", LINK)
for key, default in (
    ("access_kab", "all"),
    ("access_km", access.DEFAULT_THRESHOLD_KM),
    ("access_kinds", list(access.DEFAULT_KINDS)),
    ("access_statuses", list(access.DEFAULT_STATUSES)),
    ("access_detour", access.DEFAULT_DETOUR),
    ("access_mobile_days", access.DEFAULT_MOBILE_DAYS),
):
    st.session_state.setdefault(key, default)
villages = access.prepare_villages(village_rows)
_take_map_click(set(villages.frame["code"]))

with st.sidebar:
    kinds = st.multiselect(
        t("access_kinds", lang),
        list(access.FIXED_KINDS),
        key="access_kinds",
        format_func=lambda k: label("point_kinds", k, lang),
        help=t("access_kinds_help", lang),
    )
    statuses = st.multiselect(
        t("access_statuses", lang),
        list(access.STATUSES),
        key="access_statuses",
        format_func=lambda s: label("point_status", s, lang),
        help=t("access_statuses_help", lang),
    )
    threshold = st.slider(t("access_threshold", lang), *access.THRESHOLD_RANGE, step=5, key="access_km")
    detour = st.slider(
        t("access_detour", lang),
        *access.DETOUR_RANGE,
        step=0.1,
        key="access_detour",
        help=t("access_detour_help", lang),
    )
    mobile_default = st.number_input(
        t("access_mobile_default", lang),
        min_value=1,
        max_value=access.DAYS_IN_MONTH,
        step=1,
        key="access_mobile_days",
        help=t("access_mobile_default_help", lang),
        disabled=not set(kinds) & set(access.PASSPORT_KINDS),  # the mobile services are passport services
    )
    keep_valid("access_kab", ["all", *regency_codes], "all")
    regency = st.selectbox(
        t("access_regency", lang),
        ["all", *regency_codes],
        key="access_kab",
        format_func=lambda c: t("access_all_regencies", lang) if c == "all" else regency_names[c],
    )
    zoom = st.checkbox(t("access_zoom", lang), key="access_zoom", disabled=regency == "all")
    show_rivers = st.checkbox(t("access_rivers", lang), key="access_rivers", help=t("access_rivers_help", lang)) and "rivers" in assets
    schemes = ["quantiles", "equal_interval", "fisher_jenks"]  # Fisher-Jenks on 7,229 villages takes ~0.35 s: offered, not the default
    keep_valid("access_scheme", schemes, "quantiles")
    scheme = st.selectbox(t("access_classes", lang), schemes, key="access_scheme", format_func=lambda s: label("class_schemes", s, lang))
url_state.publish(  # defaults stay out of the link, so a plain link stays short
    LINK,
    {
        "access_kab": None if regency == "all" else regency,
        "access_km": None if threshold == access.DEFAULT_THRESHOLD_KM else int(threshold),
        "access_kinds": None if tuple(kinds) == access.DEFAULT_KINDS else list(kinds),
        "access_statuses": None if tuple(statuses) == access.DEFAULT_STATUSES else list(statuses),
        "access_detour": None if round(detour, 1) == access.DEFAULT_DETOUR else f"{detour:.1f}",
    },
)

settings = access.Settings(tuple(kinds), tuple(statuses), float(threshold), round(float(detour), 1), float(mobile_default))
points = access.select_points(point_rows, settings)
cite = accessview.citation(sources, lang, kinds=settings.kinds)
meta = accessview.indicator_meta(settings, lang, accessview.citation(sources, lang, short=True, kinds=settings.kinds))
unit = accessview.distance_unit(settings, lang)
threshold_text = f"{fmt_number(settings.threshold_km, lang, 0)} km"

presenting = meeting.is_on()  # on a projector: the figures and the map first, the fine print stays off the slide
# Meeting mode is one slide: the map fills the window's height on the left, the figures stand beside it.
slide_map, slide_side = st.columns([2, 1], gap="small") if presenting else (None, None)
beside = slide_side if presenting else st.container()
beside.title(t("access_title", lang), anchor=False if presenting else None)
if not presenting:
    st.markdown(t("access_intro", lang))
if not presenting:
    st.caption(t("access_caption", lang, indicator=meta.name, unit=unit, threshold=threshold_text, source=cite))
if ignored:
    st.caption(t("link_ignored", lang, names=", ".join(ignored)))
notes = [t("access_people_note", lang), tn("access_unlocated", len(villages.unlocated), lang)]
if not points.unplaced.empty:
    notes.append(t("access_unplaced_points", lang, names=", ".join(md_escape(n) for n in points.unplaced["name"])))
if not presenting:
    st.caption(" ".join(notes))
else:
    beside.caption(t("access_caption", lang, indicator=meta.name, unit=unit, threshold=threshold_text, source=cite))

base = access.current(villages, points)
scenarios = access.from_state(st.session_state.get(_STATE))
active = [key for key in access.SCENARIOS if scenarios[key]]
measures = {"current": access.village_measures(villages, base, settings)}
for key in active:
    measures[key] = access.village_measures(villages, access.with_new(villages, base, scenarios[key], settings), settings)
if points.fixed.empty and not active:
    st.warning(t("access_no_points", lang))

views = ["current", *active]
keep_valid("access_view", views, "current")
if presenting and len(views) == 1:  # nothing to choose between: the slide shows today's access
    view = "current"
else:
    view = beside.radio(
        t("access_view", lang),
        views,
        key="access_view",
        horizontal=True,
        format_func=lambda v: t("access_view_current", lang) if v == "current" else t("access_scenario_label", lang, scenario=v),
    )
shown = measures[view]
# Partial coverage is about mobile services: only said where one is counted (the passport kinds, or a scenario's).
has_mobile = not points.mobile.empty or any(p.kind == access.MOBILE for p in scenarios.get(view, []))
any_mobile = not points.mobile.empty or any(p.kind == access.MOBILE for units in scenarios.values() for p in units)
view_text = t("access_view_current", lang) if view == "current" else t("access_scenario_label", lang, scenario=view)

# Headline: Kalimantan, and the highlighted regency, with the change against today when a scenario is shown.
suffix = accessview.detour_suffix(settings, lang)
areas = [(None, "Kalimantan")] + ([(regency, regency_names[regency])] if regency != "all" else [])
if presenting:  # one area on a slide: the regency in focus, else Kalimantan
    areas = areas[-1:]
for code, area_name in areas:
    h = access.headline(measures["current"], shown, code, view != "current")
    if h is None:
        continue
    km = lambda v: f"{fmt_number(v, lang, 1)} km"  # noqa: E731 - tiny local formatter
    help_text = None if presenting else tn("access_metric_help", h.n_villages, lang, unit=unit)
    columns = [beside.container() for _ in range(4)] if presenting else st.columns(4 if has_mobile else 3)
    c1, c2, c3 = columns[:3]
    c1.metric(t("access_metric_median", lang, area=area_name) + suffix, km(h.median_km), help=help_text, **_delta(h.median_change, km, 1))
    c2.metric(t("access_metric_p90", lang, area=area_name) + suffix, km(h.p90_km), help=help_text, **_delta(h.p90_change, km, 1))
    c3.metric(
        t("access_metric_beyond", lang, threshold=threshold_text, area=area_name) + suffix,
        t("access_metric_beyond_value", lang, n=fmt_number(h.n_beyond, lang, 0), share=fmt_number(h.share_beyond, lang, 1)),
        help=help_text,
        **_delta(h.beyond_change, lambda v: fmt_number(v, lang, 0), 0),
    )
    if not has_mobile or (presenting and not h.n_mobile_partial):  # a line that would say nothing is left out
        continue
    columns[3].markdown(
        tn(
            "access_partial_line",
            h.n_mobile_partial,
            lang,
            threshold=threshold_text,
            equiv=fmt_number(h.partial_equiv, lang, 1),
        )
    )

map_col, side_col = (slide_map.container(key="meeting_fill"), st.container()) if presenting else st.columns([3, 2], gap="medium")
with map_col:
    bbox = access.map_extent(provinces, regencies, regency if regency != "all" and zoom else None)
    fig = accessview.map_figure(
        shown,
        meta,
        lang,
        mapview.MapLayer(static_url(assets["desa"]), "desa"),
        mapview.MapLayer(static_url(assets["provinsi"]), "provinsi"),
        mapview.MapLayer(static_url(assets["kabupaten"]), "kabupaten"),
        points,
        scenarios.get(view, []) if view != "current" else [],
        view if view != "current" else None,
        regency if regency != "all" else None,
        bbox,
        scheme,
        mapview.MapLayer(static_url(assets["rivers"]), "rivers") if show_rivers else None,
    )
    if presenting:
        if shown["km"].notna().any():
            fig.update_layout(  # the slide: the map fills the frame's height, its legend stands beside it, not below
                height=None, autosize=True, margin=dict(l=0, r=0, t=0, b=0), font=dict(size=meeting.CHART_TEXT_PX),
                geo=dict(domain=dict(x=[0, 0.7], y=[0, 1])),
                legend=dict(orientation="v", x=0.71, xanchor="left", y=0.5, yanchor="middle", entrywidth=0,
                            font=dict(size=meeting.CHART_TEXT_PX)),
            )  # fmt: skip
            st.plotly_chart(fig, key="access_map", theme=None, height="stretch",
                            config=mapview.plotly_config(static_root(), presenting=True))  # fmt: skip
        st.stop()
    if shown["km"].notna().any():
        st.plotly_chart(
            fig, key="access_map", on_select="rerun", selection_mode="points", theme=None, config=mapview.plotly_config(static_root())
        )
    if has_mobile:
        st.caption(t("access_partial_rule", lang))  # the copy-link box is in the sidebar, for every page
    if shown["km"].notna().any():
        added = [p for p in (scenarios.get(view, []) if view != "current" else []) if access.counts_as_fixed(p, settings)]
        drawn = (
            [*points.fixed["lon"], *(p.lon for p in added)],
            [*points.fixed["lat"], *(p.lat for p in added)],
            t("access_points_legend", lang),
        )
        chart_download.buttons(
            lambda fmt: exports.map_image(accessview.map_frame(shown), meta, view_text, "desa", lang, scheme, classify.DEFAULT_K, fmt,
                                          title=t("access_title", lang), points=drawn),
            f"akses_{view}", "dl_access_map", lang, needs_browser=False,
        )  # fmt: skip

with side_col:
    st.subheader(t("access_whatif_title", lang))
    st.caption(t("access_whatif_help", lang))
    st.radio(
        t("access_edit_scenario", lang),
        list(access.SCENARIOS),
        key="access_edit",
        horizontal=True,
        format_func=lambda s: t("access_scenario_label", lang, scenario=s),
    )
    st.text_input(t("access_new_name", lang), key="access_new_name", max_chars=access.MAX_NAME_CHARS)
    keep_valid("access_new_kind", list(access.ALL_KINDS), access.DEFAULT_KINDS[0])
    new_kind = st.selectbox(
        t("access_new_kind", lang), list(access.ALL_KINDS), key="access_new_kind", format_func=lambda k: label("point_kinds", k, lang)
    )
    if new_kind == access.MOBILE:
        st.number_input(t("access_new_days", lang), min_value=1, max_value=access.DAYS_IN_MONTH, value=4, step=1, key="access_new_days")
    keep_valid("access_loc", list(_PLACES), "district")
    place = st.radio(
        t("access_place_by", lang), list(_PLACES), key="access_loc", horizontal=True, format_func=lambda p: t(f"access_place_{p}", lang)
    )
    district_rows = districts if regency == "all" else districts[districts["regency_code"] == regency]
    district_names = accesstables.district_labels(districts)
    if place == "district":
        options = district_rows["code"].tolist()
        keep_valid("access_new_district", options, options[0] if options else None)
        st.selectbox(t("access_new_district", lang), options, key="access_new_district", format_func=district_names.__getitem__)
    elif place == "village":
        clicked = st.session_state.get("access_clicked")
        row = villages.frame[villages.frame["code"] == clicked]
        if row.empty:
            st.info(t("access_click_hint", lang))
        else:
            st.markdown(t("access_clicked", lang, village=md_escape(row.iloc[0]["name"]), district=md_escape(row.iloc[0]["district"])))
    else:
        lon_col, lat_col = st.columns(2)
        lon_col.number_input(
            t("access_lon", lang), min_value=-180.0, max_value=180.0, value=116.22294, step=0.01, format="%.5f", key="access_new_lon"
        )
        lat_col.number_input(
            t("access_lat", lang), min_value=-90.0, max_value=90.0, value=-3.2421, step=0.01, format="%.5f", key="access_new_lat"
        )
    context = {
        "districts": districts,
        "villages": village_rows,
        "extent": access.bounds(provinces),
        "districts_geojson": static_path(assets["kecamatan"]),
        "lang": lang,
    }
    st.button(t("access_add", lang), key="access_add", type="primary", on_click=_add, args=(context,))
    example = access.example_point(districts, point_rows, village_rows, settings.kinds)
    if example is not None:
        example_label = t("access_example" if example.kind == "ulp" else "access_example_puskesmas", lang)
        st.button(example_label, key="access_example", on_click=_add_example, args=(example,))
    message = st.session_state.pop("access_msg", None)
    if message:
        kind_of_message, key, values = message
        (st.error if kind_of_message == "error" else st.success)(t(key, lang, **values))
    for key in active:
        st.markdown(f"**{t('access_scenario_label', lang, scenario=key)}**")
        for i, p in enumerate(scenarios[key]):
            text_col, button_col = st.columns([2, 1], vertical_alignment="center")  # "Remove" whole at 1366 px
            counted = access.counts_as_fixed(p, settings) or p.kind == access.MOBILE
            where = district_names.get(p.district_code, "")
            text_col.markdown(
                f"{md_escape(p.name)} · {label('point_kinds', p.kind, lang)} · {md_escape(where)}"
                + ("" if counted else f" · ⚠ {t('access_not_counted', lang)}")
            )
            button_col.button(t("access_remove", lang), key=f"access_rm_{key}_{i}", on_click=_remove, args=(key, i))
        st.button(t("access_clear", lang, scenario=key), key=f"access_clear_{key}", on_click=_clear, args=(key,))

st.header(t("access_compare_title", lang))
if not active:
    st.info(t("access_compare_empty", lang))
else:
    wide = access.compare(measures["current"], {key: measures[key] for key in active})
    compare_fig = accessview.comparison_figure(wide, active, lang, threshold_text, unit)
    st.plotly_chart(compare_fig, key="access_compare_chart", theme=None, config={"displaylogo": False})
    compare_stamp = exports.plain_stamp(t("access_compare_title", lang), f"{meta.name} ({unit}), {threshold_text}", cite, lang, False)
    chart_download.buttons(chart_download.chart(compare_fig, compare_stamp), "akses_perbandingan_skenario", "dl_access_compare", lang)
    st.dataframe(
        accesstables.comparison_display(wide, active, lang, threshold_text, partial=any_mobile), hide_index=True, key="access_compare_table"
    )
    st.caption(t("access_compare_caption", lang, unit=unit) + " " + t("access_people_note", lang))
    table = accesstables.comparison_export(wide, active, lang, threshold_text, partial=any_mobile)
    now_regencies = accesstables.area_table(
        access.access_by_area(measures["current"], "regency"),
        lang,
        "regency",
        threshold_text,
        formatted=False,
        partial=not points.mobile.empty,
    )
    csv_col, xlsx_col = st.columns(2)
    csv_col.download_button(
        t("access_download_csv", lang),
        data=export.to_csv_bytes(table),
        file_name="akses_perbandingan_skenario.csv",
        mime="text/csv",
        key="access_dl_csv",
        on_click="ignore",
    )
    xlsx_col.download_button(
        t("access_download_xlsx", lang),
        data=lambda: export.to_excel_bytes(
            {
                t("access_sheet_compare", lang): table,
                t("access_sheet_points", lang): accesstables.scenario_points_frame(scenarios, districts, settings, lang),
                t("access_sheet_regencies", lang): now_regencies,
            },
            accesstables.metadata(settings, lang, cite, len(villages.unlocated), points.mobile),
        ),
        file_name="akses_perbandingan_skenario.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="access_dl_xlsx",
        on_click="ignore",
    )

st.header(t("access_regencies_title", lang))
st.caption(t("access_table_caption", lang, view=view_text, unit=unit))
by_regency = access.access_by_area(shown, "regency")
st.dataframe(
    accesstables.area_table(by_regency, lang, "regency", threshold_text, partial=has_mobile), hide_index=True, key="access_regency_table"
)
if regency != "all":
    st.subheader(t("access_districts_title", lang, regency=regency_names[regency]))
    by_district = access.access_by_area(shown[shown["regency_code"] == regency], "district")
    st.dataframe(
        accesstables.area_table(by_district, lang, "district", threshold_text, partial=has_mobile),
        hide_index=True,
        key="access_district_table",
    )

with st.expander(t("access_method_heading", lang)):
    st.markdown(t("access_method", lang))
    if has_mobile:
        st.markdown(t("access_partial_rule", lang))
        st.markdown(f"**{t('access_mobile_table', lang)}**")
        st.dataframe(accesstables.mobile_table(points, lang), hide_index=True)
    st.markdown(f"**{t('access_unlocated_table', lang)}**")
    st.dataframe(accesstables.unlocated_table(villages, lang), hide_index=True)
