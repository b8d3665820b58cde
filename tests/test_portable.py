"""The app and the build run on Windows too (presenters' laptops): no Unix-only module in their code."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNIX_ONLY = ("fcntl", "termios", "pwd", "grp", "resource")


def test_no_unix_only_import_in_the_app_or_the_build() -> None:
    code = [ROOT / "app.py", *(ROOT / "kalimantan_equity").rglob("*.py")]
    pattern = re.compile(rf"^\s*(?:import|from)\s+({'|'.join(UNIX_ONLY)})\b", re.MULTILINE)
    found = [f"{p.relative_to(ROOT)}: {m.group(1)}" for p in code for m in pattern.finditer(p.read_text())]
    assert found == []
