"""Where uploads are kept: the storage layer behind :mod:`services.uploads`.

Two stores, one interface. The **local folder** (``data/uploads/``, ``EQUITY_UPLOADS_DIR``) is the
embedded default for one machine: Parquet files plus ``registry.json``, swapped in atomically under
a file lock. **PostgreSQL** (:mod:`services.upload_store_pg`) is used when ``EQUITY_UPLOADS_DSN``
is set, so that every replica behind a proxy, on any host, sees the same versions at once: a
folder shared between hosts (NFS) gives neither a dependable lock nor an atomic rename.

The store deals in raw registry documents and file bytes; what a registry means (its datasets,
versions and checks) stays in :mod:`services.uploads`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from filelock import FileLock

from kalimantan_equity.services.settings import settings

_LOG = logging.getLogger(__name__)


Document = dict[str, Any]  # the registry: JSON, its meaning kept by services.uploads


class StoreUnavailable(OSError):
    """The store cannot be reached (PostgreSQL down or refusing): pages show the built data and say so."""


class Transaction(Protocol):
    """One commit or rollback: the registry as it is now (read under the store's lock), new files, the new registry."""

    def read_document(self) -> Document | None: ...

    def write_file(self, name: str, data: bytes) -> None: ...

    def save_document(self, document: Document) -> None: ...


class Store(Protocol):
    where: str  # what a log line or an editor's message names (never a password)

    def stamp(self) -> str | None:
        """Changes with every commit or rollback; None while nothing was ever stored."""

    def read_document(self) -> Document | None: ...

    def path_for(self, name: str) -> Path:
        """A local file DuckDB and pandas can read (PostgreSQL's files are copied out once); it may not exist."""

    def transaction(self) -> contextlib.AbstractContextManager[Transaction]: ...


class LocalStore:
    """The folder store: each file written to a temporary name, flushed, then renamed into place."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.where = self._registry.name  # shown with a damaged registry: a name, never the server path

    @property
    def _registry(self) -> Path:
        return self.root / "registry.json"

    def stamp(self) -> str | None:
        try:
            stat = self._registry.stat()
        except FileNotFoundError:
            return None
        return f"{stat.st_mtime_ns}-{stat.st_size}"

    def read_document(self) -> Document | None:
        if not self._registry.is_file():
            return None
        document: Document = json.loads(self._registry.read_text(encoding="utf-8"))
        return document

    def path_for(self, name: str) -> Path:
        return self.root / name

    @contextlib.contextmanager
    def transaction(self) -> Iterator[LocalStore]:
        """Under the folder's lock; the registry is replaced last, so a crash leaves old or new, never half."""
        self.root.mkdir(parents=True, exist_ok=True)
        # filelock: flock on Unix, msvcrt.locking on Windows (presenters' laptops); other processes and threads wait.
        with FileLock(self.root / ".lock"):
            for path in self.root.glob("*.tmp"):  # what a commit killed half-way left behind
                path.unlink(missing_ok=True)
            self._written: list[Path] = []
            try:
                yield self
            except BaseException:
                # a failed commit (a full disk) takes away the files it wrote: no registry points at them
                for path in self._written:
                    path.unlink(missing_ok=True)
                    path.with_name(path.name + ".tmp").unlink(missing_ok=True)
                raise

    def write_file(self, name: str, data: bytes) -> None:
        self._written.append(self.root / name)
        _replace_with(self.root / name, data)

    def save_document(self, document: Document) -> None:
        text = json.dumps(document, indent=1, ensure_ascii=False).encode("utf-8")
        _replace_with(self._registry, text)
        self._written.clear()  # the registry points at them now: a failure after this point keeps them
        # a copy of this last good registry: put back by hand if the file is ever damaged, it loses nothing.
        # Made once the registry itself is replaced: a full disk here costs only the copy.
        spare = self._registry.with_name(self._registry.name + ".bak")
        try:
            _replace_with(spare, text)
        except OSError as exc:
            spare.with_name(spare.name + ".tmp").unlink(missing_ok=True)
            _LOG.error("registry saved, its spare copy not: %r", exc)


def _replace_with(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file, flush it to disk, then swap it in under ``path``."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def configured(folder: Path) -> Store:
    """PostgreSQL when ``EQUITY_UPLOADS_DSN`` is set, else the local ``folder`` (the embedded default)."""
    dsn = settings().uploads_dsn
    if not dsn:
        return LocalStore(folder)
    from kalimantan_equity.services import upload_store_pg  # psycopg is needed only where PostgreSQL is configured

    return upload_store_pg.store_for(dsn)
