#!/usr/bin/env bash
# Install (only when the requirements changed), build the data from ../shared/data (skipped when
# unchanged) and start the dashboard. It listens on 127.0.0.1 (.streamlit/config.toml) unless told
# otherwise, e.g. `bash scripts/run.sh --server.address 0.0.0.0` behind a proxy on another host.
source "$(dirname "$0")/_env.sh"
source "$ROOT/scripts/_chromium.sh"  # chart images are drawn in Chromium; without it they are not offered
.venv/bin/python -m data.build
.venv/bin/python -m streamlit run app.py "$@" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER"' INT TERM
# One session as soon as the server answers: Streamlit then knows the pages, and the first visitor's
# deep link (a presenter's /kesenjangan?... link) opens without a "Page not found" box.
.venv/bin/python scripts/warm_up.py "$@" || true
wait "$SERVER"
