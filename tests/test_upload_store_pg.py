"""Uploads in PostgreSQL: what every replica sees, and what two replicas committing at once leave.

Against the real server on 127.0.0.1:5432 (``tests/postgres_support.py``), a fresh schema per test.
"Replicas" here are separate Python processes using the public ``services.uploads`` functions, as
two app servers would; ``tests/test_proxy.py`` does the same through nginx and two real servers.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import psycopg
import pytest

from kalimantan_equity.services import uploads, warehouse
from tests.conftest import ROOT
from tests.postgres_support import DSN

SOURCE = {"title": "Uji", "publisher": "Dinas", "licence": "-", "url": "", "citation_id": "Dinas", "citation_en": "Agency"}
_COMMIT = """
import os, sys, time
import pandas as pd
from kalimantan_equity.services import uploads
SOURCE = {source!r}

def commit(value, user, name):
    rows = pd.DataFrame({{"region_code": ["61.06"], "year": [2019], "value": [float(value)], "replaces": [True]}})
    return uploads.commit(indicator_id="wb_electricity_access", title="Serentak", file_name=name, file_sha256="0" * 64,
                          user=user, rows=rows, rejected=pd.DataFrame({{"row_no": [1], "reason": [name]}}), source=SOURCE)
"""


def _child(body: str, *args: str) -> subprocess.Popen:
    """A separate process (a replica) running ``body`` after the commit helper; it sees this test's environment."""
    code = _COMMIT.format(source=SOURCE) + textwrap.dedent(body)
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=dict(os.environ), stderr=subprocess.PIPE)


def _value(db: Path) -> float | None:
    con = warehouse.connect(db, uploads.active_layer())
    query = "SELECT value FROM observations WHERE indicator_id = 'wb_electricity_access' AND region_code = '61.06' AND year = 2019"
    row = con.cursor().execute(query).fetchone()
    return None if row is None else row[0]


