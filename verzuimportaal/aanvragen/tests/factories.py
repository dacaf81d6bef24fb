"""Test data: a case of werkgever A as the operator received it (access tables)."""

import hashlib
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from verzuimportaal.aanvragen.models import DIENST_PER_SOORT, Bijlage, Gebeurtenis, Soort, Zaak

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


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


def bijlage_van(omgeving: Any) -> Bijlage:
    """A PDF attached to werkgever A's case (access tables); the same on every call."""
    zaak = zaak_van(omgeving)
    if bestaand := Bijlage.objects.filter(zaak=zaak).first():
        return bestaand
    bijlage = Bijlage(
        zaak=zaak,
        soort="aanvraagformulier",
        omschrijving="Aanvraagformulier",
        naam="aanvraag.pdf",
        content_type="application/pdf",
        grootte=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
        geupload_op=timezone.now(),
        geupload_door_naam="Test",
    )
    bijlage.bestand.save("aanvraag.pdf", ContentFile(PDF), save=False)
    bijlage.save()
    return bijlage
