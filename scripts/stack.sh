#!/usr/bin/env bash
# One-box production stack (make stack / make stack-stop): 2 gunicorn nodes, 2 Celery workers and
# beat with the production settings against the local PostgreSQL and Redis. Plain HTTP on
# 127.0.0.1 only (LOKAAL_ZONDER_HTTPS); everything it writes stays in .stack/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=${BIN:-$ROOT/.venv/bin}
STACK=$ROOT/.stack
POORTEN=${STACK_POORTEN:-8720 8721}
WERKERS=${STACK_WERKERS:-2}

omgeving() {
    mkdir -p "$STACK"/{log,run,mail,static,private_media,media,metrics}
    [[ -f $STACK/secret ]] || "$BIN/python" -c "import secrets; print(secrets.token_urlsafe(50))" >"$STACK/secret"
    [[ -f $STACK/metrics-token ]] || "$BIN/python" -c "import secrets; print(secrets.token_hex(32))" >"$STACK/metrics-token"
    cat >"$STACK/env" <<ENV
export DJANGO_SETTINGS_MODULE=${STACK_INSTELLINGEN:-verzuimportaal.conf.production}
export SECRET_KEY=$(cat "$STACK/secret")
export METRICS_TOKEN=$(cat "$STACK/metrics-token")
export DATABASE_URL=${STACK_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/vp_stack}
export CACHE_URL=${STACK_CACHE_URL:-redis://127.0.0.1:6379/9}
export CELERY_BROKER_URL=${STACK_BROKER_URL:-redis://127.0.0.1:6379/8}
export CELERY_RESULT_BACKEND=${STACK_BROKER_URL:-redis://127.0.0.1:6379/8}
export CELERY_QUEUE=${STACK_QUEUE:-verzuimportaal-stack}
export ALLOWED_HOSTS=127.0.0.1,localhost
export LOKAAL_ZONDER_HTTPS=true
export EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend
export EMAIL_FILE_PATH=$STACK/mail
export STATIC_ROOT=$STACK/static
export MEDIA_ROOT=$STACK/media
export PRIVATE_MEDIA_ROOT=$STACK/private_media
export PORTAAL_URL=http://127.0.0.1:${POORTEN%% *}
export EHERKENNING_DIENSTVERLENER_OIN=00000009876543210000
export WEB_CONCURRENCY=${STACK_WEB_CONCURRENCY:-2}
export STACK_POORTEN="$POORTEN"
ENV
    # shellcheck disable=SC1091
    source "$STACK/env"
}

levend() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
    omgeving
    "$BIN/python" - <<'PY'
import os, psycopg
url = os.environ["DATABASE_URL"]
basis, naam = url.rsplit("/", 1)
with psycopg.connect(basis + "/postgres", autocommit=True, connect_timeout=5) as c:
    if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam]).fetchone():
        c.execute(f'CREATE DATABASE "{naam}"')
PY
    "$BIN/python" manage.py migrate --noinput -v0
    "$BIN/python" manage.py collectstatic --noinput -v0
    "$BIN/python" manage.py check --deploy --fail-level ERROR
    for poort in $POORTEN; do
        if levend "$STACK/run/web-$poort.pid"; then echo "web $poort draait al"; continue; fi
        GUNICORN_BIND=127.0.0.1:$poort GUNICORN_PIDFILE=$STACK/run/web-$poort.pid \
            PROMETHEUS_MULTIPROC_DIR=$STACK/metrics/$poort \
            "$BIN/gunicorn" verzuimportaal.wsgi -c gunicorn.conf.py --daemon \
            --access-logfile "$STACK/log/web-$poort.log" --error-logfile "$STACK/log/web-$poort.log"
    done
    for i in $(seq 1 "$WERKERS"); do
        if levend "$STACK/run/worker-$i.pid"; then echo "worker $i draait al"; continue; fi
        nohup "$BIN/celery" -A verzuimportaal worker --concurrency 2 --queues "$CELERY_QUEUE" \
            --hostname "worker$i@%h" --loglevel INFO >>"$STACK/log/worker-$i.log" 2>&1 &
        echo $! >"$STACK/run/worker-$i.pid"
    done
    if ! levend "$STACK/run/beat.pid"; then
        nohup "$BIN/celery" -A verzuimportaal beat --schedule "$STACK/run/celerybeat-schedule" \
            --loglevel INFO >>"$STACK/log/beat.log" 2>&1 &
        echo $! >"$STACK/run/beat.pid"
    fi
    for poort in $POORTEN; do
        for _ in $(seq 1 60); do
            if curl -fsS "http://127.0.0.1:$poort/health/ready" >/dev/null 2>&1; then break; fi
            sleep 0.5
        done
        curl -fsS "http://127.0.0.1:$poort/health/ready" >/dev/null \
            || { echo "FOUT: node $poort is niet gereed; zie $STACK/log/web-$poort.log"; exit 1; }
        echo "node http://127.0.0.1:$poort gereed"
    done
    echo "Stack draait: web ${POORTEN// /, }; 2 Celery-workers; beat. Logs in .stack/log, stoppen: make stack-stop"
}

stop() {
    for pidfile in "$STACK"/run/*.pid; do
        [[ -f $pidfile ]] || continue
        pid=$(cat "$pidfile")
        if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; fi
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
        rm -f "$pidfile"
    done
    echo "Stack gestopt."
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    env) omgeving; cat "$STACK/env" ;;
    *) echo "gebruik: $0 start|stop|env"; exit 2 ;;
esac
