"""Gap analysis: how wide the urban–remote–border gap is, whether it is closing, and who drives it.

Plain pandas on the rows of one indicator (no Streamlit): group summaries by region type and by
province, the gap to a target, inequality across regions with its decomposition, each region's
contribution to the shortfall, every measure per year for the trend, and the SPM scorecard.

Orientation: a *gap* is ``(reference − group) × sign`` with ``sign`` = +1 when higher is better and
−1 when lower is better, so a positive gap always means "behind the reference". A *ratio* is
oriented the same way: above 1 means behind. Neutral indicators (direction 0) use sign +1 and are
shown as plain differences.

Weighting: the *default* summary is the one the map page uses (``services.summary.weighting_for``):
population-weighted for rates about people, ratio of totals for shares with a known numerator and
denominator, a plain mean otherwise. Inequality measures come unweighted and, where population is
known (regencies only), population-weighted, as HEAT does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kalimantan_equity.services import inequality
from kalimantan_equity.services.summary import GROUPS as GROUPS  # re-exported: pages and slides read gaps.GROUPS
from kalimantan_equity.services.summary import weighted_mean, weighting_for

ALL = "all"  # the row for the whole of Kalimantan
REFERENCE_GROUP = "kota"  # the urban centres: the benchmark the other groups are measured against
PARTITIONS = ("region_type", "prov_code")  # the two ways regions are grouped for the decomposition
INEQUALITY_MEASURES = ("gini", "theil_t", "theil_l", "cv", "fifth_ratio", "best_fifth", "worst_fifth")


@dataclass(frozen=True)
class Spec:
    """What the analysis needs to know about an indicator."""

    direction: int  # +1 higher is better, -1 lower is better, 0 neither
    target: float | None  # SPM targets are 100 (%)
    aggregate: str  # catalogue column: weighted / ratio / mean / sum
    level: str  # kabupaten / kecamatan / desa

    @property
    def sign(self) -> int:
        return -1 if self.direction < 0 else 1

    @classmethod
    def from_row(cls, row: pd.Series, level: str) -> Spec:
        target = row.get("target")
        return cls(
            direction=int(row["direction"]),
            target=None if target is None or pd.isna(target) else float(target),
            aggregate=str(row["aggregate"]),
            level=level,
        )


# --------------------------------------------------------------------------- inputs


def with_population(frame: pd.DataFrame, population: pd.Series | None, level: str) -> pd.DataFrame:
    """Add a ``population`` column (regency population by code); NaN below the regency level.

    Population exists for regencies only; weighting a district by its regency's population would
    be wrong, so districts and villages get no weights.
    """
    if population is None or level != "kabupaten":
        return frame.assign(population=np.nan)
    return frame.assign(population=frame["code"].map(population).astype(float))


def with_population_by_year(values: pd.DataFrame, population: pd.DataFrame | None, level: str) -> pd.DataFrame:
    """The same for many years at once: ``population`` has columns year, region_code, population."""
    if population is None or population.empty or level != "kabupaten":
        return values.assign(population=np.nan)
    pop = population[["year", "region_code", "population"]].rename(columns={"region_code": "code"})
    return values.merge(pop, on=["year", "code"], how="left", validate="many_to_one")


def has_population(rows: pd.DataFrame, level: str) -> bool:
    """Population weights exist: regency level and at least one row with a value has a population."""
    return _Arrays.of(rows).has_population(level)


def value_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows with a value (map_values marks others 'missing' or 'na'; other queries return values only)."""
    return frame[_Arrays.of(frame).has_value]


