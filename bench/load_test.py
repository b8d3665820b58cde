"""Load test: many viewers at once, each a real Streamlit session driven over the app's own websocket.

    .venv/bin/python -m bench.load_test --sessions 30 --duration 180
    .venv/bin/python -m bench.load_test --sessions 50 --duration 120 --think 2

The script starts the app itself (``streamlit run app.py`` on a free loopback port, headless), waits
for ``/_stcore/health``, and stops it at the end, also on Ctrl-C or an error. Each session speaks
the protocol a browser speaks on ``ws://127.0.0.1:<port>/_stcore/stream``: a ``BackMsg`` with a
``rerun_script`` client state (query string, page, every widget's value) goes out, ``ForwardMsg``
deltas come back until ``script_finished``. Widget values are sent the way the frontend sends them
(a selectbox or radio sends its option's label, a plotly selection its JSON), taken from the
element protos the server sent, so the server deserialises them through the widgets' own serde.

One pass of a session, with a think time (default 2 s, jittered ±50 %) after every step:

1. open the equity map (the first pass: a fresh page load of ``/``; later: the navigation link);
2. change the indicator (any indicator with more than one year), 3. change the year,
4. choose a village-level indicator (IDM), 5. switch to districts, 6. switch to villages (the heavy one),
7. click a village on the map (the plotly selection event; the page reruns and names the village),
8. open its regency's profile through the map's "open profile" link (``/profil?region=61.06``),
9. pick another regency in the profile's picker, 10. open the gap page (``/kesenjangan``).

Each step's latency is the time from sending the message to the run's ``script_finished`` (after an
``st.rerun()`` the second run's). Counted as errors: a closed websocket, no answer within
``--timeout``, an exception element, an ``st.error`` box (the app's friendly "something went wrong"
counts as ``friendly_error``), "page not found", and a check that failed (the run did not show what
the step asked for: the region's name after a click, another map after a level change, the regency's
name as the profile's title, ...), so a client that silently did nothing cannot pass.

Phases in one run, against the same server: a warm-up pass (not counted), the baseline (one session
alone for ``--baseline`` seconds), then the load (``--sessions`` sessions started over ``--ramp``
seconds, for ``--duration`` seconds). The server's memory (RSS of the process and its children) and
CPU are sampled every second from /proc. A table goes to stdout; the raw figures go to
``test-output/load/`` as JSON. Bounded: at most 200 sessions, 1800 s of load, a hard deadline for the
whole run, loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "test-output" / "load"
MAX_SESSIONS = 200
MAX_DURATION_S = 1800
MAX_BASELINE_S = 300
LOOPBACK = {"127.0.0.1", "localhost"}
LANG = "id"  # a session as most viewers open it: Bahasa Indonesia, the default
KINDS = (
    "open_map",
    "indicator",
    "year",
    "village_indicator",
    "level",
    "level_desa",
    "select_region",
    "open_profile",
    "profile_region",
    "open_gap",
)
WIDGET_TYPES = ("selectbox", "radio", "multiselect", "slider", "checkbox")
ERROR_ALERT = 1  # Alert.Format.ERROR
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~$:])")  # a backslash-escaped Markdown character


# --------------------------------------------------------------------------- what the app shows


@dataclass(frozen=True)
class Facts:
    """What a session needs to choose like a user and to check what it got (labels as the page shows them)."""

    indicator_labels: dict[str, str]  # indicator id -> label in the picker
    indicator_names: dict[str, str]  # indicator id -> name in the page caption
    multi_year: list[str]  # indicators with more than one year at regency level
    village: list[str]  # indicators with village data
    level_labels: dict[str, str]  # kabupaten/kecamatan/desa -> label of the level radio
    region_names: dict[str, str]  # every region code -> name
    regencies: list[str]  # the 56 regency codes
    map_title: str
    gap_title: str
    unexpected_error: tuple[str, ...]  # the friendly error text, in both languages


def app_facts() -> Facts:
    """Read from the warehouse and the app's own string catalogue (the same functions the pages use)."""
    from kalimantan_equity.data import build
    from kalimantan_equity.services import catalogue, warehouse
    from kalimantan_equity.services.i18n import LANGUAGES, label, t

    con = warehouse.connect(build.db_path())
    try:
        cat = warehouse.run(con, "indicator_catalogue")
        cursor = con.cursor()
        regions = cursor.execute("SELECT code, name, level FROM regions").fetchall()
        cursor.close()
    finally:
        con.close()
    simulated = set(cat.loc[cat["simulated"].astype(bool), "indicator_id"])
    ids = [i for i in catalogue.indicator_ids(cat) if i not in simulated]  # what a visitor is offered (no demonstration data)
    names = {r.indicator_id: (r.name_id if LANG == "id" else r.name_en) for r in cat.drop_duplicates("indicator_id").itertuples()}
    return Facts(
        indicator_labels=catalogue.option_labels(cat, LANG),  # the picker's own labels
        indicator_names=names,
        multi_year=[i for i in ids if len(catalogue.years_for(cat, i, "kabupaten")) > 1],
        village=[i for i in ids if "desa" in catalogue.levels_for(cat, i)],
        level_labels={lv: label("levels", lv, LANG) for lv in catalogue.LEVEL_ORDER},
        region_names={code: name for code, name, _level in regions},
        regencies=sorted(code for code, _name, level in regions if level == "kabupaten"),
        map_title=t("map_title", LANG),
        gap_title=t("gap_title", LANG),
        unexpected_error=tuple(t("unexpected_error", lang) for lang in LANGUAGES),
    )


# --------------------------------------------------------------------------- the protocol client


class SessionClosed(Exception):
    """The websocket closed (or could not open)."""


