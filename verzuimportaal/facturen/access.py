"""Fetchers for premium invoices, built on ``toegang.access`` (Financiën only, DOMAIN §3)."""

from django.db.models import QuerySet

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst

from .models import Arbofactuur, Premiefactuur


def premiefacturen(actor: Actor) -> QuerySet[Premiefactuur]:
    """The werkgever's premium invoices (DOMAIN §7.3), newest year first."""
    access.vereis_recht(actor, Dienst.UITKERINGSGEGEVENS)
    return Premiefactuur.objects.filter(werkgever=actor.werkgever).order_by("-jaar", "soort")


def arbofacturen(actor: Actor) -> QuerySet[Arbofactuur]:
    """The werkgever's arbofacturen (DOMAIN §7.4), newest first; Financiën only."""
    access.vereis_recht(actor, Dienst.UITKERINGSGEGEVENS)
    return Arbofactuur.objects.filter(werkgever=actor.werkgever).order_by("-maand")
