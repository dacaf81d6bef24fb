"""Fetchers for the January update, built on ``toegang.access`` (tenant filtering stays there)."""

from django.db.models import QuerySet

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werknemers.models import Werknemer

from .models import Loonactualisatie, Loongegeven


def loonactualisaties(actor: Actor) -> QuerySet[Loonactualisatie]:
    """The werkgever's January updates, newest year first (service Werknemersgegevens beheren)."""
    access.vereis_recht(actor, Dienst.WERKNEMERSGEGEVENS)
    return Loonactualisatie.objects.filter(werkgever=actor.werkgever).order_by("-jaar")


def loongegevens(actor: Actor, *, werknemer: Werknemer) -> QuerySet[Loongegeven]:
    """The wage history of a werknemer the actor may see, newest first (DOMAIN §7.3)."""
    access.vereis_recht(actor, Dienst.WERKNEMERSGEGEVENS, Dienst.UITKERINGSGEGEVENS)
    return Loongegeven.objects.filter(
        werknemer__in=access.werknemers(actor).filter(pk=werknemer.pk)
    ).order_by("-ingangsdatum")
