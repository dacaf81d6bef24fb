"""Thin Celery task: the arbofacturen of the current month (DOMAIN §7.4)."""

from celery import shared_task
from django.utils import timezone

from verzuimportaal.polissen.uitvoerder import Uitvoerder

from . import service


@shared_task(acks_late=True)
def arbofacturen_task() -> int:
    """Beat runs this on days 1-5; a werkgever that has this month's invoice gets no second."""
    return len(service.maak_arbofacturen(door=Uitvoerder(), maand=timezone.localdate()))
