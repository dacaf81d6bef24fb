"""Deny by default for the pages of the UWV services that only an eHerkenning machtiging gives
(doelgroepregister, eigenrisicodragers; ADR 0040) and for the operator's imports behind them and
the UWV feed of the verzamelspecificatie (ADR 0045).

The local owner of ``test_toegang_per_view`` holds none of these services (seed 004 knows no such
local right), so the routes are checked here against every role of the access matrix, an
eHerkenning owner with and without the service, and the other werkgever with all services. A route
of these namespaces missing from the tables below fails ``test_elke_route_staat_in_de_tabel``.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from conftest import Omgeving, eherkenning_client, ingelogde_client
from tests.factories import geldig_bsn
from verzuimportaal.doelgroepregister.models import Inschrijving, Registerimport
from verzuimportaal.doelgroepregister.tests.conftest import staf
from verzuimportaal.doelgroepregister.tests.factories import csv_van, register_met
from verzuimportaal.eigenrisicodragers.access import ERD_DIENSTEN
from verzuimportaal.eigenrisicodragers.models import Erddocument, Erdimport, Erdstatus
from verzuimportaal.eigenrisicodragers.tests.factories import (
    DOCUMENTKOP,
    documenten_van,
    laad,
    status_van,
    voorbeeldregels,
)
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.tests.test_toegang_per_view import _routes
from verzuimportaal.toegang.tests.test_toegangsmatrix import ROLLEN
from verzuimportaal.verzamelspecificaties import service as verzamelspecificaties
from verzuimportaal.verzamelspecificaties.models import (
    Maximumdagloon,
    Specificatieimport,
    Specificatieregel,
)

pytestmark = pytest.mark.klok("2026-11-23")


@dataclass(frozen=True)
class Route:
    recht: tuple[str, ...]
    document: bool = False  # the URL holds werkgever A's controle-document


ROUTES: dict[str, Route] = {
    "doelgroepregister:raadplegen": Route((Dienst.BANENAFSPRAAK,)),
    "eigenrisicodragers:status": Route(ERD_DIENSTEN),
    "eigenrisicodragers:controle": Route((Dienst.CONTROLE_ERD,)),
    "eigenrisicodragers:financieel": Route((Dienst.FINANCIEEL_ERD,)),
    "eigenrisicodragers:reintegratie_ww": Route((Dienst.REINTEGRATIE_ERD_WW,)),
    "eigenrisicodragers:document": Route(ERD_DIENSTEN, document=True),
}
# Operator pages: (permission, the URL holds an import).
BEHEERROUTES: dict[str, tuple[str, bool]] = {
    "doelgroepregister_beheer:overzicht": ("doelgroepregister.importeren", False),
    "doelgroepregister_beheer:import": ("doelgroepregister.importeren", True),
    "doelgroepregister_beheer:vastleggen": ("doelgroepregister.importeren", True),
    "eigenrisicodragers_beheer:overzicht": ("eigenrisicodragers.importeren", False),
    "eigenrisicodragers_beheer:import": ("eigenrisicodragers.importeren", True),
    "eigenrisicodragers_beheer:vastleggen": ("eigenrisicodragers.importeren", True),
    "verzamelspecificaties_beheer:overzicht": ("verzamelspecificaties.beheren", False),
    "verzamelspecificaties_beheer:import": ("verzamelspecificaties.beheren", True),
    "verzamelspecificaties_beheer:vastleggen": ("verzamelspecificaties.beheren", True),
}
# Of the matrix's roles, only the intermediary with a ketenmachtiging for all services has them.
MATRIX_MET_DIENST = {"intermediair met ketenmachtiging"}
ALLE = tuple(Dienst)


def test_elke_route_staat_in_de_tabel():
    alle = {naam: view for naam, _, view in _routes(get_resolver().url_patterns)}
    namespaces = {n.split(":")[0] for n in (*ROUTES, *BEHEERROUTES)}
    gevonden = {n for n in alle if n.split(":")[0] in namespaces}
    assert gevonden == set(ROUTES) | set(BEHEERROUTES)
    for naam, route in ROUTES.items():
        assert alle[naam].portaal_recht == route.recht, naam
        assert alle[naam].portaal_wijzigen is False, naam
    for naam, (permissie, _) in BEHEERROUTES.items():
        assert alle[naam].beheer_permissie == permissie, naam


def _stand() -> tuple[list[tuple], ...]:
    return (
        list(Inschrijving.objects.order_by("pk").values_list()),
        list(Registerimport.objects.order_by("pk").values_list("pk", "status")),
        list(Erddocument.objects.order_by("pk").values_list()),
        list(Erdstatus.objects.order_by("pk").values_list()),
        list(Erdimport.objects.order_by("pk").values_list("pk", "status")),
        list(Specificatieregel.objects.order_by("pk").values_list("pk", "bruto")),
        list(Specificatieimport.objects.order_by("pk").values_list("pk", "status")),
        list(Maximumdagloon.objects.order_by("pk").values_list()),
    )


@pytest.fixture
def gegevens(werkgever_a: Omgeving, werkgever_b: Omgeving) -> dict[str, str]:
    """A's and B's ERD data and a register; what only a page with A's data shows."""
    register_met(geldig_bsn())
    a = {d.soort: d for d in documenten_van(werkgever_a, "A")}
    documenten_van(werkgever_b, "B")
    status_van(werkgever_a)
    status_van(werkgever_b)
    return {"document": str(a["controle"].uuid), "kenmerk": "AC-1"}


