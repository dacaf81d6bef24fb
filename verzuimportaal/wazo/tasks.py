"""Thin Celery task: spells that run into zwangerschaps- en bevallingsverlof end at the leave
start (DOMAIN §5.1, ADR 0026). Idempotent: an ended spell is not touched again."""

from celery import shared_task
from django.db.models import Exists, OuterRef
from django.utils import timezone

from verzuimportaal.toegang.actor import Actor
from verzuimportaal.verzuim.models import Verzuimgeval

from . import service
from .models import Soort, Wazoverlof

SYSTEEMNAAM = "WAZO-verlof (automatisch)"


@shared_task(acks_late=True)
def sluit_verzuim_bij_begin_verlof_task() -> int:
    """Daily (beat): every leave that has begun with an open spell of its werknemer before it."""
    open_ervoor = Verzuimgeval.objects.filter(
        werknemer_id=OuterRef("werknemer_id"),
        einddatum__isnull=True,
        eerste_ziektedag__lt=OuterRef("eerste_dag"),
    )
    verloven = (
        Wazoverlof.objects.filter(soort=Soort.ZWANGERSCHAP, eerste_dag__lte=timezone.localdate())
        .filter(Exists(open_ervoor))
        .select_related("werknemer__loonheffingennummer__werkgever")
    )
    gesloten = 0
    for verlof in verloven:
        door = Actor(
            werkgever=verlof.werknemer.loonheffingennummer.werkgever,
            rechten=frozenset(),
            route="",
            gebruiker=None,
            weergavenaam=SYSTEEMNAAM,
        )
        gesloten += len(service.sluit_verzuim_bij_begin_verlof(door=door, verlof=verlof))
    return gesloten
