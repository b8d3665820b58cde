"""Console scripts (``pyproject.toml`` ``[project.scripts]``): build the data, serve, check, make a password hash.

``equity-serve`` and ``equity-check`` run from a source checkout (the project folder holds ``app.py``,
``tests/`` and the generated ``data/warehouse`` and ``static/geo``); the build and the password hash
work wherever the package is installed.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def _project_file(name: str) -> Path:
    path = PROJECT / name
    if not path.exists():
        raise SystemExit(f"{name} is not beside the installed package: run this command from a source checkout.")
    return path


def build() -> int:
    """``equity-build``: build the warehouse and the geometry from the shared data (skipped when unchanged)."""
    from kalimantan_equity.data.build import main

    return main(sys.argv[1:])


def password() -> int:
    """``equity-password``: print a scrypt hash for an editor's password (read without echo)."""
    from kalimantan_equity.services.auth import main

    return main()


def serve() -> int:
    """``equity-serve [streamlit options]``: build when needed, start the dashboard, open one warm-up session.

    The warm-up session lets Streamlit learn the pages before the first visitor's deep link arrives.
    """
    app = _project_file("app.py")
    from kalimantan_equity.data.build import main as build_main

    status = build_main([])
    if status:
        return status
    args = sys.argv[1:]
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(app), *args], cwd=PROJECT)

    def _stop(signum: int, _frame: object) -> None:
        server.send_signal(signum)

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    from kalimantan_equity import warm_up

    warm_up.main(args)  # one that cannot connect says so and leaves the server running
    return server.wait()


def check() -> int:
    """``equity-check [pytest options]``: lint, format check, types, data build and every test, in that order."""
    _project_file("tests")
    steps = [
        [sys.executable, "-m", "ruff", "check", "."],
        [sys.executable, "-m", "ruff", "format", "--check", "."],
        [sys.executable, "-m", "mypy"],
        [sys.executable, "-m", "kalimantan_equity.data.build"],
        [sys.executable, "-m", "pytest", *sys.argv[1:]],
    ]
    for step in steps:
        status = subprocess.run(step, cwd=PROJECT).returncode
        if status:
            return status
    return 0
