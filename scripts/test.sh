#!/usr/bin/env bash
# Install everything the tests need (Python packages, Debian's chromium and LibreOffice), lint, and run every test.
REQUIREMENTS=requirements-dev.txt source "$(dirname "$0")/_env.sh"
REQUIRE_CHROMIUM=1 source "$ROOT/scripts/_chromium.sh"
REQUIRE_NGINX=1 source "$ROOT/scripts/_nginx.sh"  # the proxy tests run deploy/'s nginx configuration
source "$ROOT/scripts/_postgres.sh"  # the shared upload store's tests need the real server
REQUIRE_LIBREOFFICE=1 source "$ROOT/scripts/_libreoffice.sh"
# Lint, format check, types, the data build and every test (kalimantan_equity/cli.py: equity-check).
exec .venv/bin/equity-check "$@"
