"""Fetchers for WAZO leave (DOMAIN §4.4, §7.1), built on ``toegang.access`` (ADR 0050)."""

from uuid import UUID

from django.db.models import QuerySet

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.utils.ophalen import een_of_404

from .models import Wazoverlof


def wazoverloven(actor: Actor) -> QuerySet[Wazoverlof]:
    """WAZO leave of the werkgever's employees (DOMAIN §4.4, §7.1)."""
    return Wazoverlof.objects.filter(
        access.nummerfilter(actor, "werknemer__loonheffingennummer__")
    ).select_related("werknemer", "werknemer__loonheffingennummer")


def wazoverlof(actor: Actor, *, uuid: UUID | str) -> Wazoverlof:
    gevonden = een_of_404(wazoverloven(actor), "Verlof", uuid=uuid)
    access.gelezen(actor, gevonden)
    return gevonden
