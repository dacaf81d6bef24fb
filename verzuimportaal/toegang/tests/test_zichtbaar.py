"""Only actions the actor may perform are shown (``toegang.zichtbaar``, the ``mag`` filter).

Issue: a view-only advisor and a casemanager saw "Ziek melden" and "Hersteld melden", and a user
with one werkgever "Andere werkgever"; each ended in a 403. Here every role of the access matrix
opens the main pages and follows every link on them: no link may lead to a 403.
"""

from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve, reverse

from conftest import ingelogde_client
from tests.factories import LidmaatschapFactory, WerknemerFactory
from tests.html import pagina
from verzuimportaal.dossier.tests.factories import alleen_bekijken, eigenaar
from verzuimportaal.toegang import zichtbaar
from verzuimportaal.toegang.tests.test_toegangsmatrix import ROLLEN

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23")]

# API clients have no pages (a bearer token opens only the API); their matrix is the API's.
ROLLEN_MET_WERKGEVER = [
    naam for naam, rol in ROLLEN.items() if rol.werkgever == "A" and not rol.alleen_api
]


def _startpagina(a) -> list[str]:
    return [
        reverse("portaal:dashboard"),
        reverse("werknemers:lijst"),
        reverse("werknemers:lijst") + "?actie=ziekmelden",
        reverse("werknemers:detail", args=[a.werknemer.uuid]),
        reverse("verzuim:lopend"),
        reverse("verzuim:detail", args=[a.verzuimgeval.uuid]),
        reverse("dossier:tijdlijn", args=[a.verzuimgeval.uuid]),
        reverse("overzichten:index"),
    ]


def _links(response) -> set[str]:
    gevonden = set()
    for href in pagina(response).xpath("//a/@href"):
        deel = urlsplit(href)
        if deel.netloc or not deel.path.startswith("/") or deel.path.startswith("/static/"):
            continue
        try:
            resolve(deel.path)
        except Resolver404:
            continue
        gevonden.add(href)
    return gevonden


@pytest.mark.parametrize("rol", ROLLEN_MET_WERKGEVER)
def test_geen_link_leidt_naar_een_403(rol, werkgever_a, werkgever_b):
    WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)  # can be reported sick
    client = ROLLEN[rol].maak(werkgever_a, werkgever_b)
    links: set[str] = set()
    for adres in _startpagina(werkgever_a):
        response = client.get(adres)
        if response.status_code == 200:
            links |= _links(response)
    assert links, "the role saw no page at all"
    geweigerd = [href for href in sorted(links) if client.get(href).status_code == 403]
    assert geweigerd == []


def test_alleen_bekijken_ziet_geen_ziek_of_hersteld_melden(werkgever_a):
    actor = alleen_bekijken(werkgever_a.werkgever)
    assert zichtbaar.mag(actor, "verzuim:lopend")
    assert not zichtbaar.mag(actor, "verzuim:ziek_melden")
    assert not zichtbaar.mag(actor, "verzuim:hersteld_melden")
    assert zichtbaar.mag(eigenaar(werkgever_a.werkgever), "verzuim:hersteld_melden")
    assert not zichtbaar.mag(None, "portaal:dashboard")


def test_onbekende_pagina_of_pagina_zonder_portaal_view_is_een_fout(werkgever_a):
    actor = eigenaar(werkgever_a.werkgever)
    with pytest.raises(LookupError, match="Onbekende pagina"):
        zichtbaar.mag(actor, "verzuim:bestaat_niet")
    with pytest.raises(LookupError, match="geen portaal_view"):
        zichtbaar.mag(actor, "accounts:login")


def test_andere_werkgever_alleen_bij_meer_dan_een_werkgever(werkgever_a, werkgever_b):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    assert "Andere werkgever" not in client.get(reverse("portaal:dashboard")).content.decode()

    gebruiker = werkgever_a.lidmaatschap.gebruiker
    LidmaatschapFactory(gebruiker=gebruiker, werkgever=werkgever_b.werkgever)
    client = ingelogde_client(werkgever_a.lidmaatschap)
    client.post(reverse("toegang:kies_werkgever"), {"werkgever": werkgever_a.werkgever.pk})
    boom = pagina(client.get(reverse("portaal:dashboard")))
    assert boom.xpath(f"//a[@href='{reverse('toegang:kies_werkgever')}']")
