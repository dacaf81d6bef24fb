"""Fetchers for declaraties and loonsanctiemeldingen, built on ``toegang.access`` so tenant and
route-B filtering stay there; service "Melden en inzien verzuimgegevens" (DOMAIN §3, §7.5)."""

from uuid import UUID

from django.db.models import QuerySet

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.ophalen import een_of_404

from .models import Declaratie, Loonsanctiemelding

RECHT = Dienst.VERZUIM_MELDEN


def declaraties(actor: Actor) -> QuerySet[Declaratie]:
    access.vereis_recht(actor, RECHT)
    return Declaratie.objects.filter(
        werkgever=actor.werkgever, verzuimgeval__in=access.verzuimgevallen(actor)
    ).select_related("verzuimgeval", "verzuimgeval__werknemer")


def declaratie(actor: Actor, *, uuid: UUID | str) -> Declaratie:
    gevonden = een_of_404(declaraties(actor), "Declaratie", uuid=uuid)
    access.gelezen(actor, gevonden)
    return gevonden


def loonsanctiemeldingen(actor: Actor) -> QuerySet[Loonsanctiemelding]:
    access.vereis_recht(actor, RECHT)
    return Loonsanctiemelding.objects.filter(
        werkgever=actor.werkgever, verzuimgeval__in=access.verzuimgevallen(actor)
    ).select_related("verzuimgeval", "verzuimgeval__werknemer")
