#!/usr/bin/env bash
# Install everything the tests need (Python packages, Debian's chromium), lint, and run every test.
REQUIREMENTS=requirements-dev.txt source "$(dirname "$0")/_env.sh"
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m data.build
.venv/bin/python -m pytest "$@"
