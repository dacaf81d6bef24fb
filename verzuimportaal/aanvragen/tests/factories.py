"""Test data: a case of werkgever A as the operator received it (access tables)."""

from typing import Any

from django.utils import timezone

from verzuimportaal.aanvragen.models import DIENST_PER_SOORT, Gebeurtenis, Soort, Zaak


def zaak_van(omgeving: Any) -> Zaak:
    """A received WAZO case about the employee of a test ``Omgeving``; the same on every call."""
    bestaand = Zaak.objects.filter(werkgever=omgeving.werkgever).first()
    if bestaand is not None:
        return bestaand
    zaak = Zaak.objects.create(
        zaaknummer=f"T{omgeving.werkgever.pk:05d}",
        werkgever=omgeving.werkgever,
        soort=Soort.WAZO,
        dienst=DIENST_PER_SOORT[Soort.WAZO],
        onderwerp="Zwangerschaps- en bevallingsverlof",
        werknemer=omgeving.werknemer,
        ontvangen_op=timezone.now(),
    )
    Gebeurtenis.objects.create(
        zaak=zaak, soort=Gebeurtenis.Soort.ONTVANGEN, tijdstip=timezone.now(), door_naam="Test"
    )
    return zaak
