"""Editor passwords: hashed, checked in constant time, configured from the environment."""

import logging
import statistics
import time

from kalimantan_equity.services import auth


def test_hash_round_trip_and_wrong_password() -> None:
    stored = auth.make_hash("kalimantan-2026", iterations=20_000)
    assert auth.check_password("kalimantan-2026", stored)
    assert not auth.check_password("kalimantan-2025", stored)
    assert not auth.check_password("", stored)
    assert not auth.check_password("x" * 10_000, stored)


def test_malformed_hashes_never_match() -> None:
    for stored in ("", "plain", "md5$1$salt$abc", "pbkdf2_sha256$1$salt$abc", "pbkdf2_sha256$notanumber$s$d"):
        assert not auth.check_password("anything", stored)


def test_editors_from_environment() -> None:
    stored = auth.make_hash("rahasia-sekali", iterations=20_000)
    editors = auth.editors_from_env({"EQUITY_EDITORS": f" budi:{stored} , broken, :nohash"})
    assert list(editors) == ["budi"]
    assert auth.verify("budi", "rahasia-sekali", editors)
    assert not auth.verify("sari", "rahasia-sekali", editors)
    assert auth.editor_emails({"EQUITY_EDITOR_EMAILS": "A@x.id, b@y.id"}) == {"a@x.id", "b@y.id"}


def test_new_hashes_are_memory_hard_scrypt_and_old_pbkdf2_ones_still_work() -> None:
    stored = auth.make_hash("kalimantan-2026")
    assert stored.startswith("scrypt$16384$8$1$")
    assert auth.check_password("kalimantan-2026", stored) and not auth.check_password("kalimantan-2025", stored)
    for bad in ("scrypt$3$8$1$s$d", "scrypt$1048576000$8$1$s$d", "scrypt$16384$8$1$s", "scrypt$x$8$1$s$d"):
        assert not auth.check_password("anything", bad)  # malformed, or a cost no configured hash may ask for


def _median_ratios(calls: dict, base: str, trials: int = 15) -> dict[str, float]:
    """Median over trials of each call's time divided by ``base``'s time in the same trial. Time is
    this thread's CPU time (what the hash work costs, not how busy the machine is with other
    processes), and the calls of a trial run back to back with their order alternated."""
    ratios: dict[str, list[float]] = {name: [] for name in calls if name != base}
    for trial in range(trials):
        order = list(calls) if trial % 2 == 0 else list(reversed(calls))
        took = {}
        for name in order:
            start = time.thread_time()
            calls[name]()
            took[name] = time.thread_time() - start
        for name in ratios:
            ratios[name].append(took[name] / took[base])
    return {name: statistics.median(values) for name, values in ratios.items()}


def test_an_unknown_name_takes_as_long_as_a_known_one() -> None:
    """Names cannot be found by timing: an unknown name (or an empty password) costs within 20 % of
    a known name with a wrong password, as the median of repeated paired trials."""
    editors = {"budi": auth.make_hash("sandi-rahasia-2026"), "sari": auth.make_hash("lain-lagi-2026")}
    auth.verify("nobody", "x", editors)  # the decoy hash is made once; both paths are warm below
    ratio = _median_ratios(
        {
            "known": lambda: auth.verify("budi", "salah-sandi", editors),
            "unknown": lambda: auth.verify("tidak-ada", "salah-sandi", editors),
            "empty": lambda: auth.verify("budi", "", editors),
        },
        base="known",
    )
    assert 0.8 <= ratio["unknown"] <= 1.2 and 0.8 <= ratio["empty"] <= 1.2, ratio


def test_an_unknown_name_does_the_same_hash_work_as_a_known_one(monkeypatch) -> None:
    """The reason the times agree: the same scrypt call, with the same cost parameters."""
    editors = {"budi": auth.make_hash("sandi-rahasia-2026", n=2**12)}
    calls = []
    real = auth.hashlib.scrypt

    def counted(password, **kwargs):
        calls.append((kwargs["n"], kwargs["r"], kwargs["p"], kwargs["dklen"]))
        return real(password, **kwargs)

    auth.verify("nobody", "x", editors)  # the decoy for this kind of hash is made once, beforehand
    monkeypatch.setattr(auth.hashlib, "scrypt", counted)
    for user, password in (("budi", "salah"), ("tidak-ada", "salah"), ("budi", ""), ("tidak-ada", "")):
        calls.clear()
        assert not auth.verify(user, password, editors)
        assert calls == [(2**12, 8, 1, 32)], (user, password)


def test_repeated_failures_are_slowed_per_session_and_per_address(monkeypatch, caplog) -> None:
    throttle = auth.Throttle(free=3, window=900, longest=300)
    monkeypatch.setattr(auth, "THROTTLE", throttle)
    clock = [1000.0]
    monkeypatch.setattr(auth.time, "monotonic", lambda: clock[0])
    editors = {"budi": auth.make_hash("sandi-rahasia-2026", n=2**10)}
    caplog.set_level(logging.WARNING, logger="kalimantan_equity.services.auth")
    waits = [auth.sign_in("budi", f"salah-{i}", editors, "s1", "10.0.0.5")[1] for i in range(3)]
    assert waits[:2] == [0.0, 0.0] and waits[2] == 2.0  # three free tries, then a wait that doubles
    # the right password is not even checked while the session must wait
    assert auth.sign_in("budi", "sandi-rahasia-2026", editors, "s1", "10.0.0.5") == (False, 2.0)
    # a new session from the same address waits as well: the address is throttled too
    assert auth.sign_in("budi", "sandi-rahasia-2026", editors, "s2", "10.0.0.5") == (False, 2.0)
    clock[0] += 2.5
    assert auth.sign_in("budi", "salah-4", editors, "s1", "10.0.0.5") == (False, 4.0)
    clock[0] += 4.5
    assert auth.sign_in("budi", "sandi-rahasia-2026", editors, "s3", "10.0.0.9") == (True, 0.0)  # elsewhere: unaffected
    assert auth.sign_in("budi", "sandi-rahasia-2026", editors, "s1", "10.0.0.5") == (True, 0.0)  # the wait is over
    assert auth.sign_in("budi", "salah-5", editors, "s1", "10.0.0.5") == (False, 0.0)  # and a success cleared the count
    failures = [r.getMessage() for r in caplog.records if "sign-in" in r.getMessage()]
    assert len(failures) == 7 and all("'budi'" in m and "10.0.0.5" in m for m in failures)  # every failure is logged
