"""Thin Celery tasks of the API."""

from celery import shared_task
from django.utils import timezone

from . import idempotentie


@shared_task(acks_late=True)
def ruim_idempotentiesleutels_op() -> int:
    """Hourly (beat): idempotency keys past their retry window."""
    return idempotentie.ruim_op(nu=timezone.now())