@dataclass
class Run:
    """What one interaction got back: the elements of the final script run and how it ended."""

    elements: dict[tuple[int, ...], Any] = field(default_factory=dict)
    status: int | None = None
    page_not_found: bool = False
    bytes: int = 0  # the messages' own size (after decompression)
    wire_bytes: int = 0  # what travelled on the socket (compressed when the server compresses)
    runs: int = 0  # script runs in this interaction (2 after an st.rerun())
    exceptions: list[Any] = field(default_factory=list)  # every exception element of the interaction, whichever run drew it

    def of_type(self, kind: str) -> list[Any]:
        return [getattr(e, kind) for e in self.elements.values() if e.WhichOneof("type") == kind]

    def texts(self) -> list[str]:
        """The text of headings, Markdown, alerts and text elements, as read (Markdown escapes ``\\(`` undone)."""
        out = []
        for element in self.elements.values():
            kind = element.WhichOneof("type")
            if kind in ("heading", "markdown", "alert", "text"):
                out.append(_MD_ESCAPE.sub(r"\1", getattr(element, kind).body))
        return out

    def headings(self) -> list[str]:
        return [_MD_ESCAPE.sub(r"\1", h.body) for h in self.of_type("heading")]

    def widget(self, user_key: str) -> tuple[str, Any] | None:
        """The widget whose id ends in ``-<user_key>`` (Streamlit's ids embed the key), as (type, proto)."""
        for element in self.elements.values():
            kind = element.WhichOneof("type")
            if kind in (*WIDGET_TYPES, "plotly_chart", "button"):
                proto = getattr(element, kind)
                if proto.id.endswith(f"-{user_key}"):
                    return kind, proto
        return None


def _state_from_proto(kind: str, proto: Any, known: WidgetState | None) -> WidgetState | None:
    """The value the frontend holds for a widget: the server's value when it sets one, else what it had, else the default."""
    if known is not None and not proto.set_value:
        return known
    state = WidgetState(id=proto.id)
    if kind in ("selectbox", "radio"):
        if proto.set_value:
            if not proto.HasField("raw_value"):
                return None
            state.string_value = proto.raw_value
        elif proto.HasField("default") and len(proto.options) > proto.default:
            state.string_value = proto.options[proto.default]
        else:
            return None
    elif kind == "multiselect":
        values = list(proto.raw_values) if proto.set_value else [proto.options[i] for i in proto.default]
        state.string_array_value.data[:] = values
    elif kind == "slider":
        state.double_array_value.data[:] = list(proto.value if proto.set_value else proto.default)
    elif kind == "checkbox":
        state.bool_value = proto.value if proto.set_value else proto.default
    else:
        return None
    return state


class _CountingConnection(ClientConnection):
    """A websocket that counts the bytes it receives on the socket: compressed frames as they travel,
    headers included (what a browser's network panel counts), beside the messages' own size."""

    received = 0

    def data_received(self, data: bytes) -> None:
        self.received += len(data)
        super().data_received(data)


class Client:
    """One browser tab: a websocket, the widget values the frontend would hold, and the current page."""

    def __init__(self, port: int, timeout: float, cookies: bool = False) -> None:
        self.port = port
        self.timeout = timeout
        self.cookies = cookies  # behind a proxy (--url): take its cookies first, as a browser's page load does
        self.ws: ClientConnection | None = None
        self.reader: asyncio.Task | None = None
        self.pages: dict[str, str] = {}  # url path -> page script hash ("" = the default page)
        self.page_path = ""
        self.query_string = ""
        self.widgets: dict[str, WidgetState] = {}
        self.last: Run = Run()
        self._current: Run | None = None
        self._done: asyncio.Event | None = None
        self.closed: BaseException | None = None
        self._wire_start = 0

    async def open(self) -> None:
        try:
            headers = {"Cookie": await asyncio.to_thread(_cookies_from, self.port)} if self.cookies else None
            self.ws = await connect(
                f"ws://127.0.0.1:{self.port}/_stcore/stream",
                additional_headers=headers,
                origin=f"http://127.0.0.1:{self.port}",  # same-origin, as a browser sends it
                subprotocols=["streamlit"],
                max_size=256 * 2**20,
                ping_interval=None,  # browsers do not ping; they answer the server's pings
                open_timeout=self.timeout,
                proxy=None,
                create_connection=_CountingConnection,  # offers permessage-deflate, as browsers do
            )
        except (OSError, TimeoutError, ConnectionClosed) as exc:
            raise SessionClosed(f"connect: {exc!r}") from exc
        self.reader = asyncio.create_task(self._read())

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(), 5)
        if self.reader is not None:
            self.reader.cancel()
            with contextlib.suppress(BaseException):
                await self.reader

    async def _read(self) -> None:
        try:
            async for raw in self.ws:
                message = ForwardMsg()
                message.ParseFromString(raw)
                self._handle(message, len(raw))
        except ConnectionClosed as exc:
            self.closed = exc
        except Exception as exc:  # a message we cannot parse ends the session as an error
            self.closed = exc
        else:
            self.closed = ConnectionError("server closed the websocket")
        if self._done is not None:
            self._done.set()

    def _handle(self, message: ForwardMsg, size: int) -> None:
        run = self._current
        if run is None:  # between interactions (a late status message): nothing waits for it
            return
        run.bytes += size
        kind = message.WhichOneof("type")
        if kind == "new_session":  # the start of a script run: the page is drawn afresh
            run.elements = {}
            run.runs += 1
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            run.elements[tuple(message.metadata.delta_path)] = element
            if element.WhichOneof("type") == "exception":
                run.exceptions.append(element.exception)
        elif kind == "page_info_changed":  # the script changed st.query_params: the browser's address follows
            self.query_string = message.page_info_changed.query_string
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in message.navigation.app_pages}
            for p in message.navigation.app_pages:
                if p.page_script_hash == message.navigation.page_script_hash:
                    self.page_path = p.url_pathname
        elif kind == "page_not_found":
            run.page_not_found = True
        elif kind == "script_finished":
            if message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return  # st.rerun(): another run follows in the same interaction
            run.status = message.script_finished
            run.wire_bytes = self._wire() - self._wire_start
            if self._done is not None:
                self._done.set()

    async def rerun(
        self,
        *,
        page: str | None = None,
        query_string: str | None = None,
        changes: list[WidgetState] = (),
        fresh: bool = False,
    ) -> Run:
        """Send one rerun (a page load, a page link or a widget change) and wait for the run to finish."""
        if self.closed is not None or self.ws is None:
            raise SessionClosed(repr(self.closed))
        if page is not None:
            self.page_path = page
        if query_string is not None:
            self.query_string = query_string
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        if fresh:
            state.page_name = self.page_path  # a typed address: the server resolves the page by its path
        else:
            state.page_script_hash = self.pages.get(self.page_path, "")
            state.page_name = self.page_path
        for change in changes:  # the frontend holds the new value from now on
            self.widgets[change.id] = change
        state.widget_states.widgets.extend(self.widgets.values())  # every widget's value, as the frontend sends them
        state.cached_message_hashes[:] = self.cached_hashes()
        url = f"http://127.0.0.1:{self.port}/{self.page_path}" + (f"?{self.query_string}" if self.query_string else "")
        state.context_info.url = url
        state.context_info.timezone = "Asia/Jakarta"
        state.context_info.timezone_offset = -420
        state.context_info.locale = "id-ID"
        state.context_info.color_scheme = "light"
        run = Run()
        self._wire_start = self._wire()
        self._current, self._done = run, asyncio.Event()
        try:
            await self.ws.send(msg.SerializeToString())
            await asyncio.wait_for(self._done.wait(), self.timeout)
        except ConnectionClosed as exc:
            raise SessionClosed(repr(exc)) from exc
        finally:
            self._current, self._done = None, None
        if run.status is None:
            raise SessionClosed(repr(self.closed))
        self._remember_widgets(run)
        self.last = run
        return run

    def _wire(self) -> int:
        return self.ws.received if isinstance(self.ws, _CountingConnection) else 0

    def cached_hashes(self) -> list[str]:
        """The messages this client holds in Streamlit's message cache: none (:class:`BrowserClient` keeps them)."""
        return []

    def _remember_widgets(self, run: Run) -> None:
        """Widgets on the page now keep (or take) a value; widgets no longer drawn are forgotten."""
        present = {}
        for element in run.elements.values():
            kind = element.WhichOneof("type")
            if kind in WIDGET_TYPES:
                proto = getattr(element, kind)
                state = _state_from_proto(kind, proto, self.widgets.get(proto.id))
                if state is not None:
                    present[proto.id] = state
        self.widgets = present


