"""The simulator's login: password, SMS code (6 digits, 5 minutes, 3 tries), safe next."""

from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from eherkenning_simulator.models import SmsBericht

from .helpers import WACHTWOORD, laatste_sms, log_in_bij_simulator, nieuwe_poging

pytestmark = pytest.mark.django_db

INLOGGEN = "/eherkenning-simulator/inloggen/"


def wachtwoord_stap(client: Client, gebruikersnaam: str, next_url: str) -> str:
    antwoord = client.post(
        INLOGGEN, {"gebruikersnaam": gebruikersnaam, "wachtwoord": WACHTWOORD, "next": next_url}
    )
    assert antwoord.status_code == 302
    assert urlparse(antwoord["Location"]).path == reverse("eherkenning_simulator:sms_code")
    return antwoord["Location"]


def test_authorize_zonder_login_gaat_naar_simulator_login(demo):
    poging = nieuwe_poging()

    antwoord = Client().get(poging.url)

    assert antwoord.status_code == 302
    assert urlparse(antwoord["Location"]).path == INLOGGEN


def test_verkeerd_wachtwoord_geeft_melding(demo):
    antwoord = Client().post(INLOGGEN, {"gebruikersnaam": "eh3-bakkerij", "wachtwoord": "fout"})

    assert antwoord.status_code == 200
    assert "combinatie van gebruikersnaam en wachtwoord is onbekend" in antwoord.content.decode()


def test_sms_code_wordt_verstuurd_en_staat_in_outbox(demo):
    client = Client()
    wachtwoord_stap(client, "eh3-bakkerij", "/eherkenning-simulator/")
    bericht = laatste_sms("eh3-bakkerij")

    outbox = client.get("/eherkenning-simulator/sms/")

    assert len(bericht.code) == 6 and bericht.code.isdigit()
    assert bericht.geldig_tot - bericht.aangemaakt_op == timedelta(minutes=5)
    assert bericht.code in outbox.content.decode()
    assert "geen echte sms" in outbox.content.decode().lower()


def test_drie_keer_verkeerde_sms_code_blokkeert_de_poging(demo):
    client = Client()
    poging = nieuwe_poging()
    sms_url = wachtwoord_stap(client, "eh3-bakkerij", poging.url)
    goed = laatste_sms("eh3-bakkerij").code
    fout = "000000" if goed != "000000" else "111111"

    eerste = client.post(sms_url, {"code": fout, "next": poging.url})
    tweede = client.post(sms_url, {"code": fout, "next": poging.url})
    derde = client.post(sms_url, {"code": fout, "next": poging.url})
    daarna = client.post(sms_url, {"code": goed, "next": poging.url})

    assert "nog 2 keer" in eerste.content.decode()
    assert "nog 1 keer" in tweede.content.decode()
    assert derde.status_code == 403
    assert "geblokkeerd" in derde.content.decode()
    assert SmsBericht.objects.get().geblokkeerd
    # The correct code no longer helps: back to the password step, and not logged in.
    assert urlparse(daarna["Location"]).path == INLOGGEN
    assert urlparse(client.get(poging.url)["Location"]).path == INLOGGEN


def test_verlopen_sms_code_geweigerd(demo):
    client = Client()
    sms_url = wachtwoord_stap(client, "eh3-bakkerij", "/eherkenning-simulator/")
    bericht = laatste_sms("eh3-bakkerij")
    SmsBericht.objects.filter(pk=bericht.pk).update(
        geldig_tot=timezone.now() - timedelta(seconds=1)
    )

    antwoord = client.post(sms_url, {"code": bericht.code})

    assert antwoord.status_code == 403
    assert "verlopen" in antwoord.content.decode()


def test_next_naar_andere_host_wordt_genegeerd(demo):
    antwoord = Client().post(
        INLOGGEN,
        {
            "gebruikersnaam": "eh2-bakkerij",
            "wachtwoord": WACHTWOORD,
            "next": "https://evil.example/",
        },
    )

    assert antwoord["Location"] == "/eherkenning-simulator/"


def test_simulatorlogin_maakt_geen_django_login(demo):
    """A simulated person must never become a logged-in user of the portal."""
    client = Client()
    client.post(INLOGGEN, {"gebruikersnaam": "eh2-bakkerij", "wachtwoord": WACHTWOORD})

    assert "_auth_user_id" not in client.session


def test_index_toont_banner_en_demo_personen(demo):
    antwoord = Client().get("/eherkenning-simulator/")

    inhoud = antwoord.content.decode()
    assert "geen echte eHerkenning" in inhoud
    for naam in ("eh3-bakkerij", "eh3-meerdere", "eh3-intermediair", "beheer-vsd"):
        assert naam in inhoud


def test_prompt_login_vraagt_opnieuw_inloggen(demo):
    client = Client()
    poging = nieuwe_poging()
    log_in_bij_simulator(client, "eh2-bakkerij", poging.url)

    antwoord = client.get(nieuwe_poging(prompt="login").url)

    assert urlparse(antwoord["Location"]).path == INLOGGEN
    assert "prompt" not in parse_qs(urlparse(antwoord["Location"]).query)["next"][0]


def test_uitloggen_bij_simulator(demo):
    client = Client()
    poging = nieuwe_poging()
    log_in_bij_simulator(client, "eh2-bakkerij", poging.url)

    client.post("/eherkenning-simulator/uitloggen/")

    assert urlparse(client.get(poging.url)["Location"]).path == INLOGGEN
