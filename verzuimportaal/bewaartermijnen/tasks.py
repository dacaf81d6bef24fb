"""Thin Celery task (DOMAIN §9): the nightly purge; running it twice removes nothing twice."""

from celery import shared_task

from . import service


@shared_task(acks_late=True)
def schoon_op_task() -> dict[str, int]:
    """Nightly (beat, 03:30 Europe/Amsterdam): remove what is past its retention period."""
    ronde = service.schoon_op(door=service.systeemactor())
    return dict(ronde.aantallen)
