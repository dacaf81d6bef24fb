"""RP-initiated logout and the 'niet gemachtigd' page."""

import json
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from django.test import Client

from eherkenning_simulator import service
from eherkenning_simulator.models import Leverancier, Niveau

from .helpers import CLIENT_ID, haal_code, log_in_bij_simulator, nieuwe_poging, wissel_code

pytestmark = pytest.mark.django_db

LOGOUT = "/eherkenning-simulator/o/logout/"


def test_uitloggen_met_id_token_hint_stuurt_terug_naar_portal(demo):
    client = Client()
    poging = nieuwe_poging()
    code = haal_code(client, poging, "eh3-bakkerij")
    id_token = json.loads(wissel_code(code, poging.verifier).content)["id_token"]

    antwoord = client.get(
        f"{LOGOUT}?"
        + urlencode(
            {
                "id_token_hint": id_token,
                "client_id": CLIENT_ID,
                "post_logout_redirect_uri": "http://127.0.0.1:8000/",
                "state": "uit",
            }
        )
    )

    assert antwoord.status_code == 302
    assert antwoord["Location"] == "http://127.0.0.1:8000/?state=uit"
    # The simulator login is gone: the next authorize asks for a login again.
    volgende = client.get(nieuwe_poging().url)
    assert urlparse(volgende["Location"]).path == "/eherkenning-simulator/inloggen/"


def test_uitloggen_naar_onbekende_uri_geweigerd(demo):
    antwoord = Client().get(
        f"{LOGOUT}?"
        + urlencode({"client_id": CLIENT_ID, "post_logout_redirect_uri": "https://evil.example/"})
    )

    assert antwoord.status_code == 400


def test_persoon_zonder_organisatie_en_machtiging_ziet_niet_gemachtigd(demo):
    service.maak_persoon(
        gebruikersnaam="los",
        wachtwoord="Simulatie-2026",
        naam="Los",
        niveau=Niveau.EH2,
        leverancier=Leverancier.objects.get(naam="Reconi Simulatie"),
    )
    client = Client()
    poging = nieuwe_poging()
    log_in_bij_simulator(client, "los", poging.url)

    antwoord = client.get(poging.url)

    assert antwoord.status_code == 403
    inhoud = antwoord.content.decode()
    assert "U bent niet gemachtigd voor deze dienst" in inhoud
    terug = parse_qs(urlparse(antwoord.context["link_url"]).query)
    assert terug == {"error": ["access_denied"], "state": [poging.state]}


def test_prompt_none_met_keuze_nodig_geeft_interaction_required(demo):
    client = Client()
    poging = nieuwe_poging(prompt="none")
    log_in_bij_simulator(client, "eh3-meerdere", poging.url)

    antwoord = client.get(poging.url)

    assert parse_qs(urlparse(antwoord["Location"]).query)["error"] == ["interaction_required"]
