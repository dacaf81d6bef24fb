"""Thin Celery tasks of the portal pages."""

from celery import shared_task

from . import cijfers


@shared_task(acks_late=True, ignore_result=True)
def verwarm_dashboard(werkgever_id: int) -> bool:
    """Compute a werkgever's dashboard figures for its current data version (ADR 0011)."""
    return cijfers.verwarm(werkgever_id=werkgever_id)
