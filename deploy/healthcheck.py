"""The image's HEALTHCHECK and Kubernetes' startup probe: ``python deploy/healthcheck.py [PORT]``.

Healthy means Streamlit answers ``/_stcore/health`` and, once per container, the app has run one
session (``kalimantan_equity/warm_up.py``), which pays the imports and first queries of a fresh
replica. The proxy sends visitors only to healthy replicas (compose ``depends_on``, the startup
probe), so the first visitor of every replica gets a warm server. A marker in the temporary folder keeps the
warm-up to once; later checks are the plain health request.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import urllib.request
from pathlib import Path

from kalimantan_equity import warm_up


def main(argv: list[str]) -> int:
    port = int(argv[0]) if argv else 8501
    address = f"127.0.0.1:{port}"
    try:
        with urllib.request.urlopen(f"http://{address}/_stcore/health", timeout=4) as response:
            if response.status != 200:
                return 1
    except OSError:
        return 1
    marker = Path(tempfile.gettempdir()) / f"equity-warmed-{port}"
    if marker.exists():
        return 0
    try:
        if not asyncio.run(warm_up.open_one_session(address, timeout=60)):
            return 1
    except (OSError, TimeoutError, warm_up.ConnectionClosed):
        return 1
    marker.touch()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
