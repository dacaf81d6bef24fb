"""Every portal page runs at most 15 queries, whatever the size of the werkgever (issue: every
page ≤ 15 queries, BEGIN/COMMIT included).

Each page of the access table (``test_toegang_per_view.PORTAALROUTES``) is asked by the owner of
werkgever A twice: with the fixtures' small data set and after the werkgever, the open spell and
its dossier have grown (more werknemers, spells, mutations, activities, documents and letters).
The count includes the transaction statements: inside a test every ``transaction.atomic`` of the
code under test is a ``SAVEPOINT`` … ``RELEASE SAVEPOINT`` pair, which in production is the
``BEGIN`` … ``COMMIT`` pair of the same block; both are in ``CaptureQueriesContext``.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import Omgeving, ingelogde_client
from tests.factories import VerzuimgevalFactory, werknemer_bij
from verzuimportaal.berichten.tests.factories import BerichtFactory
from verzuimportaal.dossier.tests.factories import ActiviteitFactory, document_bij
from verzuimportaal.toegang.tests.test_toegang_per_view import (
    OPEN_ROUTES,
    PORTAALROUTES,
    portaalroutes,
    url,
)
from verzuimportaal.verzuim.models import MutatieSoort, Verzuimmutatie
from verzuimportaal.werknemers.models import Werknemer

pytestmark = pytest.mark.klok("2026-11-23")

MAXIMUM = 15
# Pages whose GET is a download or a form step that needs more than the URL (each explained).
UITGEZONDERD = {
    "verificatie:activeren": "formulier; de GET toont alleen het invoerveld",
}
PAGINAS = sorted(n for n in PORTAALROUTES if n not in UITGEZONDERD)


def test_elke_portaalpagina_wordt_geteld():
    """Every route of the portal apps is counted below (a new app's pages too): the access
    table itself fails for a route it does not know."""
    assert set(portaalroutes()) - set(OPEN_ROUTES) == set(PAGINAS) | set(UITGEZONDERD)


def _groei(a: Omgeving, *, werknemers: int, dossier: int) -> None:
    """More of everything a page lists or counts: werknemers with spells and mutations, and
    activities, documents and letters around A's open spell."""
    for i in range(werknemers):
        werknemer = werknemer_bij(a)
        geval = VerzuimgevalFactory(
            werknemer=werknemer, eerste_ziektedag=date(2026, 1, 5) + timedelta(days=i * 7)
        )
        Verzuimmutatie.objects.create(
            verzuimgeval=geval,
            soort=MutatieSoort.WIJZIGING,
            ingangsdatum=geval.eerste_ziektedag + timedelta(days=3),
            percentage_arbeidsongeschikt=50,
            geregistreerd_op=timezone.now(),
            geregistreerd_door_naam="Test",
        )
    for i in range(dossier):
        ActiviteitFactory(verzuimgeval=a.verzuimgeval, omschrijving=f"Gesprek {i}")
        document_bij(a.verzuimgeval)
        BerichtFactory(werkgever=a.werkgever)


def _aantal(client: Client, adres: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as vastgelegd:
        response = client.get(adres)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code in (200, 302), (adres, response.status_code)
    return len(vastgelegd), [q["sql"] for q in vastgelegd.captured_queries]


@pytest.mark.parametrize("naam", PAGINAS)
def test_pagina_blijft_binnen_het_maximum_ook_als_de_werkgever_groeit(
    naam: str, werkgever_a: Omgeving, prive_opslag
):
    gezond = werknemer_bij(werkgever_a)
    client = ingelogde_client(werkgever_a.lidmaatschap)
    adres = url(naam, werkgever_a, gezond)
    client.get(adres)  # the first request fills caches that every later request shares
    klein, _ = _aantal(client, adres)

    _groei(werkgever_a, werknemers=12, dossier=8)
    eigen = Werknemer.objects.filter(loonheffingennummer=werkgever_a.loonheffingennummer)
    assert eigen.count() > 12
    client.get(adres)
    groot, queries = _aantal(client, adres)

    print(f"{naam}: {klein} → {groot}")
    assert groot <= MAXIMUM, "\n".join(queries)
    assert groot <= klein + 1, "\n".join(queries)
