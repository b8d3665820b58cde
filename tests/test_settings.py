"""Settings: every environment variable read in one place, documented once, the README's table the same."""

import re
from pathlib import Path

from kalimantan_equity.services import settings as settings_module
from kalimantan_equity.services.settings import settings

ROOT = Path(__file__).resolve().parent.parent
APP_CODE = [ROOT / "app.py", *(ROOT / "kalimantan_equity").rglob("*.py")]


def test_only_the_settings_module_reads_the_environment() -> None:
    readers = sorted(p.relative_to(ROOT).as_posix() for p in APP_CODE if re.search(r"os\.environ|getenv", p.read_text()))
    # The warm-up finds the server as Streamlit does, from Streamlit's own STREAMLIT_SERVER_* variables.
    assert readers == ["kalimantan_equity/services/settings.py", "kalimantan_equity/warm_up.py"]
    warm_up = (ROOT / "kalimantan_equity" / "warm_up.py").read_text()
    assert set(re.findall(r"[A-Z]+_[A-Z_]+(?=\")", warm_up)) == {"STREAMLIT_SERVER_PORT", "STREAMLIT_SERVER_BASE_URL_PATH"}


def test_every_variable_is_documented_and_in_the_readme() -> None:
    documented = {v.name for v in settings_module.VARIABLES}
    read = set(re.findall(r'"(EQUITY_[A-Z_]+)"', (ROOT / "kalimantan_equity" / "services" / "settings.py").read_text()))
    assert read == documented
    assert settings_module.markdown_table() in (ROOT / "README.md").read_text()


def test_defaults_and_overrides(tmp_path) -> None:
    default = settings({})
    assert default.db_path == ROOT / "data" / "warehouse" / "kalimantan.duckdb"
    assert default.uploads_dsn == "" and default.build_on_request and not default.trusted_proxy
    assert default.log_level == "INFO" and default.editors == {}

    chosen = settings({"EQUITY_DB_PATH": str(tmp_path / "w.duckdb"), "EQUITY_LOG_LEVEL": "debug", "EQUITY_TRUSTED_PROXY": "1"})
    assert chosen.db_path == tmp_path / "w.duckdb" and chosen.log_level == "DEBUG" and chosen.trusted_proxy


def test_replicas_do_not_build_in_a_request_unless_told_to() -> None:
    assert not settings({"EQUITY_UPLOADS_DSN": "host=db"}).build_on_request
    assert settings({"EQUITY_UPLOADS_DSN": "host=db", "EQUITY_BUILD_ON_REQUEST": "1"}).build_on_request
    assert not settings({"EQUITY_BUILD_ON_REQUEST": "off"}).build_on_request


def test_editors_are_parsed_and_malformed_items_skipped() -> None:
    chosen = settings({"EQUITY_EDITORS": " budi:scrypt$x , broken, :nohash", "EQUITY_EDITOR_EMAILS": "A@x.id, ,b@y.id"})
    assert chosen.editors == {"budi": "scrypt$x"} and chosen.editor_emails == {"a@x.id", "b@y.id"}


def test_a_variable_set_while_running_is_seen_at_once(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("EQUITY_UPLOADS_DIR", str(tmp_path))
    assert settings().uploads_dir == tmp_path
