"""Process-wide tuning for a long-running server: garbage collection without a full pass per run.

Streamlit's ``runner.postScriptGC`` runs ``gc.collect(2)`` after every script run: with pandas,
Plotly and Streamlit loaded that walks a few million objects, about half of the server's CPU per
interaction (docs/reliability.md). It is off in ``.streamlit/config.toml``; instead, everything
alive once the first page has been served (imported modules, the catalogue, the connection) is
moved out of the collector's sight with ``gc.freeze()``, and the thresholds are raised so the
young generations are collected less often. Cycles are still collected, so memory stays bounded
(measured under load in docs/reliability.md); reference counting frees everything else at once.
"""

from __future__ import annotations

import gc
import threading

# Young objects are collected after 2,000 net allocations instead of 700; the older generations as
# CPython does (10 collections of the one below, and a full one only once the long-lived objects grew
# by a quarter, which the frozen start-up objects no longer count towards). Measured under load
# (docs/reliability.md): (50000, 20, 20) left pandas frames caught in reference cycles alive for
# long, memory climbing to 1.5 GB; (2000, 10, 10) kept it flat at about 1 GB with the same throughput.
GC_THRESHOLDS = (2_000, 10, 10)
_done = threading.Event()
_lock = threading.Lock()


def tune_gc_once() -> bool:
    """Freeze what start-up allocated and raise the thresholds; only the first call does anything.

    Returns whether this call did it. Called at the top of every run; after the first it costs one
    ``Event.is_set``."""
    if _done.is_set():
        return False
    with _lock:
        if _done.is_set():
            return False
        gc.collect()  # once: what start-up left as garbage is not frozen with the rest
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLDS)
        _done.set()
    return True
