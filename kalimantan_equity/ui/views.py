"""Figures built once per view and shared by every session that shows the same view.

When a meeting opens one link, thirty sessions ask for the same map: the same values, classes,
language and layout. :func:`figure` keys a figure by everything it is built from (Streamlit hashes
the arguments; data frames by their whole content, :func:`content_key`, so an upload or rebuild that
changes a value is a new view) and keeps the finished figure as a plain dict, in a bounded cache
shared by all sessions.
A session then pays only for Streamlit serialising the dict, not for pandas grouping, number
formatting and Plotly's figure construction.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st


class Prebuilt(go.Figure):
    """A finished figure given to ``st.plotly_chart`` (and to Kaleido exports) as its dict.

    Only ``to_dict``/``to_plotly_json`` are meant to be used: ``st.plotly_chart`` and
    ``services.chart_image`` read the figure through ``to_dict``. The dict is shared between
    sessions and must not be changed (both only read it; the image export deep-copies it first).
    """

    def __new__(cls, spec: dict) -> Prebuilt:  # noqa: D102 - no go.Figure construction: that is the cost saved
        obj = object.__new__(cls)
        obj.__dict__["_spec"] = spec
        return obj

    def __init__(self, spec: dict) -> None:  # go.Figure.__init__ is skipped on purpose
        pass

    def to_dict(self) -> dict:
        return self.__dict__["_spec"]

    def to_plotly_json(self) -> dict:
        return self.__dict__["_spec"]

    def __repr__(self) -> str:
        return f"Prebuilt({len(self.__dict__['_spec'].get('data', []))} traces)"


def content_key(data: pd.DataFrame | pd.Series) -> bytes:
    """A digest of a frame's (or series') whole content: column names, types, index and every value.

    Exact at any length (Streamlit's own frame hash keys a frame of 50,000 rows or more by a sample of
    its rows) and about six times cheaper for the small frames a page passes (0.35 ms against 2-3 ms
    for a regency frame with text columns, which pandas hashes value by value): four such frames
    were ~10 % of the server's CPU for a page someone had already opened (py-spy). Numbers go in as
    their bytes; text and other objects as a pickled list, which only equal lists share."""
    frame = data.to_frame() if isinstance(data, pd.Series) else data
    digest = hashlib.blake2b(digest_size=16)
    digest.update(pickle.dumps(([str(c) for c in frame.columns], [str(t) for t in frame.dtypes], frame.index.tolist()), protocol=5))
    for column in frame.columns:
        values = frame[column].to_numpy()
        if values.dtype.kind in "biufcmM":
            digest.update(np.ascontiguousarray(values).tobytes())
        else:
            digest.update(pickle.dumps(values.tolist(), protocol=5))
    return digest.digest()


# Up to 64 views per process for an hour: more than a meeting opens at once. A village map held as
# a dict is 1-2 MB of Python objects (its 7,229 codes), and every clicked village is a view of its
# own (the highlight), so a larger cache showed as memory growth under the load test.
@st.cache_resource(show_spinner=False, max_entries=64, ttl=3600, hash_funcs={pd.DataFrame: content_key, pd.Series: content_key})
def _spec(name: str, args: tuple, kwargs: dict[str, Any], _build: Callable[..., go.Figure]) -> dict:
    return _build(*args, **kwargs).to_dict()  # keyed by the builder's name (functions cannot be hashed) and arguments


def figure(build: Callable[..., go.Figure], *args: Any, **kwargs: Any) -> go.Figure:
    """``build(*args, **kwargs)``, built once per distinct arguments and shared (see the module)."""
    return Prebuilt(_spec(f"{build.__module__}.{build.__qualname__}", args, kwargs, build))
