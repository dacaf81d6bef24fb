"""Every URL of the portal apps, for every kind of visitor (deny by default, ADR 0002).

The routes come from the URL resolver itself. A route in the namespaces below that is missing from
``PORTAALROUTES`` or ``OPEN_ROUTES`` fails ``test_elke_route_staat_in_de_tabel``: a new page is
never silently uncovered. A new namespace fails too, until it is classified.
"""

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import Omgeving, ingelogde_client
from tests.factories import (
    GebruikerFactory,
    LidmaatschapFactory,
    WerkgeverFactory,
    WerknemerFactory,
)
from verzuimportaal.aanvragen.models import Zaak
from verzuimportaal.aanvragen.tests.factories import bijlage_van, zaak_van
from verzuimportaal.aanvragen.views import DIENSTEN as ZAAKDIENSTEN
from verzuimportaal.berichten.tests.factories import bericht_van
from verzuimportaal.dossier.tests.factories import activiteit_van, document_van
from verzuimportaal.eherkenning.sessie import SESSIE_EHERKENNING, EHerkenningContext
from verzuimportaal.facturen.tests.factories import arbofactuur_van, premiefactuur_van
from verzuimportaal.imports.tests.factories import werknemerimport_van
from verzuimportaal.koppelingen.tests.factories import apiclient_van
from verzuimportaal.lonen.models import Loongegeven
from verzuimportaal.machtigingen.tests.factories import adviseurtoegang_van
from verzuimportaal.reintegratiekosten.tests.factories import declaratie_van
from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim.models import Nummerreeks, Verzuimgeval, Verzuimmutatie
from verzuimportaal.wazo.models import Wazoverlof
from verzuimportaal.wazo.tests.factories import wazoverlof_van
from verzuimportaal.webhooks.tests.factories import abonnement_van
from verzuimportaal.werknemers.models import Werknemer

PORTAAL_NAMESPACES = {
    "portaal",
    "werknemers",
    "verzuim",
    "toegang",
    "accounts",
    "dossier",
    "uitkeringen",
    "verzamelspecificaties",
    "lonen",
    "facturen",
    "overzichten",
    "statistiek",
    "berichten",
    "audit",
    "machtigingen",
    "voorwaarden",
    "blokkades",
    "verificatie",
    "koppelingen",
    "webhooks",
    "imports",
    "inzage",
    "wazo",
    "aanvragen",
    "reintegratiekosten",
}
ANDERE_NAMESPACES = {
    "eherkenning": "eHerkenning OIDC-login; getest in eherkenning/tests",
    "eherkenning_saml": "eHerkenning SAML-login; getest in eherkenning/tests",
    "admin": "Django-beheer voor de operator (is_staff), buiten het portaal",
    "api": "API met dezelfde Actor en rechten (api/permissions.py); getest in api/tests",
    # Only mounted with EHERKENNING_SIMULATOR_ENABLED (demo and tests), never in production.
    "eherkenning_simulator": "nagebootste eHerkenning-makelaar; getest in eherkenning_simulator",
    "oauth2_provider": "OIDC-provider van de simulator (API-clients: api:token)",
    "behandeling": "behandelaarsomgeving van de operator (ADR 0027), geen werkgever; getest in "
    "aanvragen/tests/test_behandeling.py",
    # UWV services only an eHerkenning machtiging gives, never a local right (ADR 0040): the
    # local owner of this matrix has none of them; every role in test_toegang_uwv_diensten.py.
    "doelgroepregister": "dienst 6, alleen eHerkenning; test_toegang_uwv_diensten.py",
    "eigenrisicodragers": "diensten 4, 5, 7, alleen eHerkenning; test_toegang_uwv_diensten.py",
    "doelgroepregister_beheer": "import door de operator (ADR 0040); test_toegang_uwv_diensten.py",
    "eigenrisicodragers_beheer": "import door de operator (ADR 0040); test_toegang_uwv_diensten.py",
    "verzamelspecificaties_beheer": "UWV-feed en maximumdagloon door de operator (ADR 0045); "
    "test_toegang_uwv_diensten.py",
    "polisbeheer": "polisbeheer van de operator (DOMAIN §7.3), geen werkgever; getest in "
    "polissen/tests/test_beheer.py",
    # eHerkenning-only services (DOMAIN §3: 3 and 8), which local accounts never hold: the same
    # deny-by-default table with an eHerkenning owner in ontslag/ and bezwaar/tests/test_toegang.py.
    "ontslag": "Indienen ontslagaanvraag (ADR 0028); getest in ontslag/tests/test_toegang.py",
    "bezwaar": "Bezwaar maken (ADR 0028); getest in bezwaar/tests/test_toegang.py",
    "reintegratieverslag": "Re-integratiegegevens WIA (ADR 0028); getest in "
    "reintegratieverslag/tests/test_toegang.py",
}

