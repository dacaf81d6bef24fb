"""Demo: an ontslagaanvraag at Bakkerij Van den Broek (DOMAIN §7.6), through the service.

A bedrijfseconomische aanvraag with forms A, B and C and their bijlagen, for the first employee
without recent sickness; and, when an employee has been sick for more than 104 weeks, an
aanvraag wegens langdurige arbeidsongeschiktheid. Idempotent: nothing happens once the bakkerij
has an ontslagaanvraag. A candidate a rule refuses is skipped.
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers.models import Werknemer

from . import documenten, service
from .models import Ontslagaanvraag, Ontslagroute

KVK_BAKKERIJ = "69201843"
# A minimal valid PDF (the demo's forms are placeholders for the real UWV forms).
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def demo_actor(werkgever: Werkgever) -> Actor | None:
    """The bakkerij's demo owner, acting with every service (as an eHerkenning login would)."""
    gebruiker = get_user_model().objects.filter(username="demo-bakkerij").first()
    if gebruiker is None:
        return None
    return Actor(
        werkgever=werkgever,
        rechten=frozenset(Dienst),
        route=Route.LOKAAL,
        gebruiker=gebruiker,
        weergavenaam=gebruiker.get_full_name(),
    )


def _pdfs(checklist: tuple) -> dict[str, SimpleUploadedFile | None]:
    return {s.code: SimpleUploadedFile(f"{s.code}.pdf", PDF) for s in checklist}


def laad_demo(*, vandaag: date) -> None:
    werkgever = Werkgever.objects.filter(kvk_nummer=KVK_BAKKERIJ).first()
    door = demo_actor(werkgever) if werkgever else None
    if werkgever is None or door is None:
        return
    if Ontslagaanvraag.objects.filter(zaak__werkgever=werkgever).exists():
        return
    werknemers = Werknemer.objects.filter(
        loonheffingennummer__werkgever=werkgever,
        loonheffingennummer__actief=True,
        datum_uit_dienst__isnull=True,
    ).order_by("pk")
    ziek = Verzuimgeval.objects.filter(einddatum__isnull=True).values("werknemer_id")
    for werknemer in werknemers.exclude(pk__in=ziek)[:5]:
        try:
            with transaction.atomic():
                service.dien_ontslagaanvraag_in(
                    door=door,
                    werknemer=werknemer,
                    route=Ontslagroute.BEDRIJFSECONOMISCH,
                    afspiegeling_toegepast=True,
                    herplaatsing_onmogelijk=True,
                    bestanden=_pdfs(documenten.BEDRIJFSECONOMISCH),
                )
        except ValidationError:
            continue
        break
    lang_ziek = werknemers.filter(
        verzuimgevallen__einddatum__isnull=True,
        verzuimgevallen__eerste_ziektedag__lte=vandaag - timedelta(days=728),
    ).distinct()
    for werknemer in lang_ziek[:5]:
        try:
            with transaction.atomic():
                service.dien_ontslagaanvraag_in(
                    door=door,
                    werknemer=werknemer,
                    route=Ontslagroute.LANGDURIG_ZIEK,
                    verklaring_bedrijfsarts_op=vandaag - timedelta(days=14),
                    bestanden=_pdfs(documenten.voor_ontslag(route="langdurig_ziek", iva=False)),
                )
        except ValidationError:
            continue
        break