@dataclass(frozen=True)
class _Arrays:
    """The columns the statistics need, as numpy arrays, taken from a frame once (pandas indexing
    on 56 rows costs more than the statistics themselves)."""

    value: np.ndarray
    has_value: np.ndarray  # status 'value' (or a value, for queries without a status column)
    status: np.ndarray
    population: np.ndarray
    denominator: np.ndarray
    region_type: np.ndarray
    prov_code: np.ndarray

    @classmethod
    def of(cls, frame: pd.DataFrame) -> _Arrays:
        n = len(frame)
        value = frame["value"].to_numpy(dtype=float, na_value=np.nan)
        if "status" in frame:
            status = frame["status"].to_numpy(dtype=object)
        else:
            status = np.where(np.isfinite(value), "value", "missing").astype(object)
        nan = np.full(n, np.nan)

        def column(name: str, kind: type) -> np.ndarray:
            if name not in frame:
                return nan if kind is float else np.full(n, None, dtype=object)
            out: np.ndarray = frame[name].to_numpy(dtype=float, na_value=np.nan) if kind is float else frame[name].to_numpy(dtype=object)
            return out

        return cls(
            value=value,
            has_value=(status == "value") & np.isfinite(value),
            status=status,
            population=column("population", float),
            denominator=column("denominator", float),
            region_type=column("region_type", object),
            prov_code=column("prov_code", object),
        )

    def has_population(self, level: str) -> bool:
        return level == "kabupaten" and bool(np.isfinite(self.population[self.has_value]).any())

    def weights(self, weighting: str) -> np.ndarray | None:
        if weighting == "population":
            return self.population
        if weighting == "denominator":
            return self.denominator
        return None

    def keys(self, by: str) -> np.ndarray:
        return self.region_type if by == "region_type" else self.prov_code


def default_weighting(spec: Spec, rows: pd.DataFrame) -> str:
    return weighting_for(spec.aggregate, spec.level, has_population(rows, spec.level))


def _sub(array: np.ndarray | None, mask: np.ndarray) -> np.ndarray | None:
    return None if array is None else array[mask]


def oriented_gap(reference: float | None, value: float | None, spec: Spec) -> float | None:
    if reference is None or value is None:
        return None
    return (reference - value) * spec.sign


def oriented_ratio(reference: float | None, value: float | None, spec: Spec) -> float | None:
    """Reference ÷ group (higher is better) or group ÷ reference (lower is better): > 1 = behind."""
    if reference is None or value is None:
        return None
    top, bottom = (value, reference) if spec.direction < 0 else (reference, value)
    if bottom <= 0:
        return None
    return top / bottom


def shortfall(values: np.ndarray, target: float, spec: Spec) -> np.ndarray:
    """How far each value is from the target on the wrong side (0 when the target is met)."""
    return np.clip((target - np.asarray(values, dtype=float)) * spec.sign, 0.0, None)


# --------------------------------------------------------------------------- group summaries


@dataclass(frozen=True)
class GroupTable:
    rows: pd.DataFrame  # one row per group, then the Kalimantan row (group == "all")
    reference: str  # the group the gaps are measured against ("kota" or "all")
    weighting: str  # the default weighting used for "headline", gaps and ratios
    has_population: bool


def group_table(frame: pd.DataFrame, spec: Spec, by: str = "region_type") -> GroupTable:
    """Mean, population-weighted mean, median, min–max and counts per group, with gaps and ratios.

    ``frame`` may carry every region (statuses value / missing / na, as map_values returns), so the
    counts say how many regions had data. Region types are measured against the cities; when the
    cities have no value (IDM does not apply to them) and for provinces, against all of Kalimantan.
    """
    return _group_table(frame, _Arrays.of(frame), spec, by)


def _group_table(frame: pd.DataFrame, a: _Arrays, spec: Spec, by: str) -> GroupTable:
    if by not in PARTITIONS:
        raise ValueError(f"cannot group by {by!r}")
    use_pop = a.has_population(spec.level)
    weighting = weighting_for(spec.aggregate, spec.level, use_pop)
    weights = a.weights(weighting)
    group_of = a.keys(by)
    if by == "region_type":
        keys, names = list(GROUPS), {}
    else:
        keys = sorted(k for k in set(group_of.tolist()) if k is not None)
        names = dict(zip(group_of.tolist(), frame["province"].tolist(), strict=True)) if "province" in frame else {}
    applicable, missing = a.status != "na", a.status == "missing"

    records = []
    for key in [*keys, ALL]:
        in_group = np.ones(len(a.value), dtype=bool) if key == ALL else group_of == key
        sel = in_group & a.has_value
        values = a.value[sel]
        record: dict[str, Any] = {
            "group": key,
            "name": names.get(key, key),
            "n_regions": int((in_group & applicable).sum()),
            "n_with_data": int(sel.sum()),
            "n_missing": int((in_group & missing).sum()),
            "n_na": int((in_group & ~applicable).sum()),
            "mean": weighted_mean(values, None),
            "pop_mean": weighted_mean(values, a.population[sel]) if use_pop else None,
            "median": float(np.median(values)) if len(values) else None,
            "min": float(values.min()) if len(values) else None,
            "max": float(values.max()) if len(values) else None,
            "headline": weighted_mean(values, _sub(weights, sel)),
        }
        if spec.target is not None:
            short = shortfall(values, spec.target, spec)
            record["n_below_target"] = int((short > 0).sum())
            record["mean_shortfall"] = weighted_mean(short, None)
            record["pop_mean_shortfall"] = weighted_mean(short, a.population[sel]) if use_pop else None
        records.append(record)

    headline = {r["group"]: r["headline"] for r in records}
    reference = REFERENCE_GROUP if by == "region_type" and headline.get(REFERENCE_GROUP) is not None else ALL
    ref_value = headline[reference]
    for record in records:
        own = record["group"] in (reference, ALL)
        record["gap"] = None if own else oriented_gap(ref_value, record["headline"], spec)
        record["ratio"] = None if own else oriented_ratio(ref_value, record["headline"], spec)
    return GroupTable(pd.DataFrame.from_records(records), reference, weighting, use_pop)


