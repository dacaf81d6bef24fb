"""Spells with a given history, for hand-checked day counts."""

from datetime import date

from django.utils import timezone

from tests.factories import VerzuimgevalFactory, werknemer_bij
from verzuimportaal.verzuim.models import EindeReden, MutatieSoort, Verzuimgeval, Verzuimmutatie


def geval(
    omgeving,
    begin: date,
    einde: date | None = None,
    *,
    reden: str = EindeReden.HERSTELD,
    werknemer=None,
    deelherstel: list[tuple[date, int]] | None = None,
) -> Verzuimgeval:
    """A spell from ``begin`` to ``einde`` (exclusive; the hersteldatum) with its mutations."""
    g = VerzuimgevalFactory(
        werknemer=werknemer or werknemer_bij(omgeving),
        eerste_ziektedag=begin,
        einddatum=einde,
        einde_reden=reden if einde else "",
    )
    for datum, percentage in deelherstel or []:
        mutatie(g, MutatieSoort.GEDEELTELIJK_HERSTELD, datum, percentage)
    if einde:
        soort = (
            MutatieSoort.VOLLEDIG_HERSTELD
            if reden == EindeReden.HERSTELD
            else MutatieSoort.ZIEK_UIT_DIENST
        )
        mutatie(g, soort, einde, 0 if reden == EindeReden.HERSTELD else None)
    return g


def mutatie(g, soort, datum, percentage, *, door="Test", op=None) -> Verzuimmutatie:
    return Verzuimmutatie.objects.create(
        verzuimgeval=g,
        soort=soort,
        ingangsdatum=datum,
        percentage_arbeidsongeschikt=percentage,
        geregistreerd_op=op or timezone.now(),
        geregistreerd_door_naam=door,
    )
