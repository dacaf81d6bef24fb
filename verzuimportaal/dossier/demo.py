"""Demo data for the verzuimdossier: activities, done steps and documents on open spells.

Deterministic (ordered by verzuimnummer, dates relative to ``vandaag``) and idempotent (nothing
happens when the demo spells already have dossier data). Everything goes through the services, as
the owner account of each werkgever or as a casemanager, so every phase shows something: steps
done, to do and overdue, a casemanager's activities the employer cannot change, documents.
"""

import contextlib
from collections.abc import Callable
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from verzuimportaal.poortwachter import StapSoort
from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Werkgever

from . import service, termijnen
from .models import Activiteit, ActiviteitType, DocumentSoort, Verantwoordelijke

MAX_PER_WERKGEVER = 25

# A minimal valid one-page PDF (no personal data).
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _eigenaar(werkgever: Werkgever) -> Actor | None:
    lid = (
        Lidmaatschap.objects.filter(werkgever=werkgever, actief=True)
        .select_related("gebruiker")
        .order_by("pk")
        .first()
    )
    if lid is None:
        return None
    return Actor(
        werkgever=werkgever,
        rechten=frozenset(Dienst),
        route=Route.LOKAAL,
        gebruiker=lid.gebruiker,
        weergavenaam=lid.gebruiker.get_full_name() or lid.gebruiker.get_username(),
    )


def _casemanager(werkgever: Werkgever) -> Actor:
    return Actor(
        werkgever=werkgever,
        rechten=frozenset({Dienst.VERZUIM_MELDEN, Dienst.OVERZICHTEN}),
        wijzigrechten=frozenset(),
        route=Route.CASEMANAGER,
        gebruiker=None,
        weergavenaam="Carla de Vries (casemanager)",
    )


def _probeer(functie: Callable[..., object], **kwargs: object) -> None:
    # A refusal (e.g. a step not open in this combined case) skips it, deterministically.
    with contextlib.suppress(ValidationError, PermissionDenied):
        functie(**kwargs)


def _vul_dossier(
    geval: Verzuimgeval, index: int, werkgever: Actor, cm: Actor, vandaag: date
) -> None:
    d = termijnen.voor_verzuimgeval(geval).geval.eerste_ziektedag
    dagen = (vandaag - d).days

    def op(offset: int) -> date:
        return min(d + timedelta(days=offset), vandaag)

    if dagen >= 7:
        _probeer(
            service.werk_stap_af,
            door=werkgever,
            verzuimgeval=geval,
            soort=StapSoort.ZIEKMELDING_ARBODIENST,
            uitgevoerd_op=op(1),
        )
    if dagen >= 42 and index % 3 != 0:  # every third probleemanalyse stays overdue
        _probeer(
            service.werk_stap_af,
            door=cm,
            verzuimgeval=geval,
            soort=StapSoort.PROBLEEMANALYSE,
            uitgevoerd_op=op(38),
            omschrijving="Probleemanalyse ontvangen van de bedrijfsarts",
        )
    if dagen >= 56 and index % 2 == 0:
        _probeer(
            service.werk_stap_af,
            door=werkgever,
            verzuimgeval=geval,
            soort=StapSoort.PLAN_VAN_AANPAK,
            uitgevoerd_op=op(50),
            omschrijving="Plan van aanpak ondertekend",
        )
        _probeer(
            service.upload_document,
            door=werkgever,
            verzuimgeval=geval,
            soort=DocumentSoort.PLAN_VAN_AANPAK,
            bestand=SimpleUploadedFile(f"plan-van-aanpak-{geval.verzuimnummer}.pdf", DEMO_PDF),
        )
    _probeer(
        service.voeg_activiteit_toe,
        door=cm if index % 2 else werkgever,
        verzuimgeval=geval,
        type=ActiviteitType.GESPREK,
        deadline=vandaag + timedelta(days=3 + index % 10),
        verantwoordelijke=Verantwoordelijke.CASEMANAGER
        if index % 2
        else Verantwoordelijke.WERKGEVER,
        omschrijving="Voortgangsgesprek over werkhervatting",
    )
    if index % 4 == 1 and dagen >= 14:
        _probeer(
            service.voeg_activiteit_toe,
            door=werkgever,
            verzuimgeval=geval,
            type=ActiviteitType.WERKPLEKONDERZOEK,
            deadline=vandaag - timedelta(days=5),
            verantwoordelijke=Verantwoordelijke.ARBEIDSDESKUNDIGE,
            omschrijving="Werkplek bekijken met de arbeidsdeskundige",
        )
    if index % 3 == 2 and dagen >= 10:
        _probeer(
            service.voeg_activiteit_toe,
            door=cm,
            verzuimgeval=geval,
            type=ActiviteitType.BEZOEK_BEDRIJFSARTS,
            deadline=op(9),
            verantwoordelijke=Verantwoordelijke.BEDRIJFSARTS,
            omschrijving="Spreekuur bedrijfsarts",
        )
        bezoek = Activiteit.objects.filter(
            verzuimgeval=geval, type=ActiviteitType.BEZOEK_BEDRIJFSARTS, afgewerkt=False
        )
        for act in bezoek:
            _probeer(service.werk_activiteit_af, door=cm, activiteit=act, uitgevoerd_op=op(9))


def laad_demo(*, vandaag: date) -> int:
    """Fill the dossiers of the demo werkgevers' open spells; returns the number of spells."""
    if Activiteit.objects.exists():
        return 0
    gevuld = 0
    for werkgever in Werkgever.objects.order_by("kvk_nummer"):
        eigenaar = _eigenaar(werkgever)
        if eigenaar is None:
            continue
        cm = _casemanager(werkgever)
        gevallen = (
            Verzuimgeval.objects.filter(
                werknemer__loonheffingennummer__werkgever=werkgever,
                werknemer__loonheffingennummer__actief=True,
                einddatum__isnull=True,
            )
            .select_related("werknemer")
            .order_by("verzuimnummer")[:MAX_PER_WERKGEVER]
        )
        for index, geval in enumerate(gevallen):
            _vul_dossier(geval, index, eigenaar, cm, vandaag)
            gevuld += 1
    return gevuld
