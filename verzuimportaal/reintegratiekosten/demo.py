"""Re-integratiekosten in the demo (DOMAIN §7.5): one declaratie in each state and a reported
loonsanctie, through the services as the werkgever and the casemanager would make them."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim.models import Verzuimgeval

from . import service
from .models import AdviesOpgevolgd, Declaratie

CASEMANAGER = "M. de Casemanager (verzekeraar)"
# A minimal valid PDF: the demo's nota.
NOTA = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _casemanager(werkgever: object) -> Actor:
    return Actor(
        werkgever=werkgever,  # type: ignore[arg-type]
        rechten=frozenset({Dienst.VERZUIM_MELDEN, Dienst.OVERZICHTEN}),
        wijzigrechten=frozenset(),
        route=Route.CASEMANAGER,
        gebruiker=None,
        weergavenaam=CASEMANAGER,
    )


def _nota() -> SimpleUploadedFile:
    return SimpleUploadedFile("nota-coaching.pdf", NOTA, content_type="application/pdf")


def laad(*, door: Actor, vandaag: date) -> list[Declaratie]:
    """Five declaraties (aangevraagd, goedgekeurd, afgewezen, gedeclareerd, betaald) and one
    loonsanctie on the werkgever's longest open spells."""
    gevallen = list(
        Verzuimgeval.objects.filter(
            werknemer__loonheffingennummer__werkgever=door.werkgever,
            werknemer__loonheffingennummer__actief=True,
            einddatum__isnull=True,
        ).order_by("eerste_ziektedag", "pk")[:5]
    )
    if not gevallen:
        return []
    cm = _casemanager(door.werkgever)
    soorten = (
        ("Coaching door een arbeidsdeskundige", "Werkfit Coaching B.V.", Decimal("1850.00")),
        ("Aanpassing van de werkplek", "Ergo Werkplek B.V.", Decimal("2400.00")),
        ("Loopbaanbegeleiding tweede spoor", "Spoor 2 Advies", Decimal("3200.00")),
        ("Fysiotherapie op het werk", "Fysio aan het Werk", Decimal("640.00")),
        ("Re-integratietraject", "Re-integratie Noord", Decimal("4100.00")),
    )
    declaraties = []
    for index, (omschrijving, aanbieder, bedrag) in enumerate(soorten):
        declaraties.append(
            service.vraag_goedkeuring_aan(
                door=door,
                verzuimgeval=gevallen[index % len(gevallen)],
                omschrijving=omschrijving,
                aanbieder=aanbieder,
                begroot_bedrag=bedrag,
            )
        )
    _, goed, af, gedeclareerd, betaald = declaraties
    service.beoordeel(door=cm, declaratie=goed, goedgekeurd_bedrag=Decimal("2250.00"))
    service.beoordeel(
        door=cm,
        declaratie=af,
        goedgekeurd_bedrag=None,
        toelichting="Het tweede spoor is nog niet aan de orde; eerst het eerste spoor afronden.",
    )
    for declaratie, goedgekeurd, nota in (
        (gedeclareerd, Decimal("600.00"), Decimal("640.00")),
        (betaald, Decimal("4100.00"), Decimal("3875.50")),
    ):
        service.beoordeel(door=cm, declaratie=declaratie, goedgekeurd_bedrag=goedgekeurd)
        service.declareer(
            door=door,
            declaratie=declaratie,
            notabedrag=nota,
            nota_ontvangen_op=vandaag - timedelta(days=7),
            nota=_nota(),
        )
    service.leg_betaling_vast(door=cm, declaratie=betaald, betaald_op=vandaag)
    service.meld_loonsanctie(
        door=door,
        verzuimgeval=gevallen[0],
        besluit_ontvangen_op=max(vandaag - timedelta(days=2), gevallen[0].eerste_ziektedag),
        weken=12,
        advies_opgevolgd=AdviesOpgevolgd.JA,
        toelichting="UWV vond het re-integratieverslag onvolledig.",
    )
    return declaraties
