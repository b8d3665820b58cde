#!/usr/bin/env bash
# Install everything the tests need (Python packages, Debian's chromium), lint, and run every test.
REQUIREMENTS=requirements-dev.txt source "$(dirname "$0")/_env.sh"
REQUIRE_CHROMIUM=1 source "$ROOT/scripts/_chromium.sh"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m data.build
.venv/bin/python -m pytest "$@"
