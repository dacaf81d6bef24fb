"""Token endpoint: PKCE is required, codes are single-use, refresh is not offered."""

import json
from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client
from django.urls import reverse

from .helpers import (
    CLIENT_ID,
    CLIENT_SECRET,
    REDIRECT_URI,
    haal_code,
    log_in_bij_simulator,
    nieuwe_poging,
    wissel_code,
)

pytestmark = pytest.mark.django_db


def test_tokenverzoek_zonder_code_verifier_geweigerd(demo):
    poging = nieuwe_poging()
    code = haal_code(Client(), poging, "eh3-bakkerij")

    antwoord = wissel_code(code, verifier=None)

    assert antwoord.status_code == 400
    assert json.loads(antwoord.content)["error"] == "invalid_request"
    assert "id_token" not in json.loads(antwoord.content)


def test_tokenverzoek_met_verkeerde_code_verifier_geweigerd(demo):
    poging = nieuwe_poging()
    code = haal_code(Client(), poging, "eh3-bakkerij")

    antwoord = wissel_code(code, verifier="x" * 50)

    assert antwoord.status_code == 400
    assert json.loads(antwoord.content)["error"] == "invalid_grant"


def test_autorisatieverzoek_zonder_code_challenge_geweigerd(demo):
    client = Client()
    poging = nieuwe_poging()
    log_in_bij_simulator(client, "eh3-bakkerij", poging.url)
    zonder_pkce = poging.url.replace("code_challenge=", "x_challenge=")

    antwoord = client.get(zonder_pkce)

    assert antwoord.status_code == 302
    query = parse_qs(urlparse(antwoord["Location"]).query)
    assert query["error"] == ["invalid_request"]
    assert "code" not in query


def test_plain_pkce_geweigerd(demo):
    client = Client()
    poging = nieuwe_poging(code_challenge_method="plain")
    log_in_bij_simulator(client, "eh3-bakkerij", poging.url)

    antwoord = client.get(poging.url)

    assert "code" not in parse_qs(urlparse(antwoord["Location"]).query)


def test_code_is_eenmalig(demo):
    poging = nieuwe_poging()
    code = haal_code(Client(), poging, "eh3-bakkerij")
    assert wissel_code(code, poging.verifier).status_code == 200

    tweede = wissel_code(code, poging.verifier)

    assert tweede.status_code == 400
    assert json.loads(tweede.content)["error"] == "invalid_grant"


def test_verkeerd_client_secret_geweigerd(demo):
    poging = nieuwe_poging()
    code = haal_code(Client(), poging, "eh3-bakkerij")

    antwoord = Client().post(
        reverse("oauth2_provider:token"),
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT_URI,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET + "x",
            "code_verifier": poging.verifier,
        },
    )

    assert antwoord.status_code == 401


def test_refresh_token_geeft_geen_nieuwe_assertie(demo):
    poging = nieuwe_poging()
    code = haal_code(Client(), poging, "eh3-bakkerij")
    tokens = json.loads(wissel_code(code, poging.verifier).content)

    antwoord = Client().post(
        reverse("oauth2_provider:token"),
        {
            "grant_type": "refresh_token",
            "refresh_token": tokens["refresh_token"],
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        },
    )

    assert antwoord.status_code == 400
    assert json.loads(antwoord.content)["error"] == "invalid_grant"


def test_onbekende_client_krijgt_foutpagina_zonder_redirect(demo):
    client = Client()
    poging = nieuwe_poging()
    log_in_bij_simulator(client, "eh3-bakkerij", poging.url)

    antwoord = client.get(poging.url.replace(CLIENT_ID, "onbekend"))

    assert antwoord.status_code == 400
    assert "Inlogverzoek ongeldig" in antwoord.content.decode()
