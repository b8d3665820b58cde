"""Who may change data: editors, checked on the server at the moment of every change.

Editors are configured, never hard-coded: ``EQUITY_EDITORS`` (environment) or ``[editors]`` in
Streamlit secrets maps a user name to a password hash made with ``python -m kalimantan_equity.services.auth``
(scrypt: memory-hard, so a stolen hash is costly to guess on GPUs; PBKDF2 hashes made before are
still accepted). Where Streamlit's OIDC login is configured (``[auth]`` in secrets), e-mail
addresses listed in ``EQUITY_EDITOR_EMAILS`` are editors too. Everyone else is a viewer.

A sign-in costs the same for a name that does not exist as for one that does (the same hash work
with the same parameters), so names cannot be found by timing; repeated failures are slowed down
per session and per address (:class:`Throttle`) and every failure is logged.
"""

from __future__ import annotations

import functools
import getpass
import hashlib
import hmac
import logging
import secrets
import threading
import time
from collections.abc import Iterable, Mapping

from kalimantan_equity.services.settings import settings

_SCRYPT = "scrypt"
_SCRYPT_N = 2**14  # 16 MiB and ~0.1 s per sign-in on a 2-core server: OWASP's minimum for scrypt (N=2^17 is its first choice)
_SCRYPT_R, _SCRYPT_P = 8, 1
_SCRYPT_N_RANGE = (2**10, 2**20)  # what a configured hash may ask for: no hash may cost a gigabyte per attempt
_PBKDF2 = "pbkdf2_sha256"  # hashes made before scrypt: still accepted
_MAX_PASSWORD = 256  # longer input is refused before hashing (no CPU exhaustion by huge passwords)
_LOG = logging.getLogger(__name__)


def make_hash(password: str, iterations: int | None = None, *, n: int = _SCRYPT_N) -> str:
    """A scrypt hash (``scrypt$n$r$p$salt$digest``); ``iterations`` makes the older PBKDF2 kind."""
    salt = secrets.token_hex(16)
    if iterations is not None:
        digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations).hex()
        return f"{_PBKDF2}${iterations}${salt}${digest}"
    digest = _scrypt(password, salt, n, _SCRYPT_R, _SCRYPT_P)
    return f"{_SCRYPT}${n}${_SCRYPT_R}${_SCRYPT_P}${salt}${digest}"


def _scrypt(password: str, salt: str, n: int, r: int, p: int) -> str:
    return hashlib.scrypt(password.encode(), salt=salt.encode(), n=n, r=r, p=p, maxmem=256 * n * r + 2**20, dklen=32).hex()


def check_password(password: str, stored: str) -> bool:
    """Constant-time comparison against a stored hash; malformed hashes never match."""
    if not password or len(password) > _MAX_PASSWORD:
        return False
    parts = stored.split("$")
    try:
        if parts[0] == _SCRYPT and len(parts) == 6:
            n, r, p = (int(x) for x in parts[1:4])
            if not (_SCRYPT_N_RANGE[0] <= n <= _SCRYPT_N_RANGE[1] and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4):
                return False
            candidate = _scrypt(password, parts[4], n, r, p)
        elif parts[0] == _PBKDF2 and len(parts) == 4:
            rounds = int(parts[1])
            if not 10_000 <= rounds <= 5_000_000:
                return False
            candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), parts[2].encode(), rounds).hex()
        else:
            return False
    except ValueError:
        return False
    return hmac.compare_digest(candidate, parts[-1])


@functools.lru_cache(maxsize=16)
def _decoy(kind: str) -> str:
    """A hash of a random password with the given parameters (``kind`` is a real hash without its
    salt and digest): an unknown name is checked against it, so it costs exactly what a known one does."""
    parts = kind.split("$")
    if parts[0] == _PBKDF2:
        return make_hash(secrets.token_hex(16), iterations=int(parts[1]))
    if parts[0] == _SCRYPT:
        return make_hash(secrets.token_hex(16), n=int(parts[1]))
    return make_hash(secrets.token_hex(16))


def _kind(stored: str) -> str:
    parts = stored.split("$")
    return "$".join(parts[:2]) if parts[0] in {_SCRYPT, _PBKDF2} and len(parts) >= 4 else _SCRYPT


def editors_from_env(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """``EQUITY_EDITORS="budi:scrypt$...,sari:scrypt$..."`` as a name → hash mapping."""
    return settings(environ).editors


def editor_emails(environ: Mapping[str, str] | None = None) -> set[str]:
    return set(settings(environ).editor_emails)


def verify(user: str, password: str, editors: Mapping[str, str]) -> bool:
    """True only for a configured editor with the right password. An unknown name is checked
    against a decoy hash of the same kind and cost as a configured one: the same work, the same time."""
    stored = editors.get(user)
    if stored is None:
        sample = next(iter(editors.values()), "")
        check_password(password or "-", _decoy(_kind(sample)))
        return False
    if not password or len(password) > _MAX_PASSWORD:
        check_password("-", _decoy(_kind(stored)))  # refused, but after the same work
        return False
    return check_password(password, stored)


class Throttle:
    """Repeated failed sign-ins slow down, per key (a session, an address), in this process.

    ``free`` failures within ``window`` seconds cost nothing; after that each attempt waits twice
    as long as the one before (2 s, 4 s, 8 s … at most ``longest``). A success clears the key.
    """

    def __init__(self, free: int = 3, window: float = 900.0, longest: float = 300.0) -> None:
        self.free, self.window, self.longest = free, window, longest
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def wait(self, keys: Iterable[str], now: float | None = None) -> float:
        """Seconds to wait before the next attempt from any of ``keys`` is heard (0: go ahead)."""
        now = time.monotonic() if now is None else now
        longest = 0.0
        with self._lock:
            for key in keys:
                recent = [t for t in self._failures.get(key, []) if now - t < self.window]
                self._failures[key] = recent
                if len(recent) >= self.free:
                    delay = min(2.0 ** (len(recent) - self.free + 1), self.longest)
                    longest = max(longest, recent[-1] + delay - now)
        return max(longest, 0.0)

    def failed(self, keys: Iterable[str], now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            for key in keys:
                self._failures.setdefault(key, []).append(now)
                del self._failures[key][: -4 * self.free - 20]  # bounded memory per key

    def succeeded(self, keys: Iterable[str]) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


THROTTLE = Throttle()


def sign_in(user: str, password: str, editors: Mapping[str, str], session: str, address: str | None) -> tuple[bool, float]:
    """One sign-in attempt: (signed in, seconds to wait). While a key must wait, the password is not
    even checked; every failure is logged with the name tried and where it came from."""
    keys = [f"session:{session}"] + ([f"address:{address}"] if address else [])
    wait = THROTTLE.wait(keys)
    if wait > 0:
        _LOG.warning("sign-in refused while throttled: user=%r address=%s wait=%.0fs", user[:64], address or "?", wait)
        return False, wait
    if verify(user, password, editors):
        THROTTLE.succeeded(keys)
        return True, 0.0
    THROTTLE.failed(keys)
    _LOG.warning("sign-in failed: user=%r address=%s", user[:64], address or "?")
    return False, THROTTLE.wait(keys)


def main() -> int:
    password = getpass.getpass("Password for the new editor: ")
    if len(password) < 10:
        print("Use at least 10 characters.")
        return 1
    print(make_hash(password))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
