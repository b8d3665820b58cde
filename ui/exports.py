"""Exports of the equity map: image (PNG/SVG), the data behind it (CSV), and a briefing deck (PPTX).

Everything is generated on the server, offline, stamped with title, source, year, date and the
simulated mark where it applies. Images are made on request (a button), not on every rerun.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from data import build
from geo import render
from services import catalogue, deck, export, mapview, ranking, summary
from services.i18n import fmt_date, fmt_number, label, t
from ui.context import query, reference


def stamp(meta: mapview.IndicatorMeta, year: int | str, lang: str, title: str | None = None) -> render.Stamp:
    """Title (the map's, unless a chart names its own), indicator and year, source, date, simulated mark."""
    return plain_stamp(title or t("map_title", lang), f"{meta.name} ({meta.unit}), {year}", meta.citation, lang, meta.simulated)


def plain_stamp(title: str, subtitle: str, source: str, lang: str, simulated: bool) -> render.Stamp:
    """A stamp for an image that is not about one indicator (e.g. the SPM scorecard)."""
    return render.Stamp(
        title=title,
        subtitle=subtitle,
        source=f"{t('source', lang)}: {source}",
        date=t("export_made_on", lang, day=fmt_date(date.today(), lang)),
        simulated=t("simulated_mark", lang).upper() if simulated else None,
    )


def _geometry(level: str):
    assets = reference("geo_assets").set_index("level")["file_name"]
    folder = build.static_dir()
    return folder / assets[level], folder / assets["provinsi"], folder / assets["perbatasan"]


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
) -> bytes:
    """The map of ``frame``'s regions only (a filtered view or one regency's districts), as PNG or SVG,
    with ``points`` (longitudes, latitudes, legend label) drawn over it when given."""
    painting = mapview.paint(frame, meta, lang, scheme, k)
    geometry, outline, border = _geometry(level)
    made = stamp(meta, year, lang, title)
    return render.map_image(geometry, painting.colour_of, painting.legend, made, outline, border, fmt=fmt, points=points)


def data_csv(frame: pd.DataFrame, meta: mapview.IndicatorMeta, year: int, lang: str) -> bytes:
    rows = ranking.ranked(frame, meta.direction)[["code", "rank"]]
    out = frame.merge(rows, on="code", how="left", validate="one_to_one")
    table = pd.DataFrame(
        {
            "kode_kemendagri": out["code"],
            "nama": out["name"],
            "provinsi": out["province"],
            "kelompok": [label("region_types", g, lang) for g in out["region_type"]],
            "indikator": meta.name,
            "tahun": year,
            "nilai": out["value"],
            "satuan": meta.unit,
            "status": out["status"],
            "peringkat": out["rank"],
            "sumber": meta.citation,
            "simulasi": meta.simulated,
            "dibuat": date.today().isoformat(),  # the stamp's date, in a column so the file stays one table
        }
    )
    return export.to_csv_bytes(table, simulated=meta.simulated)


def briefing_deck(
    indicators: list[str], lang: str, region_types: list[str], scheme: str, k: int, province: tuple[str, str] | None = None
) -> tuple[bytes, list[str]]:
    """One map slide per indicator (regency level, latest year), a gap chart, a table, sources.

    The regencies are the map's: the region groups chosen and, when one is, the province (code, name).
    Returns the deck and the indicators left out (no regency-level value for those regencies).
    """
    cat = reference("indicator_catalogue")
    slides, sources, skipped = [], [], []
    for indicator in indicators:
        years = catalogue.years_for(cat, indicator, "kabupaten")
        if not years:
            skipped.append(indicator)
            continue
        year = years[-1]
        row = catalogue.row(cat, indicator)
        meta = mapview.IndicatorMeta.from_row(row, lang)
        frame = query(
            "map_values",
            indicator=indicator,
            year=year,
            level="kabupaten",
            province=province[0] if province else None,
            region_types=region_types,
        )
        if not (frame["status"] == "value").any():
            skipped.append(indicator)
            continue
        population = query("population_nearest", year=year).set_index("region_code")["population"]
        head = summary.headline(frame, row["aggregate"], meta.direction, "kabupaten", population)
        means = {label("region_types_short", g, lang): head.means[g].mean for g in summary.GROUPS}
        lines = [f"{name}: {fmt_number(v, lang, meta.decimals)} {meta.unit}" for name, v in means.items() if v is not None]
        if head.gap_city_border is not None:
            key = "gap_neutral" if meta.direction == 0 else ("gap_border_behind" if head.gap_city_border > 0 else "gap_border_ahead")
            gap_unit = t("percentage_points", lang) if meta.unit.startswith("%") else meta.unit
            lines.append(t(key, lang, gap=fmt_number(abs(head.gap_city_border), lang, meta.decimals), unit=gap_unit).replace("**", ""))
        lines.append(t(f"weighting_{head.weighting}", lang))
        ranked = ranking.ranked(frame, meta.direction)
        picked = pd.concat([ranked.head(3), ranked.tail(3)])
        table = [(str(int(r.rank)), r.name, f"{fmt_number(r.value, lang, meta.decimals)} {meta.unit}") for r in picked.itertuples()]
        slides.append(
            deck.IndicatorSlide(
                name=f"{meta.name} ({meta.unit}), {year}",
                map_png=map_image(frame, meta, year, "kabupaten", lang, scheme, k, "png"),
                headline=lines,
                source=f"{t('source', lang)}: {meta.citation} · {year}",
                simulated_mark=t("simulated_mark", lang).upper() if meta.simulated else None,
                group_means=means,
                table=table,
            )
        )
        if meta.citation not in sources:
            sources.append(meta.citation)
    sources.append("© 2024 Cahya DSN, github.com/cahyadsn/wilayah_boundaries (MIT)")
    labels = {key: t(f"deck_{key}", lang) for key in ("gap_chart", "table", "sources", "indicator", "rank", "region", "value")}
    subtitle = t("deck_subtitle", lang, day=fmt_date(date.today(), lang))
    if province:
        subtitle = f"{province[1]} · {subtitle}"
    return deck.build_deck(t("app_title", lang), subtitle, slides, labels, sources), skipped
