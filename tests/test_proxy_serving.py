"""A served deployment (replicas behind a proxy) only serves the data; the data build is a step of its own.

The embedded default (``streamlit run app.py`` on one machine) still builds on first load: that path
is covered by the page and fault tests. Here: ``EQUITY_BUILD_ON_REQUEST=0`` (what ``deploy/`` sets).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kalimantan_equity.data import build
from kalimantan_equity.ui import context
from tests.conftest import ROOT

TIMEOUT = 120


def _run(lang: str = "id") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    return at.run()


@pytest.mark.parametrize(
    ("lang", "title"),
    [("id", "Data belum disiapkan di server ini"), ("en", "The data has not been prepared on this server")],
)
def test_a_server_without_its_warehouse_says_so_instead_of_building(
    env_paths: dict[str, Path], monkeypatch: pytest.MonkeyPatch, lang: str, title: str
) -> None:
    monkeypatch.setenv("EQUITY_BUILD_ON_REQUEST", "0")
    at = _run(lang)
    assert not at.exception
    (error,) = at.error
    assert title in error.value
    assert "EQUITY_" not in error.value and "python" not in error.value and "/" not in error.value.replace("\n", "")
    assert not at.get("plotly_chart") and not at.get("progress")  # no map, and no build started in the visit
    assert not env_paths["db"].exists()  # nothing was built inside the visitor's request


def test_a_server_serves_the_warehouse_the_build_job_left_even_without_the_sources(
    env_paths: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    build.ensure_built()
    shutil.rmtree(env_paths["src"])  # an image carries the built warehouse, not the source folder
    monkeypatch.setenv("EQUITY_BUILD_ON_REQUEST", "0")
    at = _run()
    assert not at.exception and not at.error
    assert at.get("plotly_chart")  # the map is drawn from the warehouse as built


def test_only_the_embedded_default_builds_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EQUITY_BUILD_ON_REQUEST", raising=False)
    assert context.build_on_request()  # streamlit run app.py on one machine: first load builds, as the README says
    monkeypatch.setenv("EQUITY_UPLOADS_DSN", "host=db dbname=equity")
    assert not context.build_on_request()  # shared store = replicas: the build is the job's
    monkeypatch.setenv("EQUITY_BUILD_ON_REQUEST", "1")
    assert context.build_on_request()  # said explicitly
    monkeypatch.setenv("EQUITY_BUILD_ON_REQUEST", "0")
    monkeypatch.delenv("EQUITY_UPLOADS_DSN")
    assert not context.build_on_request()
