"""The generated access matrix: every portal and API route × every role × objects of A and B.

Routes come from the URL resolver (through the tables of ``test_toegang_per_view`` and
``APIROUTES`` below, which fail on a route they do not know), so a new route is covered
automatically. Each role is a real logged-in client (local account, advisor via route B,
casemanager, eHerkenning with ketenmachtiging) whose expected rights are stated here; the test
asserts per cell that the role gets in exactly when it should, never sees werkgever B's objects
(404) and that a refused request writes nothing (ADR 0002, DOMAIN §3).
"""

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import get_resolver, reverse

from conftest import Omgeving, ingelogde_client, ingelogde_gebruiker
from tests.factories import GebruikerFactory, LidmaatschapFactory, WerknemerFactory
from verzuimportaal.aanvragen.tests.factories import zaak_van
from verzuimportaal.eherkenning.sessie import SESSIE_EHERKENNING, EHerkenningContext
from verzuimportaal.koppelingen.scopenamen import KOPPELBARE_DIENSTEN
from verzuimportaal.koppelingen.service import trek_in
from verzuimportaal.koppelingen.tests.factories import bearer, registreer, token
from verzuimportaal.machtigingen.models import STANDAARD_ADVISEURDIENSTEN, Status
from verzuimportaal.machtigingen.tests.factories import (
    AdviseurFactory,
    AdviseurMedewerkerFactory,
    AdviseurtoegangFactory,
    CasemanagertoewijzingFactory,
)
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.tests.test_toegang_per_view import (
    PORTAALROUTES,
    _routes,
    kenmerken,
    url,
    zet_sessie,
)
from verzuimportaal.wazo.tests.factories import wazoverlof_van
from verzuimportaal.werknemers.models import Werknemer

ALLE_DIENSTEN = frozenset(Dienst)
CASEMANAGERDIENSTEN = frozenset({Dienst.VERZUIM_MELDEN, Dienst.OVERZICHTEN})

# --- the API routes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ApiRoute:
    diensten: tuple[str, ...]
    object: str | None  # "werknemer" or "verzuimgeval" of the werkgever in the URL
    methode: str  # the method that uses the route
    wijzigen: bool = False


W, V = Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN
APIROUTES: dict[str, ApiRoute] = {
    "api:werknemer-list": ApiRoute((W, V), None, "GET"),
    "api:werknemer-detail": ApiRoute((W, V), "werknemer", "GET"),
    "api:verzuimgeval-list": ApiRoute((V,), None, "GET"),
    "api:verzuimgeval-detail": ApiRoute((V,), "verzuimgeval", "GET"),
    "api:verzuimgeval-herstelmelding": ApiRoute((V,), "verzuimgeval", "POST", wijzigen=True),
    "api:ziekmeldingen": ApiRoute((V,), None, "POST", wijzigen=True),
    "api:verzuimgeval-correctie": ApiRoute((V,), "verzuimgeval", "POST", wijzigen=True),
    "api:verzuimgeval-dossier": ApiRoute((V,), "verzuimgeval", "GET"),
    "api:statistiek": ApiRoute((Dienst.OVERZICHTEN,), None, "GET"),
    # Wage data is werknemersgegevens, also for reading (as the page); WAZO and cases: verzuim.
    "api:werknemer-lonen": ApiRoute((W,), "werknemer", "GET"),
    "api:wazoverlof-list": ApiRoute((V,), None, "GET"),
    "api:wazoverlof-detail": ApiRoute((V,), "wazoverlof", "GET"),
    "api:wazoverlof-geboorte": ApiRoute((V,), "wazoverlof", "POST", wijzigen=True),
    "api:wazoverlof-zwangerschapsverlof": ApiRoute((V,), None, "POST", wijzigen=True),
    "api:wazoverlof-aanvullend-geboorteverlof": ApiRoute((V,), None, "POST", wijzigen=True),
    "api:wazoverlof-adoptieverlof": ApiRoute((V,), None, "POST", wijzigen=True),
    "api:zaak-list": ApiRoute((V,), None, "GET"),
    "api:zaak-detail": ApiRoute((V,), "zaak", "GET"),
}
# Writes on a route whose reads are above: aanmelden and wijzigen need werknemersgegevens.
APISCHRIJVEN: dict[str, ApiRoute] = {
    "api:werknemer-list": ApiRoute((W,), None, "POST", wijzigen=True),
    "api:werknemer-detail": ApiRoute((W,), "werknemer", "PATCH", wijzigen=True),
    "api:werknemer-lonen": ApiRoute((W,), "werknemer", "POST", wijzigen=True),
}
OPEN_APIROUTES = {
    "api:schema": "het OpenAPI-contract is openbaar (docs/api/openapi.yaml)",
    "api:token": "OAuth2-tokens voor API-koppelingen; client-id en secret (koppelingen/tests)",
}


