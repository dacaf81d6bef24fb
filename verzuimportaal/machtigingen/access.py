"""Reads for the werkgever's "Wie heeft toegang" pages, always limited to the acting werkgever."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.models import Lidmaatschap

from .models import Adviseurtoegang, Casemanagertoewijzing


def adviseurtoegangen(actor: Actor) -> QuerySet[Adviseurtoegang]:
    return (
        Adviseurtoegang.objects.filter(werkgever=actor.werkgever)
        .select_related("adviseur")
        .prefetch_related("loonheffingennummers")
    )


def adviseurtoegang(actor: Actor, *, uuid: UUID | str) -> Adviseurtoegang:
    try:
        return adviseurtoegangen(actor).get(uuid=uuid)
    except (Adviseurtoegang.DoesNotExist, ValueError, ValidationError) as exc:
        raise Http404("Toegang niet gevonden.") from exc


def lidmaatschappen(actor: Actor) -> QuerySet[Lidmaatschap]:
    return (
        Lidmaatschap.objects.filter(werkgever=actor.werkgever, actief=True)
        .select_related("gebruiker")
        .order_by("gebruiker__last_name", "gebruiker__username")
    )


def casemanagers(actor: Actor) -> QuerySet[Casemanagertoewijzing]:
    return (
        Casemanagertoewijzing.objects.filter(werkgever=actor.werkgever, actief=True)
        .select_related("gebruiker")
        .order_by("gebruiker__last_name", "gebruiker__username")
    )
