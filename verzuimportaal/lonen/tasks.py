"""Thin Celery tasks for the January update of wage data (seed 004, ADR 0042)."""

from celery import shared_task
from django.utils import timezone

from verzuimportaal.polissen.uitvoerder import Uitvoerder

from . import service


@shared_task(acks_late=True)
def januari_task() -> int:
    """Beat runs this on 2-10 January: a task per werkgever for this year (idempotent)."""
    return len(service.open_loonactualisaties(door=Uitvoerder(), jaar=timezone.localdate().year))


@shared_task(acks_late=True)
def herinner_task() -> int:
    """Beat runs this daily; each open update is reminded at most once a week."""
    return len(service.herinner_loonactualisaties(door=Uitvoerder()))
