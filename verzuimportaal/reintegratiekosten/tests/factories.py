"""Declaraties for tests: made through the services, as werkgever and casemanager do."""

from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from verzuimportaal.dossier.tests.factories import casemanager
from verzuimportaal.reintegratiekosten import service
from verzuimportaal.reintegratiekosten.models import Declaratie
from verzuimportaal.toegang.actor import Actor

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def nota(naam: str = "nota.pdf", inhoud: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


def aangevraagd(
    omgeving: Any, bedrag: Decimal = Decimal(1500), *, door: Actor | None = None
) -> Declaratie:
    return service.vraag_goedkeuring_aan(
        door=door or omgeving.actor,
        verzuimgeval=omgeving.verzuimgeval,
        omschrijving="Coaching",
        aanbieder="Coach B.V.",
        begroot_bedrag=bedrag,
    )


def goedgekeurd(
    omgeving: Any, bedrag: Decimal = Decimal(1200), *, door: Actor | None = None
) -> Declaratie:
    return service.beoordeel(
        door=casemanager(omgeving.werkgever),
        declaratie=aangevraagd(omgeving, door=door),
        goedgekeurd_bedrag=bedrag,
    )


def gedeclareerd(
    omgeving: Any, notabedrag: Decimal = Decimal(1350), *, door: Actor | None = None
) -> Declaratie:
    return service.declareer(
        door=door or omgeving.actor,
        declaratie=goedgekeurd(omgeving, door=door),
        notabedrag=notabedrag,
        nota_ontvangen_op=timezone.localdate(),
        nota=nota(),
    )


def declaratie_van(omgeving: Any) -> Declaratie:
    """A declared one on werkgever A's spell (access table: the nota can be downloaded)."""
    if bestaand := Declaratie.objects.filter(verzuimgeval=omgeving.verzuimgeval).first():
        return bestaand
    return gedeclareerd(omgeving)


__all__ = ["aangevraagd", "declaratie_van", "gedeclareerd", "goedgekeurd", "nota"]