MAX_AGE = 2  # Streamlit's global.maxCachedMessageAge: a cached message lives two script runs unused


class BrowserClient(Client):
    """A :class:`Client` that keeps Streamlit's message cache as the browser does (every message the
    server marks cacheable, for two runs, named in its next rerun, so an unchanged large element comes
    back as a reference), and records every message of an interaction (for ``bench.bench_bytes``'s
    breakdown)."""

    def __init__(self, port: int, timeout: float) -> None:
        super().__init__(port, timeout)
        self.cache: dict[str, tuple[ForwardMsg, int]] = {}  # hash -> (message, runs since last used)
        self.messages: list[tuple[ForwardMsg, int]] = []

    def _handle(self, message: ForwardMsg, size: int) -> None:
        if self._current is not None:
            self.messages.append((message, size))
        if message.WhichOneof("type") == "ref_hash":  # the browser takes the cached message instead
            cached = self.cache.get(message.ref_hash)
            if cached is not None:
                self.cache[message.ref_hash] = (cached[0], 0)
                full = ForwardMsg()
                full.CopyFrom(cached[0])
                full.metadata.CopyFrom(message.metadata)
                return super()._handle(full, size)
        elif message.metadata.cacheable:
            self.cache[message.hash] = (message, 0)
        if message.WhichOneof("type") == "script_finished":
            self.cache = {h: (m, age + 1) for h, (m, age) in self.cache.items() if age + 1 <= MAX_AGE}
        return super()._handle(message, size)

    def cached_hashes(self) -> list[str]:
        return list(self.cache)

    async def rerun(self, **kwargs: Any) -> Run:
        self.messages = []
        return await super().rerun(**kwargs)


# --------------------------------------------------------------------------- one session's walk


@dataclass
class Interaction:
    phase: str
    session: int
    kind: str
    t: float  # seconds since the phase started, when the message was sent
    ms: float
    bytes: int
    error: str | None = None
    detail: str | None = None


class CheckFailed(Exception):
    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


def map_layer(run: Run) -> tuple[str | None, list[str]]:
    """The level the map draws (from its geometry file, ``/app/static/geo/desa.<hash>.geojson``) and its region codes.

    Only the choropleth traces of that file count: the province outline and the land border are drawn too.
    """
    found = run.widget("map")
    if found is None:
        return None, []
    traces = [tr for tr in json.loads(found[1].spec).get("data", []) if tr.get("type") == "choropleth" and tr.get("geojson")]
    if not traces:
        return None, []
    geojson = traces[0]["geojson"]
    level = str(geojson).rsplit("/", 1)[-1].split(".", 1)[0]
    # each region once: the outlines of the cities and border regencies draw some regencies a second time
    codes = list(dict.fromkeys(c for tr in traces if tr["geojson"] == geojson for c in _trace_codes(tr)))
    return level, codes


def _trace_codes(trace: dict) -> list[str]:
    """A trace's regions as codes: a map names them by its geometry file's short ids (a typed array of
    ``properties.i``), which are read back from the same file the browser fetches."""
    locations = trace.get("locations") or []
    if trace.get("featureidkey") != "properties.i":
        return [str(c) for c in locations]
    ids = short_ids(str(trace["geojson"]).rsplit("/", 1)[-1])
    values = _typed(locations) if isinstance(locations, dict) else locations
    return [ids[int(i)] for i in values]


