#!/usr/bin/env bash
# `make run`: the demo as it runs in production: debug off, static files collected and served by
# WhiteNoise, gunicorn in front, and the background worker (imports, long reports) beside it, both in
# the foreground of this terminal. Ctrl+C (or the end of either) stops both.
#
# The secret key is generated once into .secret_key (ignored by git, readable by its owner only) unless
# SECRET_KEY is set. Cookies are not marked secure because the demo is served over plain http on this
# machine (SECURE_COOKIES=0); LEERROUTE_DEMO=1 lets load_demo fill the database with debug off.
set -euo pipefail
PY=${PY:-.venv/bin/python}
ADDRESS=${1:-127.0.0.1:8000}
KEY_FILE=.secret_key

if [ -z "${SECRET_KEY:-}" ]; then
  if [ ! -s "$KEY_FILE" ]; then
    (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' > "$KEY_FILE")
  fi
  SECRET_KEY=$(cat "$KEY_FILE")
  export SECRET_KEY
fi
export LEERROUTE_DEMO=1 SECURE_COOKIES=${SECURE_COOKIES:-0}

"$PY" manage.py migrate --noinput
"$PY" manage.py collectstatic --noinput --verbosity 0
"$PY" manage.py load_demo
"$PY" manage.py compute_signals   # the continuity signals (daily in production; see README)
echo ""
echo "Leerroute draait op http://$ADDRESS/ met de verwerker voor imports ernaast  (stoppen: Ctrl+C)"

"$PY" manage.py db_worker --queue-name default &
worker=$!
stop() { kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null; }
trap stop EXIT
trap 'exit 130' INT TERM
"$PY" -m gunicorn leerroute.wsgi:application --bind "$ADDRESS" --workers 2 --threads 4 --timeout 120
