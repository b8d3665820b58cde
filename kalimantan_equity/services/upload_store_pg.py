"""The PostgreSQL upload store: one truth for every replica, on any host (``EQUITY_UPLOADS_DSN``).

Two tables in a schema of their own (``EQUITY_UPLOADS_SCHEMA``, default ``equity_uploads``):
``registry`` holds one row, the registry document and a ``revision`` that every commit or rollback
raises by one; ``files`` holds each version's Parquet bytes, written once and never changed. A
commit runs in one transaction that first locks the registry row (``SELECT … FOR UPDATE``), so two
replicas committing at the same moment queue up: the second reads the first one's registry and
takes the next version number; a replica killed half-way leaves nothing (the transaction rolls
back). Every page run asks for the revision (one indexed read), so a commit through one replica
shows on the next rerun of every other. DuckDB reads Parquet from disk, so each version's file is
copied once into a local cache named by its SHA-256 (``EQUITY_UPLOADS_CACHE``, default under the
system temporary folder) and checked against it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Json

from kalimantan_equity.services.settings import settings
from kalimantan_equity.services.upload_store import Document, StoreUnavailable

_SCHEMA = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_CONNECT_TIMEOUT_S = 5  # an unreachable server is reported on the page within seconds, not after TCP's minutes
_stores: dict[tuple[str, str], PostgresStore] = {}
_stores_lock = threading.Lock()


def store_for(dsn: str, schema: str | None = None) -> PostgresStore:
    """One store (one reading connection, one name cache) per server and schema, per process."""
    schema = schema or settings().uploads_schema
    with _stores_lock:
        if (dsn, schema) not in _stores:
            _stores[(dsn, schema)] = PostgresStore(dsn, schema)
        return _stores[(dsn, schema)]


class PostgresStore:
    where = "PostgreSQL"  # the connection string may hold a password: never shown or logged

    def __init__(self, dsn: str, schema: str, cache: Path | None = None) -> None:
        if not _SCHEMA.match(schema):
            raise ValueError(f"invalid schema name {schema!r}")
        self.dsn, self.schema = dsn, schema
        self.ident = hashlib.sha256(f"{dsn}|{schema}".encode()).hexdigest()[:12]
        base = cache or settings().uploads_cache
        self.cache = base / self.ident
        self._lock = threading.Lock()  # one reading connection, used by one session thread at a time
        self._con: psycopg.Connection | None = None
        self._ready = False
        self._sha: dict[str, str] = {}  # file name -> content hash (files are never rewritten)

    # ------------------------------------------------------------------ plumbing

    def _sql(self, text: str) -> sql.Composed:
        return sql.SQL(text).format(s=sql.Identifier(self.schema))

    def _connect(self) -> psycopg.Connection:
        con = psycopg.connect(self.dsn, autocommit=True, connect_timeout=_CONNECT_TIMEOUT_S, application_name="equity-dashboard")
        if not self._ready:
            with con.transaction():  # two replicas starting at once: one creates, the other waits and finds
                con.execute("SELECT pg_advisory_xact_lock(hashtext('equity_uploads_schema'))")
                con.execute(self._sql("CREATE SCHEMA IF NOT EXISTS {s}"))
                con.execute(
                    self._sql(
                        "CREATE TABLE IF NOT EXISTS {s}.registry (id smallint PRIMARY KEY CHECK (id = 1), "
                        "revision bigint NOT NULL, document json, updated_at timestamptz NOT NULL DEFAULT now())"
                    )
                )  # json, not jsonb: the document keeps its key order (datasets are listed as uploaded)
                con.execute(self._sql("INSERT INTO {s}.registry (id, revision) VALUES (1, 0) ON CONFLICT (id) DO NOTHING"))
                con.execute(
                    self._sql(
                        "CREATE TABLE IF NOT EXISTS {s}.files (name text PRIMARY KEY, sha256 text NOT NULL, "
                        "data bytea NOT NULL, stored_at timestamptz NOT NULL DEFAULT now())"
                    )
                )
            self._ready = True
        return con

    def _read(self, query: sql.Composed, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        """A read on the shared connection; one reconnect after the server restarted."""
        with self._lock:
            for attempt in (1, 2):
                try:
                    if self._con is None or self._con.closed:
                        self._con = self._connect()
                    return self._con.execute(query, params).fetchall()
                except psycopg.OperationalError as exc:
                    if self._con is not None:
                        self._con.close()
                    self._con = None
                    if attempt == 2:
                        raise StoreUnavailable(f"{self.where}: {exc.__class__.__name__}") from exc
        raise AssertionError("unreachable")

    # ------------------------------------------------------------------ the Store interface

    def stamp(self) -> str | None:
        (revision,) = self._read(self._sql("SELECT revision FROM {s}.registry WHERE id = 1"))[0]
        return f"pg-{self.ident}-{revision}" if revision else None

    def read_document(self) -> Document | None:
        document: Document | None = self._read(self._sql("SELECT document FROM {s}.registry WHERE id = 1"))[0][0]
        return document

    def path_for(self, name: str) -> Path:
        sha = self._sha.get(name)
        if sha is None:
            rows = self._read(self._sql("SELECT sha256 FROM {s}.files WHERE name = %s"), (name,))
            if not rows:
                return self.cache / "absent" / name  # a path that does not exist: the caller says the file is missing
            sha = self._sha[name] = rows[0][0]
        path = self.cache / f"{sha}.parquet"
        if not path.is_file():
            (data,) = self._read(self._sql("SELECT data FROM {s}.files WHERE name = %s"), (name,))[0]
            data = bytes(data)
            if hashlib.sha256(data).hexdigest() != sha:
                return self.cache / "damaged" / name
            self.cache.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)  # two sessions copying the same file at once each write whole files
        return path

    @contextlib.contextmanager
    def transaction(self) -> Iterator[_Transaction]:
        """A connection of its own: the registry row locked until the commit (or the rollback on any error)."""
        try:
            con = self._connect()
        except psycopg.OperationalError as exc:
            raise StoreUnavailable(f"{self.where}: {exc.__class__.__name__}") from exc
        try:
            with con.transaction():
                row = con.execute(self._sql("SELECT document FROM {s}.registry WHERE id = 1 FOR UPDATE")).fetchone()
                if row is None:  # _connect creates the row; a table emptied by hand is a store that cannot be used
                    raise StoreUnavailable(f"{self.where}: no registry row")
                yield _Transaction(self, con, row[0])
        except psycopg.OperationalError as exc:  # the server went away mid-commit: nothing of it was kept
            raise StoreUnavailable(f"{self.where}: {exc.__class__.__name__}") from exc
        finally:
            con.close()


class _Transaction:
    def __init__(self, store: PostgresStore, con: psycopg.Connection, document: Document | None) -> None:
        self._store, self._con, self._document = store, con, document

    def read_document(self) -> Document | None:
        return self._document

    def write_file(self, name: str, data: bytes) -> None:
        self._con.execute(
            self._store._sql("INSERT INTO {s}.files (name, sha256, data) VALUES (%s, %s, %s)"),
            (name, hashlib.sha256(data).hexdigest(), data),
        )

    def save_document(self, document: Document) -> None:
        self._con.execute(
            self._store._sql("UPDATE {s}.registry SET revision = revision + 1, document = %s, updated_at = now() WHERE id = 1"),
            (Json(document),),
        )
