"""Exports of every page: map images (PNG/SVG), the data behind a view (CSV), briefing decks (PPTX)
from the map, the gap page and the regency profile, and the one-page regency profile (PPTX, PDF).

Everything is generated on the server, offline, when a button is clicked, stamped with title,
source (publisher and year), date and the simulated mark where it applies. Decks are made from the
same view state and the same functions as the screen (``services.slideview``), so a slide shows
what its live step shows.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from kalimantan_equity.data import build
from kalimantan_equity.geo import render
from kalimantan_equity.services import briefings, catalogue, classify, deck, export, gaps, mapview, profile, ranking, slideview, summary
from kalimantan_equity.services.i18n import fmt_date, fmt_number, label, t
from kalimantan_equity.ui.context import query, reference


def stamp(meta: mapview.IndicatorMeta, year: int | str, lang: str, title: str | None = None) -> render.Stamp:
    """Title (the map's, unless a chart names its own), indicator and year, source, date, simulated mark."""
    return plain_stamp(title or t("map_title", lang), f"{meta.name} ({meta.unit}), {year}", meta.citation, lang, meta.simulated)


def plain_stamp(title: str, subtitle: str, source: str, lang: str, simulated: bool) -> render.Stamp:
    """A stamp for an image that is not about one indicator (e.g. the SPM scorecard)."""
    return render.Stamp(
        title=title,
        subtitle=subtitle,
        source=f"{t('source', lang)}: {export.plain_source(source)}",
        date=t("export_made_on", lang, day=fmt_date(date.today(), lang)),
        simulated=t("simulated_mark", lang).upper() if simulated else None,
    )


SLIDE_MAP_PX = (1600, 900)  # drawn at 10 in and shown at 8.4 in on a slide: legend type stays about 13 pt
PROFILE_MAP_PX = (1440, 810)  # the profile's map shares its slide with text: drawn smaller, so its legend reads as large


def _geometry(level: str):
    assets = reference("geo_assets").set_index("level")["file_name"]
    folder = build.static_dir()
    return folder / assets[level], folder / assets["provinsi"], folder / assets["perbatasan"]


def plbn_points(province: str | None, lang: str) -> tuple[list[float], list[float], str]:
    """The operating border posts the map shows (those of the province when one is chosen)."""
    plbn = query("service_points", kinds=["plbn"], include_closed=False)
    if province:
        plbn = plbn[plbn["regency_code"].str[:2] == province]
    return plbn["lon"].tolist(), plbn["lat"].tolist(), t("plbn_points", lang)


def map_image(
    frame: pd.DataFrame,
    meta: mapview.IndicatorMeta,
    year: int | str,
    level: str,
    lang: str,
    scheme: str,
    k: int,
    fmt: str,
    title: str | None = None,
    points: tuple[list[float], list[float], str] | None = None,
    note: str | None = None,
    compact: bool = False,
) -> bytes:
    """The map of ``frame``'s regions only (a filtered view or one regency's districts), as PNG or SVG,
    with the land border, the unit over the legend, ``points`` (longitudes, latitudes, legend label)
    and ``note`` (the gap sentence) when given: what the screen shows."""
    painting = mapview.paint(frame, meta, lang, scheme, k)
    geometry, outline, border = _geometry(level)
    made = stamp(meta, year, lang, title)
    return render.map_image(geometry, painting.colour_of, painting.legend, made, outline, border, fmt=fmt, points=points,
                            unit=meta.unit, note=note, border_label=t("international_border", lang), compact=compact,
                            size_px=SLIDE_MAP_PX if compact else render.SLIDE_PX)  # fmt: skip


def _population(level: str, year: int) -> pd.Series | None:
    return query("population_nearest", year=int(year)).set_index("region_code")["population"] if level == "kabupaten" else None


def view_headline(frame: pd.DataFrame, meta_row: pd.Series, meta: mapview.IndicatorMeta, level: str, year: int, lang: str):
    """The side panel's figures for a map view: the same function for the screen's image and its slide."""
    head = summary.headline(frame, meta_row["aggregate"], meta.direction, level, _population(level, year))
    return slideview.headline(head, frame, meta.unit, meta.decimals, meta.direction, lang)


def view_image(
    frame: pd.DataFrame, meta_row: pd.Series, year: int, level: str, lang: str, scheme: str, k: int, fmt: str, province: str | None
) -> bytes:
    """The equity map as on screen: classes, land border, PLBN posts, unit, legend and the gap sentence."""
    meta = mapview.IndicatorMeta.from_row(meta_row, lang)
    text = view_headline(frame, meta_row, meta, level, year, lang)
    return map_image(frame, meta, year, level, lang, scheme, k, fmt, points=plbn_points(province, lang), note=text.gap)


def data_csv(frame: pd.DataFrame, meta: mapview.IndicatorMeta, year: int, lang: str) -> bytes:
    """The regions of the view: headers in the user's language, values rounded as on screen, group
    and status as words, empty cells where there is no value."""
    rows = ranking.ranked(frame, meta.direction)[["code", "rank"]]
    out = frame.merge(rows, on="code", how="left", validate="one_to_one")
    status = {"value": "", "missing": t("no_data", lang), "na": t("not_applicable", lang)}
    table = pd.DataFrame(
        {
            "code": out["code"],
            "name": out["name"],
            "province": out["province"],
            "group": [label("region_types", g, lang) for g in out["region_type"]],
            "indicator": meta.name,
            "year": year,
            "value": out["value"],
            "unit": meta.unit,
            "status": [status.get(s, s) for s in out["status"]],
            "rank": out["rank"],
            "source": export.plain_source(meta.citation, year),
            "simulated": t("simulated_mark", lang) if meta.simulated else "",
            "made": date.today().isoformat(),  # the stamp's date, in a column so the file stays one table
        }
    )
    headers = {c: t(f"xcol_{c}", lang) for c in table.columns}
    return export.to_csv_bytes(export.planner_table(table, headers, {"value": meta.decimals}), simulated=meta.simulated)


def map_deck(
    indicators: list[str],
    lang: str,
    region_types: list[str],
    scheme: str,
    k: int,
    level: str = "kabupaten",
    province: tuple[str, str] | None = None,
) -> tuple[bytes, list[str]]:
    """One slide per presentation step, drawn from the step's own view (:func:`slideview.step_view`,
    the function the page's Next and Previous use): the same level, year, classes, regions and
    numbers as the live step. Then one native chart per indicator of the group means (groups
    without a value left out), the top and bottom three as a table, and the sources.

    Returns the deck and the indicators left out (no value for the regions chosen)."""
    cat = reference("indicator_catalogue")
    slides, charts, table_rows, sources, skipped = [], [], [], [], []
    simulated_any = False
    for indicator in indicators:
        view = slideview.step_view(cat, indicator, level, scheme, k)
        if view is None:
            skipped.append(indicator)
            continue
        row = catalogue.row(cat, indicator)
        meta = mapview.IndicatorMeta.from_row(row, lang)
        frame = query("map_values", indicator=indicator, year=view.year, level=view.level,
                      province=province[0] if province else None, region_types=region_types)  # fmt: skip
        if not (frame["status"] == "value").any():
            skipped.append(indicator)
            continue
        text = slideview.headline(
            summary.headline(frame, row["aggregate"], meta.direction, view.level, _population(view.level, view.year)),
            frame, meta.unit, meta.decimals, meta.direction, lang,
        )  # fmt: skip
        name = f"{meta.name} ({meta.unit}), {view.year}"
        source = f"{t('source', lang)}: {export.plain_source(meta.citation, view.year)}"
        mark = t("simulated_mark", lang).upper() if meta.simulated else None
        simulated_any |= meta.simulated
        bars = deck.Bars(
            name,
            [g[1] for g in text.groups],
            [g[2] for g in text.groups],
            meta.decimals,
            [deck.GROUP_COLOURS[g[0]] for g in text.groups],
        )
        lines = [f"{g[1]}: {fmt_number(g[2], lang, meta.decimals)} {meta.unit}" for g in text.groups]
        lines += [f"{g}: {t('not_applicable', lang)}" for g in text.not_applicable]
        lines += ([text.gap] if text.gap else []) + [text.weighting]
        picture = map_image(frame, meta, view.year, view.level, lang, view.scheme, view.k, "png",
                            points=plbn_points(province[0] if province else None, lang), compact=True)  # fmt: skip
        slides.append(deck.Slide(name, source, mark, picture=picture, charts=[bars], text=lines))
        charts.append(bars)
        ranked = ranking.ranked(frame, meta.direction)
        picked = pd.concat([ranked.head(3), ranked.tail(3)]).drop_duplicates("code")
        table_rows += [[meta.name, str(int(r.rank)), str(r.name), f"{fmt_number(r.value, lang, meta.decimals)} {meta.unit}"]
                       for r in picked.itertuples()]  # fmt: skip
        sources.append(export.plain_source(meta.citation, view.year))
    mark = t("simulated_mark", lang).upper() if simulated_any else None
    steps_source = f"{t('source', lang)}: " + "; ".join(dict.fromkeys(sources))
    for i in range(0, len(charts), deck.CHARTS_PER_SLIDE):
        slides.append(deck.Slide(t("deck_gap_chart", lang), steps_source, mark, charts=charts[i : i + deck.CHARTS_PER_SLIDE]))
    if table_rows:
        columns = [t(f"deck_{key}", lang) for key in ("indicator", "rank", "region", "value")]
        slides.append(deck.Slide(t("deck_table", lang), steps_source, mark, table=deck.Table(columns, table_rows, [5, 1.2, 3, 2])))
    sources.append(export.plain_source(reference_citation("cahyadsn_boundaries", lang)))
    subtitle = t("deck_subtitle", lang, day=fmt_date(date.today(), lang))
    if province:
        subtitle = f"{province[1]} · {subtitle}"
    return deck.build(t("app_title", lang), subtitle, slides, t("deck_sources", lang), sources), skipped


def reference_citation(source_id: str, lang: str) -> str:
    """A source's citation from the sources table, in the user's language."""
    table = reference("sources").set_index("source_id")
    return str(table.at[source_id, "citation_id" if lang == "id" else "citation_en"]) if source_id in table.index else source_id


def indicator_decimals() -> dict[str, int]:
    """Each indicator's decimals, for rounding downloaded values as the screen shows them."""
    cat = reference("indicator_catalogue").drop_duplicates("indicator_id")
    return dict(zip(cat["indicator_id"], cat["decimals"].astype(int), strict=True))


PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def _with_unit(row: pd.Series, lang: str) -> str:
    """An indicator's name with its unit, unless the name already says it ("… per 10.000 penduduk")."""
    name, unit = str(row["name_id" if lang == "id" else "name_en"]), str(row["unit_id" if lang == "id" else "unit_en"])
    return name if not unit or unit in name else f"{name} ({unit})"


def gap_deck(
    meta_row: pd.Series,
    level: str,
    year: int,
    lang: str,
    types: gaps.GroupTable,
    trend: pd.DataFrame,
    series: list[tuple[str, str]],
    contrib: gaps.Contributions,
    card: pd.DataFrame | None,
) -> bytes:
    """The gap page as slides, from the very tables the page drew: group means, their trend, the
    regions adding most to the gap, the SPM scorecard, and the sources."""
    cat = reference("indicator_catalogue")
    meta = mapview.IndicatorMeta.from_row(meta_row, lang)
    gap_unit = t("percentage_points", lang) if meta.unit.startswith("%") else meta.unit
    name = f"{meta.name} ({meta.unit}), {year}"
    source_text = export.plain_source(meta.citation, year)
    source = f"{t('source', lang)}: {source_text}"
    mark = t("simulated_mark", lang).upper() if meta.simulated else None
    slides = [briefings.group_slide(types, name, meta.unit, gap_unit, meta.decimals, meta.direction, lang, source, mark)]
    trend_source = f"{t('source', lang)}: " + "; ".join(
        dict.fromkeys(export.plain_source(catalogue.row(cat, s)["citation_id" if lang == "id" else "citation_en"]) for s, _ in series)
    )
    slides += briefings.trend_slides(trend, series, meta.unit, meta.decimals, lang, trend_source, mark)
    sources = [source_text]
    if meta.direction != 0:
        key = "gap_contrib_title_target" if contrib.reference_kind == "target" else "gap_contrib_title_mean"
        made = briefings.contribution_slide(contrib, f"{t(key, lang)} (%): {meta.name}, {year}", lang, source, mark)
        slides += [made] if made is not None else []
    if card is not None and not card.empty:
        ids = list(dict.fromkeys(card["indicator_id"]))
        years = card.groupby("indicator_id")["year"].first()
        names = {i: _with_unit(catalogue.row(cat, i), lang) for i in ids}
        places = {i: int(catalogue.row(cat, i)["decimals"]) for i in ids}
        cites = list(
            dict.fromkeys(
                export.plain_source(catalogue.row(cat, i)["citation_id" if lang == "id" else "citation_en"], int(years[i])) for i in ids
            )
        )
        sc_mark = t("simulated_mark", lang).upper() if any(bool(catalogue.row(cat, i)["simulated"]) for i in ids) else None
        slides.append(briefings.scorecard_slide(card, names, places, lang, f"{t('source', lang)}: " + "; ".join(cites), sc_mark))
        sources += cites
    sources += [export.plain_source(catalogue.row(cat, s)["citation_id" if lang == "id" else "citation_en"]) for s, _ in series]
    subtitle = f"{label('levels', level, lang)} · " + t("deck_subtitle", lang, day=fmt_date(date.today(), lang))
    return deck.build(t("gap_title", lang), subtitle, slides, t("deck_sources", lang), sources)


def profile_sheet(region: str, lang: str) -> briefings.ProfileSheet:
    """A regency's one-page profile: where it is, its strongest and weakest areas, and the sources."""
    cat = reference("indicator_catalogue")
    regencies = reference("profile_regencies").set_index("code")
    reg = regencies.loc[region]
    card = profile.scorecard(query("profile_values", region=region), cat, query("profile_trend", region=region), region)
    result = profile.strongest_and_weakest(card)
    rows = briefings.highlight_rows(card, result, lang)
    shown = [a.indicator_id for a in [*result.strongest, *result.weakest]]
    context = t(
        "deck_profile_context",
        lang,
        province=reg["province"],
        group=label("region_types", reg["region_type"], lang),
        population=fmt_number(reg["population"], lang, 0),
        year=int(reg["population_year"]) if pd.notna(reg["population_year"]) else "—",
        km=fmt_number(reg["km_to_capital"], lang, 0),
    )
    summary_lines = [t("deck_profile_basis", lang, n=result.n_indicators, since=profile.SUMMARY_SINCE)]
    map_png, map_caption, map_source = district_map(region, reg, lang)
    sources = briefings.sources_of(card, shown, lang)
    sources += [map_source, export.plain_source(reference_citation("cahyadsn_boundaries", lang))]
    return briefings.ProfileSheet(
        title=t("deck_profile_title", lang, regency=reg["name"]),
        subtitle=context,
        map_png=map_png,
        map_caption=map_caption,
        columns=[t(f"deck_profile_col_{c}", lang) for c in ("kind", "area", "indicator", "value", "rank")],
        rows=rows,
        summary=summary_lines,
        sources=list(dict.fromkeys(sources)),
        made=t("export_made_on", lang, day=fmt_date(date.today(), lang)),
    )


def district_map_choice(cat: pd.DataFrame, region_type: str) -> tuple[str, int]:
    """The indicator and year of a regency's district map (``services.profile.district_map_choice``)."""
    ids = catalogue.indicator_ids(cat)
    levels = {i: catalogue.levels_for(cat, i) for i in ids}
    years = {i: catalogue.years_for(cat, i, "kecamatan") for i in ids if "kecamatan" in levels[i]}
    choice = profile.district_map_choice(ids, levels, years, region_type)
    if choice is None:
        raise LookupError("no indicator has district values")
    return choice


def district_map(region: str, reg: pd.Series, lang: str) -> tuple[bytes, str, str]:
    """The profile page's district map as a picture for a slide: the regency's districts coloured by
    the page's default indicator (IDM, or in a city the distance to a puskesmas) in its latest year,
    the regency's outline (its neighbours' edges too, for context), the land border and the PLBN
    posts nearby. Returns the PNG, its caption (indicator, unit, year, level) and its source."""
    cat = reference("indicator_catalogue")
    indicator, year = district_map_choice(cat, str(reg["region_type"]))
    meta_row = catalogue.row(cat, indicator)
    meta = mapview.IndicatorMeta.from_row(meta_row, lang)
    frame = query("profile_subregions", region=region, indicator=indicator, year=year, level="kecamatan")
    painting = mapview.paint(frame, meta, lang, classify.DEFAULT_SCHEME, classify.DEFAULT_K)
    geometry, _provinces, border = _geometry("kecamatan")
    border = border if reg["region_type"] == "perbatasan" else None  # only a border regency's map reaches the border
    regencies, _, _ = _geometry("kabupaten")
    bbox = (reg["min_lon"], reg["min_lat"], reg["max_lon"], reg["max_lat"])
    plbn = profile.points_in_bbox(query("service_points", kinds=["plbn"], include_closed=False), bbox)
    points = (plbn["lon"].tolist(), plbn["lat"].tolist(), t("plbn_points", lang)) if len(plbn) else None
    made = stamp(meta, year, lang, str(reg["name"]))
    png = render.map_image(geometry, painting.colour_of, painting.legend, made, regencies, border, points=points, unit=meta.unit,
                           border_label=t("international_border", lang), compact=True, size_px=PROFILE_MAP_PX)  # fmt: skip
    caption = t("deck_profile_map", lang, indicator=meta.name, year=year, level=label("levels", "kecamatan", lang).lower())
    return png, caption, export.plain_source(meta.citation, year)


def profile_pdf(region: str, lang: str) -> bytes:
    return briefings.profile_pdf(profile_sheet(region, lang))


def profile_deck(regions: list[str], lang: str) -> bytes:
    """One slide per regency (the profile's presentation list, or the regency on screen)."""
    sheets = [profile_sheet(r, lang) for r in regions]
    sources = [s for sheet in sheets for s in sheet.sources]
    subtitle = t("deck_subtitle", lang, day=fmt_date(date.today(), lang))
    return deck.build(
        t("deck_profile_deck_title", lang), subtitle, [briefings.profile_slide(s) for s in sheets], t("deck_sources", lang), sources
    )
