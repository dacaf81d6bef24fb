"""Local login and the session (DOMAIN §9): lockout, rotation, idle/absolute timeout, logout."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import html

from tests.html import tekst
from verzuimportaal.accounts.middleware import INGELOGD_OP, LAATSTE_ACTIVITEIT

from .hulp import (
    WACHTWOORD,
    code_invullen,
    inloggen,
    is_ingelogd,
    laatste_code,
    sms_apparaat,
    volledig_inloggen,
)

ONJUIST = "De combinatie van gebruikersnaam en wachtwoord is onjuist."
GEBLOKKEERD = "Inloggen tijdelijk geblokkeerd"


@pytest.fixture
def gebruiker(werkgever_a):
    gebruiker = werkgever_a.lidmaatschap.gebruiker
    sms_apparaat(gebruiker)
    return gebruiker


@pytest.fixture
def gebruikersnaam(gebruiker) -> str:
    return gebruiker.username


def test_inlogpagina_in_het_nederlands(db):
    response = Client().get(reverse("accounts:login"))
    assert response.status_code == 200
    assert "Log in met uw gebruikersnaam en wachtwoord" in tekst(response)
    boom = html.fromstring(response.content.decode())
    labels = [label.text_content().strip() for label in boom.xpath("//form//label")]
    assert labels == ["Gebruikersnaam", "Wachtwoord"]


def test_inloggen_met_juist_wachtwoord_en_code_naar_overzicht(gebruiker, gebruikersnaam):
    client = Client()
    wachtwoordstap = inloggen(client, gebruikersnaam, WACHTWOORD)
    assert wachtwoordstap["Location"] == reverse("accounts:tweede_factor")
    assert not is_ingelogd(client)  # a password alone logs nobody in (DOMAIN §9)

    response = code_invullen(client, laatste_code(gebruiker))

    assert response.status_code == 302
    assert response["Location"] == reverse("portaal:dashboard")
    assert is_ingelogd(client)
    assert client.session[INGELOGD_OP] == pytest.approx(time.time(), abs=60)
    assert client.get(response["Location"]).status_code == 200


def test_sessiesleutel_wisselt_bij_inloggen(gebruiker):
    client = Client()
    voor_inloggen = client.session
    voor_inloggen["taal"] = "nl"
    voor_inloggen.save()
    oude_sleutel = voor_inloggen.session_key

    volledig_inloggen(client, gebruiker)

    nieuwe_sleutel = client.cookies["sessionid"].value
    assert nieuwe_sleutel != oude_sleutel
    assert not Session.objects.filter(session_key=oude_sleutel).exists()
    assert is_ingelogd(client)


@pytest.mark.parametrize("naam", ["bestaand", "onbekend"])
def test_onjuist_wachtwoord_geeft_nederlandse_melding(gebruikersnaam, naam):
    client = Client()
    response = inloggen(client, gebruikersnaam if naam == "bestaand" else "niemand", "fout-123")

    assert response.status_code == 200
    assert ONJUIST in tekst(response)
    assert "Na 5 mislukte pogingen wordt inloggen tijdelijk geblokkeerd." in tekst(response)
    assert not is_ingelogd(client)


def test_na_vijf_mislukte_pogingen_geblokkeerd_ook_met_juist_wachtwoord(gebruikersnaam):
    client = Client()
    for poging in range(1, 5):
        response = inloggen(client, gebruikersnaam, f"fout-{poging}")
        assert response.status_code == 200 and ONJUIST in tekst(response), poging

    vijfde = inloggen(client, gebruikersnaam, "fout-5")
    daarna = inloggen(client, gebruikersnaam, WACHTWOORD)

    for response in (vijfde, daarna):
        assert response.status_code == 429
        assert GEBLOKKEERD in tekst(response)
        assert "Probeer het over 30 minuten opnieuw" in tekst(response)
    assert not is_ingelogd(client)


def test_blokkade_per_gebruikersnaam_en_per_ip_apart(gebruiker, gebruikersnaam, werkgever_b):
    """ADR 0017: the username is locked from every IP, and the IP for every username."""
    for poging in range(5):
        inloggen(Client(), gebruikersnaam, f"fout-{poging}", ip="10.0.0.1")
    assert GEBLOKKEERD in tekst(inloggen(Client(), gebruikersnaam, WACHTWOORD, ip="10.0.0.1"))
    assert GEBLOKKEERD in tekst(inloggen(Client(), gebruikersnaam, WACHTWOORD, ip="10.0.0.2"))
    anders = werkgever_b.lidmaatschap.gebruiker
    assert GEBLOKKEERD in tekst(inloggen(Client(), anders.username, WACHTWOORD, ip="10.0.0.1"))

    andere_naam_en_ip = Client()
    assert volledig_inloggen(andere_naam_en_ip, anders, ip="10.0.0.3").status_code == 302
    assert is_ingelogd(andere_naam_en_ip)


def test_geslaagde_inlog_zet_de_teller_terug(gebruiker, gebruikersnaam):
    for poging in range(4):
        inloggen(Client(), gebruikersnaam, f"fout-{poging}")
    assert volledig_inloggen(Client(), gebruiker).status_code == 302
    for poging in range(4):
        response = inloggen(Client(), gebruikersnaam, f"nogmaals-fout-{poging}")
        assert response.status_code == 200, poging
    client = Client()
    volledig_inloggen(client, gebruiker)
    assert is_ingelogd(client)


@pytest.mark.parametrize(
    "volgende", ["https://kwaadwillend.example/", "//kwaadwillend.example/", "javascript:alert(1)"]
)
def test_next_naar_buiten_het_portaal_wordt_genegeerd(gebruiker, volgende):
    response = volledig_inloggen(Client(), gebruiker, next=volgende)
    assert response["Location"] == reverse("portaal:dashboard")


def test_next_binnen_het_portaal_wordt_gevolgd(gebruiker):
    response = volledig_inloggen(Client(), gebruiker, next=reverse("verzuim:lopend"))
    assert response["Location"] == reverse("verzuim:lopend")


# --- timeouts --------------------------------------------------------------------------------


@pytest.fixture
def ingelogd(gebruiker) -> Client:
    client = Client()
    assert volledig_inloggen(client, gebruiker).status_code == 302
    assert is_ingelogd(client)
    return client


def zet_sessie(client: Client, **waarden: float) -> None:
    sessie = client.session
    sessie.update(waarden)
    sessie.save()


def test_na_idle_timeout_uitgelogd_bij_volgend_verzoek(ingelogd, settings):
    settings.SESSIE_IDLE_TIMEOUT = 60
    zet_sessie(ingelogd, **{LAATSTE_ACTIVITEIT: time.time() - 61})

    response = ingelogd.get(reverse("werknemers:lijst"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert not is_ingelogd(ingelogd)
    melding = tekst(ingelogd.get(response["Location"]))
    assert "U bent uitgelogd omdat u een tijd niet actief was." in melding
    vervolg = ingelogd.get(reverse("werknemers:lijst"))
    assert vervolg["Location"].startswith(reverse("accounts:login") + "?next=")


def test_binnen_idle_timeout_blijft_ingelogd_en_activiteit_wordt_bijgewerkt(ingelogd, settings):
    settings.SESSIE_IDLE_TIMEOUT = 60
    zet_sessie(ingelogd, **{LAATSTE_ACTIVITEIT: time.time() - 50})

    assert ingelogd.get(reverse("werknemers:lijst")).status_code == 200
    assert ingelogd.session[LAATSTE_ACTIVITEIT] == pytest.approx(time.time(), abs=5)


def test_binnen_de_stap_wordt_de_sessie_niet_opnieuw_opgeslagen(ingelogd, settings):
    """ADR 0037: the activity is written at most once per ``activiteit_stap`` (here 6 s), so a
    page within that time saves no session; the page counts down from the time really left."""
    settings.SESSIE_IDLE_TIMEOUT = 60
    ingelogd.get(reverse("werknemers:lijst"))  # the first page remembers what the session knows
    vastgelegd = time.time() - 3
    zet_sessie(ingelogd, **{LAATSTE_ACTIVITEIT: vastgelegd})

    with CaptureQueriesContext(connection) as queries:
        response = ingelogd.get(reverse("werknemers:lijst"))

    assert response.status_code == 200
    assert not [q for q in queries.captured_queries if "UPDATE" in q["sql"]]
    assert ingelogd.session[LAATSTE_ACTIVITEIT] == vastgelegd
    over = int(html.fromstring(response.content).body.get("data-sessie-idle"))
    assert 55 <= over <= 57


def test_sessie_verlengen_houdt_de_sessie_actief(ingelogd, settings):
    settings.SESSIE_IDLE_TIMEOUT = 60
    zet_sessie(ingelogd, **{LAATSTE_ACTIVITEIT: time.time() - 50})
    assert ingelogd.post(reverse("accounts:sessie_verlengen")).status_code == 204
    assert ingelogd.session[LAATSTE_ACTIVITEIT] == pytest.approx(time.time(), abs=5)


def test_na_absolute_timeout_uitgelogd_ook_als_actief(ingelogd, settings):
    nu = time.time()
    zet_sessie(
        ingelogd,
        **{INGELOGD_OP: nu - settings.SESSIE_ABSOLUTE_TIMEOUT - 1, LAATSTE_ACTIVITEIT: nu},
    )
    response = ingelogd.get(reverse("portaal:dashboard"))
    assert response["Location"] == reverse("accounts:login")
    assert not is_ingelogd(ingelogd)


# --- uitloggen -------------------------------------------------------------------------------


def test_uitloggen_alleen_met_post_en_beeindigt_de_sessie(ingelogd):
    sleutel = ingelogd.cookies["sessionid"].value

    assert ingelogd.get(reverse("accounts:logout")).status_code == 405
    assert ingelogd.get(reverse("portaal:dashboard")).status_code == 200  # GET changed nothing

    response = ingelogd.post(reverse("accounts:logout"))

    assert response.status_code in (200, 302)
    assert not Session.objects.filter(session_key=sleutel).exists()
    vervolg = ingelogd.get(reverse("portaal:dashboard"))
    assert vervolg.status_code == 302
    assert vervolg["Location"].startswith(reverse("accounts:login"))
