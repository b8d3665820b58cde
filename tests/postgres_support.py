"""The real PostgreSQL server the shared-store tests run against (``scripts/_postgres.sh`` starts it).

``EQUITY_TEST_PG_DSN`` names it (default: 127.0.0.1:5432, database ``test``, trust auth). Each test
gets a schema of its own, dropped afterwards. Under CI (``CI=true``) a server that cannot be reached
fails the test; elsewhere it is skipped with the reason, so a laptop without PostgreSQL can still
run the rest.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest

DSN = os.environ.get("EQUITY_TEST_PG_DSN", "host=127.0.0.1 port=5432 dbname=test user=postgres connect_timeout=5")


def _reachable() -> str | None:
    try:
        with psycopg.connect(DSN, autocommit=True) as con:
            con.execute("SELECT 1")
    except psycopg.Error as exc:
        return f"PostgreSQL at {DSN!r} is unreachable ({exc.__class__.__name__}); start it with scripts/_postgres.sh"
    return None


def require_server() -> None:
    """Fail under CI, skip elsewhere, when the server cannot be reached."""
    problem = _reachable()
    if problem:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(problem)
        pytest.skip(problem)


@contextlib.contextmanager
def fresh_schema() -> Iterator[str]:
    """A new, empty schema name for one test or module; dropped afterwards (the store creates its tables)."""
    require_server()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    try:
        yield schema
    finally:
        with psycopg.connect(DSN, autocommit=True) as con:
            con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def pg_schema(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh, empty schema; the app's upload store is pointed at it (``EQUITY_UPLOADS_DSN`` / ``_SCHEMA``)."""
    with fresh_schema() as schema:
        monkeypatch.setenv("EQUITY_UPLOADS_DSN", DSN)
        monkeypatch.setenv("EQUITY_UPLOADS_SCHEMA", schema)
        yield schema
