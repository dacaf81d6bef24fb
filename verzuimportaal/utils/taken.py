"""Follow-up work of a write: Celery tasks enqueued only once the write has committed.

A write service registers its follow-ups with ``na_commit("app.tasks.naam", *args)`` inside its
own transaction (ADR 0013). The task is named by its dotted path, so a service never imports a
tasks module (which imports the service again): no import loops. A rolled-back write enqueues
nothing; a broker outage is logged and never breaks the caller, whose write has been committed
already (DOMAIN §9: a melding never waits for letters or e-mail).
"""

import logging
from functools import partial
from typing import Any

from django.db import transaction
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def na_commit(taak: str, *args: object) -> None:
    """Enqueue the task ``taak`` (dotted path) with ``args`` after the current transaction."""
    transaction.on_commit(partial(_plan_op_naam, taak, args))


def _plan_op_naam(taak: str, args: tuple[object, ...]) -> None:
    # A wrong name is a programming error and raises; only the broker may fail quietly.
    plan(import_string(taak), *args, omschrijving=f"{taak}{args}")


def plan(taak: Any, *args: object, omschrijving: str) -> None:
    """``taak.delay(*args)`` now; a broker outage is logged and never breaks the caller."""
    try:
        taak.delay(*args)
    except Exception:
        logger.exception("%s niet ingepland", omschrijving)
