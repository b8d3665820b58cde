"""Opening a link in a fresh AppTest session, as a browser opens a copied link.

AppTest starts every session on the default page (the map), which reads and rewrites its own
query parameters; a browser opening ``/kesenjangan?...`` never runs the map. So for another page
the session starts first, then only that page runs with the link's parameters. ``frame`` holds
what the frame reads when a session starts (``lang``, ``rapat``): set before the first run, and
kept in the link, as in the browser.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def open_link(page: str | None, params: dict[str, str], frame: dict[str, str] | None = None, timeout: float = 240) -> AppTest:
    """``page`` is a file in ``pages/`` (``None``: the map at ``/``)."""
    frame = frame or {}
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    for key, value in frame.items():
        at.query_params[key] = value
    if page is None:
        for key, value in params.items():
            at.query_params[key] = value
        return at.run()
    at.run()
    for key in list(at.query_params):
        if key not in frame:
            del at.query_params[key]
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page(str(ROOT / "kalimantan_equity" / "pages" / page)).run()
