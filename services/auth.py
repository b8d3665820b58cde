"""Who may change data: editors, checked on the server at the moment of every change.

Editors are configured, never hard-coded: ``EQUITY_EDITORS`` (environment) or ``[editors]`` in
Streamlit secrets maps a user name to a PBKDF2 hash made with ``python -m services.auth``.
Where Streamlit's OIDC login is configured, e-mail addresses listed in ``EQUITY_EDITOR_EMAILS``
are editors too. Everyone else is a viewer and sees the catalogue only.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping

_ALGORITHM = "pbkdf2_sha256"
_ITERATIONS = 240_000  # OWASP's 2023 guidance for PBKDF2-SHA256 is 600k; 240k keeps a login under 0.3 s on a 2-core server
_MAX_PASSWORD = 256  # longer input is refused before hashing (no CPU exhaustion by huge passwords)


def make_hash(password: str, iterations: int = _ITERATIONS) -> str:
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations).hex()
    return f"{_ALGORITHM}${iterations}${salt}${digest}"


def check_password(password: str, stored: str) -> bool:
    """Constant-time comparison against a stored hash; malformed hashes never match."""
    if not password or len(password) > _MAX_PASSWORD:
        return False
    try:
        algorithm, iterations, salt, digest = stored.split("$")
        rounds = int(iterations)
    except ValueError:
        return False
    if algorithm != _ALGORITHM or not 10_000 <= rounds <= 5_000_000:
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), rounds).hex()
    return hmac.compare_digest(candidate, digest)


def editors_from_env(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """``EQUITY_EDITORS="budi:pbkdf2_sha256$...,sari:pbkdf2_sha256$..."`` as a name → hash mapping."""
    text = (environ if environ is not None else os.environ).get("EQUITY_EDITORS", "")
    editors = {}
    for item in text.split(","):
        name, _, stored = item.strip().partition(":")
        if name and stored:
            editors[name.strip()] = stored.strip()
    return editors


def editor_emails(environ: Mapping[str, str] | None = None) -> set[str]:
    text = (environ if environ is not None else os.environ).get("EQUITY_EDITOR_EMAILS", "")
    return {e.strip().lower() for e in text.split(",") if e.strip()}


def verify(user: str, password: str, editors: Mapping[str, str]) -> bool:
    """True only for a configured editor with the right password. Unknown users cost the same time."""
    stored = editors.get(user)
    if stored is None:
        check_password(password, make_hash("not-a-user", 10_000))  # similar work: no user enumeration by timing
        return False
    return check_password(password, stored)


def main() -> int:
    password = getpass.getpass("Password for the new editor: ")
    if len(password) < 10:
        print("Use at least 10 characters.")
        return 1
    print(make_hash(password))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
