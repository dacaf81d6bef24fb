"""Fetchers for the werkgever's verzuimverzekering (DOMAIN §7.3), built on ``toegang.access``
(ADR 0050)."""

from django.db.models import QuerySet

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst

from .models import Polis


def polissen(actor: Actor) -> QuerySet[Polis]:
    """The werkgever's verzuimverzekering, newest first (shown to the werkgever, DOMAIN §7.3)."""
    access.vereis_recht(actor, Dienst.UITKERINGSGEGEVENS)
    return Polis.objects.filter(werkgever=actor.werkgever).order_by("-ingangsdatum")