def test_an_upload_committed_by_one_replica_shows_on_the_next_run_of_another(fixture_db: Path, pg_schema: str) -> None:
    built = _value(fixture_db)
    stamp_before = uploads.active_layer().stamp
    child = _child("commit(55.5, 'budi', 'a.csv')")
    assert child.wait(timeout=120) == 0, child.stderr.read().decode()[-2000:]
    layer = uploads.active_layer()  # what this "replica" asks on its next page run
    assert layer.stamp != stamp_before  # the data version changes, so every cache keyed on it is renewed
    assert _value(fixture_db) == 55.5 != built
    assert uploads.history()[["version", "active", "by", "file_name"]].to_dict("records") == [
        {"version": 1, "active": True, "by": "budi", "file_name": "a.csv"}
    ]
    assert uploads.rejected_rows(uploads.history()["dataset_id"].iloc[0], 1)["reason"].tolist() == ["a.csv"]
    # a rollback through this replica is seen by another process at once
    uploads.rollback(uploads.history()["dataset_id"].iloc[0], 0, "sari")
    seen = subprocess.run(
        [sys.executable, "-c", "from kalimantan_equity.services import uploads; print(len(uploads.active_layer().observation_files))"],
        cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert seen.stdout.strip() == "0", seen.stderr[-2000:]
    assert _value(fixture_db) == built


def test_two_replicas_committing_at_the_same_moment_lose_and_corrupt_nothing(fixture_db: Path, pg_schema: str, tmp_path: Path) -> None:
    """Two processes, released together, each commit eight versions of the same dataset as fast as they can."""
    go = tmp_path / "go"
    body = """
    replica, go = int(sys.argv[1]), sys.argv[2]
    while not os.path.exists(go):
        time.sleep(0.005)
    for i in range(8):
        commit(replica * 100 + i, f"replica{replica}", f"r{replica}-{i}.csv")
    """
    children = [_child(body, str(replica), str(go)) for replica in (1, 2)]
    time.sleep(3)  # both have imported pandas and wait at the line
    go.touch()
    for child in children:
        assert child.wait(timeout=300) == 0, child.stderr.read().decode()[-2000:]
    history = uploads.history().sort_values("version")
    assert history["version"].tolist() == list(range(1, 17))  # no number taken twice, none skipped
    assert history["active"].tolist() == [False] * 15 + [True]
    dataset = history["dataset_id"].iloc[0]
    registry = uploads.load()
    # every version's own file holds exactly what its committer wrote: no version overwrote another's file
    committed = set()
    for info in registry.datasets[dataset]["versions"]:
        values = pd.read_parquet(uploads._store(None).path_for(info["file"]))["value"].tolist()
        replica, i = info["file_name"][1:].removesuffix(".csv").split("-")
        assert values == [float(int(replica) * 100 + int(i))] and info["by"] == f"replica{replica}"
        committed.add(info["file_name"])
    assert committed == {f"r{r}-{i}.csv" for r in (1, 2) for i in range(8)}
    assert len([e for e in registry.events if e["action"] == "upload"]) == 16
    with psycopg.connect(DSN) as con:
        revision, files = con.execute(
            f'SELECT (SELECT revision FROM "{pg_schema}".registry), (SELECT count(*) FROM "{pg_schema}".files)'  # noqa: S608 - test's own name
        ).fetchone()
    assert (revision, files) == (16, 32)  # one registry change per commit; values + rejected rows per version
    last = registry.datasets[dataset]["versions"][-1]["file_name"]
    assert _value(fixture_db) == float(int(last[1]) * 100 + int(last[3:].removesuffix(".csv")))


def test_a_replica_killed_mid_commit_leaves_the_previous_version(fixture_db: Path, pg_schema: str) -> None:
    child = _child("commit(55.5, 'budi', 'a.csv')")
    assert child.wait(timeout=120) == 0, child.stderr.read().decode()[-2000:]
    stamp = uploads.active_layer().stamp
    killed = _child(
        """
        from kalimantan_equity.services import upload_store_pg
        upload_store_pg._Transaction.save_document = lambda self, document: os._exit(3)  # dies after writing its files
        commit(77.7, 'budi', 'b.csv')
        """
    )
    assert killed.wait(timeout=120) == 3
    assert uploads.active_layer().stamp == stamp and _value(fixture_db) == 55.5
    assert uploads.history()["version"].tolist() == [1]
    with psycopg.connect(DSN) as con:
        assert con.execute(f'SELECT count(*) FROM "{pg_schema}".files').fetchone() == (2,)  # noqa: S608 - the killed one's files are gone
    _, version = uploads.commit(
        indicator_id="wb_electricity_access", title="Serentak", file_name="c.csv", file_sha256="0" * 64, user="budi",
        rows=pd.DataFrame({"region_code": ["61.06"], "year": [2019], "value": [66.6], "replaces": [True]}),
        rejected=pd.DataFrame({"row_no": [], "reason": []}), source=SOURCE,
    )  # fmt: skip
    assert version == 2 and _value(fixture_db) == 66.6


def test_an_unreachable_database_shows_the_built_data_and_refuses_uploads(fixture_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL down: pages keep the built figures and say why uploads are missing, with no address or password."""
    built = _value(fixture_db)  # the built data alone (no uploads yet)
    monkeypatch.setenv("EQUITY_UPLOADS_DSN", "host=127.0.0.1 port=1 dbname=test user=rahasia password=sandi connect_timeout=2")
    layer = uploads.active_layer()
    assert layer.problem and layer.observation_files == ()
    assert not any(secret in layer.problem for secret in ("sandi", "rahasia", "port=1", "127.0.0.1"))
    assert _value(fixture_db) == built
    with pytest.raises(uploads.RegistryError):
        uploads.commit(
            indicator_id="wb_electricity_access", title="Uji", file_name="a.csv", file_sha256="0" * 64, user="budi",
            rows=pd.DataFrame({"region_code": ["61.06"], "year": [2019], "value": [1.0]}), rejected=pd.DataFrame(), source=SOURCE,
        )  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "says"),
    [("id", "Penyimpanan data unggahan sedang tidak dapat dihubungi"), ("en", "The store of uploaded data cannot be reached")],
)
def test_the_page_says_the_upload_store_is_unreachable_and_shows_the_map(
    real_env: Path, monkeypatch: pytest.MonkeyPatch, lang: str, says: str
) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("EQUITY_UPLOADS_DSN", "host=127.0.0.1 port=1 dbname=test user=rahasia password=sandi connect_timeout=2")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception and not at.error
    (warning,) = [w.value for w in at.warning if says in w.value]
    assert "sandi" not in warning and "127.0.0.1" not in warning and "registry.json" not in warning
    assert at.get("plotly_chart")  # the built data is still drawn