VANDAAG = "2026-11-23"
# One clock for the fixtures and the requests (conftest.klok): the data of werkgever A and B are
# made on the same day the pages are asked for, whatever the real date.
pytestmark = pytest.mark.klok(VANDAAG)


W, V = Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN
# A 2025 first sick day: VerzuimgevalFactory numbers its spells 2026-NNNNN without the counter, so a
# service-made 2026 number could collide with a fixture spell (see the report on tests/factories).
ZIEKTEDAG = "2025-11-20"


def _ziek_melden(a: Omgeving) -> dict[str, str]:
    return {"eerste_ziektedag": ZIEKTEDAG, "vangnet": "onbekend"}


def _hersteld_melden(a: Omgeving) -> dict[str, str]:
    return {"soort": "volledig", "datum": "2026-11-20"}


def _corrigeren(a: Omgeving) -> dict[str, str]:
    return {"wat": "eerste_ziektedag", "datum": "2026-11-03", "reden": "Verkeerde datum"}


def _percentage_wijzigen(a: Omgeving) -> dict[str, str]:
    return {"ingangsdatum": "2026-11-20", "percentage_arbeidsongeschikt": "50"}


def _aanmelden(a: Omgeving) -> dict[str, str]:
    return {
        "loonheffingennummer": str(a.loonheffingennummer.pk),
        "bsn": "111222333",
        "voornaam": "Nieuw",
        "achternaam": "Aangemeld",
        "geboortedatum": "1990-01-01",
        "datum_in_dienst": "2025-01-01",
        "contracturen_per_week": "40",
    }


def _wijzigen(a: Omgeving) -> dict[str, str]:
    w = a.werknemer
    return {
        "loonheffingennummer": str(w.loonheffingennummer_id),
        "voornaam": w.voornaam,
        "achternaam": "Gewijzigd",
        "geboortedatum": w.geboortedatum.isoformat(),
        "datum_in_dienst": w.datum_in_dienst.isoformat(),
        "contracturen_per_week": "40",
    }


def _zwangerschapsverlof_melden(a: Omgeving) -> dict[str, str]:
    # DOMAIN §7.1: S = 2026-12-13 is 6 weeks before A = 2027-01-24; applied in S-28 ... S-14.
    return {
        "uitgerekende_datum": "2027-01-23",
        "ingangsdatum": "2026-12-13",
        "uitkering_aan": "werkgever",
    }


def _aanvullend_geboorteverlof_melden(a: Omgeving) -> dict[str, str]:
    return {
        "geboortedatum": "2026-11-10",
        "einde_geboorteverlof": "2026-11-17",
        "ingangsdatum": "2026-11-30",
        "weken": "2",
        "uitkering_aan": "werkgever",
    }


def _adoptieverlof_melden(a: Omgeving) -> dict[str, str]:
    return {
        "soort": "adoptie",
        "datum_komst": "2027-01-01",
        "ingangsdatum": "2026-12-14",
        "weken": "6",
        "uitkering_aan": "werkgever",
    }


def _geboorte_melden(a: Omgeving) -> dict[str, str]:
    return {"geboortedatum": "2026-11-20"}


def _loon(a: Omgeving) -> dict[str, str]:
    return {
        "ingangsdatum": "01-01-2021",
        "bruto_jaarloon": "48000",
        "vakantiegeld_percentage": "8",
        "vaste_onderdelen": "0",
    }


@dataclass(frozen=True)
class Route:
    recht: tuple[str, ...] | None  # what portaal_view must require (None: any actor)
    object: str | None = None  # which object of werkgever A fills the URL
    post: Callable[[Omgeving], dict[str, str]] | None = None  # a valid POST of the owner
    kenmerken: tuple[str, ...] = ()  # which of A's markers the owner sees on a list page
    wijzigen: bool = False  # portaal_view demands the level "bekijken en wijzigen"


