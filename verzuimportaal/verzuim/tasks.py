"""Thin Celery tasks of verzuim: load ids, call the module, retry."""

import logging

from celery import Task, shared_task

from . import arbodienst

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5, default_retry_delay=120, acks_late=True)
def meld_aan_arbodienst(self: Task, verzuimgeval_id: int) -> int:
    """E-mail the casemanagers and the arbodienst of a new ziekmelding (seed 004)."""
    try:
        return arbodienst.meld(verzuimgeval_id=verzuimgeval_id)
    except Exception as fout:
        logger.exception("Melding aan arbodienst voor verzuimgeval %s mislukt", verzuimgeval_id)
        raise self.retry(exc=fout) from fout
