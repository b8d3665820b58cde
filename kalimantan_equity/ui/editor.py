"""The editor role on the server side: who is signed in, and a guard for every data change.

Upload and rollback code calls :func:`require_editor` at the moment it acts, so a viewer cannot
reach those paths by crafting widget values or link parameters; hiding buttons is only courtesy.
The signed-in name lives under a session key that no widget uses.
"""

from __future__ import annotations

import secrets

import streamlit as st

from kalimantan_equity.services import auth
from kalimantan_equity.services.settings import settings

_SESSION_KEY = "_editor_user"  # never a widget key: a browser cannot set it


class NotAnEditor(PermissionError):
    """A data change was attempted without an editor signed in."""


def _editors() -> dict[str, str]:
    editors = auth.editors_from_env()
    try:
        configured = st.secrets.get("editors", {})
    except (FileNotFoundError, KeyError, AttributeError):  # no secrets file: environment only
        configured = {}
    return {**editors, **{str(k): str(v) for k, v in dict(configured).items()}}


def _oidc_email() -> str | None:
    try:
        user = st.user
        if getattr(user, "is_logged_in", False):
            return str(user.get("email", "")).lower() or None
    except Exception:  # OIDC not configured: st.user has nothing to say
        return None
    return None


def current_editor() -> str | None:
    """The signed-in editor's name, re-checked against today's configuration on every call."""
    name = st.session_state.get(_SESSION_KEY)
    if isinstance(name, str) and name in _editors():
        return name
    email = _oidc_email()
    if email and email in auth.editor_emails():
        return email
    return None


def require_editor() -> str:
    name = current_editor()
    if name is None:
        raise NotAnEditor("an editor must be signed in to change data")
    return name


def _session_token() -> str:
    """A random id for this browser session (never a widget key), to count its failed sign-ins."""
    token = st.session_state.get("_sign_in_session")
    if not isinstance(token, str):
        token = st.session_state["_sign_in_session"] = secrets.token_hex(12)
    return token


def _address() -> str | None:
    """The client's address, to throttle failed sign-ins per address. Behind a reverse proxy every
    request comes from the proxy, so with ``EQUITY_TRUSTED_PROXY=1`` the proxy's ``X-Real-IP``
    header is used instead (never trusted otherwise: a client could write it). See docs/uploads.md."""
    try:
        if settings().trusted_proxy:
            real = st.context.headers.get("X-Real-IP")
            if real:
                return real.strip()[:64]
        return st.context.ip_address  # None on localhost and in tests
    except Exception:  # no request context: the session alone is throttled
        return None


def sign_in(user: str, password: str) -> tuple[bool, float]:
    """(signed in, seconds to wait before the next attempt is heard)."""
    ok, wait = auth.sign_in(user.strip(), password, _editors(), _session_token(), _address())
    if ok:
        st.session_state[_SESSION_KEY] = user.strip()
    return ok, wait


def oidc_configured() -> bool:
    """Streamlit's own OIDC login is set up (an ``[auth]`` section in secrets) and editors are named by e-mail."""
    try:
        return bool(auth.editor_emails()) and "auth" in st.secrets
    except Exception:  # no secrets file at all (Streamlit raises its own error type for that)
        return False


def sign_out() -> None:
    st.session_state.pop(_SESSION_KEY, None)
    if _oidc_email() is not None:
        st.logout()


def editors_configured() -> bool:
    return bool(_editors()) or bool(auth.editor_emails())
