# Shared by run.sh and test.sh: a project virtual environment with the pinned packages.
# Quiet start: nothing is fetched when the requirements are already installed. pip runs only when
# the requirements file (or the Python) changed since the last install, recorded in a stamp file
# holding their hash; pip itself is not upgraded (the pinned packages install with the venv's pip).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
REQUIREMENTS="${REQUIREMENTS:-requirements.txt}"
# The lock file and pyproject.toml (the package and its console scripts) count towards the hash.
WANTED="$(cat pyproject.toml "$REQUIREMENTS" | .venv/bin/python -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read() + sys.version.encode()).hexdigest())')"
STAMP=".venv/.installed-$(basename "$REQUIREMENTS").sha256"
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$WANTED" ]; then
  # Every package pinned with its hash (the lock file); then this project itself, editable, for the
  # console scripts (equity-build, equity-serve, equity-check, equity-password).
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$REQUIREMENTS"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$WANTED" > "$STAMP"
fi
