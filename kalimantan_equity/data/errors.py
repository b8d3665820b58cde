"""The one error type a data build raises: it names the file and says what is wrong with it."""

from __future__ import annotations

from pathlib import Path


class BuildError(Exception):
    """A source file is missing or malformed; the build stopped and kept the previous database."""

    def __init__(self, file: Path | str, problem: str) -> None:
        self.file = str(file)
        self.problem = problem
        super().__init__(f"{self.file}: {problem}")
