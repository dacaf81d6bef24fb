"""Reads for rechtenbeheer: the local accounts of the acting werkgever only (else 404)."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.models import Lidmaatschap


def lidmaatschappen(actor: Actor) -> QuerySet[Lidmaatschap]:
    return (
        Lidmaatschap.objects.filter(werkgever=actor.werkgever)
        .select_related("gebruiker", "gebruiker__profiel")
        .order_by("-actief", "gebruiker__last_name", "gebruiker__first_name", "pk")
    )


def lidmaatschap(actor: Actor, *, uuid: UUID | str) -> Lidmaatschap:
    try:
        return lidmaatschappen(actor).get(uuid=uuid, actief=True)
    except (Lidmaatschap.DoesNotExist, ValueError, ValidationError) as exc:
        raise Http404("Account niet gevonden.") from exc
