#!/usr/bin/env bash
# Install, build the data from ../shared/data (skipped when unchanged) and start the dashboard.
source "$(dirname "$0")/_env.sh"
.venv/bin/python -m data.build
exec .venv/bin/python -m streamlit run app.py "$@"