# --------------------------------------------------------------------------- inequality


def inequality_table(rows: pd.DataFrame, spec: Spec) -> pd.DataFrame:
    """Each measure unweighted and (where population is known) population-weighted.

    Index: :data:`INEQUALITY_MEASURES`; columns ``unweighted`` and ``population`` (None when no
    population). A measure that is not defined for these values (e.g. Theil L with a zero) is None.
    """
    return _inequality_table(_Arrays.of(rows), spec)


def _inequality_table(a: _Arrays, spec: Spec) -> pd.DataFrame:
    use_pop = a.has_population(spec.level)
    values = a.value[a.has_value]
    columns = {}
    for column in ("unweighted", "population"):
        if column == "population" and not use_pop:
            columns[column] = dict.fromkeys(INEQUALITY_MEASURES)
            continue
        weights = a.population[a.has_value] if column == "population" else None
        fifths = inequality.fifth_means(values, weights, spec.direction)
        columns[column] = {
            "gini": inequality.gini(values, weights),
            "theil_t": inequality.theil_t(values, weights),
            "theil_l": inequality.theil_l(values, weights),
            "cv": inequality.coefficient_of_variation(values, weights),
            "fifth_ratio": inequality.fifth_ratio(values, weights, spec.direction),
            "best_fifth": None if fifths is None else fifths[0],
            "worst_fifth": None if fifths is None else fifths[1],
        }
    return pd.DataFrame(columns, index=list(INEQUALITY_MEASURES), dtype=object)


def decomposition_table(rows: pd.DataFrame, spec: Spec) -> pd.DataFrame:
    """Theil T and L split into between and within, by region type and by province.

    One row per (partition, measure, weighting) with total, between, within and between_share.
    """
    return _decomposition_table(_Arrays.of(rows), spec)


def _decomposition_table(a: _Arrays, spec: Spec) -> pd.DataFrame:
    use_pop = a.has_population(spec.level)
    values = a.value[a.has_value]
    records = []
    for partition in PARTITIONS:
        groups = a.keys(partition)[a.has_value]
        for measure in ("T", "L"):
            for weighting in ("unweighted", "population") if use_pop else ("unweighted",):
                weights = a.population[a.has_value] if weighting == "population" else None
                parts = inequality.decompose(measure, values, groups, weights)
                records.append(
                    {
                        "partition": partition,
                        "measure": measure,
                        "weighting": weighting,
                        "total": None if parts is None else parts.total,
                        "between": None if parts is None else parts.between,
                        "within": None if parts is None else parts.within,
                        "between_share": None if parts is None else parts.between_share,
                    }
                )
    return pd.DataFrame.from_records(records, columns=["partition", "measure", "weighting", "total", "between", "within", "between_share"])


# --------------------------------------------------------------------------- contributions


@dataclass(frozen=True)
class Contributions:
    rows: pd.DataFrame  # per region, largest share of the shortfall first
    reference_kind: str  # "target" or "mean"
    reference: float | None
    weighting: str  # weights of the shortfall shares: population / denominator / none
    mean_shortfall: float | None  # weighted mean shortfall; the shares split exactly this


