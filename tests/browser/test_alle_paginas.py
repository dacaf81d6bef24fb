"""axe-core on every portal page at 1 280 px and at 375 px, and no sideways scrolling at 375 px.

The page list comes from the URL patterns: every view behind ``portaal_view`` is visited, so a
new page is checked without editing this test. Pages with an id in the URL get one from the demo
data (``manage.py demo_data``) of the demo werkgever; a new kind of id fails until ``OBJECTEN``
says where to find one. The visitor is an eHerkenning login of the demo werkgever with every
service of the catalogue. Downloads (pdf, xlsx, csv, json), POST-only actions, pages for an
object in another state and kinds of object the demo data lack are printed as not checked; a
server error fails. One test, one demo load: each page is opened once and checked at both widths.
"""

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from io import StringIO
from typing import Any
from uuid import UUID

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Model, QuerySet
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import Omgeving, eherkenning_client
from tests.browser.hulp import ERNSTIG, axe_resultaat, beschrijf
from verzuimportaal.aanvragen.models import Bijlage, Zaak
from verzuimportaal.berichten.models import Bericht
from verzuimportaal.dossier.models import Activiteit, Document
from verzuimportaal.eigenrisicodragers.models import Erddocument
from verzuimportaal.facturen.models import Arbofactuur, Premiefactuur
from verzuimportaal.imports.models import Werknemerimport
from verzuimportaal.imports.tests.factories import werknemerimport_van
from verzuimportaal.koppelingen.models import ApiClient
from verzuimportaal.koppelingen.tests.factories import apiclient_van
from verzuimportaal.machtigingen.models import Adviseurtoegang
from verzuimportaal.reintegratiekosten.models import Declaratie
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.wazo.models import Wazoverlof
from verzuimportaal.webhooks.models import Abonnement
from verzuimportaal.webhooks.tests.factories import abonnement_van
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers.models import Werknemer

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

ACCOUNT = "demo-bakkerij"  # the demo werkgever's hoofdcontactpersoon
MOBIEL = {"width": 375, "height": 812}
BREED = {"width": 1280, "height": 900}

Zoeker = Callable[[Werkgever], "QuerySet[Any]"]


def _werknemers(w: Werkgever) -> "QuerySet[Werknemer]":
    return Werknemer.objects.filter(loonheffingennummer__werkgever=w, datum_uit_dienst__isnull=True)


def _open_gevallen(w: Werkgever) -> "QuerySet[Verzuimgeval]":
    return Verzuimgeval.objects.filter(
        werknemer__loonheffingennummer__werkgever=w, einddatum__isnull=True
    ).order_by("eerste_ziektedag")


# Per kind of id in a URL: where the demo data has one for the werkgever.
SOORTEN: dict[str, Zoeker] = {
    "werknemer": _werknemers,
    "gezonde_werknemer": lambda w: _werknemers(w).exclude(verzuimgevallen__einddatum__isnull=True),
    "verzuimgeval": _open_gevallen,
    "activiteit": lambda w: Activiteit.objects.filter(verzuimgeval__in=_open_gevallen(w)),
    "document": lambda w: Document.objects.filter(
        verzuimgeval__werknemer__loonheffingennummer__werkgever=w
    ),
    "wazo": lambda w: Wazoverlof.objects.filter(werknemer__loonheffingennummer__werkgever=w),
    "zaak": lambda w: Zaak.objects.filter(werkgever=w),
    "bericht": lambda w: Bericht.objects.filter(werkgever=w),
    "bericht_met_document": lambda w: Bericht.objects.filter(werkgever=w).exclude(document=""),
    "arbofactuur": lambda w: Arbofactuur.objects.filter(werkgever=w),
    "import": lambda w: Werknemerimport.objects.filter(werkgever=w),
    "apiclient": lambda w: ApiClient.objects.filter(werkgever=w),
    "adviseurtoegang": lambda w: Adviseurtoegang.objects.filter(werkgever=w),
    "abonnement": lambda w: Abonnement.objects.filter(werkgever=w),
    "collega": lambda w: Lidmaatschap.objects.filter(werkgever=w, actief=True).exclude(
        gebruiker__username=ACCOUNT
    ),
    "zaak_met_besluit": lambda w: Zaak.objects.filter(werkgever=w, besluit_op__isnull=False),
    "zaakbijlage": lambda w: Bijlage.objects.filter(zaak__werkgever=w),
    "erddocument": lambda w: Erddocument.objects.filter(loonheffingennummer__werkgever=w),
    "premiefactuur": lambda w: Premiefactuur.objects.filter(werkgever=w),
    "declaratie": lambda w: Declaratie.objects.filter(werkgever=w),
    "declaratie_met_nota": lambda w: Declaratie.objects.filter(werkgever=w).exclude(nota=""),
    # The re-integratieverslag page of a spell past week 89 that the demo has (or none).
    "verzuimgeval_riv": lambda w: _open_gevallen(w).filter(
        eerste_ziektedag__lte=timezone.localdate() - timedelta(weeks=89)
    ),
}

