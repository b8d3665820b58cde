"""Indicator catalogue helpers: ordering, labels, and which levels and years have data."""

from __future__ import annotations

import threading
from collections.abc import Callable
from html import escape
from typing import Any

import pandas as pd

from kalimantan_equity.services.i18n import SECTORS, fmt_number, label, t

LEVEL_ORDER = ("kabupaten", "kecamatan", "desa")
DEFAULT_INDICATOR = "wb_electricity_access"
_SECTOR_ORDER = {sector: i for i, sector in enumerate(SECTORS)}

VERSION_ATTR = "data_version"  # set by ui/context.py on the catalogue it reads: which data it was read from
_MEMO: dict[tuple[Any, ...], Any] = {}
_MEMO_MAX = 4096  # a few data versions × (indicators × levels × languages): bounded, then started afresh
_MEMO_LOCK = threading.Lock()


def _memo(cat: pd.DataFrame, name: str, args: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    """``compute()`` once per data version and arguments, shared by every session and run.

    Each page run asks for the indicator list, labels, levels and years many times (about 3 ms a
    call with pandas); the answers change only with the data. A catalogue that carries no version
    (tests, scripts) is computed every time. The version is checked with the catalogue's shape, so
    a frame derived from it (which keeps pandas ``attrs``) is never mistaken for it.
    """
    version = cat.attrs.get(VERSION_ATTR)
    if version is None or cat.attrs.get("shape") != cat.shape:
        return compute()
    key = (version, name, args)
    try:
        return _MEMO[key]
    except KeyError:
        pass
    value = compute()
    with _MEMO_LOCK:
        if len(_MEMO) >= _MEMO_MAX:
            _MEMO.clear()
        _MEMO[key] = value
    return value


def stamp(cat: pd.DataFrame, version: tuple[Any, ...]) -> pd.DataFrame:
    """Mark a catalogue as read from one data version, so the lists below are computed once for it."""
    cat.attrs[VERSION_ATTR] = version
    cat.attrs["shape"] = cat.shape
    return cat


def indicator_ids(cat: pd.DataFrame) -> list[str]:
    """Real indicators first, then simulated; within each, grouped by SPM sector or theme."""
    return list(_memo(cat, "ids", (), lambda: _indicator_ids(cat)))


def _indicator_ids(cat: pd.DataFrame) -> tuple[str, ...]:
    first = cat.drop_duplicates("indicator_id").copy()
    first["sector_rank"] = first["sector"].map(_SECTOR_ORDER).fillna(len(_SECTOR_ORDER))
    first = first.sort_values(["simulated", "sector_rank", "indicator_id"])
    return tuple(first["indicator_id"].tolist())


def row(cat: pd.DataFrame, indicator: str) -> pd.Series:
    return _memo(cat, "row", (indicator,), lambda: cat[cat["indicator_id"] == indicator].iloc[0]).copy()


def option_labels(cat: pd.DataFrame, lang: str) -> dict[str, str]:
    """The indicator picker's options, ``IPM 2024 (UHH Long Form SP2020) · Pembangunan manusia``: the
    name first; once per data version and language (3.5 ms a page run before).

    A narrow sidebar cuts a long option at its end; with the sector first, "Pembangunan manusia › IPM
    2024 (…" and "Pembangunan manusia › IPM (metode…" were cut into look-alikes. Simulated series keep
    their mark at the front (⚠) and say so in words at the end."""
    return dict(_memo(cat, "option_labels", (lang,), lambda: _labels(cat, lang, name_first=True)))


def indicator_labels(cat: pd.DataFrame, lang: str) -> dict[str, str]:
    """``SPM Pendidikan › APM SD`` per indicator; simulated ones say so at the front."""
    return dict(_memo(cat, "labels", (lang,), lambda: _labels(cat, lang, name_first=False)))


def _labels(cat: pd.DataFrame, lang: str, name_first: bool) -> dict[str, str]:
    """Both label styles: ``name · sector`` (the picker) or ``sector › name``; a simulated series is
    marked at the front, and the picker's also says so in words at the end."""
    mark = t("simulated_mark", lang)
    labels = {}
    for r in cat.drop_duplicates("indicator_id").itertuples():
        name, sector = (r.name_id if lang == "id" else r.name_en), label("sectors", r.sector, lang)
        if name_first:
            text = f"{name} · {sector}"
            labels[r.indicator_id] = f"⚠ {text} · {mark}" if bool(r.simulated) else text
        else:
            text = f"{sector} › {name}"
            labels[r.indicator_id] = f"⚠ {mark} · {text}" if bool(r.simulated) else text
    return labels


def levels_for(cat: pd.DataFrame, indicator: str) -> list[str]:
    def compute() -> tuple[str, ...]:
        have = set(cat.loc[cat["indicator_id"] == indicator, "level"])
        return tuple(level for level in LEVEL_ORDER if level in have)

    return list(_memo(cat, "levels", (indicator,), compute))


def years_for(cat: pd.DataFrame, indicator: str, level: str) -> list[int]:
    def compute() -> tuple[int, ...]:
        match = cat[(cat["indicator_id"] == indicator) & (cat["level"] == level)]
        return () if match.empty else tuple(sorted(int(y) for y in match.iloc[0]["years"]))

    return list(_memo(cat, "years", (indicator, level), compute))


def overview(cat: pd.DataFrame, lang: str, built_at: str, history: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per indicator for the data page: metadata, source, years, levels and coverage.

    Coverage is regions with data out of all regions, per level, e.g. ``Kab/kota 56/56 · Desa 6614/7229``.
    """
    active = {}
    if history is not None and not history.empty:
        for row in history[history["active"]].itertuples():
            active[row.indicator_id] = f"v{row.version} · {row.at[:10]} · {row.by}"
    rows = []
    for indicator in indicator_ids(cat):
        part = cat[cat["indicator_id"] == indicator]
        first = part.iloc[0]
        years = sorted({int(y) for ys in part["years"] for y in ys})
        coverage = " · ".join(
            f"{label('levels', r.level, lang)} {r.n_regions}/{r.n_level_regions}"
            for r in part.sort_values("level", key=lambda s: s.map({lv: i for i, lv in enumerate(LEVEL_ORDER)})).itertuples()
        )
        direction = {1: t("higher_better", lang), -1: t("lower_better", lang), 0: t("neutral_direction", lang)}[int(first["direction"])]
        rows.append(
            {
                "indicator_id": indicator,
                "name": first["name_id"] if lang == "id" else first["name_en"],
                "sector": label("sectors", first["sector"], lang),
                "unit": first["unit_id"] if lang == "id" else first["unit_en"],
                "direction": direction,
                "target": "—" if pd.isna(first["target"]) else fmt_number(float(first["target"]), lang, 0),
                "years": f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]),
                "coverage": coverage,
                "kind": t("simulated_mark", lang) if bool(first["simulated"]) else t("real_mark", lang),
                "source": first["citation_id"] if lang == "id" else first["citation_en"],
                "licence": first["licence"],
                "version": active.get(indicator, f"build · {built_at[:10]}"),
                "method": first["method_id"] if lang == "id" else first["method_en"],
            }
        )
    return pd.DataFrame(rows)


def search(table: pd.DataFrame, text: str) -> pd.DataFrame:
    """Rows whose any cell contains every word of ``text`` (case-insensitive); plain text, no patterns."""
    words = [w for w in text.lower().split() if w]
    if not words:
        return table
    haystack = table.apply(lambda row: " ".join(str(v) for v in row.to_numpy()), axis=1).str.lower()
    mask = pd.Series(True, index=table.index)
    for word in words:
        mask &= haystack.str.contains(word, regex=False)
    return table[mask]


def series_for(cat: pd.DataFrame, indicator: str, level: str) -> list[str]:
    """The indicator and its siblings across a method break (same ``series_group``) at this level.

    Each stays its own series, oldest first; an indicator without a group is a series of one.
    """
    at_level = cat[cat["level"] == level]
    group = row(cat, indicator)["series_group"]
    if group is None or pd.isna(group) or str(group).strip() == "":
        return [indicator]
    siblings = at_level[at_level["series_group"] == group].copy()
    siblings["first_year"] = [min(int(y) for y in years) for years in siblings["years"]]
    ordered = siblings.sort_values(["first_year", "indicator_id"])["indicator_id"].tolist()
    return ordered if indicator in ordered else [indicator, *ordered]


def spm_indicators(cat: pd.DataFrame) -> list[str]:
    """Regency-level indicators of the six SPM fields that carry an SPM target, in sector order."""
    rows = cat[(cat["level"] == "kabupaten") & cat["sector"].str.startswith("spm_") & cat["target"].notna()].copy()
    rows["sector_rank"] = rows["sector"].map(_SECTOR_ORDER).fillna(len(_SECTOR_ORDER))
    return [str(i) for i in rows.sort_values(["sector_rank", "simulated", "indicator_id"])["indicator_id"]]


def sector_summary(cat: pd.DataFrame) -> pd.DataFrame:
    """One row per sector (in the catalogue's sector order): how many indicators, how many of them
    official and simulated, the first and last year with data, and how many sources they come from."""
    first = cat.drop_duplicates("indicator_id").set_index("indicator_id")
    years = cat.groupby("indicator_id")["years"].agg(lambda lists: [int(y) for ys in lists for y in ys])
    rows = []
    for sector, part in first.groupby("sector", sort=False):
        span = [y for i in part.index for y in years.get(i, [])]
        rows.append(
            {
                "sector": sector,
                "n": len(part),
                "official": int((~part["simulated"].astype(bool)).sum()),
                "simulated": int(part["simulated"].astype(bool).sum()),
                "first_year": min(span) if span else None,
                "last_year": max(span) if span else None,
                "sources": part["source_id"].nunique(),
            }
        )
    out = pd.DataFrame(rows)
    order = out["sector"].map(_SECTOR_ORDER).fillna(len(_SECTOR_ORDER))
    return out.assign(_o=order).sort_values(["_o", "sector"]).drop(columns="_o").reset_index(drop=True)


def sector_table_html(per_sector: pd.DataFrame, lang: str) -> str:
    """The catalogue slide's table (one row per sector from :func:`sector_summary`) as HTML for the
    meeting style sheet; every text escaped, so a sector or source name with markup shows as text."""
    columns = ("sector", "n", "official", "simulated", "years", "sources")
    head = "".join(f"<th>{escape(t(f'data_slide_col_{c}', lang))}</th>" for c in columns)
    rows = []
    for r in per_sector.itertuples():
        first, last = r.first_year, r.last_year
        years = "—" if first is None or pd.isna(first) else (str(int(first)) if first == last else f"{int(first)}–{int(last)}")
        cells = [
            label("sectors", str(r.sector), lang),
            *(fmt_number(float(v), lang, 0) for v in (r.n, r.official, r.simulated)),
            years,
            fmt_number(float(r.sources), lang, 0),
        ]
        rows.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + "</tr>")
    return f"<table class='meeting-table' lang='{escape(lang)}'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
