"""Fetchers for the January update, built on ``toegang.access`` (tenant filtering stays there)."""

from django.db.models import QuerySet

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst

from .models import Loonactualisatie


def loonactualisaties(actor: Actor) -> QuerySet[Loonactualisatie]:
    """The werkgever's January updates, newest year first (service Werknemersgegevens beheren)."""
    access.vereis_recht(actor, Dienst.WERKNEMERSGEGEVENS)
    return Loonactualisatie.objects.filter(werkgever=actor.werkgever).order_by("-jaar")
