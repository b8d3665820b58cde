"""Uploaded datasets: versioned, atomic, reversible, and kept apart from the rebuilt warehouse.

Each upload is stored as an immutable Parquet file of observations (plus the rejected rows with
their reasons) and a small registry says which version of each dataset is active and who did what
when. Where they are kept is :mod:`services.upload_store`'s business: ``data/uploads/``
(``EQUITY_UPLOADS_DIR``, ``registry.json`` written atomically under a file lock) on one machine,
PostgreSQL (``EQUITY_UPLOADS_DSN``) for replicas on more than one host.
The warehouse connection lays the active versions over the built tables as views, so an upload
shows on every page at once, and a rebuild from the shared sources never loses it.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from kalimantan_equity.services import upload_store
from kalimantan_equity.services.settings import settings
from kalimantan_equity.services.upload_store import Document, StoreUnavailable

ROOT = Path(__file__).resolve().parents[2]  # the project folder: data/warehouse, data/uploads and static/ live there
OBS_COLUMNS = ["indicator_id", "region_code", "year", "value", "numerator", "denominator", "note", "source_id", "replaces"]
INDICATOR_COLUMNS = [
    "indicator_id", "source_id", "name_id", "name_en", "unit_id", "unit_en", "sector", "direction", "target",
    "decimals", "aggregate", "series_group", "applies_to", "method_id", "method_en", "simulated",
]  # fmt: skip
SOURCE_COLUMNS = ["source_id", "title", "publisher", "licence", "url", "citation_id", "citation_en", "simulated"]
_ID = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


class UploadStoreError(ValueError):
    """A request the store refuses (unknown dataset or version, bad identifier)."""


class RegistryError(UploadStoreError):
    """``registry.json`` cannot be read (damaged on disk or edited by hand): nothing is written over it.

    Its text names the file and the kind of damage, never the server's path: pages show it."""


class EmptyUpload(UploadStoreError):
    """Nothing to store: a version without values would hide the indicator's earlier values."""


class StoreFailed(UploadStoreError):
    """The disk refused a write during a commit, before the registry was replaced: nothing changed
    (the values files written so far are removed). A failure of the registry's spare copy after
    the registry itself was replaced is logged, not raised: then the version is saved and active."""


_LOG = logging.getLogger(__name__)
_logged: dict[str, str] = {}  # what was last logged, so a damaged registry is logged once


def uploads_dir() -> Path:
    return settings().uploads_dir


@dataclass(frozen=True)
class Layer:
    """What the warehouse connection overlays: active observation files and upload metadata."""

    observation_files: tuple[Path, ...] = ()
    indicators: tuple[dict[str, Any], ...] = ()
    sources: tuple[dict[str, Any], ...] = ()
    stamp: str = "none"
    problem: str | None = None  # why no upload is shown: the registry cannot be read
    missing_files: tuple[str, ...] = ()  # active versions whose values file is gone (only they are hidden)


@dataclass
class Registry:
    datasets: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)


def _store(root: Path | None) -> upload_store.Store:
    """The folder given (tests, tools), else the configured store: PostgreSQL if set, else ``uploads_dir()``."""
    return upload_store.LocalStore(root) if root is not None else upload_store.configured(uploads_dir())


def load(root: Path | None = None) -> Registry:
    store = _store(root)
    return _parse(store.read_document, store.where)


def _parse(read_document: Callable[[], Document | None], where: str) -> Registry:
    try:
        data = read_document()
        if data is None:
            return Registry()
        datasets, events = data.get("datasets", {}), data.get("events", [])
        if not isinstance(datasets, dict) or not isinstance(events, list):
            raise ValueError("unexpected structure")
        for dataset in datasets.values():
            _check_dataset(dataset)
    except StoreUnavailable:  # unreachable is not damaged: the caller says so apart
        raise
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        # an OSError's text carries the path: only its plain reason is kept for the page; the log has it all
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)[:120]
        _LOG.error("uploads registry unreadable (%s): %r", where, exc)
        raise RegistryError(f"{where}: {exc.__class__.__name__}: {reason}") from exc
    return Registry(datasets=datasets, events=events)


_DATASET_FIELDS = {"dataset_id": str, "title": str, "indicator_id": str, "source": dict, "versions": list, "active_version": int}
_VERSION_FIELDS = {"version": int, "file": str, "file_name": str, "file_sha256": str, "rows": int, "rejected": int, "by": str, "at": str}