# Per page with an id: the kind of id (the view's own fetcher decides what it accepts).
OBJECTEN: dict[str, str] = {
    "accounts:rechten_wijzigen": "collega",
    "accounts:account_deactiveren": "collega",
    "imports:koppelen": "import",
    "imports:proefdraai": "import",
    "imports:voortgang": "import",
    "imports:rapport": "import",
    "werknemers:detail": "werknemer",
    "werknemers:wijzigen": "werknemer",
    "verzuim:detail": "verzuimgeval",
    "verzuim:hersteld_melden": "verzuimgeval",
    "verzuim:corrigeren": "verzuimgeval",
    "verzuim:percentage_wijzigen": "verzuimgeval",
    "verzuim:ziek_melden": "gezonde_werknemer",
    "verzuim:zelfde_oorzaak": "verzuimgeval",
    "wazo:detail": "wazo",
    "wazo:geboorte_melden": "wazo",
    "wazo:zwangerschapsverlof_melden": "gezonde_werknemer",
    "wazo:aanvullend_geboorteverlof_melden": "gezonde_werknemer",
    "wazo:adoptieverlof_melden": "gezonde_werknemer",
    "aanvragen:detail": "zaak",
    "aanvragen:beantwoorden": "zaak",
    "aanvragen:bijlage": "zaakbijlage",
    "bezwaar:tegen_besluit": "zaak_met_besluit",
    "eigenrisicodragers:document": "erddocument",
    "ontslag:ontslagaanvraag": "gezonde_werknemer",
    "ontslag:compensatie": "werknemer",
    "dossier:tijdlijn": "verzuimgeval",
    "dossier:activiteit_toevoegen": "verzuimgeval",
    "dossier:stap_afwerken": "verzuimgeval",
    "dossier:document_uploaden": "verzuimgeval",
    "dossier:verlenging": "verzuimgeval",
    "dossier:activiteit_wijzigen": "activiteit",
    "dossier:activiteit_afwerken": "activiteit",
    "dossier:activiteit_heropenen": "activiteit",
    "dossier:document": "document",
    "overzichten:werknemer": "werknemer",
    "uitkeringen:werknemer": "werknemer",
    "lonen:werknemer": "werknemer",
    "facturen:pdf": "arbofactuur",
    "facturen:premie_pdf": "premiefactuur",
    "reintegratiekosten:detail": "declaratie",
    "reintegratiekosten:nota": "declaratie_met_nota",
    "reintegratieverslag:verslag": "verzuimgeval",
    "reintegratieverslag:indienen": "verzuimgeval_riv",
    "berichten:detail": "bericht",
    "berichten:document": "bericht_met_document",
    "inzage:json": "werknemer",
    "inzage:pdf": "werknemer",
    "machtigingen:wijzigen": "adviseurtoegang",
    "machtigingen:intrekken": "adviseurtoegang",
    "koppelingen:vernieuwen": "apiclient",
    "koppelingen:intrekken": "apiclient",
    "webhooks:stoppen": "abonnement",
    "webhooks:leveringen": "abonnement",
}


def portaalpaginas() -> Iterator[tuple[str, list[str]]]:
    """(URL name, its parameter names) of every view behind ``portaal_view``."""

    def doorloop(resolver: URLResolver, ns: str) -> Iterator[tuple[str, list[str]]]:
        for patroon in resolver.url_patterns:
            if isinstance(patroon, URLResolver):
                yield from doorloop(
                    patroon, ns + (f"{patroon.namespace}:" if patroon.namespace else "")
                )
            elif isinstance(patroon, URLPattern) and hasattr(patroon.callback, "portaal_recht"):
                yield ns + str(patroon.name), list(patroon.pattern.converters)

    yield from doorloop(get_resolver(), "")


