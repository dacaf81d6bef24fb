"""Readiness checks: can this node serve a request right now (database, cache, broker)?

Each check has a short timeout and returns an error text instead of raising, so ``/health/ready``
always answers quickly, also when a dependency hangs.
"""

import time
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection

TIMEOUT_SECONDEN = 2.0


def database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def cache_() -> None:
    sleutel = f"runtime:gezondheid:{uuid.uuid4().hex}"
    cache.set(sleutel, "1", timeout=10)
    if cache.get(sleutel) != "1":
        raise RuntimeError("de cache gaf de zojuist geschreven waarde niet terug")
    cache.delete(sleutel)


def broker() -> None:
    from verzuimportaal.celery import app

    with app.connection_for_write() as verbinding:
        verbinding.ensure_connection(max_retries=1, timeout=TIMEOUT_SECONDEN)


CONTROLES: dict[str, Callable[[], None]] = {
    "database": database,
    "cache": cache_,
    "broker": broker,
}


def controleer() -> dict[str, dict[str, object]]:
    """``{"database": {"ok": True, "ms": 1.2}, "broker": {"ok": False, "fout": "..."}}``."""
    uitslag: dict[str, dict[str, object]] = {}
    for naam, controle in CONTROLES.items():
        begin = time.perf_counter()
        try:
            controle()
        except Exception as fout:
            uitslag[naam] = {"ok": False, "fout": type(fout).__name__}
        else:
            uitslag[naam] = {"ok": True}
        uitslag[naam]["ms"] = round((time.perf_counter() - begin) * 1000, 1)
    return uitslag
