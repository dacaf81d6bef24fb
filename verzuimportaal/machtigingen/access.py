"""Reads for the werkgever's "Wie heeft toegang" pages, always limited to the acting werkgever."""

from uuid import UUID

from django.db.models import QuerySet

from verzuimportaal.accounts import access as accounts_access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.utils.ophalen import een_of_404

from .models import Adviseurtoegang, Casemanagertoewijzing


def adviseurtoegangen(actor: Actor) -> QuerySet[Adviseurtoegang]:
    return (
        Adviseurtoegang.objects.filter(werkgever=actor.werkgever)
        .select_related("adviseur")
        .prefetch_related("loonheffingennummers")
    )


def adviseurtoegang(actor: Actor, *, uuid: UUID | str) -> Adviseurtoegang:
    return een_of_404(adviseurtoegangen(actor), "Toegang", uuid=uuid)


def actieve_lidmaatschappen(actor: Actor) -> QuerySet[Lidmaatschap]:
    """The werkgever's memberships (``accounts.access.lidmaatschappen``) that are active now."""
    return (
        accounts_access.lidmaatschappen(actor)
        .filter(actief=True)
        .order_by("gebruiker__last_name", "gebruiker__username")
    )


def casemanagers(actor: Actor) -> QuerySet[Casemanagertoewijzing]:
    return (
        Casemanagertoewijzing.objects.filter(werkgever=actor.werkgever, actief=True)
        .select_related("gebruiker")
        .order_by("gebruiker__last_name", "gebruiker__username")
    )
