#!/usr/bin/env bash
# `make run`: the background worker (imports, long reports) beside the development server, both in
# the foreground of this terminal. Ctrl+C (or the end of either) stops both.
set -u
PY=${PY:-.venv/bin/python}
ADDRESS=${1:-127.0.0.1:8000}

"$PY" manage.py db_worker --queue-name default &
worker=$!
stop() { kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null; }
trap stop EXIT
trap 'exit 130' INT TERM
"$PY" manage.py runserver "$ADDRESS"