def test_elke_api_route_staat_in_de_matrix():
    gevonden = {naam for naam, _, _ in _routes(get_resolver().url_patterns) if naam[:4] == "api:"}
    assert gevonden == set(APIROUTES) | set(OPEN_APIROUTES)


# --- the roles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rol:
    """A kind of visitor: the werkgever it acts for ("A", "B" or none) and with which rights."""

    maak: Callable[[Omgeving, Omgeving], Client]
    werkgever: str | None = None
    diensten: frozenset[str] = frozenset()
    wijzigen: bool = False
    casemanager: bool = False
    anoniem: bool = False
    alleen_api: bool = False  # an API client: a bearer token, no session for the pages

    def mag(
        self, naam: str, recht: tuple[str, ...] | None, wijzigen: bool, eigenaar: str | None
    ) -> bool:
        if self.werkgever is None or eigenaar not in (None, self.werkgever):
            return False
        if self.alleen_api and not naam.startswith("api:"):
            return False
        if recht is not None and not self.diensten & set(recht):
            return False
        if naam in ZELF_NIVEAU:
            return self.wijzigen or self.casemanager
        return self.wijzigen or not wijzigen


def _kies(client: Client, omgeving: Omgeving) -> Client:
    client.post(reverse("toegang:kies_werkgever"), {"werkgever": omgeving.werkgever.pk})
    return client


def _adviseur(status: str | None, *, wijzigen: bool = False, soort: str = "adviseur"):
    def maak(a: Omgeving, b: Omgeving) -> Client:
        medewerker = AdviseurMedewerkerFactory(adviseur=AdviseurFactory(soort=soort))
        toegang = AdviseurtoegangFactory(
            werkgever=a.werkgever, adviseur=medewerker.adviseur, wijzigen=wijzigen
        )
        client = _kies(ingelogde_gebruiker(medewerker.gebruiker), a)
        if status == Status.INGETROKKEN:  # revoked after the advisor chose werkgever A
            AdviseurtoegangFactory._meta.model.objects.filter(pk=toegang.pk).update(
                status=Status.INGETROKKEN
            )
        elif status == Status.WACHT_OP_BEVESTIGING:
            AdviseurtoegangFactory._meta.model.objects.filter(pk=toegang.pk).update(
                status=Status.WACHT_OP_BEVESTIGING, bevestigd_op=None
            )
            client = _kies(ingelogde_gebruiker(medewerker.gebruiker), a)
        return client

    return maak


def _eigenaar(a: Omgeving, b: Omgeving) -> Client:
    return ingelogde_client(a.lidmaatschap)


def _een_recht(a: Omgeving, b: Omgeving) -> Client:
    return ingelogde_client(
        LidmaatschapFactory(werkgever=a.werkgever, rechten=[Dienst.OVERZICHTEN])
    )


def _casemanager(a: Omgeving, b: Omgeving) -> Client:
    toewijzing = CasemanagertoewijzingFactory(werkgever=a.werkgever)
    return _kies(ingelogde_gebruiker(toewijzing.gebruiker), a)