PORTAALROUTES: dict[str, Route] = {
    "portaal:dashboard": Route(None, kenmerken=("verzuimnummer", "geval")),
    "werknemers:lijst": Route((W, V), kenmerken=("werknemer", "lhnr")),
    "werknemers:aanmelden": Route((W,), post=_aanmelden, kenmerken=("lhnr",), wijzigen=True),
    "werknemers:detail": Route((W, V), object="werknemer"),
    "werknemers:wijzigen": Route((W,), object="werknemer", post=_wijzigen, wijzigen=True),
    "verzuim:lopend": Route((V,), kenmerken=("verzuimnummer", "geval", "werknemer")),
    "verzuim:detail": Route((V,), object="verzuimgeval"),
    "verzuim:hersteld_melden": Route(
        (V,), object="verzuimgeval", post=_hersteld_melden, wijzigen=True
    ),
    "verzuim:ziek_melden": Route(
        (V,), object="gezonde_werknemer", post=_ziek_melden, wijzigen=True
    ),
    # Corrections (DOMAIN §4.6) and percentage changes; rules in verzuim/tests.
    "verzuim:corrigeren": Route((V,), object="verzuimgeval", post=_corrigeren, wijzigen=True),
    # DOMAIN §5.1: the bedrijfsarts's answer "zelfde oorzaak" after WAZO leave (ADR 0026).
    "verzuim:zelfde_oorzaak": Route(
        (V,), object="verzuimgeval", post=lambda a: {"zelfde_oorzaak": "ja"}, wijzigen=True
    ),
    "verzuim:percentage_wijzigen": Route(
        (V,), object="verzuimgeval", post=_percentage_wijzigen, wijzigen=True
    ),
    "berichten:inbox": Route(None),
    "berichten:detail": Route(None, object="bericht"),
    "berichten:document": Route(None, object="bericht"),
    # Activation by verificatiecode (seed 003): the POST is tested in verificatie/tests.
    "verificatie:activeren": Route((Dienst.RECHTENBEHEER,), wijzigen=True),
    # Overviews (seed 004): read-only; a POST is treated as a GET and changes nothing.
    "overzichten:index": Route((Dienst.OVERZICHTEN,)),
    "overzichten:algemeen": Route((Dienst.OVERZICHTEN,), kenmerken=("verzuimnummer", "lhnr")),
    "overzichten:verzekeraar": Route((Dienst.OVERZICHTEN,), kenmerken=("verzuimnummer", "lhnr")),
    "overzichten:werknemer": Route((Dienst.OVERZICHTEN,), object="werknemer"),
    "overzichten:mutaties": Route((Dienst.OVERZICHTEN,), kenmerken=("verzuimnummer", "werknemer")),
    "overzichten:werknemerslijst": Route((W, V)),
    # Statistics (DOMAIN §6): the number filter lists A's loonheffingennummers; a POST is a GET.
    "statistiek:overzicht": Route((Dienst.OVERZICHTEN,), kenmerken=("lhnr",)),
    "statistiek:managementrapport": Route((Dienst.OVERZICHTEN,), kenmerken=("lhnr",)),
    # Audit log (seed 003 art. 2.9-2.10): read-only, own werkgever only; a POST is a GET.
    # Financiën (DOMAIN §3 service 2, §7.3): read-only; a POST is a GET.
    "uitkeringen:overzicht": Route((Dienst.UITKERINGSGEGEVENS,)),
    "uitkeringen:maand": Route((Dienst.UITKERINGSGEGEVENS,)),
    # The UWV verzamelspecificatie (DOMAIN §7.2): read-only; a POST is a GET.
    "verzamelspecificaties:maand": Route((Dienst.UITKERINGSGEGEVENS,)),
    "uitkeringen:werknemer": Route((Dienst.UITKERINGSGEGEVENS,), object="werknemer"),
    "facturen:pdf": Route((Dienst.UITKERINGSGEGEVENS,), object="arbofactuur"),
    "facturen:premie_pdf": Route((Dienst.UITKERINGSGEGEVENS,), object="premiefactuur"),
    # The January update (ADR 0042): the table's POSTs in lonen/tests/test_januari.py.
    "lonen:januari": Route((W,), wijzigen=True),
    # Wage data (DOMAIN §7.3): history and a form; the valid POST is stored.
    "lonen:werknemer": Route((W,), object="werknemer", post=_loon, wijzigen=True),
    "audit:log": Route((Dienst.RECHTENBEHEER,)),
    "audit:export": Route((Dienst.RECHTENBEHEER,)),
    # Rechtenbeheer of local accounts (seed 004); POSTs in accounts/tests/test_rechtenbeheer.py.
    "accounts:rechtenbeheer": Route((Dienst.RECHTENBEHEER,), wijzigen=True),
    "accounts:account_aanmaken": Route((Dienst.RECHTENBEHEER,), wijzigen=True),
    "accounts:rechten_wijzigen": Route(
        (Dienst.RECHTENBEHEER,), object="lidmaatschap", wijzigen=True
    ),
    "accounts:account_deactiveren": Route(
        (Dienst.RECHTENBEHEER,), object="lidmaatschap", wijzigen=True
    ),
    # Who has access, route B (seed 002, seed 003 art. 2.10); POSTs: machtigingen/tests.
    "machtigingen:overzicht": Route((Dienst.RECHTENBEHEER,)),
    "machtigingen:verlenen": Route((Dienst.RECHTENBEHEER,), wijzigen=True),
    "machtigingen:bevestigen": Route((Dienst.RECHTENBEHEER,), wijzigen=True),
    "machtigingen:wijzigen": Route(
        (Dienst.RECHTENBEHEER,), object="adviseurtoegang", wijzigen=True
    ),
    "machtigingen:intrekken": Route(
        (Dienst.RECHTENBEHEER,), object="adviseurtoegang", wijzigen=True
    ),
    # API clients (ADR 0022); POSTs in koppelingen/tests.
    "koppelingen:overzicht": Route((Dienst.RECHTENBEHEER,)),
    "koppelingen:registreren": Route((Dienst.RECHTENBEHEER,), wijzigen=True),
    "koppelingen:vernieuwen": Route((Dienst.RECHTENBEHEER,), object="apiclient", wijzigen=True),
    "koppelingen:intrekken": Route((Dienst.RECHTENBEHEER,), object="apiclient", wijzigen=True),
    # Bulk import of werknemers; POSTs in imports/tests.
    "imports:start": Route((W,), wijzigen=True),
    "imports:sjabloon": Route((W,), wijzigen=True),
    "imports:koppelen": Route((W,), object="werknemerimport", wijzigen=True),
    "imports:proefdraai": Route((W,), object="werknemerimport", wijzigen=True),
    "imports:voortgang": Route((W,), object="werknemerimport"),
    "imports:rapport": Route((W,), object="werknemerimport"),
    # Webhooks (ADR 0023); POSTs in webhooks/tests.
    "webhooks:overzicht": Route((Dienst.RECHTENBEHEER,)),
    "webhooks:nieuw": Route((Dienst.RECHTENBEHEER,), wijzigen=True),
    "webhooks:stoppen": Route((Dienst.RECHTENBEHEER,), object="webhook", wijzigen=True),
    "webhooks:leveringen": Route((Dienst.RECHTENBEHEER,), object="webhook"),
    # Misuse report (seed 003 art. 4.5): any actor; an empty POST is a form error, stored in
    # blokkades/tests/test_melden.py.
    "blokkades:melden": Route(None),
    # Verzuimdossier: the list treats a POST as a GET. The forms check the level "wijzigen"
    # themselves (a casemanager changes with "bekijken"); their POSTs: dossier/tests/test_views.
    "dossier:activiteiten": Route((V,), kenmerken=("verzuimnummer", "geval")),
    "dossier:tijdlijn": Route((V,), object="verzuimgeval"),
    "dossier:activiteit_toevoegen": Route((V,), object="verzuimgeval"),
    "dossier:stap_afwerken": Route((V,), object="verzuimgeval"),
    "dossier:document_uploaden": Route((V,), object="verzuimgeval"),
    "dossier:verlenging": Route((V,), object="verzuimgeval"),
    "dossier:activiteit_wijzigen": Route((V,), object="activiteit"),
    "dossier:activiteit_afwerken": Route((V,), object="activiteit"),
    "dossier:activiteit_heropenen": Route((V,), object="activiteit"),
    "dossier:document": Route((V,), object="document"),
    # WAZO leave (DOMAIN §7.1) under service 1, "verzuimgegevens Ziektewet en WAZO"; rules and
    # refusals in wazo/tests.
    "wazo:overzicht": Route((V,)),
    "wazo:detail": Route((V,), object="wazoverlof"),
    "wazo:geboorte_melden": Route((V,), object="wazoverlof", post=_geboorte_melden, wijzigen=True),
    "wazo:zwangerschapsverlof_melden": Route(
        (V,), object="gezonde_werknemer", post=_zwangerschapsverlof_melden, wijzigen=True
    ),
    "wazo:aanvullend_geboorteverlof_melden": Route(
        (V,), object="gezonde_werknemer", post=_aanvullend_geboorteverlof_melden, wijzigen=True
    ),
    # Cases at the operator (ADR 0027): status and history of the werkgever's own cases.
    "aanvragen:lijst": Route(ZAAKDIENSTEN),
    "aanvragen:detail": Route(ZAAKDIENSTEN, object="zaak"),
    # The answer to the operator's question (ADR 0028); rules and POSTs in aanvragen/tests.
    "aanvragen:beantwoorden": Route(ZAAKDIENSTEN, object="zaak", wijzigen=True),
    "aanvragen:bijlage": Route(ZAAKDIENSTEN, object="bijlage"),
    "wazo:adoptieverlof_melden": Route(
        (V,), object="gezonde_werknemer", post=_adoptieverlof_melden, wijzigen=True
    ),
    # Re-integratiekosten and loonsanctie (DOMAIN §7.5, ADR 0041); the detail page holds the
    # casemanager's and the werkgever's steps (POSTs in reintegratiekosten/tests), a POST on the
    # list is a GET.
    "reintegratiekosten:lijst": Route((V,)),
    "reintegratiekosten:aanvragen": Route((V,), wijzigen=True),
    "reintegratiekosten:loonsanctie": Route((V,), wijzigen=True),
    "reintegratiekosten:detail": Route((V,), object="declaratie"),
    "reintegratiekosten:nota": Route((V,), object="declaratie"),
    # Inzage for one werknemer (ADR 0021): downloads; the view also demands verzuim and
    # rechtenbeheer (inzage/tests/test_views.py); a POST is a GET.
    "inzage:json": Route((W,), object="werknemer"),
    "inzage:pdf": Route((W,), object="werknemer"),
}

