"""Fetchers for the werkgever's cases at the operator (ADR 0027, 0028), built on
``toegang.access`` (ADR 0050)."""

from uuid import UUID

from django.db.models import Q, QuerySet

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.utils.ophalen import een_of_404

from .models import Bijlage, Zaak


def zaken(actor: Actor) -> QuerySet[Zaak]:
    """The werkgever's cases at the operator (ADR 0027), of the services the actor holds, and
    within the actor's loonheffingennummers when it is limited to some (route B)."""
    filter_ = Q(werkgever=actor.werkgever, dienst__in=actor.rechten)
    if actor.loonheffingennummer_ids is not None:
        filter_ &= Q(werknemer__loonheffingennummer_id__in=actor.loonheffingennummer_ids)
    return Zaak.objects.filter(filter_).select_related("werknemer")


def zaak(actor: Actor, *, uuid: UUID | str) -> Zaak:
    gevonden = een_of_404(zaken(actor), "Zaak", uuid=uuid)
    access.gelezen(actor, gevonden)
    return gevonden


def zaakbijlage(actor: Actor, *, uuid: UUID | str) -> Bijlage:
    """A document of one of the actor's cases (ADR 0028); 404 for anything else."""
    return een_of_404(
        Bijlage.objects.filter(zaak__in=zaken(actor)).select_related("zaak"), "Bijlage", uuid=uuid
    )
