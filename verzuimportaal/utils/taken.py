"""Follow-up work of a write: Celery tasks that run only once the write has committed.

A write service registers its follow-ups with ``na_commit("app.tasks.naam", *args)`` inside its
own transaction (ADR 0013). The task is named by its dotted path, so a service never imports a
tasks module (which imports the service again): no import loops. The task goes into the
transactional outbox (``runtime.uitgaand``, ADR 0019): it exists exactly when the write commits,
and a broker outage delays it instead of losing it (DOMAIN §9: a melding never waits for letters
or e-mail).
"""

import logging
from typing import Any

from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def na_commit(taak: str, *args: object, omschrijving: str = "") -> None:
    """Follow-up ``taak(*args)`` (dotted path) of the write in the current transaction."""
    from verzuimportaal.runtime import uitgaand

    # A wrong name is a programming error and raises here, inside the write.
    uitgaand.plaats(import_string(taak), *args, omschrijving=omschrijving or f"{taak}{args}")


def plan(taak: Any, *args: object, omschrijving: str) -> None:
    """``taak.delay(*args)`` now; a broker outage is logged and never breaks the caller."""
    try:
        taak.delay(*args)
    except Exception:
        logger.exception("%s niet ingepland", omschrijving)