def _check_dataset(dataset: object) -> None:
    """Everything the pages read from a dataset entry has the type they expect (a hand edit may not)."""
    if not isinstance(dataset, dict):
        raise ValueError("a dataset entry is not an object")
    for fields, entries in ((_DATASET_FIELDS, [dataset]), (_VERSION_FIELDS, dataset.get("versions") or [])):
        for entry in entries:
            for key, kind in fields.items():
                value = entry[key] if isinstance(entry, dict) else None
                if type(value) is not kind:  # exact: True is not a version number, "1" is not 1
                    raise ValueError(f"{key} is not {kind.__name__}")
    if not 0 <= dataset["active_version"] <= len(dataset["versions"]):
        raise ValueError("active_version out of range")


@contextlib.contextmanager
def _transaction(store: upload_store.Store) -> Iterator[tuple[upload_store.Transaction, Registry]]:
    """The registry as it is now, read under the store's lock; an unreachable store refuses like a damaged one."""
    try:
        with store.transaction() as txn:
            yield txn, _parse(txn.read_document, store.where)
    except StoreUnavailable as exc:
        raise RegistryError(str(exc)) from exc


def _document(registry: Registry) -> Document:
    return {"datasets": registry.datasets, "events": registry.events}


def active_layer(root: Path | None = None) -> Layer:
    """The active version of every dataset, ready to overlay; ``stamp`` changes on every commit/rollback."""
    store = _store(root)
    try:
        stamp = store.stamp()
        _logged.pop("store", None)  # reachable again: the next outage is logged again
        if stamp is None:
            return Layer()
        return _layer(store, stamp)
    except StoreUnavailable as exc:  # e.g. PostgreSQL down: the built data is shown, with the reason
        if _logged.get("store") != str(exc):
            _logged["store"] = str(exc)
            _LOG.error("uploads not shown: %s", exc)
        return Layer(stamp="unreachable", problem=str(exc))


def _layer(store: upload_store.Store, stamp: str) -> Layer:
    try:
        registry = _parse(store.read_document, store.where)
    except RegistryError as exc:  # the pages go on with the built data and say why uploads are missing
        if _logged.get("registry") != stamp:  # once per damaged file, not on every query
            _logged["registry"] = stamp
            _LOG.error("uploads not shown: %s", exc)
        return Layer(stamp=f"unreadable-{stamp}", problem=str(exc))
    files, indicators, sources, missing = [], [], [], []
    for dataset in registry.datasets.values():
        version = dataset.get("active_version", 0)
        if version <= 0:
            continue
        info = dataset["versions"][version - 1]
        path = store.path_for(info["file"])
        if not path.is_file():  # a deleted values file hides its dataset, not every page
            missing.append(info["file"])
            continue
        files.append(path)
        sources.append(dataset["source"])
        if dataset.get("new_indicator"):
            indicators.append(dataset["new_indicator"])
    return Layer(tuple(files), tuple(indicators), tuple(sources), stamp, None, tuple(missing))


def dataset_id_for(indicator_id: str, title: str) -> str:
    """Stable id of a series: re-uploading the same indicator under the same title adds a version."""
    slug = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")[:30] or "data"
    return f"up_{slug}_{hashlib.sha256(f'{indicator_id}|{title}'.encode()).hexdigest()[:8]}"