def _url(naam: str, gegevens: dict[str, str]) -> str:
    return reverse(naam, args=[gegevens["document"]] if ROUTES[naam].document else [])


def _probeer(client: Client, naam: str, gegevens: dict[str, str]):
    adres = _url(naam, gegevens)
    yield "GET", client.get(adres)
    yield "POST", client.post(adres, {"zoeken_op": "bsn", "bsn-bsn": geldig_bsn()})


@pytest.mark.parametrize("naam", sorted(ROUTES))
def test_eherkenning_met_de_dienst_ziet_de_pagina(naam, werkgever_a, gegevens):
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, *ROUTES[naam].recht[:1])
    response = client.get(_url(naam, gegevens))
    assert response.status_code == 200


@pytest.mark.parametrize("naam", sorted(ROUTES))
def test_anoniem_gaat_naar_inloggen(naam, gegevens):
    voor = _stand()
    for methode, response in _probeer(Client(), naam, gegevens):
        assert response.status_code == 302, methode
        assert urlsplit(response["Location"]).path == reverse("accounts:login"), methode
    assert _stand() == voor


@pytest.mark.parametrize("naam", sorted(ROUTES))
def test_zonder_de_dienst_403_ook_voor_het_lokale_account_met_alle_rechten(
    naam, werkgever_a, gegevens
):
    andere = [d for d in ALLE if d not in ROUTES[naam].recht]
    voor = _stand()
    for client in (
        eherkenning_client(werkgever_a.werkgever.kvk_nummer, *andere),
        ingelogde_client(werkgever_a.lidmaatschap),
    ):
        for methode, response in _probeer(client, naam, gegevens):
            assert response.status_code == 403, methode
    assert _stand() == voor


@pytest.mark.parametrize("rol", sorted(ROLLEN))
@pytest.mark.parametrize("naam", sorted(ROUTES))
def test_elke_rol_van_de_matrix(naam, rol, werkgever_a, werkgever_b, gegevens):
    client = ROLLEN[rol].maak(werkgever_a, werkgever_b)
    voor = _stand()
    for methode, response in _probeer(client, naam, gegevens):
        if rol in MATRIX_MET_DIENST:
            assert response.status_code == 200, methode
        else:
            assert response.status_code in (302, 401, 403, 404), (methode, response.status_code)
    assert _stand() == voor


@pytest.mark.parametrize("naam", sorted(ROUTES))
def test_andere_werkgever_met_alle_diensten_ziet_niets_van_a(naam, werkgever_b, gegevens):
    client = eherkenning_client(werkgever_b.werkgever.kvk_nummer, *ALLE)
    voor = _stand()
    for methode, response in _probeer(client, naam, gegevens):
        if ROUTES[naam].document:
            assert response.status_code == 404, methode
        else:
            assert response.status_code == 200, methode
            inhoud = response.content.decode()
            assert gegevens["kenmerk"] not in inhoud and gegevens["document"] not in inhoud
    assert _stand() == voor


