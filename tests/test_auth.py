"""Editor passwords: hashed, checked in constant time, configured from the environment."""

from services import auth


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
