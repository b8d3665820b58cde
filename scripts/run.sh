#!/usr/bin/env bash
# Install (only when the requirements changed), build the data from ../shared/data (skipped when
# unchanged) and start the dashboard. It listens on 127.0.0.1 (.streamlit/config.toml) unless told
# otherwise, e.g. `bash scripts/run.sh --server.address 0.0.0.0` behind a proxy on another host.
source "$(dirname "$0")/_env.sh"
source "$ROOT/scripts/_chromium.sh"  # chart images are drawn in Chromium; without it they are not offered
# Builds the data (skipped when unchanged), starts Streamlit on app.py and opens one warm-up session,
# so the first visitor of a presenter's link does not pay the imports and first queries
# (kalimantan_equity/cli.py).
exec .venv/bin/equity-serve "$@"
