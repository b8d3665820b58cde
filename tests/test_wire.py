"""What a meeting's network carries when someone clicks: the websocket is compressed, and a long
option list already in the browser is not sent again.

Driven over Streamlit's own protocol by the bytes benchmark's client, which keeps Streamlit's message
cache as a browser does (``bench/bench_bytes.py`` prints the figures; this checks the mechanisms).
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlparse

from bench.bench_bytes import Interaction, change, other_option
from bench.load_test import BrowserClient, app_facts


def _new_widgets(step: Interaction) -> set[str]:
    """The keys of the widgets an interaction sent whole (not as a reference to the browser's copy)."""
    keys = set()
    for message, _size in step.messages:
        if message.WhichOneof("type") == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            proto = getattr(element, element.WhichOneof("type"))
            if getattr(proto, "id", ""):
                keys.add(proto.id.rsplit("-", 1)[-1])
    return keys


async def _open_and_click(port: int) -> tuple[str, str, Interaction, BrowserClient]:
    client = BrowserClient(port, timeout=120)
    await client.open()
    extensions = client.ws.response.headers.get("Sec-WebSocket-Extensions", "")
    await client.rerun(page="", query_string="ind=bps_hls&lvl=kabupaten", fresh=True)
    _kind, picker = client.last.widget("ind")
    shown = picker.raw_value if picker.set_value else picker.options[picker.default]  # what the browser shows
    step = await change(client, "yr", other_option(client, "yr"))
    await client.close()
    assert step is not None, "the map offered no other year"
    return extensions, shown, step, client


def test_a_click_after_opening_a_link_is_compressed_and_resends_no_option_list(server: str) -> None:
    facts = app_facts()
    extensions, shown, step, client = asyncio.run(_open_and_click(urlparse(server).port))
    # the link's indicator is what the picker shows
    assert shown == facts.indicator_labels["bps_hls"]
    # the websocket is compressed (every browser offers permessage-deflate; the server accepts it)
    assert "permessage-deflate" in extensions
    assert step.wire_kb < step.kb / 2, (step.wire_kb, step.kb)
    # the year changed: the map and the year came again, the indicator and presentation lists did not
    # (the browser took them from its cache), and the page still has both
    sent = _new_widgets(step)
    assert "map" in sent and "yr" in sent
    assert not {"ind", "steps"} & sent, sent
    refs = [m for m, _ in step.messages if m.WhichOneof("type") == "ref_hash"]
    assert len(refs) >= 2
    assert client.last.widget("ind") is not None and client.last.widget("steps") is not None
    assert all(m.WhichOneof("type") != "delta" or m.delta.WhichOneof("type") != "new_element"
               or m.delta.new_element.WhichOneof("type") != "exception" for m, _ in step.messages)  # fmt: skip
