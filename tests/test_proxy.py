"""The real thing on one machine: Debian's nginx, with the compose file's configuration, in front of
two app replicas started as the image starts them, uploads in the real PostgreSQL server.

A browser keeps one websocket and one replica through the proxy while it works the map; an upload
committed through one replica is on the page served by the other; nginx serves the geometry itself,
immutable and compressed. (``tests/proxy_support.py`` says what is taken from ``deploy/`` as is.)
"""

from __future__ import annotations

import gzip
import shutil
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest

from kalimantan_equity.services import auth
from tests import proxy_support
from tests.browser_support import Page
from tests.postgres_support import DSN, fresh_schema

pytestmark = pytest.mark.browser
EDITOR, PASSWORD = "budi", "sandi-rahasia-2026"


@dataclass
class Deployment:
    url: str
    folder: Path  # nginx's files: the access log names the replica of every request
    replicas: list[str]  # "127.0.0.1:<port>" of each
    geo: Path


@pytest.fixture(scope="module")
def deployment(real_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    base = tmp_path_factory.mktemp("proxy")
    geo = base / "geo"
    shutil.copytree(real_db.parent / "geo", geo)
    proxy_support.precompress(geo)
    (gz,) = geo.glob("provinsi.*.geojson.gz")
    gz.unlink()  # one file without its .gz: nginx compresses that one itself
    with fresh_schema() as schema:
        env = {
            "EQUITY_DB_PATH": str(real_db),
            "EQUITY_STATIC_DIR": str(geo),
            "EQUITY_UPLOADS_DSN": DSN,
            "EQUITY_UPLOADS_SCHEMA": schema,
            "EQUITY_UPLOADS_CACHE": str(base / "cache-{n}"),  # as on two hosts: nothing shared but PostgreSQL
            "EQUITY_EDITORS": f"{EDITOR}:" + auth.make_hash(PASSWORD, iterations=20_000),
        }
        with proxy_support.running_replicas(base / "replicas", 2, env) as replicas:
            upstreams = [f"127.0.0.1:{port}" for port, _pid in replicas]
            with proxy_support.running_nginx(base / "nginx", upstreams, geo) as url:
                yield Deployment(url, base / "nginx", upstreams, geo)


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def test_nginx_serves_the_geometry_itself_immutable_and_compressed(deployment: Deployment) -> None:
    log_before = len(proxy_support.access_log(deployment.folder))
    for name, precompressed in (("desa", True), ("provinsi", False)):
        (path,) = deployment.geo.glob(f"{name}.*.geojson")
        url = f"{deployment.url}/app/static/geo/{path.name}"
        status, headers, body = _get(url, {"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body) == path.read_bytes()
        assert len(body) < path.stat().st_size / 3
        if precompressed:  # the .gz the image made, sent as is (gzip_static), not compressed per request
            assert body == (path.parent / (path.name + ".gz")).read_bytes()
        # a browser that has it asks again only to be told nothing changed
        again, headers_again, _ = _get(url, {"Accept-Encoding": "gzip", "If-None-Match": headers["ETag"]})
        assert again == 304 and headers_again["Cache-Control"] == headers["Cache-Control"]
        # and a client without gzip gets the plain file
        plain_status, plain_headers, plain = _get(url)
        assert plain_status == 200 and "Content-Encoding" not in plain_headers and plain == path.read_bytes()
    served = proxy_support.access_log(deployment.folder)[log_before:]
    assert served and all(row["upstream"] == "-" for row in served)  # no replica was asked for geometry


def test_a_browser_keeps_its_websocket_and_its_replica_through_the_proxy(deployment: Deployment, browser) -> None:
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    tab = Page.__new__(Page)  # a Page in a context of its own (its own cookies)
    tab.page, tab.requests, tab.base = context.new_page(), [], deployment.url
    tab.page.on("request", lambda request: tab.requests.append(request.url))
    sockets = []
    tab.page.on("websocket", lambda ws: sockets.append(ws))
    handshakes: list[dict[str, str]] = []  # the websocket's handshake, as Chromium's network panel shows it
    devtools = context.new_cdp_session(tab.page)
    devtools.send("Network.enable")
    devtools.on("Network.webSocketHandshakeResponseReceived", lambda event: handshakes.append(event["response"]["headers"]))
    tab.open("/?lang=en")
    tab.wait_for_map(56)
    before = tab.fills()
    tab.choose("Indicator", "Village Development Index (IDM) · Village development (IDM)")
    tab.page.wait_for_function("() => document.body.textContent.includes('Not applicable (9)')", timeout=60_000)
    tab.wait_for_map(56)
    assert tab.fills() != before, "the colours did not change with the indicator"
    tab.page.get_by_text("District", exact=True).click()
    tab.wait_for_map(600)
    tab.shot("proxy_districts_en")
    assert [ws.url.split("/", 3)[-1] for ws in sockets] == ["_stcore/stream"]  # one websocket, never reopened
    assert not sockets[0].is_closed()
    # compressed end to end: nginx passes the browser's permessage-deflate offer and the app's answer through
    assert len(handshakes) == 1
    assert "permessage-deflate" in {k.lower(): v for k, v in handshakes[0].items()}.get("sec-websocket-extensions", "")
    assert tab.foreign_hosts() == set()
    (cookie,) = [c["value"] for c in context.cookies() if c["name"] == "equity_route"]
    mine = [row for row in proxy_support.access_log(deployment.folder) if row["route"] == cookie]
    geometry = [row for row in mine if row["uri"].startswith("/app/static/geo/")]
    assert geometry and {row["upstream"] for row in geometry} == {"-"}  # the map's geometry came from nginx itself
    replicas = {row["upstream"] for row in mine if row not in geometry}
    assert len(replicas) == 1 and replicas <= set(deployment.replicas)  # everything else of this browser: one replica
    context.close()


def _route_to(deployment: Deployment, replica: str) -> str:
    """A sticky cookie, as nginx hands them out, that leads to ``replica``."""
    for _ in range(64):
        _, headers, _ = _get(deployment.url + "/_stcore/health")
        (cookie,) = [c.split(";")[0].split("=", 1)[1] for c in headers.get_all("Set-Cookie", []) if c.startswith("equity_route=")]
        _get(deployment.url + "/_stcore/health", {"Cookie": f"equity_route={cookie}"})
        for _wait in range(50):  # nginx logs a request just after answering it
            probe = [row for row in proxy_support.access_log(deployment.folder) if row["route"] == cookie]  # a fresh cookie: one request
            if probe:
                break
            time.sleep(0.1)
        if probe[0]["upstream"] == replica:
            return cookie
    raise AssertionError(f"no cookie led to {replica}")


def test_an_upload_through_one_replica_is_on_the_page_served_by_the_other(deployment: Deployment, browser) -> None:
    first, second = deployment.replicas
    routes = {replica: _route_to(deployment, replica) for replica in (first, second)}
    editor = browser.new_context(viewport={"width": 1600, "height": 1200})
    editor.add_cookies([{"name": "equity_route", "value": routes[first], "url": deployment.url + "/"}])  # host-only, as nginx sets it
    viewer = browser.new_context(viewport={"width": 1600, "height": 1000})
    viewer.add_cookies([{"name": "equity_route", "value": routes[second], "url": deployment.url + "/"}])

    page = editor.new_page()
    page.goto(deployment.url + "/data?lang=en")
    page.get_by_role("textbox", name="User name").fill(EDITOR)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("Signed in as editor").wait_for(timeout=60_000)
    csv = b"kode_bps;nama;tahun;persen_miskin\n6108;Kapuas Hulu;2024;7,25\n6106;Ketapang;2024;9,5\n"
    page.locator("input[type=file]").set_input_files(files=[{"name": "kemiskinan.csv", "mimeType": "text/csv", "buffer": csv}])
    box = page.get_by_label("The values in this file are", exact=True)
    box.wait_for(timeout=120_000)  # the file is read, matched and checked on the editor's replica
    box.click()
    box.fill("Poverty headcount (P0)")
    page.get_by_role("option", name="Poverty › Poverty headcount (P0)").first.click()
    page.get_by_text("use the uploaded values").click()
    page.get_by_label("Dataset title (e.g. Health Office SPM report 2025)").fill("Kemiskinan versi Bappeda")
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Store 2 values").click()
    page.get_by_text("Stored: 2 values as version 1").wait_for(timeout=60_000)
    page.screenshot(path=str(proxy_support.ROOT / "test-output" / "proxy_upload_stored_en.png"), full_page=True)

    assert [c["value"] for c in editor.cookies() if c["name"] == "equity_route"] == [routes[first]]  # nginx kept the browser's cookie
    log = proxy_support.access_log(deployment.folder)
    uploads_sent = [row for row in log if row["uri"].startswith("/_stcore/upload_file/")]
    assert uploads_sent and {row["upstream"] for row in uploads_sent} == {first}  # the file went to the editor's replica

    shown = viewer.new_page()
    shown.goto(deployment.url + "/?lang=en&ind=bps_p0&yr=2024")
    shown.wait_for_selector("h1", timeout=90_000)
    shown.get_by_text("Kemiskinan versi Bappeda").first.wait_for(timeout=60_000)  # the map names the upload as its source
    shown.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .choroplethlocation').length >= 56", timeout=90_000)
    shown.wait_for_timeout(800)  # let plotly finish painting before the screenshot
    shown.screenshot(path=str(proxy_support.ROOT / "test-output" / "proxy_upload_seen_en.png"), full_page=True)
    (route,) = [c["value"] for c in viewer.cookies() if c["name"] == "equity_route"]
    assert route == routes[second]
    viewer_rows = [row for row in proxy_support.access_log(deployment.folder) if row["route"] == route]
    assert {row["upstream"] for row in viewer_rows if not row["uri"].startswith("/app/static/geo/")} == {second}
    editor.close()
    viewer.close()