# Not wrapped by portaal_view, on purpose; each has its own test below.
OPEN_ROUTES = {
    "accounts:login": "inloggen kan alleen zonder werkgever",
    "accounts:logout": "uitloggen moet ook zonder (geldige) werkgever kunnen",
    "accounts:sessie_verlengen": "keep-alive van de sessie, geen gegevens",
    "accounts:taal": "taalkeuze van bezoeker of eigen account, ook vóór het inloggen; POST",
    "portaal:melding_verbergen": "verbergt een banner in de eigen sessie, geen gegevens; POST",
    "portaal:hulp": "hulpteksten zonder gegevens, ook vóór het inloggen",
    "toegang:kies_werkgever": "hier ontstaat de werkgever; login_required",
    # Login steps, password reset and the own account (seed 004, DOMAIN §9): no werkgever data;
    # tested in accounts/tests.
    "accounts:eerste_wachtwoord": "inlogstap vóór de sessie: tijdelijk wachtwoord wijzigen",
    "accounts:tweede_factor": "inlogstap vóór de sessie: verificatiecode",
    "accounts:geen_tweede_factor": "uitleg zonder gegevens",
    "accounts:sms_outbox": "alleen demo/test (DEBUG of SMS_OUTBOX_ZICHTBAAR), anders 404",
    "accounts:wachtwoord_vergeten": "zonder inloggen; zelfde antwoord voor elk adres",
    "accounts:wachtwoord_vergeten_verstuurd": "bevestiging zonder gegevens",
    "accounts:wachtwoord_herstellen": "link met eenmalig token uit de e-mail",
    "accounts:wachtwoord_hersteld": "bevestiging zonder gegevens",
    "accounts:mijn_account": "eigen account, geen werkgever nodig; login_required",
    "accounts:wachtwoord_wijzigen": "eigen wachtwoord; login_required",
    "accounts:contactgegevens_wijzigen": "eigen e-mail/telefoon, met herbevestiging",
    "accounts:app_instellen": "eigen authenticator-app; login_required",
    "accounts:apparaat_intrekken": "eigen onthouden computers; login_required, POST",
    # Terms of use (seed 003 art. 2.3, 6; ADR 0006): before any werkgever is chosen; tested in
    # voorwaarden/tests/test_views.py.
    "voorwaarden:tonen": "geldende voorwaarden zijn openbaar (art. 6.3)",
    "voorwaarden:versie": "gepubliceerde versies zijn openbaar (art. 6.1)",
    "voorwaarden:accepteren": "accepteren vóór gebruik, nog zonder werkgever; login_required",
    "voorwaarden:weigeren": "weigeren sluit het account van de persoon zelf; login_required",
}