def _typed(spec: dict) -> list:
    import base64

    import numpy as np

    return np.frombuffer(base64.b64decode(spec["bdata"]), dtype=np.dtype(spec["dtype"])).tolist()


_SHORT_IDS: dict[str, dict[int, str]] = {}


def short_ids(file_name: str) -> dict[int, str]:
    """``{short id: code}`` of a geometry file (as served from ``static/geo``)."""
    if file_name not in _SHORT_IDS:
        from kalimantan_equity.data import build

        features = json.loads((build.static_dir() / file_name).read_text()).get("features", [])
        _SHORT_IDS[file_name] = {f["properties"]["i"]: f["id"] for f in features if "i" in (f.get("properties") or {})}
    return _SHORT_IDS[file_name]


def map_location(run: Run, code: str) -> str | int:
    """What the browser reports as a clicked region's ``location``: its short id where the map uses them."""
    found = run.widget("map")
    for tr in json.loads(found[1].spec).get("data", []) if found else []:
        if tr.get("featureidkey") == "properties.i":
            by_code = {c: i for i, c in short_ids(str(tr["geojson"]).rsplit("/", 1)[-1]).items()}
            return by_code.get(code, code)
    return code


class Walker:
    """A session's pass through the pages, with checks; records every interaction."""

    def __init__(self, index: int, phase: str, port: int, facts: Facts, args: argparse.Namespace, log: list[Interaction], t0: float):
        self.index = index
        self.phase = phase
        self.port = port
        self.facts = facts
        self.args = args
        self.log = log
        self.t0 = t0
        self.rng = random.Random(args.seed * 1000 + index + (0 if phase == "load" else 500))
        self.client: Client | None = None
        self.held = True  # one websocket from start to end, never lost
        self.connects = 0
        self.locations: dict[str, int] = {}  # level -> regions drawn, as last seen
        self.profile_links = 0  # profiles opened through the map's link (not a random regency)

    # -- helpers

    async def _step(self, kind: str, action) -> Run | None:
        """Time one interaction; a failure is recorded, never raised (a closed socket reconnects)."""
        started = time.monotonic()
        t_rel = started - self.t0
        error = detail = None
        run = None
        try:
            run = await action()
            error, detail = self._judge(run)
        except CheckFailed as exc:
            error, detail = exc.kind, exc.detail
        except TimeoutError:
            error, detail = "timeout", f"no script_finished within {self.args.timeout:.0f} s"
        except SessionClosed as exc:
            error, detail = "ws_closed", str(exc)[:300]
        except Exception as exc:  # a bug of this client, not the app's: counted, shown, and the walk goes on
            error, detail = "client_error", repr(exc)[:300]
        ms = (time.monotonic() - started) * 1000
        size = run.bytes if run is not None else 0
        self.log.append(Interaction(self.phase, self.index, kind, round(t_rel, 3), round(ms, 1), size, error, detail))
        if error in ("timeout", "ws_closed"):
            self.held = False
            await self._reconnect()
            return None
        return None if error else run

    def _judge(self, run: Run) -> tuple[str | None, str | None]:
        if run.status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
            return "compile_error", None
        exceptions = run.exceptions or run.of_type("exception")
        if exceptions:
            e = exceptions[0]
            return "exception", f"{e.type}: {e.message}"[:300]
        for alert in run.of_type("alert"):
            if alert.format == ERROR_ALERT:
                if any(text in alert.body for text in self.facts.unexpected_error):
                    return "friendly_error", alert.body[:300]
                return "error_alert", alert.body[:300]
        if run.page_not_found:
            return "page_not_found", self.client.page_path
        return None, None

    async def _reconnect(self) -> None:
        if self.client is not None:
            await self.client.close()
        self.client = None

    async def _ensure_open(self) -> bool:
        """A session (re)opens with a page load of the map, as a browser tab does."""
        if self.client is not None:
            return True
        self.client = Client(self.port, self.args.timeout, cookies=getattr(self.args, "url", None) is not None)
        self.connects += 1

        async def load() -> Run:
            await self.client.open()
            run = await self.client.rerun(page="", query_string="", fresh=True)
            self._expect_heading(run, self.facts.map_title)
            return run

        run = await self._step("open_map", load)
        if run is not None:
            self._saw_map(run)
        return self.client is not None

    def _expect_heading(self, run: Run, text: str) -> None:
        if text not in run.headings():
            raise CheckFailed("check_failed", f"heading {text!r} not in {run.headings()[:4]}")

    def _expect_text(self, run: Run, text: str) -> None:
        if not any(text in body for body in run.texts()):
            raise CheckFailed("check_failed", f"text {text!r} not shown")

    def _widget(self, key: str) -> tuple[str, Any]:
        found = self.client.last.widget(key)
        if found is None:
            raise CheckFailed("no_widget", f"no widget keyed {key!r} on {self.client.page_path!r}")
        return found

    def _choose(self, key: str, label: str) -> WidgetState:
        kind, proto = self._widget(key)
        if label not in proto.options:
            raise CheckFailed("no_option", f"{label!r} not among the options of {key!r}")
        return WidgetState(id=proto.id, string_value=label)

    async def _think(self, until: float) -> None:
        pause = self.args.think * self.rng.uniform(0.5, 1.5)
        await asyncio.sleep(max(0.0, min(pause, until - time.monotonic())))

    # -- the walk

    async def walk(self, until: float, passes: int | None = None) -> None:
        done = 0
        first = True
        try:
            while time.monotonic() < until and (passes is None or done < passes):
                for step in self._steps(first):
                    if time.monotonic() >= until:
                        break
                    if not await self._ensure_open():
                        await self._think(until)
                        continue
                    await step()
                    await self._think(until)
                first = False
                done += 1
        finally:
            await self._reconnect()

    def _steps(self, first: bool) -> list:
        return [
            *([] if first else [self.open_map]),
            self.indicator,
            self.year,
            self.village_indicator,
            self.level_kecamatan,
            self.level_desa,
            self.select_region,
            self.open_profile,
            self.profile_region,
            self.open_gap,
        ]

    def _saw_map(self, run: Run) -> None:
        level, codes = map_layer(run)
        if level:
            self.locations[level] = len(codes)

    async def open_map(self) -> None:
        async def act() -> Run:
            run = await self.client.rerun(page=self._page_path(default=True), query_string="")
            self._expect_heading(run, self.facts.map_title)
            return run

        run = await self._step("open_map", act)
        if run is not None:
            self._saw_map(run)

    def _page_path(self, default: bool = False, name: str = "") -> str:
        if default:
            return "" if "" in self.client.pages else "peta"
        return name

    async def indicator(self) -> None:
        current = self._current_value("ind")
        choices = [i for i in self.facts.multi_year if self.facts.indicator_labels[i] != current]
        await self._set_indicator("indicator", self.rng.choice(choices))

    async def village_indicator(self) -> None:
        current = self._current_value("ind")
        choices = [i for i in self.facts.village if self.facts.indicator_labels[i] != current] or self.facts.village
        await self._set_indicator("village_indicator", self.rng.choice(choices))

    async def _set_indicator(self, kind: str, indicator: str) -> None:
        async def act() -> Run:
            change = self._choose("ind", self.facts.indicator_labels[indicator])
            run = await self.client.rerun(changes=[change])
            self._expect_text(run, self.facts.indicator_names[indicator])
            return run

        run = await self._step(kind, act)
        if run is not None:
            self._saw_map(run)

    def _current_value(self, key: str) -> str | None:
        found = self.client.last.widget(key)
        if found is None:
            return None
        state = self.client.widgets.get(found[1].id)
        return state.string_value if state is not None else None

    async def year(self) -> None:
        async def act() -> Run:
            _kind, proto = self._widget("yr")
            current = self._current_value("yr")
            others = [y for y in proto.options if y != current]
            if not others:
                raise CheckFailed("no_option", "only one year offered")
            year = self.rng.choice(others)
            run = await self.client.rerun(changes=[WidgetState(id=proto.id, string_value=year)])
            self._expect_text(run, f", {year}.")  # the map caption: "<indicator> (<unit>), <year>. ..."
            return run

        await self._step("year", act)

    async def select_region(self) -> None:
        async def act() -> Run:
            _kind, proto = self._widget("map")
            _level, codes = map_layer(self.client.last)
            if not codes:
                raise CheckFailed("check_failed", "the map draws no region")
            code = self.rng.choice(codes)
            location = map_location(self.client.last, code)
            selection = {"selection": {"points": [{"location": location, "curve_number": 0}], "point_indices": [0], "box": [], "lasso": []}}
            change = WidgetState(id=proto.id, string_value=json.dumps(selection))  # the chart's serde reads a JSON string
            run = await self.client.rerun(changes=[change])
            name = self.facts.region_names.get(code, code)
            self._expect_heading(run, name)  # the page reran (st.rerun) and shows the region it selected
            return run

        await self._step("select_region", act)

    async def _level(self, kind: str, level: str) -> None:
        async def act() -> Run:
            change = self._choose("lvl", self.facts.level_labels[level])
            run = await self.client.rerun(changes=[change])
            drawn, codes = map_layer(run)
            if drawn != level or len(codes) <= self.locations.get("kabupaten", 0):
                raise CheckFailed("check_failed", f"asked for {level}: the map draws {len(codes)} regions of {drawn}")
            return run

        run = await self._step(kind, act)
        if run is not None:
            self._saw_map(run)

    async def level_kecamatan(self) -> None:
        await self._level("level", "kecamatan")

    async def level_desa(self) -> None:
        await self._level("level_desa", "desa")

    async def open_profile(self) -> None:
        async def act() -> Run:
            links = [p for p in self.client.last.of_type("page_link") if "region=" in p.query_string]
            if links:  # the map's "open profile" link of the selected region
                query = links[0].query_string.lstrip("?")
                self.profile_links += 1
            else:
                query = urlencode({"region": self.rng.choice(self.facts.regencies)})
            code = parse_qs(query)["region"][0]
            run = await self.client.rerun(page="profil", query_string=query)
            self._expect_heading(run, self.facts.region_names[code])
            return run

        await self._step("open_profile", act)

    async def profile_region(self) -> None:
        async def act() -> Run:
            _kind, proto = self._widget("profile_region")
            current = self._current_value("profile_region")
            label = self.rng.choice([o for o in proto.options if o != current])
            run = await self.client.rerun(changes=[WidgetState(id=proto.id, string_value=label)])
            self._expect_heading(run, label.split(" › ", 1)[-1])  # "Kalimantan Barat › Kabupaten Kapuas Hulu"
            if "region=" not in self.client.query_string:
                raise CheckFailed("check_failed", "the link does not follow the picker")
            return run

        await self._step("profile_region", act)

    async def open_gap(self) -> None:
        async def act() -> Run:
            run = await self.client.rerun(page="kesenjangan", query_string="")
            self._expect_heading(run, self.facts.gap_title)
            return run

        await self._step("open_gap", act)


