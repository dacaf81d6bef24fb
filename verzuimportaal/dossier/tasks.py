"""Thin Celery tasks of the dossier: load ids, call ``brieven``, retry (DOMAIN §9)."""

import logging

from celery import Task, shared_task

from . import brieven

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=3, default_retry_delay=120, acks_late=True)
def maak_ontvangstbevestiging(self: Task, mutatie_id: int) -> bool:
    """Letter for one melding into the werkgever's inbox; idempotent (returns whether placed)."""
    try:
        return brieven.stuur_ontvangstbevestiging(mutatie_id=mutatie_id)
    except Exception as fout:
        logger.exception("Ontvangstbevestiging voor mutatie %s mislukt", mutatie_id)
        raise self.retry(exc=fout) from fout
