"""gunicorn for the portal (``gunicorn verzuimportaal.wsgi -c gunicorn.conf.py``).

Everything site-specific from the environment: GUNICORN_BIND (or PORT), WEB_CONCURRENCY
(worker processes, default 2 per core + 1), GUNICORN_THREADS, GUNICORN_TIMEOUT. On SIGTERM a
worker finishes its current request within ``graceful_timeout`` before it stops (rolling deploys,
docs/deploy.md).
"""

import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# A worker is replaced after this many requests (a slow leak cannot grow forever); jitter keeps
# the workers of a node from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Request line and header limits below the defaults: the portal has no long URLs.
limit_request_line = 4094
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# stdout/stderr of the workers (Django's own log lines) go to the error log too.
capture_output = True
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logger_class = "verzuimportaal.runtime.gunicorn_logboek.JsonLogger"
pidfile = os.environ.get("GUNICORN_PIDFILE") or None
proc_name = f"verzuimportaal-{bind.rsplit(':', 1)[-1]}"

# Prometheus: every worker writes its metrics to files in this directory; /metrics adds them up.
_metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR") or os.path.join(
    tempfile.gettempdir(), f"verzuimportaal-metrics-{bind.rsplit(':', 1)[-1]}"
)
os.environ["PROMETHEUS_MULTIPROC_DIR"] = _metrics_dir


def on_starting(server: Any) -> None:
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    Path(_metrics_dir).mkdir(parents=True)


def child_exit(server: Any, worker: Any) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]