def _keten(a: Omgeving, b: Omgeving) -> Client:
    """eHerkenning for A by an intermediary's employee with a ketenmachtiging (DOMAIN §2)."""
    client = Client()
    client.force_login(GebruikerFactory(), backend="django.contrib.auth.backends.ModelBackend")
    context = EHerkenningContext(
        pseudoniem="keten-1",
        kvk_nummer=a.werkgever.kvk_nummer,
        intermediair_kvk_nummer="73019552",
        niveau="urn:etoegang:core:assurance-class:loa3",
        diensten=tuple(sorted(ALLE_DIENSTEN)),
        ingelogd_op="2026-11-23T09:00:00+01:00",
    )
    zet_sessie(client, **{SESSIE_EHERKENNING: asdict(context)})
    return client


def _koppeling(niveaus: dict[str, str] | None = None, *, ingetrokken: bool = False):
    """An API client of A (client credentials, ADR 0022); revoked after its token was issued."""

    def maak(a: Omgeving, b: Omgeving) -> Client:
        client, secret = registreer(a, niveaus)
        api = bearer(token(client, secret))
        api.get(reverse("api:werknemer-list"))  # "laatst gebruikt" is set before the probes
        if ingetrokken:
            trek_in(door=a.actor, client=client)
        return api

    return maak


def _buitenstaander(a: Omgeving, b: Omgeving) -> Client:
    return ingelogde_client(b.lidmaatschap)


ADVISEUR = frozenset(STANDAARD_ADVISEURDIENSTEN)
ROLLEN: dict[str, Rol] = {
    "werkgever met alle rechten": Rol(_eigenaar, "A", ALLE_DIENSTEN, wijzigen=True),
    "lokaal account met één recht": Rol(
        _een_recht, "A", frozenset({Dienst.OVERZICHTEN}), wijzigen=True
    ),
    "adviseur bevestigd (bekijken)": Rol(_adviseur(Status.ACTIEF), "A", ADVISEUR),
    "adviseur bevestigd (wijzigen)": Rol(
        _adviseur(Status.ACTIEF, wijzigen=True), "A", ADVISEUR, wijzigen=True
    ),
    "adviseur onbevestigd": Rol(_adviseur(Status.WACHT_OP_BEVESTIGING)),
    "adviseur ingetrokken": Rol(_adviseur(Status.INGETROKKEN)),
    "intermediair met ketenmachtiging": Rol(_keten, "A", ALLE_DIENSTEN, wijzigen=True),
    "intermediair ingetrokken": Rol(
        _adviseur(Status.INGETROKKEN, wijzigen=True, soort="verzuimservicedesk")
    ),
    "casemanager": Rol(_casemanager, "A", CASEMANAGERDIENSTEN, casemanager=True),
    "gebruiker van een andere werkgever": Rol(_buitenstaander, "B", ALLE_DIENSTEN, wijzigen=True),
    "anoniem": Rol(lambda a, b: Client(), anoniem=True),
    "API-koppeling met alle scopes": Rol(
        _koppeling(), "A", frozenset(KOPPELBARE_DIENSTEN), wijzigen=True, alleen_api=True
    ),
    "API-koppeling alleen verzuim bekijken": Rol(
        _koppeling({V: "bekijken"}), "A", frozenset({V}), alleen_api=True
    ),
    "API-koppeling ingetrokken": Rol(_koppeling(ingetrokken=True), alleen_api=True),
}

# Dossier forms check the level themselves: "wijzigen", or a casemanager who changes the dossier
# with "bekijken" (seed 004: the casemanager records activities).
ZELF_NIVEAU = {
    "dossier:activiteit_toevoegen",
    "dossier:stap_afwerken",
    "dossier:document_uploaden",
    "dossier:verlenging",
    "dossier:activiteit_wijzigen",
    "dossier:activiteit_afwerken",
    "dossier:activiteit_heropenen",
}

