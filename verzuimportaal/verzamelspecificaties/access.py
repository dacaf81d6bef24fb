"""Fetchers for the verzamelspecificatie, built on ``toegang.access`` (DOMAIN §3 service 2)."""

from django.db.models import QuerySet

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst

from .models import Specificatieregel


def specificatieregels(actor: Actor) -> QuerySet[Specificatieregel]:
    """The UWV lines of the werknemers the actor may see: only with "Inzien uitkeringsgegevens
    Ziektewet en WAZO" (DOMAIN §3), within the actor's loonheffingennummers."""
    access.vereis_recht(actor, Dienst.UITKERINGSGEGEVENS)
    return Specificatieregel.objects.filter(
        werkgever=actor.werkgever, werknemer__in=access.werknemers(actor).values("pk")
    ).select_related("werknemer")
