#!/usr/bin/env bash
# Install, build the data from ../shared/data (skipped when unchanged) and start the dashboard.
source "$(dirname "$0")/_env.sh"
source "$(dirname "$0")/_chromium.sh"  # chart images are drawn in Chromium; without it they are not offered
.venv/bin/python -m data.build
exec .venv/bin/python -m streamlit run app.py "$@"
