"""Errors that are refusals: a reused or swapped OIDC code and the SAML endpoints without a SAML
configuration give a clear Dutch 4xx, never a 500 (whose debug page would show secrets)."""

from typing import Any

import pytest
import requests
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from verzuimportaal.eherkenning.backend import SESSIE_WEIGERING

pytestmark = pytest.mark.django_db
NIET_GELUKT = "Het inloggen met eHerkenning is niet gelukt"


@pytest.fixture
def oidc(settings):
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://broker.example/o/token/"
    settings.OIDC_RP_CLIENT_ID = "verzuimportaal-test"
    settings.OIDC_RP_CLIENT_SECRET = "geheim-van-de-client"


def client_met_state(state: str = "s-1") -> Client:
    client = Client(raise_request_exception=True)
    sessie = client.session
    sessie["oidc_states"] = {state: {"nonce": "n-1", "code_verifier": "pkce-verifier-geheim"}}
    sessie.save()
    return client


def antwoord_van_broker(status: int, inhoud: bytes) -> Any:
    def post(*args: Any, **kwargs: Any) -> requests.Response:
        antwoord = requests.Response()
        antwoord.status_code = status
        antwoord._content = inhoud
        antwoord.url = args[0] if args else ""
        return antwoord

    return post


@pytest.mark.parametrize(
    ("status", "inhoud"),
    [
        (400, b'{"error": "invalid_grant"}'),  # the code was already used
        (200, b'{"access_token": "a"}'),  # no id_token in the answer
        (200, b"geen json"),
    ],
)
def test_hergebruikte_code_geeft_nederlandse_weigering(oidc, monkeypatch, status, inhoud):
    monkeypatch.setattr(
        "mozilla_django_oidc.auth.requests.post", antwoord_van_broker(status, inhoud)
    )
    client = client_met_state()
    antwoord = client.get(reverse("eherkenning:callback"), {"code": "c-1", "state": "s-1"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("eherkenning:geweigerd")
    pagina = client.get(antwoord["Location"])
    assert pagina.status_code == 403
    assert NIET_GELUKT in pagina.content.decode()
    assert "_auth_user_id" not in client.session
    assert not get_user_model().objects.exists()


def test_verwisselde_state_geeft_nederlandse_weigering(oidc):
    client = client_met_state("s-1")
    antwoord = client.get(reverse("eherkenning:callback"), {"code": "c-1", "state": "andere"})
    assert antwoord.status_code == 302
    pagina = client.get(antwoord["Location"])
    assert pagina.status_code == 403 and NIET_GELUKT in pagina.content.decode()


def test_ondertekening_klopt_niet_geeft_nederlandse_weigering(oidc, monkeypatch, settings):
    settings.OIDC_RP_IDP_SIGN_KEY = "geen-sleutel"
    monkeypatch.setattr(
        "mozilla_django_oidc.auth.requests.post",
        antwoord_van_broker(200, b'{"access_token": "a", "id_token": "x.y.z"}'),
    )
    client = client_met_state()
    antwoord = client.get(reverse("eherkenning:callback"), {"code": "c-1", "state": "s-1"})
    assert antwoord.status_code == 302
    assert client.session.get(SESSIE_WEIGERING) == {"reden": "mislukt"}


@pytest.mark.parametrize(
    ("naam", "data"),
    [("eherkenning_saml:inloggen", {}), ("eherkenning_saml:acs", {"SAMLart": "AAQAAA=="})],
)
def test_saml_zonder_configuratie_geeft_404_met_uitleg(naam, data):
    antwoord = Client(raise_request_exception=True).get(reverse(naam), data)
    assert antwoord.status_code == 404
    assert "niet ingericht" in antwoord.content.decode()
