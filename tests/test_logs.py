"""The server log: configured once, its level from EQUITY_LOG_LEVEL, libraries kept at WARNING."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = """
import logging
from kalimantan_equity.services import logs
first, again = logs.configure_once(), logs.configure_once()
print(first, again, len(logging.getLogger().handlers))
logging.getLogger("kalimantan_equity.services.uploads").debug("app detail")
logging.getLogger("kalimantan_equity.services.uploads").info("app info")
logging.getLogger("urllib3.connectionpool").info("library chatter")
logging.getLogger("urllib3.connectionpool").warning("library warning")
"""


def _run(level: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EQUITY_")} | {"PYTHONPATH": str(ROOT)}
    if level is not None:
        env["EQUITY_LOG_LEVEL"] = level
    return subprocess.run([sys.executable, "-c", _SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_default_level_logs_the_app_at_info_and_only_once() -> None:
    done = _run(None)
    assert done.stdout.split() == ["True", "False", "1"]  # one handler, however often a page run calls it
    assert "INFO kalimantan_equity.services.uploads: app info" in done.stderr and "app detail" not in done.stderr
    assert "library chatter" not in done.stderr and "WARNING urllib3.connectionpool: library warning" in done.stderr


def test_debug_shows_the_apps_detail_but_not_library_chatter() -> None:
    done = _run("debug")
    assert "DEBUG kalimantan_equity.services.uploads: app detail" in done.stderr and "library chatter" not in done.stderr


def test_an_unknown_level_falls_back_to_info_and_says_so() -> None:
    done = _run("LOUD")
    assert done.returncode == 0
    assert "unknown EQUITY_LOG_LEVEL 'LOUD'" in done.stderr and "app info" in done.stderr
