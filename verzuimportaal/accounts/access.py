"""Reads for rechtenbeheer: the local accounts of the acting werkgever only (else 404)."""

from uuid import UUID

from django.db.models import QuerySet

from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.utils.ophalen import een_of_404


def lidmaatschappen(actor: Actor) -> QuerySet[Lidmaatschap]:
    """The memberships (local accounts) of the acting werkgever, active and deactivated: the one
    meaning of "lidmaatschappen" in the fetchers (``machtigingen`` narrows it to active ones)."""
    return (
        Lidmaatschap.objects.filter(werkgever=actor.werkgever)
        .select_related("gebruiker", "gebruiker__profiel")
        .order_by("-actief", "gebruiker__last_name", "gebruiker__first_name", "pk")
    )


def lidmaatschap(actor: Actor, *, uuid: UUID | str) -> Lidmaatschap:
    return een_of_404(lidmaatschappen(actor), "Account", uuid=uuid, actief=True)