# Refusals that follow from a rule finer than the route's service and level (each explained).
WEIGERINGEN: dict[tuple[str, str], str] = {
    ("casemanager", naam): "de activiteit in de URL is van de werkgever; een casemanager wijzigt "
    "alleen casemanageractiviteiten"
    for naam in (
        "dossier:activiteit_wijzigen",
        "dossier:activiteit_afwerken",
        "dossier:activiteit_heropenen",
    )
}
WEIGERINGEN.update(
    {
        (rol, naam): "de inzage bevat ook het auditlog over de werknemer: daarvoor is naast "
        "werknemersgegevens en verzuim ook rechtenbeheer nodig, dat een adviseur niet krijgt "
        "(ADR 0021)"
        for rol in ("adviseur bevestigd (bekijken)", "adviseur bevestigd (wijzigen)")
        for naam in ("inzage:json", "inzage:pdf")
    }
)
WEIGERINGEN[("casemanager", "dossier:verlenging")] = (
    "een loonsanctie of verlenging verschuift wettelijke termijnen: dat legt de werkgever vast, "
    "niet de casemanager (ADR 0016)"
)

# --- the probes -------------------------------------------------------------------------------


def _stand() -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Every row of the portal's own tables, except logs that a refused request may write."""
    overslaan = {"auditregel", "accessattempt", "accesslog", "accessfailurelog", "session"}
    return [
        (model._meta.label, list(model.objects.order_by("pk").values_list()))
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "axes", "admin", "contenttypes"}
        and model._meta.model_name not in overslaan
        and not model._meta.proxy
        and isinstance(model._meta.pk, models.Field)
    ]


@dataclass
class Uitslag:
    probes: int = 0
    fouten: list[str] | None = None

    def fout(self, tekst: str) -> None:
        assert self.fouten is not None
        self.fouten.append(tekst)


def _adressen(
    a: Omgeving, b: Omgeving, gezond_a: Werknemer, gezond_b: Werknemer
) -> Iterator[tuple[str, str, str | None, tuple[str, ...] | None, bool, tuple[str, ...], str]]:
    """(naam, adres, eigenaar van het object (A/B/None), recht, wijzigen, methoden, soort)."""
    for naam, route in sorted(PORTAALROUTES.items()):
        if route.object:
            yield (
                naam,
                url(naam, a, gezond_a),
                "A",
                route.recht,
                route.wijzigen,
                ("GET", "POST"),
                "pagina",
            )
            yield (
                naam,
                url(naam, b, gezond_b),
                "B",
                route.recht,
                route.wijzigen,
                ("GET", "POST"),
                "pagina",
            )
        else:
            yield (
                naam,
                url(naam, a, gezond_a),
                None,
                route.recht,
                route.wijzigen,
                ("GET", "POST"),
                "pagina",
            )
    for naam, api in sorted(APIROUTES.items()):
        if api.object:
            for wie, omgeving in (("A", a), ("B", b)):
                obj = _api_object(omgeving, api.object)
                yield (
                    naam,
                    reverse(naam, args=[obj.uuid]),
                    wie,
                    api.diensten,
                    api.wijzigen,
                    (api.methode,),
                    "api",
                )
        else:
            yield naam, reverse(naam), None, api.diensten, api.wijzigen, (api.methode,), "api"
    for naam, api in sorted(APISCHRIJVEN.items()):
        if api.object:
            for wie, omgeving in (("A", a), ("B", b)):
                obj = _api_object(omgeving, api.object)
                adres = reverse(naam, args=[obj.uuid])
                yield naam, adres, wie, api.diensten, api.wijzigen, (api.methode,), "api"
        else:
            yield naam, reverse(naam), None, api.diensten, api.wijzigen, (api.methode,), "api"


def _api_object(omgeving: Omgeving, soort: str) -> Any:
    """The object of werkgever ``omgeving`` in an API route's URL (made once per werkgever)."""
    if soort == "wazoverlof":
        return wazoverlof_van(omgeving)
    if soort == "zaak":
        return zaak_van(omgeving)
    return getattr(omgeving, soort)


