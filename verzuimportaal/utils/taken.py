"""Enqueueing Celery tasks from code that runs after a commit."""

import logging
from typing import Any

logger = logging.getLogger(__name__)


def plan(taak: Any, *args: object, omschrijving: str) -> None:
    """``taak.delay(*args)``; a broker outage is logged and never breaks the caller, whose write
    has been committed already (DOMAIN §9: a melding never waits for letters or e-mail)."""
    try:
        taak.delay(*args)
    except Exception:
        logger.exception("%s niet ingepland", omschrijving)
