#!/usr/bin/env bash
# Remake the two lock files from pyproject.toml: every package pinned, with hashes. Run after changing a
# dependency there; both set-up commands install from these files (pip checks every hash).
set -euo pipefail
cd "$(dirname "$0")/.."
COMPILE=(.venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --resolver=backtracking)
"${COMPILE[@]}" --extra export --extra postgres -o requirements.txt pyproject.toml
"${COMPILE[@]}" --extra export --extra postgres --extra dev -o requirements-dev.txt pyproject.toml