def _vraag(client: Client, methode: str, adres: str, soort: str):
    if methode == "GET":
        return client.get(adres)
    if methode == "PATCH":
        return client.patch(adres, "{}", content_type="application/json", headers={"If-Match": "*"})
    if soort == "api":
        return client.post(adres, "{}", content_type="application/json")
    return client.post(adres, {})


def _inhoud(response: Any) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def _verschil(voor: list[Any], na: list[Any]) -> list[str]:
    return [label for (label, rijen), (_, andere) in zip(voor, na, strict=True) if rijen != andere]


@pytest.mark.parametrize("rolnaam", sorted(ROLLEN))
@pytest.mark.klok("2026-11-23 10:00:00")
def test_toegangsmatrix(rolnaam, werkgever_a, werkgever_b, record_property):
    rol = ROLLEN[rolnaam]
    a, b = werkgever_a, werkgever_b
    gezond_a = WerknemerFactory(loonheffingennummer=a.loonheffingennummer)
    gezond_b = WerknemerFactory(loonheffingennummer=b.loonheffingennummer)
    client = rol.maak(a, b)
    geheim_a, geheim_b = set(kenmerken(a).values()), set(kenmerken(b).values())
    # What this role may never see: the other werkgever's markers (both, if it acts for none).
    geheim = {"A": geheim_b, "B": geheim_a}.get(rol.werkgever or "", geheim_a | geheim_b)
    uitslag = Uitslag(fouten=[])
    toegestaan: list[tuple[str, str, str | None, str, str]] = []
    adressen = list(_adressen(a, b, gezond_a, gezond_b))  # creates the objects in the URLs
    voor = _stand()  # refused requests first; none of them may write anything
    for naam, adres, eigenaar, recht, wijzigen, methoden, soort in adressen:
        mag = rol.mag(naam, recht, wijzigen, eigenaar) and (rolnaam, naam) not in WEIGERINGEN
        for methode in methoden:
            if mag:
                if methode == "GET" or soort == "api":
                    toegestaan.append((naam, adres, eigenaar, methode, soort))
                continue  # an allowed page POST acts; the services' own tests cover it
            response = _vraag(client, methode, adres, soort)
            uitslag.probes += 1
            cel = f"{rolnaam} | {methode} {naam} (object van {eigenaar or '-'})"
            cel += f": {response.status_code}"
            if response.status_code not in (302, 401, 403, 404, 405):
                lek = sorted(k for k in geheim_a | geheim_b if k in _inhoud(response))
                uitslag.fout(f"{cel} — toegelaten (zichtbaar: {lek})")
            elif (
                rol.anoniem
                and soort == "pagina"
                and response.status_code == 302
                and not response["Location"].startswith(reverse("accounts:login"))
            ):
                uitslag.fout(f"{cel} — anoniem niet naar inloggen")
    gewijzigd = _verschil(voor, _stand())
    if gewijzigd:
        uitslag.fout(f"{rolnaam}: geweigerde verzoeken wijzigden {gewijzigd}")
    for naam, adres, eigenaar, methode, soort in toegestaan:
        response = _vraag(client, methode, adres, soort)
        uitslag.probes += 1
        cel = f"{rolnaam} | {methode} {naam} (object van {eigenaar or '-'})"
        geweigerd = response.status_code in (401, 403, 404) or (
            response.status_code == 302 and "/account/" in response["Location"]
        )
        if geweigerd:
            uitslag.fout(f"{cel}: {response.status_code} — geweigerd, maar de rol mag dit")
        elif any(k in _inhoud(response) for k in geheim):
            uitslag.fout(f"{cel}: toont gegevens van de andere werkgever")
    record_property("probes", uitslag.probes)
    print(f"\n{rolnaam}: {uitslag.probes} probes, {len(uitslag.fouten or [])} fouten")
    assert not uitslag.fouten, "\n".join(uitslag.fouten or [])
    assert uitslag.probes >= 50