def commit(
    *,
    indicator_id: str,
    title: str,
    file_name: str,
    file_sha256: str,
    user: str,
    rows: pd.DataFrame,
    rejected: pd.DataFrame,
    source: dict[str, Any],
    new_indicator: dict[str, Any] | None = None,
    root: Path | None = None,
) -> tuple[str, int]:
    """Store a checked upload as the next version of its dataset and make it active.

    ``rows`` has ``region_code, year, value`` and ``replaces`` (True where the user chose this value
    over an existing one from another source). Files are written before the registry points at
    them, so a crash leaves either the old or the new state, never half of one.
    """
    if not _ID.match(indicator_id):
        raise UploadStoreError(f"invalid indicator id {indicator_id!r}")
    if rows.empty:
        raise EmptyUpload("no values to store")
    dataset_id = dataset_id_for(indicator_id, title)
    try:
        with _transaction(_store(root)) as (txn, registry):
            dataset = registry.datasets.setdefault(
                dataset_id, {"dataset_id": dataset_id, "indicator_id": indicator_id, "title": title, "versions": [], "active_version": 0}
            )
            version = len(dataset["versions"]) + 1
            source_id = f"{dataset_id}_v{version}"
            observations = rows.assign(indicator_id=indicator_id, source_id=source_id)
            for column in ("numerator", "denominator"):
                if column not in observations:
                    observations[column] = float("nan")
            if "note" not in observations:
                observations["note"] = None
            if "replaces" not in observations:
                observations["replaces"] = False
            observations = observations[OBS_COLUMNS].astype({"year": "int64", "value": "float64", "replaces": "bool"})
            stem = f"{dataset_id}.v{version}"
            txn.write_file(f"{stem}.parquet", _parquet(observations))
            txn.write_file(f"{stem}.rejected.parquet", _parquet(rejected.astype(str)))
            now = datetime.now(UTC).isoformat(timespec="seconds")
            dataset["versions"].append(
                {
                    "version": version,
                    "file": f"{stem}.parquet",
                    "rejected_file": f"{stem}.rejected.parquet",
                    "file_name": file_name,
                    "file_sha256": file_sha256,
                    "rows": int(len(observations)),
                    "rejected": int(len(rejected)),
                    "by": user,
                    "at": now,
                }
            )
            dataset["active_version"] = version
            dataset["source"] = {**{c: source.get(c) for c in SOURCE_COLUMNS}, "source_id": source_id, "simulated": False}
            dataset["source"].update(upload_provenance(source.get("publisher") or "", now[:10], title))
            if new_indicator:
                dataset["new_indicator"] = {
                    **{c: new_indicator.get(c) for c in INDICATOR_COLUMNS},
                    "indicator_id": indicator_id,
                    "simulated": False,
                }
            if dataset.get("new_indicator"):
                dataset["new_indicator"]["source_id"] = source_id
            registry.events.append(
                {"at": now, "by": user, "action": "upload", "dataset_id": dataset_id, "version": version, "file": file_name}
            )
            txn.save_document(_document(registry))
    except RegistryError:
        raise
    except OSError as exc:  # a full disk, a read-only mount: the registry was not replaced, nothing changed
        _LOG.error("upload not stored: %r", exc)
        raise StoreFailed(exc.strerror or exc.__class__.__name__) from exc
    return dataset_id, version


def rollback(dataset_id: str, to_version: int, user: str, root: Path | None = None) -> None:
    """Make an earlier version active again (0 withdraws the dataset); nothing is deleted."""
    with _transaction(_store(root)) as (txn, registry):
        dataset = registry.datasets.get(dataset_id)
        if dataset is None:
            raise UploadStoreError(f"unknown dataset {dataset_id!r}")
        if not 0 <= to_version <= len(dataset["versions"]):
            raise UploadStoreError(f"dataset {dataset_id!r} has no version {to_version}")
        dataset["active_version"] = to_version
        if to_version:  # the source row names the version whose numbers are shown
            source_id = f"{dataset_id}_v{to_version}"
            dataset["source"]["source_id"] = source_id
            if dataset.get("new_indicator"):
                dataset["new_indicator"]["source_id"] = source_id
        registry.events.append(
            {
                "at": datetime.now(UTC).isoformat(timespec="seconds"),
                "by": user,
                "action": "rollback",
                "dataset_id": dataset_id,
                "version": to_version,
            }
        )
        txn.save_document(_document(registry))


def rejected_rows(dataset_id: str, version: int, root: Path | None = None) -> pd.DataFrame:
    store = _store(root)
    dataset = _parse(store.read_document, store.where).datasets.get(dataset_id)
    if dataset is None or not 1 <= version <= len(dataset["versions"]):
        raise UploadStoreError(f"unknown dataset version {dataset_id!r} v{version}")
    return pd.read_parquet(store.path_for(dataset["versions"][version - 1]["rejected_file"]))


def history(root: Path | None = None) -> pd.DataFrame:
    """One row per stored version, with provenance and whether it is the active one."""
    rows = []
    for dataset in load(root).datasets.values():
        for info in dataset["versions"]:
            rows.append(
                {
                    "dataset_id": dataset["dataset_id"],
                    "title": dataset["title"],
                    "indicator_id": dataset["indicator_id"],
                    "version": info["version"],
                    "active": info["version"] == dataset["active_version"],
                    "file_name": info["file_name"],
                    "file_sha256": info["file_sha256"],
                    "rows": info["rows"],
                    "rejected": info["rejected"],
                    "publisher": str((dataset.get("source") or {}).get("publisher") or ""),
                    "by": info["by"],
                    "at": info["at"],
                }
            )
    return pd.DataFrame(rows)