def contributions(frame: pd.DataFrame, spec: Spec) -> Contributions:
    """Which regions add most to the gap, so planners see where effort pays most.

    Each region's shortfall is its distance below the target (or, without a target, below the
    Kalimantan mean in the default weighting), on the wrong side only. Its *share* is its weighted
    shortfall over the total: with population weights, its part of the people-weighted shortfall.
    ``theil_share`` is the region's part of Theil T (population-weighted where known), from
    :func:`services.inequality.theil_t_terms`: never negative, adding up to 100 %.
    """
    rows = frame[_Arrays.of(frame).has_value].copy()
    a = _Arrays.of(rows)
    use_pop = a.has_population(spec.level)
    weighting = weighting_for(spec.aggregate, spec.level, use_pop)
    weights = a.weights(weighting)
    reference: float | None
    if spec.target is not None:
        kind, reference = "target", spec.target
    else:
        kind, reference = "mean", weighted_mean(a.value, weights)
    w = np.ones(len(rows)) if weights is None else np.where(np.isfinite(weights) & (weights > 0), weights, 0.0)
    short = shortfall(a.value, reference, spec) if reference is not None else np.zeros(len(rows))
    weighted_short = short * w
    total = float(weighted_short.sum())
    rows["shortfall"] = short
    rows["weight"] = w
    rows["share"] = weighted_short / total if total > 0 else 0.0
    terms = inequality.theil_t_terms(a.value, a.population if use_pop else None)
    theil = None if terms is None else float(np.nansum(terms))
    rows["theil_share"] = terms / theil if terms is not None and theil and theil > 0 else np.nan
    mean_short = total / float(w.sum()) if w.sum() > 0 else None
    ordered = rows.sort_values(["share", "shortfall", "name"], ascending=[False, False, True])
    return Contributions(ordered.reset_index(drop=True), kind, reference, weighting, mean_short)


# --------------------------------------------------------------------------- trend


def measures(rows: pd.DataFrame, spec: Spec) -> dict[str, float | None]:
    """Every summary measure of one indicator and year, flat, for the trend chart.

    ``_w`` = population-weighted (None where no population). Group means use the default weighting.
    """
    a = _Arrays.of(rows)
    table = {r["group"]: r for r in _group_table(rows, a, spec, "region_type").rows.to_dict("records")}
    out: dict[str, float | None] = {}
    for group in GROUPS:
        out[f"mean_{group}"] = table[group]["headline"]
        out[f"gap_{group}"] = table[group]["gap"] if group != REFERENCE_GROUP else None
    out["mean_all"] = table[ALL]["headline"]
    ineq = _inequality_table(a, spec)
    for measure in ("gini", "theil_t", "theil_l", "cv", "fifth_ratio"):
        out[measure] = ineq.at[measure, "unweighted"]
        out[f"{measure}_w"] = ineq.at[measure, "population"]
    for partition, name in (("region_type", "between_type"), ("prov_code", "between_prov")):
        groups = a.keys(partition)[a.has_value]
        values = a.value[a.has_value]
        for weighted, suffix in ((False, ""), (True, "_w")):
            if weighted and not a.has_population(spec.level):
                out[name + suffix] = None
                continue
            parts = inequality.decompose("T", values, groups, a.population[a.has_value] if weighted else None)
            out[name + suffix] = None if parts is None else parts.between_share
    if spec.target is not None:
        out["mean_shortfall"] = table[ALL]["mean_shortfall"]
        out["mean_shortfall_w"] = table[ALL]["pop_mean_shortfall"]
        out["n_below_target"] = float(table[ALL]["n_below_target"])
    return out


def trend(values: pd.DataFrame, specs: dict[str, Spec]) -> pd.DataFrame:
    """Every measure for every indicator (series) and year with data: indicator_id, year, measure, value.

    ``values`` holds the rows of several indicators (a series and its siblings across a method
    break); each stays its own series here and in every chart drawn from it.
    """
    records = []
    for (indicator, year), part in values.groupby(["indicator_id", "year"], sort=True):
        if part["value"].notna().sum() == 0:
            continue
        for measure, value in measures(part, specs[indicator]).items():
            records.append({"indicator_id": indicator, "year": int(year), "measure": measure, "value": value})
    frame = pd.DataFrame.from_records(records, columns=["indicator_id", "year", "measure", "value"])
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    return frame


