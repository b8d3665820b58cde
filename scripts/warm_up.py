"""Open one session on a freshly started dashboard, as its first visitor would, then leave.

Streamlit learns the app's pages from the first script run after the server starts; until then a
first visitor who opens a deep link (``/kesenjangan?...``, ``/profil?region=61.06``) gets the right
page under a "Page not found" box. scripts/run.sh runs this right after the server answers, so the
presenter's shared link opens cleanly. Usage: ``python scripts/warm_up.py [--server.port N]``.
"""

from __future__ import annotations

import asyncio
import sys
import time
import urllib.request

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect  # a dependency of Streamlit itself
from websockets.exceptions import ConnectionClosed

HOST = "127.0.0.1"  # the server on this machine only


def _port(argv: list[str]) -> int:
    for i, arg in enumerate(argv):
        if arg.startswith("--server.port="):
            return int(arg.split("=", 1)[1])
        if arg == "--server.port" and i + 1 < len(argv):
            return int(argv[i + 1])
    return 8501


def wait_until_healthy(port: int, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


async def open_one_session(port: int, timeout: float = 300) -> bool:
    """One run of the app's default page; True when the run finished."""
    address = f"ws://{HOST}:{port}/_stcore/stream"
    async with connect(address, origin=f"http://{HOST}:{port}", subprotocols=["streamlit"], max_size=256 * 2**20, proxy=None) as ws:
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
    port = _port(argv)
    if not wait_until_healthy(port):
        print(f"warm-up: the dashboard did not answer on port {port}", file=sys.stderr)
        return 1
    try:
        done = asyncio.run(open_one_session(port))
    except (OSError, TimeoutError, ConnectionClosed) as exc:
        print(f"warm-up: {exc}", file=sys.stderr)
        return 1
    print("warm-up: pages known; shared links open cleanly" if done else "warm-up: the first run did not finish", file=sys.stderr)
    return 0 if done else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