def _routes(
    patronen: list[Any], namespace: str = "", prefix: str = ""
) -> Iterator[tuple[str, str, Callable[..., Any]]]:
    for patroon in patronen:
        if isinstance(patroon, URLResolver):
            ns = ":".join(n for n in (namespace, patroon.namespace or "") if n)
            yield from _routes(patroon.url_patterns, ns, prefix + str(patroon.pattern))
        else:
            assert isinstance(patroon, URLPattern)
            yield f"{namespace}:{patroon.name}", prefix + str(patroon.pattern), patroon.callback


def portaalroutes() -> dict[str, Callable[..., Any]]:
    return {
        naam: callback
        for naam, _, callback in _routes(get_resolver().url_patterns)
        if naam.split(":")[0] in PORTAAL_NAMESPACES
    }


def test_elke_route_staat_in_de_tabel():
    alle = list(_routes(get_resolver().url_patterns))
    onbekend = {
        f"{naam} ({pad})"
        for naam, pad, _ in alle
        if naam.split(":")[0] not in PORTAAL_NAMESPACES | set(ANDERE_NAMESPACES)
    }
    assert not onbekend, f"Routes buiten een bekende namespace: {sorted(onbekend)}"
    gevonden = set(portaalroutes())
    verwacht = set(PORTAALROUTES) | set(OPEN_ROUTES)
    assert gevonden - verwacht == set(), "Nieuwe route: zet hem in PORTAALROUTES of OPEN_ROUTES"
    assert verwacht - gevonden == set(), "Route bestaat niet meer: haal hem uit de tabel"
    assert not set(PORTAALROUTES) & set(OPEN_ROUTES)


