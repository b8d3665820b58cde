"""The server log, configured once per process: one format, the level from ``EQUITY_LOG_LEVEL``.

Every module logs to ``logging.getLogger(__name__)``; this is the one place that decides where
those records go. Details a user must never see (file paths, settings, stack traces) are written
here and nowhere else. Third-party libraries stay at ``WARNING`` whatever the level, so ``DEBUG``
shows this app's records, not every HTTP request a library makes. Streamlit keeps its own handler
on its ``streamlit`` logger (it does not propagate), so nothing is printed twice.
"""

from __future__ import annotations

import logging
import threading

from kalimantan_equity.services.settings import settings

# The app's own loggers: its packages, and "__main__", the name Streamlit gives app.py and each page.
APP_LOGGERS = ("__main__", "kalimantan_equity")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_done = threading.Event()
_lock = threading.Lock()


def configure_once() -> bool:
    """Attach one handler to the root logger and set the levels; only the first call does anything.

    Returns whether this call did it. An unknown ``EQUITY_LOG_LEVEL`` falls back to ``INFO`` (and says
    so in the log) rather than stopping the server."""
    if _done.is_set():
        return False
    with _lock:
        if _done.is_set():
            return False
        wanted = settings().log_level
        level = logging.getLevelNamesMapping().get(wanted)
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(FORMAT))
        root = logging.getLogger()
        root.addHandler(handler)
        root.setLevel(logging.WARNING)
        for name in APP_LOGGERS:
            logging.getLogger(name).setLevel(level if level is not None else logging.INFO)
        if level is None:
            logging.getLogger(__name__).warning("unknown EQUITY_LOG_LEVEL %r: logging at INFO", wanted)
        _done.set()
    return True