def _url(naam: str, parameters: list[str], werkgever: Werkgever) -> str | None:
    if not parameters:
        return reverse(naam)
    assert naam in OBJECTEN, f"{naam}: voeg in OBJECTEN toe welk soort id deze pagina krijgt"
    assert parameters == ["uuid"], f"{naam}: onbekende parameters {parameters}"
    gevonden: Model | None = SOORTEN[OBJECTEN[naam]](werkgever).first()
    if gevonden is None:
        return None
    uuid: UUID = gevonden.uuid
    return reverse(naam, kwargs={"uuid": uuid})


def _controleer(page: Page, breedte: dict[str, int], fouten: list[str]) -> None:
    page.set_viewport_size(breedte)
    ernstig = [s for s in axe_resultaat(page)["violations"] if s["impact"] in ERNSTIG]
    if ernstig:
        fouten.append(f"axe {breedte['width']} px {page.url}:\n{beschrijf(ernstig)}")
    if breedte == MOBIEL:
        scroll = page.evaluate("() => document.documentElement.scrollWidth")
        if scroll > MOBIEL["width"]:
            fouten.append(f"{page.url} scrolt zijwaarts op 375 px ({scroll} px breed)")


@pytest.fixture
def demo(live_server) -> Werkgever:
    """The demo data, plus what the demo does not have yet: an import, an API client and a
    webhook subscription, made through their services as the tests of those apps do."""
    call_command("demo_data", stdout=StringIO())
    lid = Lidmaatschap.objects.select_related("werkgever").get(gebruiker__username=ACCOUNT)
    geval = _open_gevallen(lid.werkgever).select_related("werknemer__loonheffingennummer").first()
    assert geval is not None
    omgeving = Omgeving(
        werkgever=lid.werkgever,
        loonheffingennummer=geval.werknemer.loonheffingennummer,
        werknemer=geval.werknemer,
        verzuimgeval=geval,
        lidmaatschap=lid,
    )
    werknemerimport_van(omgeving)
    apiclient_van(omgeving)
    abonnement_van(omgeving)
    return lid.werkgever


def test_elke_portaalpagina_zonder_ernstige_axe_fouten_op_1280_en_375_px(
    page: Page, demo: Werkgever, live_server
) -> None:
    # An eHerkenning login with every service of the catalogue (a local account holds only the
    # local rights), for the demo werkgever; the session is made as the login would make it.
    client = eherkenning_client(demo.kvk_nummer, *Dienst.values, pseudoniem="alle-diensten")
    sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}]
    )
    page.goto("/")
    if "/voorwaarden/" in page.url:
        page.get_by_label("E-mailadres voor meldingen").fill("hr@bakkerij.example")
        page.get_by_label("Ik heb de gebruiksvoorwaarden gelezen").check()
        page.get_by_role("button", name="Accepteren en verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Overzicht {demo.naam}")

    fouten: list[str] = []
    bezocht: list[str] = []
    overgeslagen: list[str] = []
    for naam, parameters in sorted(portaalpaginas()):
        url = _url(naam, parameters, demo)
        if url is None:
            overgeslagen.append(f"{naam} (geen {OBJECTEN[naam]} in de demodata)")
            continue
        antwoord = page.request.get(url, max_redirects=5)
        soort = antwoord.headers.get("content-type", "")
        if antwoord.status >= 500:
            fouten.append(f"{naam}: {url} gaf {antwoord.status}")
            continue
        if antwoord.status != 200 or not soort.startswith("text/html"):
            # A download, a POST-only action, or a page for another state of the object.
            overgeslagen.append(f"{naam} ({antwoord.status} {soort.split(';')[0]})")
            continue
        page.set_viewport_size(BREED)
        page.goto(url)
        bezocht.append(naam)
        _controleer(page, BREED, fouten)
        _controleer(page, MOBIEL, fouten)

    print(f"{len(bezocht)} pagina's gecontroleerd; niet gecontroleerd: {', '.join(overgeslagen)}")
    assert len(bezocht) >= 50, bezocht
    assert not fouten, "\n".join(fouten)


def test_paginalijst_volgt_de_urlpatronen() -> None:
    """A page with an id in its URL needs an entry in OBJECTEN; stale entries are removed."""
    namen = {naam for naam, parameters in portaalpaginas() if parameters}
    assert namen - set(OBJECTEN) == set()
    assert set(OBJECTEN) - namen == set()
    assert set(OBJECTEN.values()) <= set(SOORTEN)
    assert re.fullmatch(r"[a-z_]+:[a-z_]+", min(namen))