def test_elke_portaalview_is_omhuld_met_portaal_view_met_het_verwachte_recht():
    for naam, callback in portaalroutes().items():
        if naam in OPEN_ROUTES:
            assert not hasattr(callback, "portaal_recht"), f"{naam} staat onterecht in OPEN_ROUTES"
            continue
        assert hasattr(callback, "portaal_recht"), f"{naam} mist @portaal_view"
        assert callback.portaal_recht == PORTAALROUTES[naam].recht, naam
        assert callback.portaal_wijzigen == PORTAALROUTES[naam].wijzigen, naam


# --- the matrix ------------------------------------------------------------------------------


@pytest.fixture
def gezonde_werknemer(werkgever_a: Omgeving) -> Werknemer:
    return WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)


@pytest.fixture(autouse=True)
def _wazoverlof_vooraf(request: pytest.FixtureRequest) -> None:
    """The leave in a wazo URL exists before a test takes its snapshot (``stand`` counts it)."""
    callspec = getattr(request.node, "callspec", None)
    naam = callspec.params.get("naam") if callspec else None
    if naam in PORTAALROUTES and PORTAALROUTES[naam].object == "wazoverlof":
        wazoverlof_van(request.getfixturevalue("werkgever_a"))
    if naam in PORTAALROUTES and PORTAALROUTES[naam].object in ("zaak", "bijlage"):
        bijlage_van(request.getfixturevalue("werkgever_a"))  # and its case (ADR 0028)


def url(naam: str, a: Omgeving, gezond: Werknemer) -> str:
    objecten = {
        None: None,
        "werknemer": a.werknemer,
        "gezonde_werknemer": gezond,
        "verzuimgeval": a.verzuimgeval,
        "bericht": bericht_van(a) if PORTAALROUTES[naam].object == "bericht" else None,
        "lidmaatschap": a.lidmaatschap,
        "adviseurtoegang": (
            adviseurtoegang_van(a) if PORTAALROUTES[naam].object == "adviseurtoegang" else None
        ),
        "activiteit": activiteit_van(a) if PORTAALROUTES[naam].object == "activiteit" else None,
        "arbofactuur": (
            arbofactuur_van(a) if PORTAALROUTES[naam].object == "arbofactuur" else None
        ),
        "document": document_van(a) if PORTAALROUTES[naam].object == "document" else None,
        "wazoverlof": wazoverlof_van(a) if PORTAALROUTES[naam].object == "wazoverlof" else None,
        "zaak": zaak_van(a) if PORTAALROUTES[naam].object == "zaak" else None,
        "bijlage": bijlage_van(a) if PORTAALROUTES[naam].object == "bijlage" else None,
        "apiclient": apiclient_van(a) if PORTAALROUTES[naam].object == "apiclient" else None,
        "webhook": abonnement_van(a) if PORTAALROUTES[naam].object == "webhook" else None,
        "werknemerimport": (
            werknemerimport_van(a) if PORTAALROUTES[naam].object == "werknemerimport" else None
        ),
        "declaratie": declaratie_van(a) if PORTAALROUTES[naam].object == "declaratie" else None,
        "premiefactuur": (
            premiefactuur_van(a) if PORTAALROUTES[naam].object == "premiefactuur" else None
        ),
    }
    obj = objecten[PORTAALROUTES[naam].object]
    return reverse(naam, args=[obj.uuid] if obj else [])


def post_data(naam: str, a: Omgeving) -> dict[str, str]:
    maker = PORTAALROUTES[naam].post
    return maker(a) if maker else {}


def stand() -> tuple[list[tuple], ...]:
    return (
        list(Werknemer.objects.order_by("pk").values_list()),
        list(Verzuimgeval.objects.order_by("pk").values_list()),
        list(Verzuimmutatie.objects.order_by("pk").values_list()),
        list(Nummerreeks.objects.order_by("sleutel").values_list()),
        list(Wazoverlof.objects.order_by("pk").values_list()),
        list(Loongegeven.objects.order_by("pk").values_list()),
        list(Zaak.objects.order_by("pk").values_list()),
    )


