"""Enqueueing Celery tasks: follow-ups of a write, and tasks planned after a commit."""

import logging
from typing import Any

logger = logging.getLogger(__name__)


def na_commit(taak: Any, *args: object, omschrijving: str) -> None:
    """Follow-up ``taak(*args)`` of the write in the current transaction, through the outbox
    (``runtime.uitgaand``, ADR 0019): it runs exactly when the write commits, and a broker outage
    delays it instead of losing it. The request never waits for the broker."""
    from verzuimportaal.runtime import uitgaand

    uitgaand.plaats(taak, *args, omschrijving=omschrijving)


def plan(taak: Any, *args: object, omschrijving: str) -> None:
    """``taak.delay(*args)``; a broker outage is logged and never breaks the caller, whose write
    has been committed already (DOMAIN §9: a melding never waits for letters or e-mail)."""
    try:
        taak.delay(*args)
    except Exception:
        logger.exception("%s niet ingepland", omschrijving)
