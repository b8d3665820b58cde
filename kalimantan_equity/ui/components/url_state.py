"""Links that reopen a view: page state in plain query parameters, validated on the way in.

A page declares its parameters as :class:`Param` (widget key, link name, parser); nothing from a
URL is evaluated, only parsed against an allow-list or a pattern. Values are applied once per
session and page (so the user's later choices win), and whatever did not pass is reported back so
the page can say, in the user's language, that part of the link was ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import streamlit as st

_MAX_PARAM_LENGTH = 200  # longer values are ignored unread: no legitimate view needs more


@dataclass(frozen=True)
class Param:
    key: str  # session-state / widget key
    name: str  # query-parameter name in the link
    parse: Callable[[str], Any]  # returns the value, or None when the text is not acceptable

    def to_text(self, value: Any) -> str:
        if isinstance(value, list | tuple):
            return ",".join(str(v) for v in value)
        return str(value)


def one_of(allowed: Collection[str]) -> Callable[[str], str | None]:
    allowed = frozenset(allowed)
    return lambda text: text if text in allowed else None


def subset_of(allowed: Collection[str]) -> Callable[[str], list[str] | None]:
    order = list(allowed)

    def parse(text: str) -> list[str] | None:
        items = [item for item in text.split(",") if item]
        if not items or any(item not in order for item in items) or len(set(items)) != len(items):
            return None
        return items  # the link's order: for a presentation list it is the order of the slides

    return parse


def integer(low: int, high: int) -> Callable[[str], int | None]:
    def parse(text: str) -> int | None:
        if not re.fullmatch(r"\d{1,6}", text):
            return None
        value = int(text)
        return value if low <= value <= high else None

    return parse


def pattern(regex: str) -> Callable[[str], str | None]:
    compiled = re.compile(regex)
    return lambda text: text if compiled.fullmatch(text) else None


_FRAME_IGNORED = "_url_ignored_frame"


def note_ignored(name: str) -> None:
    """The frame (language, meeting mode) ignored a link parameter; the next page's notice names it."""
    st.session_state.setdefault(_FRAME_IGNORED, [])
    if name not in st.session_state[_FRAME_IGNORED]:
        st.session_state[_FRAME_IGNORED].append(name)


def apply_once(page: str, params: list[Param]) -> list[str]:
    """Seed widget state from the link the first time this page runs in the session.

    Returns the names of parameters that were present but not acceptable (ignored), the frame's
    (``lang``, ``rapat``) first.
    """
    flag = f"_url_applied_{page}"
    if st.session_state.get(flag):
        return []
    st.session_state[flag] = True
    ignored = st.session_state.pop(_FRAME_IGNORED, [])
    for param in params:
        raw = st.query_params.get(param.name)
        if raw is None:
            continue
        value = param.parse(raw) if len(raw) <= _MAX_PARAM_LENGTH else None
        if value is None:
            ignored.append(param.name)
        else:
            st.session_state[param.key] = value
    return ignored


def publish(params: list[Param], values: dict[str, Any]) -> None:
    """Write the current view into the link (values keyed by widget key); None removes a parameter."""
    for param in params:
        value = values.get(param.key)
        if value is None or value == [] or value == "":
            st.query_params.pop(param.name, None)
        else:
            text = param.to_text(value)
            if st.query_params.get(param.name) != text:
                st.query_params[param.name] = text


def current_link() -> str:
    """The address of this view, for the copy-link box."""
    url = str(getattr(st.context, "url", "") or "")
    base = url.split("?", 1)[0]
    query = urlencode(st.query_params.to_dict(), safe=",.")
    return f"{base}?{query}" if query else base
