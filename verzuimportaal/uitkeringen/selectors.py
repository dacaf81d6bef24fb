"""Reads for the Financiën dashboard widget (DOMAIN §7.3), through ``toegang.access``."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from verzuimportaal.geld.bedragen import NUL, eerste_van_maand, volgende_maand
from verzuimportaal.geld.betaaldatum import betaaldatum
from verzuimportaal.geld.uitkering import bereken_maand
from verzuimportaal.toegang import access, scopecache
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst

from .gegevens import historie
from .models import Uitkeringsregel
from .service import BLOK


def uitkeringsregels(actor: Actor) -> QuerySet[Uitkeringsregel]:
    """Paid uitkering lines (DOMAIN §7.3): only with "Inzien uitkeringsgegevens" (DOMAIN §3)."""
    access.vereis_recht(actor, Dienst.UITKERINGSGEGEVENS)
    return Uitkeringsregel.objects.filter(
        access.nummerfilter(actor, "werknemer__loonheffingennummer__"), werkgever=actor.werkgever
    ).select_related("werknemer", "run")


@dataclass(frozen=True)
class Financiencijfers:
    """This month's payment (the run of last month) and what the current month is expected to
    pay when every open spell stays as it is; amounts and dates only (cacheable, ADR 0011)."""

    betaald_deze_maand: Decimal
    betaaldatum_deze_maand: date | None
    verwacht: Decimal
    verwacht_maand: date
    verwacht_betaaldatum: date


def financiencijfers(actor: Actor, vandaag: date) -> Financiencijfers:
    return scopecache.gecached(
        actor, "dashboard-financien", vandaag.isoformat(), bereken=lambda: _bereken(actor, vandaag)
    )


def _bereken(actor: Actor, vandaag: date) -> Financiencijfers:
    maand = eerste_van_maand(vandaag)
    deze_maand = uitkeringsregels(actor).filter(
        betaaldatum__gte=maand, betaaldatum__lt=volgende_maand(maand)
    )
    totaal = deze_maand.aggregate(bedrag=Sum("bedrag"))["bedrag"]
    return Financiencijfers(
        betaald_deze_maand=totaal or NUL,
        betaaldatum_deze_maand=deze_maand.values_list("betaaldatum", flat=True).first(),
        verwacht=verwachte_uitkering(actor, maand),
        verwacht_maand=maand,
        verwacht_betaaldatum=betaaldatum(maand=maand),
    )


def verwachte_uitkering(actor: Actor, maand: date) -> Decimal:
    """The uitkering over ``maand`` if every open spell lasts the whole month (an estimate)."""
    ids = sorted(
        set(
            access.verzuimgevallen(actor)
            .filter(eerste_ziektedag__lt=volgende_maand(maand))
            .filter(Q(einddatum__isnull=True) | Q(einddatum__gt=maand))
            .values_list("werknemer_id", flat=True)
        )
    )
    totaal = NUL
    for begin in range(0, len(ids), BLOK):
        for h in historie(ids[begin : begin + BLOK]):
            if not h.polissen:
                continue
            try:
                totaal += bereken_maand(
                    maand=maand,
                    meldingen=h.meldingen,
                    lonen=h.lonen,
                    polissen=h.polissen,
                    dienstverband=h.dienstverband,
                    uwv=h.uwv,
                ).te_betalen
            except ValueError:
                continue  # no wage on the first sick day: nothing can be expected yet
    return totaal
