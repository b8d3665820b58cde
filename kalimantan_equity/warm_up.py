"""Open one session on a freshly started dashboard, as its first visitor would, then leave.

The first script run after the server starts pays the imports, the warehouse connection and the
shared caches; ``equity-serve`` (scripts/run.sh) runs this right after the server answers, so the
meeting's first visitor does not: a presenter's deep link (``/kesenjangan?rapat=1&ind=bps_p0``)
drew its heading after 1.7-1.8 s on a warmed server against 3.3-3.8 s on a cold one (2-core machine,
headless Chromium, two runs each). Usage: ``python -m kalimantan_equity.warm_up [--server.port N]``.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
import urllib.request

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect  # a dependency of Streamlit itself
from websockets.exceptions import ConnectionClosed

HOST = "127.0.0.1"  # the server on this machine only


def _argument(argv: list[str], name: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
        if arg == f"--{name}" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def server_address(argv: list[str]) -> str:
    """Where ``streamlit run app.py <argv>`` serves: its arguments first, then Streamlit's own
    configuration (``.streamlit/config.toml``, ``STREAMLIT_SERVER_PORT``, …), as the server reads them."""
    from streamlit import config

    config.get_config_options()
    port = _argument(argv, "server.port") or os.environ.get("STREAMLIT_SERVER_PORT") or config.get_option("server.port")
    base = (
        _argument(argv, "server.baseUrlPath") or os.environ.get("STREAMLIT_SERVER_BASE_URL_PATH") or config.get_option("server.baseUrlPath")
    )
    base = (base or "").strip("/")
    return f"{HOST}:{int(port)}" + (f"/{base}" if base else "")


def wait_until_healthy(address: str, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{address}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


async def open_one_session(address: str, timeout: float = 300) -> bool:
    """One run of the app's default page; True when the run finished."""
    origin = "http://" + address.split("/", 1)[0]
    async with connect(f"ws://{address}/_stcore/stream", origin=origin, subprotocols=["streamlit"], max_size=256 * 2**20, proxy=None) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_name = ""
        await ws.send(msg.SerializeToString())
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            reply = ForwardMsg()
            reply.ParseFromString(await asyncio.wait_for(ws.recv(), left))
            if reply.WhichOneof("type") == "script_finished" and reply.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return True
        return False


def main(argv: list[str]) -> int:
    address = server_address(argv)
    if not wait_until_healthy(address):
        print(f"warm-up: the dashboard did not answer at http://{address}", file=sys.stderr)
        return 1
    try:
        done = asyncio.run(open_one_session(address))
    except (OSError, TimeoutError, ConnectionClosed) as exc:
        print(f"warm-up: {exc}", file=sys.stderr)
        return 1
    print(
        "warm-up: the first run is done; the first visitor gets a warm server" if done else "warm-up: the first run did not finish",
        file=sys.stderr,
    )
    return 0 if done else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