def kenmerken(a: Omgeving) -> dict[str, str]:
    """Strings that only appear on a page that shows werkgever A's data."""
    return {
        "werknemer": str(a.werknemer.uuid),
        "geval": str(a.verzuimgeval.uuid),
        "verzuimnummer": a.verzuimgeval.verzuimnummer,
        "lhnr": a.loonheffingennummer.nummer,
    }


def zet_sessie(client: Client, **waarden: object) -> None:
    sessie = client.session
    sessie.update(waarden)
    sessie.save()


def tekst(response) -> str:
    """The body, also of a streamed download (e.g. the audit log CSV)."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode(errors="replace")  # a PDF download is bytes


def beide_methoden(client: Client, naam: str, a: Omgeving, gezond: Werknemer):
    adres = url(naam, a, gezond)
    yield "GET", client.get(adres)
    yield "POST", client.post(adres, post_data(naam, a))


ROUTES = sorted(PORTAALROUTES)
OBJECTROUTES = [n for n in ROUTES if PORTAALROUTES[n].object]
LIJSTROUTES = [n for n in ROUTES if not PORTAALROUTES[n].object]
POSTROUTES = [n for n in ROUTES if PORTAALROUTES[n].post]


@pytest.mark.parametrize("naam", ROUTES)
def test_anoniem_gaat_naar_inloggen(naam, werkgever_a, gezonde_werknemer):
    adres = url(naam, werkgever_a, gezonde_werknemer)
    voor = stand()
    for methode, response in beide_methoden(Client(), naam, werkgever_a, gezonde_werknemer):
        assert response.status_code == 302, methode
        locatie = urlsplit(response["Location"])
        assert locatie.path == reverse("accounts:login"), methode
        assert parse_qs(locatie.query)["next"] == [adres], methode
    assert stand() == voor


@pytest.mark.parametrize("naam", ROUTES)
def test_eigenaar_ziet_de_pagina(naam, werkgever_a, eigenaar, gezonde_werknemer):
    response = eigenaar.get(url(naam, werkgever_a, gezonde_werknemer))
    assert response.status_code == 200
    inhoud = tekst(response)
    for kenmerk in PORTAALROUTES[naam].kenmerken:
        assert kenmerken(werkgever_a)[kenmerk] in inhoud, kenmerk


@pytest.mark.parametrize("naam", POSTROUTES)
def test_eigenaar_kan_posten_en_dat_wordt_opgeslagen(
    naam, werkgever_a, eigenaar, gezonde_werknemer
):
    """Control for the refusals below: the same POST does work for the owner."""
    voor = stand()
    response = eigenaar.post(
        url(naam, werkgever_a, gezonde_werknemer), post_data(naam, werkgever_a)
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    assert stand() != voor


@pytest.mark.parametrize("naam", OBJECTROUTES)
def test_buitenstaander_krijgt_404_op_objecten_van_a_en_slaat_niets_op(
    naam, werkgever_a, buitenstaander, gezonde_werknemer
):
    voor = stand()
    for methode, response in beide_methoden(buitenstaander, naam, werkgever_a, gezonde_werknemer):
        assert response.status_code == 404, methode
    assert stand() == voor


@pytest.mark.parametrize("naam", LIJSTROUTES)
def test_buitenstaander_ziet_op_eigen_paginas_niets_van_a(
    naam, werkgever_a, werkgever_b, buitenstaander, gezonde_werknemer
):
    voor = stand()
    for methode, response in beide_methoden(buitenstaander, naam, werkgever_a, gezonde_werknemer):
        assert response.status_code == 200, methode  # a POST with A's number is a form error
        inhoud = tekst(response)
        for kenmerk, waarde in kenmerken(werkgever_a).items():
            assert waarde not in inhoud, (methode, kenmerk)
        for kenmerk in PORTAALROUTES[naam].kenmerken:  # and B's own data is there
            assert kenmerken(werkgever_b)[kenmerk] in inhoud, (methode, kenmerk)
    assert stand() == voor


@pytest.mark.parametrize("naam", ROUTES)
def test_account_zonder_lidmaatschap_krijgt_403(naam, werkgever_a, gezonde_werknemer):
    client = Client()
    client.force_login(GebruikerFactory(), backend="django.contrib.auth.backends.ModelBackend")
    voor = stand()
    for methode, response in beide_methoden(client, naam, werkgever_a, gezonde_werknemer):
        assert response.status_code == 403, methode
    assert stand() == voor


@pytest.mark.parametrize("naam", ROUTES)
def test_ingetrokken_lidmaatschap_krijgt_403_ook_met_bestaande_sessie(
    naam, werkgever_a, gezonde_werknemer
):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    zet_sessie(client, **{SESSIE_WERKGEVER: werkgever_a.werkgever.pk})  # was acting for A
    werkgever_a.lidmaatschap.actief = False
    werkgever_a.lidmaatschap.save()
    voor = stand()
    for methode, response in beide_methoden(client, naam, werkgever_a, gezonde_werknemer):
        assert response.status_code == 403, methode
    assert stand() == voor


@pytest.mark.parametrize("naam", ROUTES)
def test_twee_werkgevers_zonder_keuze_gaat_naar_keuzepagina(naam, werkgever_a, gezonde_werknemer):
    LidmaatschapFactory(gebruiker=werkgever_a.lidmaatschap.gebruiker, werkgever=WerkgeverFactory())
    client = ingelogde_client(werkgever_a.lidmaatschap)
    voor = stand()
    for methode, response in beide_methoden(client, naam, werkgever_a, gezonde_werknemer):
        assert response.status_code == 302, methode
        assert response["Location"] == reverse("toegang:kies_werkgever"), methode
    assert stand() == voor


@pytest.mark.parametrize("naam", ROUTES)
def test_gemanipuleerde_werkgever_in_sessie_geeft_geen_toegang_tot_a(
    naam, werkgever_a, werkgever_b, buitenstaander, gezonde_werknemer
):
    zet_sessie(buitenstaander, **{SESSIE_WERKGEVER: werkgever_a.werkgever.pk})
    voor = stand()
    for methode, response in beide_methoden(buitenstaander, naam, werkgever_a, gezonde_werknemer):
        if PORTAALROUTES[naam].object:
            assert response.status_code == 404, methode
        else:
            assert response.status_code == 200, methode
            assert kenmerken(werkgever_a)["verzuimnummer"] not in tekst(response)
    assert stand() == voor


@pytest.mark.parametrize("naam", ROUTES)
def test_actor_zonder_de_vereiste_dienst_krijgt_403(naam, werkgever_a, gezonde_werknemer):
    """An eHerkenning login for A with a machtiging for another service only (DOMAIN §3)."""
    recht = PORTAALROUTES[naam].recht or ()
    andere = next(dienst for dienst in Dienst if dienst not in recht)
    client = Client()
    client.force_login(GebruikerFactory(), backend="django.contrib.auth.backends.ModelBackend")
    context = EHerkenningContext(
        pseudoniem="pseudo-1",
        kvk_nummer=werkgever_a.werkgever.kvk_nummer,
        intermediair_kvk_nummer=None,
        niveau="EH3",
        diensten=(andere,),
        ingelogd_op="2026-11-23T09:00:00+01:00",
    )
    zet_sessie(client, **{SESSIE_EHERKENNING: asdict(context)})

    response = client.get(url(naam, werkgever_a, gezonde_werknemer))

    assert response.status_code == (200 if PORTAALROUTES[naam].recht is None else 403)


# --- the open routes -------------------------------------------------------------------------


def test_inloggen_open_voor_anoniem_en_doorverwijzing_als_al_ingelogd(eigenaar):
    assert Client().get(reverse("accounts:login")).status_code == 200
    response = eigenaar.get(reverse("accounts:login"))
    assert response.status_code == 302 and response["Location"] == reverse("portaal:dashboard")


def test_uitloggen_alleen_met_post(eigenaar):
    assert eigenaar.get(reverse("accounts:logout")).status_code == 405
    assert Client().get(reverse("accounts:logout")).status_code == 405
    assert eigenaar.post(reverse("accounts:logout")).status_code in (200, 302)
    assert "_auth_user_id" not in eigenaar.session


def test_sessie_verlengen_alleen_met_post_en_alleen_ingelogd(eigenaar):
    adres = reverse("accounts:sessie_verlengen")
    assert eigenaar.get(adres).status_code == 405
    assert Client().post(adres).status_code == 401
    assert eigenaar.post(adres).status_code == 204


def test_werkgever_kiezen_vraagt_inloggen_en_toont_alleen_eigen_werkgevers(
    werkgever_a, werkgever_b, eigenaar
):
    adres = reverse("toegang:kies_werkgever")
    for response in (Client().get(adres), Client().post(adres, {"werkgever": "1"})):
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == reverse("accounts:login")
    inhoud = eigenaar.get(adres).content.decode()
    assert werkgever_a.werkgever.naam in inhoud
    assert werkgever_b.werkgever.naam not in inhoud
