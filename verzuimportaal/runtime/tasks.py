"""Beat task of the outbox (ADR 0019)."""

from celery import shared_task

from . import uitgaand


@shared_task(ignore_result=True, expires=30)
def verstuur_uitgaand() -> int:
    return uitgaand.verstuur()
