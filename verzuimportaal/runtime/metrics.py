"""Prometheus metrics of the web nodes; ``/metrics`` only with the ``METRICS_TOKEN`` bearer.

Under gunicorn every worker is a process: with ``PROMETHEUS_MULTIPROC_DIR`` set (gunicorn.conf.py
does) the exposition adds up the files of all workers of the node.
"""

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client import REGISTRY as STANDAARD_REGISTER

VERZOEKEN = Counter(
    "verzuimportaal_http_verzoeken",
    "Afgehandelde HTTP-verzoeken per route, methode en statuscode.",
    ["route", "methode", "status"],
)
DUUR = Histogram(
    "verzuimportaal_http_verzoek_duur_seconden",
    "Duur van HTTP-verzoeken per route (seconden).",
    ["route"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
DATABASE_ONBEREIKBAAR = Counter(
    "verzuimportaal_database_onbereikbaar",
    "Verzoeken beantwoord met 503 omdat de database niet bereikbaar was.",
)


def exposition() -> tuple[bytes, str]:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        register = CollectorRegistry()
        multiprocess.MultiProcessCollector(register)
        return generate_latest(register), CONTENT_TYPE_LATEST
    return generate_latest(STANDAARD_REGISTER), CONTENT_TYPE_LATEST