# --------------------------------------------------------------------------- the server and its memory


def free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def check_host(host: str) -> str:
    if host not in LOOPBACK:
        raise SystemExit(f"refusing host {host!r}: the load test runs on loopback only ({', '.join(sorted(LOOPBACK))})")
    return "127.0.0.1"


def start_server(port: int, log_path: Path) -> subprocess.Popen:
    log = log_path.open("wb")
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    cmd += ["--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"]
    # its own process group: a Ctrl-C in the terminal reaches us, and we stop the server ourselves
    return subprocess.Popen(cmd, cwd=ROOT, env=dict(os.environ), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def wait_healthy(proc: subprocess.Popen | None, port: int, timeout: float = 180) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the app exited with {proc.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the app was not healthy within {timeout:.0f} s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


_PAGE = os.sysconf("SC_PAGE_SIZE")
_TICKS = os.sysconf("SC_CLK_TCK")


def _process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _usage(pids: list[int]) -> tuple[float, float]:
    """(RSS in MB, CPU seconds) summed over the processes."""
    rss = cpu = 0.0
    for pid in pids:
        try:
            resident = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError, ValueError):
            continue
        rss += resident * _PAGE / 2**20
        cpu += (int(fields[11]) + int(fields[12])) / _TICKS  # utime + stime
    return rss, cpu


def _machine_busy_s() -> float:
    """CPU seconds the whole machine has been busy (all cores), from /proc/stat."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        return (sum(fields[:8]) - fields[3] - fields[4]) / _TICKS  # all but idle and iowait
    return 0.0


def _cookies_from(port: int) -> str:
    """The cookies the server (or a proxy in front of it: nginx's sticky-session cookie) sets on a first request."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=10) as response:
        return "; ".join(c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie", []))


class Sampler:
    """The server's memory and CPU once a second, with the phase and the number of open sessions.

    CPU is in % of one core: the server's, this client's (it shares the machine), and everything
    else on the machine (other work running at the same time makes the figures noisier).
    """

    def __init__(self, pids: list[int], state: dict[str, Any]) -> None:
        self.pids = pids
        self.state = state
        self.samples: list[dict[str, Any]] = []
        self.t0 = time.monotonic()

    async def run(self) -> None:
        last = None
        while True:
            now = time.monotonic()
            rss, cpu = _usage([p for pid in self.pids for p in _process_tree(pid)])
            mine, busy = time.process_time(), _machine_busy_s()
            sample = {"t": round(now - self.t0, 2), "phase": self.state["phase"], "rss_mb": round(rss, 1), "sessions": self.state["open"]}
            if last is not None:
                dt = max(now - last[0], 1e-6)
                server, client = 100 * (cpu - last[1]) / dt, 100 * (mine - last[2]) / dt
                sample.update(cpu_pct=round(server, 1), client_cpu_pct=round(client, 1))
                sample["other_cpu_pct"] = round(max(0.0, 100 * (busy - last[3]) / dt - server - client), 1)
            self.samples.append(sample)
            last = (now, cpu, mine, busy)
            await asyncio.sleep(1.0)


# --------------------------------------------------------------------------- phases and figures


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def server_cpu_s(pids: list[int]) -> float:
    return _usage([p for pid in pids for p in _process_tree(pid)])[1]


def latency_report(log: list[Interaction], walkers: list[Walker], seconds: float, cpu_s: float | None = None) -> dict[str, Any]:
    by_kind: dict[str, Any] = {}
    for kind in (*KINDS, "all"):
        rows = [r for r in log if kind in ("all", r.kind)]
        ok = [r.ms for r in rows if r.error is None]
        by_kind[kind] = {
            "n": len(rows),
            "errors": sum(r.error is not None for r in rows),
            "p50_ms": percentile(ok, 50),
            "p95_ms": percentile(ok, 95),
            "max_ms": max(ok) if ok else None,
            "mean_kb": round(statistics.fmean(r.bytes for r in rows) / 1024, 1) if rows else None,
        }
    errors: dict[str, int] = {}
    for r in log:
        if r.error:
            errors[r.error] = errors.get(r.error, 0) + 1
    return {
        "sessions": len(walkers),
        "sessions_held": sum(w.held for w in walkers),
        "reconnects": sum(max(0, w.connects - 1) for w in walkers),
        "interactions": len(log),
        "per_minute": round(len(log) / seconds * 60, 1) if seconds else None,
        "seconds": round(seconds, 1),
        "server_cpu_s": None if cpu_s is None else round(cpu_s, 1),
        "server_cpu_ms_per_interaction": round(1000 * cpu_s / len(log)) if cpu_s is not None and log else None,
        "errors": errors,
        "error_examples": [asdict(r) for r in log if r.error][:20],
        "by_kind": by_kind,
        "profiles_opened_by_link": sum(w.profile_links for w in walkers),
        "sessions_all_kinds": sum(
            all(any(r.session == w.index and r.kind == k and r.error is None for r in log) for k in KINDS) for w in walkers
        ),
    }


def memory_summary(samples: list[dict[str, Any]], load_start: float, ramp_end: float, load_end: float) -> dict[str, Any]:
    idle = [s for s in samples if s["t"] <= load_start]
    load = [s for s in samples if load_start <= s["t"] <= load_end]
    if not load:
        return {}
    after_ramp = next((s for s in load if s["t"] >= ramp_end), load[-1])
    tail = [s for s in load if s["t"] >= load_start + (load_end - load_start) / 2]
    slope = None
    if len(tail) >= 3:
        ts = [s["t"] for s in tail]
        ys = [s["rss_mb"] for s in tail]
        slope = statistics.linear_regression(ts, ys).slope * 60
    cpu = [s["cpu_pct"] for s in load if "cpu_pct" in s]
    client = [s["client_cpu_pct"] for s in load if "client_cpu_pct" in s]
    other = [s["other_cpu_pct"] for s in load if "other_cpu_pct" in s]
    step = max(1, len(load) // 10)
    return {
        "timeline_mb": [s["rss_mb"] for s in load[::step]] + ([load[-1]["rss_mb"]] if (len(load) - 1) % step else []),
        "before_load_mb": idle[-1]["rss_mb"] if idle else load[0]["rss_mb"],
        "server_start_mb": samples[0]["rss_mb"],
        "after_ramp_mb": after_ramp["rss_mb"],
        "peak_mb": max(s["rss_mb"] for s in load),
        "end_mb": load[-1]["rss_mb"],
        "slope_last_half_mb_per_min": None if slope is None else round(slope, 2),
        "cpu_mean_pct": round(statistics.fmean(cpu), 1) if cpu else None,
        "client_cpu_mean_pct": round(statistics.fmean(client), 1) if client else None,
        "other_cpu_mean_pct": round(statistics.fmean(other), 1) if other else None,
    }


async def run_phase(
    name: str, sessions: int, seconds: float, ramp: float, port: int, facts: Facts, args, state, passes: int | None = None
) -> tuple[list[Interaction], list[Walker], float]:
    log: list[Interaction] = []
    t0 = time.monotonic()
    until = t0 + seconds
    walkers = [Walker(i, name, port, facts, args, log, t0) for i in range(sessions)]
    state["phase"] = name

    async def one(walker: Walker, delay: float) -> None:
        await asyncio.sleep(delay)
        state["open"] += 1
        try:
            await walker.walk(until, passes)
        finally:
            state["open"] -= 1

    await asyncio.gather(*(one(w, ramp * i / max(sessions, 1)) for i, w in enumerate(walkers)))
    return log, walkers, time.monotonic() - t0


async def measure(args: argparse.Namespace, port: int, proc: subprocess.Popen | None, facts: Facts) -> dict[str, Any]:
    state = {"phase": "idle", "open": 0}
    pids = [proc.pid] if proc is not None else args.server_pid  # --url: the replicas named by --server-pid
    sampler = Sampler(pids, state)
    sampling = asyncio.create_task(sampler.run())
    result: dict[str, Any] = {}
    try:
        await asyncio.sleep(1.5)  # a couple of idle samples
        if args.warmup:  # compile the pages and fill the first caches; not counted
            log, walkers, secs = await run_phase("warmup", 1, 120, 0, port, facts, args, state, passes=1)
            result["warmup"] = latency_report(log, walkers, secs)
        cpu0 = server_cpu_s(pids)
        log, walkers, secs = await run_phase("baseline", 1, args.baseline, 0, port, facts, args, state)
        result["baseline"] = latency_report(log, walkers, secs, server_cpu_s(pids) - cpu0)
        result["baseline_log"] = [asdict(r) for r in log]
        state["phase"] = "idle"
        await asyncio.sleep(1.5)
        load_start, cpu0 = time.monotonic() - sampler.t0, server_cpu_s(pids)
        log, walkers, secs = await run_phase("load", args.sessions, args.duration, args.ramp, port, facts, args, state, args.passes)
        load_end, cpu = time.monotonic() - sampler.t0, server_cpu_s(pids) - cpu0
        state["phase"] = "after"
        await asyncio.sleep(2.5)  # does memory fall back once the sessions have gone?
        result["load"] = latency_report(log, walkers, secs, cpu)
        result["load_log"] = [asdict(r) for r in log]
        result["locations_seen"] = {
            lv: max((w.locations.get(lv, 0) for w in walkers), default=0) for lv in ("kabupaten", "kecamatan", "desa")
        }
        result["memory"] = memory_summary(sampler.samples, load_start, load_start + args.ramp, load_end)
        result["memory"]["after_sessions_left_mb"] = sampler.samples[-1]["rss_mb"] if sampler.samples else None
    finally:
        sampling.cancel()
        with contextlib.suppress(BaseException):
            await sampling
        result["memory_timeline"] = sampler.samples
    return result


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def report(result: dict[str, Any]) -> str:
    a = result["args"]
    base, load, mem = result["baseline"], result["load"], result["memory"]
    lines = [
        f"Load test: {a['sessions']} sessions × {a['duration']:.0f} s (ramp {a['ramp']:.0f} s), think {a['think']:.1f} s ±50 %, "
        f"baseline 1 session × {a['baseline']:.0f} s; {result['machine']['cpus']} CPU cores, {result['machine']['mem_gb']:.0f} GB RAM; "
        f"server ready in {result['server_ready_s']:.1f} s",
        "",
        "| | baseline (1 session) | load |",
        "|---|---:|---:|",
        f"| sessions held to the end | {base['sessions_held']}/{base['sessions']} | {load['sessions_held']}/{load['sessions']} |",
        f"| sessions that did every kind of step | {base['sessions_all_kinds']}/{base['sessions']} | {load['sessions_all_kinds']}/{load['sessions']} |",
        f"| interactions (per minute) | {base['interactions']} ({base['per_minute']}) | {load['interactions']} ({load['per_minute']}) |",
        f"| errors | {_errors(base)} | {_errors(load)} |",
        f"| server CPU per interaction (ms) | {base['server_cpu_ms_per_interaction']} | {load['server_cpu_ms_per_interaction']} |",
        "",
        "| step | baseline n | p50 ms | p95 ms | max ms | load n | p50 ms | p95 ms | max ms | errors | KB per step |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in (*KINDS, "all"):
        b, lk = base["by_kind"][kind], load["by_kind"][kind]
        lines.append(
            f"| {kind} | {b['n']} | {_ms(b['p50_ms'])} | {_ms(b['p95_ms'])} | {_ms(b['max_ms'])} | {lk['n']} | {_ms(lk['p50_ms'])} | "
            f"{_ms(lk['p95_ms'])} | {_ms(lk['max_ms'])} | {lk['errors']} | {lk['mean_kb'] if lk['mean_kb'] is not None else '—'} |"
        )
    if mem:
        lines += [
            "",
            f"Server memory (RSS, MB): at start {mem['server_start_mb']:.0f}, before the load {mem['before_load_mb']:.0f}, "
            f"after the ramp {mem['after_ramp_mb']:.0f}, peak {mem['peak_mb']:.0f}, end {mem['end_mb']:.0f}, "
            f"after the sessions left {mem['after_sessions_left_mb']:.0f}; slope over the last half "
            + ("—" if mem["slope_last_half_mb_per_min"] is None else f"{mem['slope_last_half_mb_per_min']:+.1f} MB/min"),
            "RSS through the load (MB, every tenth of it): " + " → ".join(f"{v:.0f}" for v in mem["timeline_mb"]),
            f"CPU during the load, mean % of one core: server {mem['cpu_mean_pct']}, this client {mem['client_cpu_mean_pct']}, "
            f"other processes on the machine {mem['other_cpu_mean_pct']}",
        ]
    if load["error_examples"]:
        lines += ["", "First errors:"] + [f"  {e['kind']} {e['error']}: {e['detail']}" for e in load["error_examples"][:8]]
    return "\n".join(lines)


def _errors(summary: dict[str, Any]) -> str:
    if not summary["errors"]:
        return "0"
    return f"{sum(summary['errors'].values())} (" + ", ".join(f"{k} {v}" for k, v in sorted(summary["errors"].items())) + ")"


def _machine() -> dict[str, Any]:
    mem_kb = 0
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    return {"cpus": os.cpu_count(), "mem_gb": mem_kb / 2**20, "python": platform.python_version(), "platform": platform.platform()}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=30, help=f"concurrent sessions in the load phase (1–{MAX_SESSIONS})")
    parser.add_argument("--duration", type=float, default=180, help=f"seconds of load (≤ {MAX_DURATION_S})")
    parser.add_argument("--ramp", type=float, default=None, help="seconds over which the sessions start (default: min(10, duration/6))")
    parser.add_argument("--baseline", type=float, default=60, help=f"seconds of the single-session baseline (≤ {MAX_BASELINE_S})")
    parser.add_argument("--think", type=float, default=2.0, help="think time between steps, seconds (jittered ±50 %%)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before an unanswered step counts as an error")
    parser.add_argument("--host", default="127.0.0.1", help="loopback only: 127.0.0.1 or localhost")
    parser.add_argument("--passes", type=int, default=None, help="stop each load session after this many passes (default: run to the end)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-warmup", dest="warmup", action="store_false", help="skip the uncounted warm-up pass")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder for the JSON figures and the server log")
    parser.add_argument("--url", default=None, help="load a dashboard already running at this loopback address (e.g. nginx "
                        "in front of replicas: bench/through_proxy.py) instead of starting one; it is not stopped here")  # fmt: skip
    parser.add_argument("--server-pid", type=int, action="append", default=[],
                        help="with --url: a server process whose CPU and memory (with its children) are measured; once per replica")  # fmt: skip
    args = parser.parse_args(argv)
    if args.url is not None:
        address = urlparse(args.url)
        check_host(address.hostname or "")
        if address.scheme != "http" or not address.port or address.path not in ("", "/") or not args.server_pid:
            parser.error("--url must be http://127.0.0.1:<port>, with --server-pid for every server process")
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be 1–{MAX_SESSIONS}")
    if not 1 <= args.duration <= MAX_DURATION_S:
        parser.error(f"--duration must be 1–{MAX_DURATION_S} s")
    if not 1 <= args.baseline <= MAX_BASELINE_S:
        parser.error(f"--baseline must be 1–{MAX_BASELINE_S} s")
    if not (0 <= args.think <= 60 and 1 <= args.timeout <= 300):
        parser.error("--think must be 0–60 s and --timeout 1–300 s")
    args.ramp = min(10.0, args.duration / 6) if args.ramp is None else max(0.0, min(args.ramp, args.duration / 2))
    check_host(args.host)
    return args


def _stop_on_sigterm() -> Any:
    """A SIGTERM ends the run like Ctrl-C does, so the server is stopped on the way out."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(_signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run the whole measurement; returns the figures (also written as JSON under ``--out``)."""
    args = parse_args(argv)
    host = check_host(args.host)
    from kalimantan_equity.data import build

    build.ensure_built(lambda _fraction, _step: None)  # as scripts/run.sh does: a no-op when the data is current
    facts = app_facts()
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    name = f"load-{stamp}-{args.sessions}x{args.duration:.0f}s"
    port = urlparse(args.url).port if args.url else free_port(host)
    # the hard deadline: every phase plus start-up, warm-up and slack; nothing runs past it
    deadline = 180 + (150 if args.warmup else 0) + args.baseline + args.duration + 2 * args.timeout + 60
    proc = None if args.url else start_server(port, args.out / f"{name}.server.log")
    result: dict[str, Any] = {"args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}, "machine": _machine()}
    started = time.monotonic()
    previous = _stop_on_sigterm()
    try:
        result["server_ready_s"] = round(wait_healthy(proc, port), 2)
        result.update(asyncio.run(asyncio.wait_for(measure(args, port, proc, facts), deadline)))
        result["server_alive_at_end"] = proc.poll() is None if proc else all(Path(f"/proc/{pid}").exists() for pid in args.server_pid)
    finally:
        if proc is not None:
            stop_server(proc)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        result["wall_s"] = round(time.monotonic() - started, 1)
        log_path = args.out / f"{name}.server.log"
        log_text = log_path.read_text(errors="replace") if log_path.exists() else ""  # --url: the replicas keep their own logs
        result["server_log_tracebacks"] = log_text.count("Traceback (most recent call last)")
        path = args.out / f"{name}.json"
        path.write_text(json.dumps(result, indent=1, default=str))
        result["json_path"] = str(path)
    return result


if __name__ == "__main__":
    figures = main()
    print(report(figures))
    print(f"\nserver log tracebacks: {figures['server_log_tracebacks']}; raw figures: {figures['json_path']}")
