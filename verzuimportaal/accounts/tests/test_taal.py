"""The language of the portal (ADR 0044): Dutch by default, English by choice, kept per account."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from lxml import html

from conftest import eherkenning_client, ingelogde_client, ingelogde_gebruiker
from tests.factories import GebruikerFactory
from verzuimportaal.accounts import service
from verzuimportaal.accounts.models import Profiel
from verzuimportaal.accounts.taal import in_taal_van, taal_van
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.toegang.actor import accounthouder
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.django_db


def taal(response) -> str:
    return html.fromstring(response.content).xpath("string(//html/@lang)")


def knoppen(response) -> list[tuple[str, str]]:
    """The switch in the header: (value, text) of each button of its form."""
    boom = html.fromstring(response.content)
    actie = reverse("accounts:taal")
    return [
        (knop.get("value"), knop.text_content().strip())
        for knop in boom.xpath(f"//header//form[@action='{actie}']//button[@name='language']")
    ]


def test_nederlands_is_de_standaard_ook_in_een_engelse_browser(client: Client):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert taal(response) == "nl"
    assert response.headers["Content-Language"] == "nl"
    assert knoppen(response) == [("en", "English")]


def test_bezoeker_kiest_engels_met_de_cookie_zonder_javascript(client: Client):
    inloggen = reverse("accounts:login")
    response = client.post(reverse("accounts:taal"), {"language": "en", "next": inloggen})
    assert response.status_code == 302
    assert response.url == inloggen
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    pagina = client.get(inloggen)
    assert taal(pagina) == "en"
    assert knoppen(pagina) == [("nl", "Nederlands")]


def test_terug_naar_een_andere_site_gaat_naar_de_voorpagina(client: Client):
    response = client.post(
        reverse("accounts:taal"), {"language": "en", "next": "https://elders.example/"}
    )
    assert response.url == "/"


def test_onbekende_taal_verandert_niets(client: Client, werkgever_a):
    ingelogd = ingelogde_client(werkgever_a.lidmaatschap)
    response = ingelogd.post(reverse("accounts:taal"), {"language": "fr", "next": "/"})
    assert response.status_code == 302
    assert not Profiel.objects.filter(gebruiker=werkgever_a.lidmaatschap.gebruiker).exists()
    assert settings.LANGUAGE_COOKIE_NAME not in ingelogd.cookies
    assert taal(ingelogd.get(reverse("portaal:dashboard"))) == "nl"


def test_taal_kiezen_kan_alleen_met_post(client: Client):
    assert client.get(reverse("accounts:taal")).status_code == 405


def test_ingelogde_keuze_blijft_bij_het_account_en_wordt_gelogd(werkgever_a):
    gebruiker = werkgever_a.lidmaatschap.gebruiker
    ingelogd = ingelogde_client(werkgever_a.lidmaatschap)
    ingelogd.post(reverse("accounts:taal"), {"language": "en", "next": "/"})
    assert taal(ingelogd.get(reverse("portaal:dashboard"))) == "en"
    assert Profiel.objects.get(gebruiker=gebruiker).taal == "en"
    regel = Auditregel.objects.get(actie=Actie.WIJZIGEN, gebruiker=gebruiker)
    assert regel.omschrijving == "taal van het portaal: English"

    # Another browser without the cookie: after logging in, the account's choice.
    elders = ingelogde_gebruiker(gebruiker)
    assert settings.LANGUAGE_COOKIE_NAME not in elders.cookies
    assert taal(elders.get(reverse("portaal:dashboard"))) == "en"


def test_keuze_van_het_account_gaat_voor_de_cookie(werkgever_a):
    gebruiker = werkgever_a.lidmaatschap.gebruiker
    service.kies_taal(door=accounthouder(gebruiker), taal="nl")
    ingelogd = ingelogde_gebruiker(gebruiker)
    ingelogd.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert taal(ingelogd.get(reverse("portaal:dashboard"))) == "nl"


def test_zonder_eigen_keuze_geldt_de_cookie_van_voor_het_inloggen(werkgever_a):
    ingelogd = ingelogde_client(werkgever_a.lidmaatschap)
    ingelogd.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert taal(ingelogd.get(reverse("portaal:dashboard"))) == "en"


def test_eherkenning_gebruiker_kiest_ook_een_taal(werkgever_a):
    ingelogd = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.WERKNEMERSGEGEVENS)
    ingelogd.post(reverse("accounts:taal"), {"language": "en", "next": "/"})
    gebruiker = ingelogd.session["_auth_user_id"]
    assert Profiel.objects.get(gebruiker_id=gebruiker).taal == "en"
    assert taal(ingelogd.get(reverse("portaal:dashboard"))) == "en"


def test_de_sessie_onthoudt_de_taal_zonder_query_per_pagina(werkgever_a):
    ingelogd = ingelogde_client(werkgever_a.lidmaatschap)
    ingelogd.get(reverse("portaal:dashboard"))
    with CaptureQueriesContext(connection) as queries:
        ingelogd.get(reverse("portaal:dashboard"))
    assert not [q for q in queries.captured_queries if "accounts_profiel" in q["sql"]]


def test_onbekende_taal_weigert_de_service(werkgever_a):
    with pytest.raises(Exception, match="Kies Nederlands of English"):
        service.kies_taal(door=accounthouder(werkgever_a.lidmaatschap.gebruiker), taal="de")


def test_post_en_brieven_in_de_taal_van_de_ontvanger():
    engels = GebruikerFactory()
    service.kies_taal(door=accounthouder(engels), taal="en")
    nederlands = GebruikerFactory()
    assert (taal_van(engels), taal_van(nederlands), taal_van(None)) == ("en", "nl", "nl")
    with translation.override("nl"):
        with in_taal_van(engels):
            assert translation.get_language() == "en"
        with in_taal_van(nederlands):
            assert translation.get_language() == "nl"