# --- the operator's imports ------------------------------------------------------------------


@pytest.fixture
def imports(werkgever_a) -> dict[str, str]:
    """A proefdraai of each import, ready to be vastgelegd."""
    from tests.factories import GebruikerFactory
    from verzuimportaal.doelgroepregister import service as doelgroep
    from verzuimportaal.toegang.actor import beheerder

    register = doelgroep.lees_in(
        door=beheerder(GebruikerFactory(is_staff=True)),
        bestandsnaam="r.csv",
        inhoud=csv_van(geldig_bsn()),
        peildatum=date(2026, 11, 1),
    )
    erd = laad("documenten", DOCUMENTKOP, voorbeeldregels(werkgever_a), vastleggen=False)
    werknemer = werkgever_a.werknemer
    specificaties = verzamelspecificaties.lees_in(
        door=beheerder(GebruikerFactory(is_staff=True)),
        bestandsnaam="uwv.csv",
        inhoud=(
            "bsn;loonheffingennummer;grondslag;van;tot_en_met;dagloon;percentage;dagbedrag;bruto\n"
            f"{werknemer.bsn};{werknemer.loonheffingennummer.nummer};zw;2026-10-05;2026-10-09;"
            "200,00;70;140,00;700,00"
        ).encode(),
    )
    assert specificaties.fouten == []
    return {
        "doelgroepregister_beheer": str(register.uuid),
        "eigenrisicodragers_beheer": str(erd.uuid),
        "verzamelspecificaties_beheer": str(specificaties.uuid),
    }


def _beheerurl(naam: str, imports: dict[str, str]) -> str:
    return reverse(naam, args=[imports[naam.split(":")[0]]] if BEHEERROUTES[naam][1] else [])


def _beheerders(werkgever_a: Omgeving) -> dict[str, Client]:
    return {
        "anoniem": Client(),
        "werkgever met alle rechten": ingelogde_client(werkgever_a.lidmaatschap),
        "eHerkenning met alle diensten": eherkenning_client(
            werkgever_a.werkgever.kvk_nummer, *ALLE
        ),
        "medewerker zonder rol": staf("doelgroepregister"),
        "behandelaar": staf("aanvragen", "behandelen"),
    }


@pytest.mark.parametrize("naam", sorted(BEHEERROUTES))
def test_beheer_alleen_voor_de_rol_die_erbij_hoort(naam, werkgever_a, imports):
    adres = _beheerurl(naam, imports)
    app, codename = BEHEERROUTES[naam][0].split(".")
    andere = ("eigenrisicodragers", "importeren")
    if app == "eigenrisicodragers":
        andere = ("doelgroepregister", "importeren")
    weigeren = _beheerders(werkgever_a) | {"rol van een andere import": staf(*andere)}
    voor = _stand()
    for wie, client in weigeren.items():
        for methode, response in (("GET", client.get(adres)), ("POST", client.post(adres))):
            verwacht = (302,) if wie == "anoniem" else (403,)
            assert response.status_code in verwacht, (wie, methode)
    assert _stand() == voor
    bevoegd = staf(app, codename)
    if naam.endswith(":vastleggen"):
        assert bevoegd.post(adres).status_code == 302
        assert _stand() != voor
    else:
        assert bevoegd.get(adres).status_code == 200


@pytest.mark.parametrize("naam", ["doelgroepregister_beheer", "eigenrisicodragers_beheer"])
def test_vastleggen_met_adres_en_browser_van_de_beheerder_in_het_auditlog(naam, imports):
    from verzuimportaal.audit.models import Actie, Auditregel

    app = naam.split("_")[0]
    response = staf(app, "importeren").post(
        reverse(f"{naam}:vastleggen", args=[imports[naam]]),
        REMOTE_ADDR="192.0.2.44",
        HTTP_USER_AGENT="Beheerbrowser/3.1",
    )
    assert response.status_code == 302
    regel = Auditregel.objects.get(object_id=imports[naam], actie=Actie.WIJZIGEN)
    assert (regel.ip_adres, regel.user_agent, regel.werkgever) == (
        "192.0.2.44",
        "Beheerbrowser/3.1",
        None,
    )
    assert regel.gebruiker is not None and regel.gebruiker.is_staff
