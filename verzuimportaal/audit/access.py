"""Reads of the audit trail: only the acting werkgever's own rows (DOMAIN §3, seed 003)."""

from django.db.models import QuerySet

from verzuimportaal.toegang.access import vereis_recht
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst

from .models import Auditregel


def auditregels(actor: Actor) -> QuerySet[Auditregel]:
    vereis_recht(actor, Dienst.RECHTENBEHEER)
    return Auditregel.objects.filter(werkgever=actor.werkgever)