def _parquet(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def clashes(clean: pd.DataFrame, existing: pd.DataFrame) -> pd.DataFrame:
    """Uploaded values for a region and year that already has a value from another source.

    ``clean``: region_code, year, value. ``existing``: region_code, year, value, source_title.
    Equal values are not clashes (a re-upload of the same figure changes nothing).
    """
    merged = clean.merge(existing, on=["region_code", "year"], how="inner", suffixes=("", "_existing"), validate="one_to_many")
    differs = ~(merged["value"] - merged["value_existing"]).abs().le(1e-9)
    return merged[differs][["region_code", "year", "value", "value_existing", "source_title"]].reset_index(drop=True)


def decide(
    clean: pd.DataFrame, clash: pd.DataFrame, replace_existing: bool, existing: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Apply the user's decision on clashes: rows to store (with ``replaces``) and rows set aside.

    Keeping the existing values sets the clashing uploaded rows aside with a reason, listed with
    the other rejected rows; replacing marks them so the existing values are hidden, not deleted.
    A value equal to the one already stored is set aside too (it would only show twice).
    """
    key = list(zip(clean["region_code"], clean["year"], strict=True))
    aside = [clean.iloc[0:0].assign(reason_key=[])]
    clash_keys = set(zip(clash["region_code"], clash["year"], strict=True))  # once: a set per row made this quadratic
    if existing is not None and len(existing):
        stored = dict(zip(zip(existing["region_code"], existing["year"], strict=True), existing["value"], strict=True))
        same = pd.Series([k in stored and abs(stored[k] - v) <= 1e-9 for k, v in zip(key, clean["value"], strict=True)], index=clean.index)
        aside.append(clean[same].assign(reason_key="upload_same_as_existing"))
        clean, key = clean[~same], [k for k, s in zip(key, same, strict=True) if not s]
    clashing = pd.Series([k in clash_keys for k in key], index=clean.index, dtype=bool)
    if replace_existing:
        return clean.assign(replaces=clashing.to_numpy()), pd.concat(aside, ignore_index=True)
    aside.append(clean[clashing].assign(reason_key="upload_kept_existing"))
    return clean[~clashing].assign(replaces=False), pd.concat(aside, ignore_index=True)


def upload_provenance(publisher: str, day: str, title: str) -> dict[str, str]:
    """The citation of an uploaded series: an editor's upload, from which publisher, on which day.

    The warehouse's ``sources`` table has no column for "uploaded", so the citation (shown in the
    catalogue, hovers and every export) says it in both languages; ``source_id`` starts ``up_``.
    The editor's own name is not in it: citations reach anonymous visitors, names are for editors
    (the data page's version column and history).
    """
    source = f"{publisher}, {day}" if publisher else day
    return {
        "citation_id": f"Unggahan editor: {title} ({source})",
        "citation_en": f"Editor upload: {title} ({source})",
    }


def is_upload_source(source_id: object) -> bool:
    """Whether a source id is an uploaded dataset's version (``up_<slug>_<hash>_v<n>``)."""
    return isinstance(source_id, str) and source_id.startswith("up_")


def split_own(existing: pd.DataFrame, dataset_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Stored values of other sources, and those of this dataset's own active version.

    A new version of one's own dataset replaces that dataset's values; they are not another
    source's values to keep, compare or set aside (that emptied routine re-uploads).
    """
    if existing is None or existing.empty or "source_id" not in existing:
        return existing, (existing.iloc[0:0] if existing is not None else pd.DataFrame())
    own = existing["source_id"].astype(str).str.startswith(f"{dataset_id}_v")
    return existing[~own].reset_index(drop=True), existing[own].reset_index(drop=True)


def replaced_by(dataset_id: str, root: Path | None = None) -> set[tuple[str, int]]:
    """(region, year) whose built value the dataset's active version hides (``replaces``).

    Those built values do not show while the version is active, so a new version cannot see them
    as clashes; it inherits the editor's earlier decision instead of letting them reappear.
    """
    store = _store(root)  # the folder or PostgreSQL: the version's file is read from wherever it is kept
    dataset = _parse(store.read_document, store.where).datasets.get(dataset_id)
    if not dataset or dataset["active_version"] <= 0:
        return set()
    try:
        path = store.path_for(dataset["versions"][dataset["active_version"] - 1]["file"])
    except (OSError, KeyError):
        return set()
    if not path.is_file():
        return set()
    frame = pd.read_parquet(path, columns=["region_code", "year", "replaces"])
    frame = frame[frame["replaces"]]
    return set(zip(frame["region_code"].astype(str), frame["year"].astype(int), strict=True))


def carry_replaces(rows: pd.DataFrame, inherited: set[tuple[str, int]]) -> pd.DataFrame:
    """Rows to store with ``replaces`` also set where the dataset's previous version replaced."""
    if not inherited or rows.empty:
        return rows
    carried = [(str(r), int(y)) in inherited for r, y in zip(rows["region_code"], rows["year"], strict=True)]
    return rows.assign(replaces=rows["replaces"].to_numpy() | pd.Series(carried, dtype=bool).to_numpy())