# --------------------------------------------------------------------------- scorecard


def scorecard(values: pd.DataFrame, specs: dict[str, Spec], year: int) -> pd.DataFrame:
    """Mean achievement per SPM indicator (rows) and region type (columns) for one year.

    Long form: indicator_id, group, mean (default weighting), n. Indicators without data in that
    year are left out.
    """
    records = []
    for indicator, part in values[values["year"] == year].groupby("indicator_id", sort=False):
        table = {r["group"]: r for r in group_table(part, specs[indicator]).rows.to_dict("records")}
        for group in GROUPS:
            records.append(
                {"indicator_id": indicator, "group": group, "mean": table[group]["headline"], "n": int(table[group]["n_with_data"])}
            )
    return pd.DataFrame.from_records(records, columns=["indicator_id", "group", "mean", "n"])


# --------------------------------------------------------------------------- SPM scorecard from real proxies

# Real, official proxies for the SPM fields (no open SPM achievement series exists): each row is
# named as a proxy and carries its catalogue definition. (sector, indicator), in reading order.
SPM_PROXIES: tuple[tuple[str, str], ...] = (
    ("spm_kesehatan", "acc_km_puskesmas"),
    ("spm_kesehatan", "acc_beyond10_puskesmas"),
    ("spm_kesehatan", "hf_puskesmas_per10k"),
    ("spm_kesehatan", "hf_doctors_per10k"),
    ("spm_kesehatan", "hf_midwives_per10k"),
    ("spm_kesehatan", "hf_beds_per1k"),
    ("spm_kesehatan", "bps_uhh"),
    ("spm_pendidikan", "acc_km_smp"),
    ("spm_pendidikan", "acc_km_sma"),
    ("spm_pendidikan", "acc_beyond10_smp"),
    ("spm_pendidikan", "acc_beyond10_sma"),
    ("spm_pendidikan", "wb_literacy_rate"),
    ("spm_pendidikan", "wb_apm_smp"),
    ("spm_pendidikan", "wb_apm_sma"),
    ("spm_pendidikan", "bps_hls"),
    ("spm_pendidikan", "bps_rls"),
    ("spm_pu", "wb_water_access"),
    ("infrastruktur", "wb_electricity_access"),
)


def proxy_ids(include_simulated: bool = False, simulated_ids: tuple[str, ...] = ()) -> list[str]:
    """The indicators of the scorecard: the real proxies, and the simulated SPM achievement series
    only when demonstration data is asked for."""
    ids = [i for _s, i in SPM_PROXIES]
    return ids + [i for i in simulated_ids if i not in ids] if include_simulated else ids


def proxy_scorecard(
    values: pd.DataFrame, specs: dict[str, Spec], include_simulated: bool = False, simulated_ids: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Each proxy's group means (default weighting) in its latest year with data, and each cell's
    standing within its row: 1 = the best group, 0 = the furthest behind (direction-aware), so rows
    in km, per 10,000 people and % can share one colour scale.

    Long form: indicator_id, year, group, mean, n, standing. Indicators without data are left out;
    simulated series (``simulated_ids``) only with ``include_simulated``.
    """
    wanted = proxy_ids(include_simulated, simulated_ids)
    records = []
    for indicator in wanted:
        part = values[values["indicator_id"] == indicator]
        if part.empty or indicator not in specs:
            continue
        year = int(part["year"].max())
        table = {r["group"]: r for r in group_table(part[part["year"] == year], specs[indicator]).rows.to_dict("records")}
        means = np.array([float(table[g]["headline"]) if table[g]["headline"] is not None else np.nan for g in GROUPS])
        oriented = means * (-1 if specs[indicator].direction < 0 else 1)
        span = np.nanmax(oriented) - np.nanmin(oriented) if np.isfinite(oriented).any() else np.nan
        standing = (
            (oriented - np.nanmin(oriented)) / span
            if span and np.isfinite(span) and span > 0
            else np.where(np.isfinite(means), 0.5, np.nan)
        )
        for g, mean, score in zip(GROUPS, means, standing, strict=True):
            records.append(
                {"indicator_id": indicator, "year": year, "group": g, "mean": mean, "n": int(table[g]["n_with_data"]), "standing": score}
            )
    return pd.DataFrame.from_records(records, columns=["indicator_id", "year", "group", "mean", "n", "standing"])
