"""A minimal OIDC relying party on Django's test client: what the portal does over HTTP."""

import base64
import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
from django.test import Client
from django.urls import reverse

from eherkenning_simulator.models import SmsBericht

CLIENT_ID = "verzuimportaal-demo"
CLIENT_SECRET = "demo-secret-niet-voor-productie"
REDIRECT_URI = "http://127.0.0.1:8000/oidc/callback/"
WACHTWOORD = "Simulatie-2026"
SCOPE = "openid eherkenning"


@dataclass
class Inlogpoging:
    verifier: str
    state: str
    nonce: str
    url: str


def nieuwe_poging(**extra: str) -> Inlogpoging:
    verifier = secrets.token_urlsafe(48)
    challenge = (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    )
    state, nonce = secrets.token_urlsafe(8), secrets.token_urlsafe(8)
    parameters = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT_URI,
        "scope": SCOPE,
        "state": state,
        "nonce": nonce,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        **extra,
    }
    url = f"{reverse('oauth2_provider:authorize')}?{urlencode(parameters)}"
    return Inlogpoging(verifier=verifier, state=state, nonce=nonce, url=url)


def laatste_sms(gebruikersnaam: str) -> SmsBericht:
    return SmsBericht.objects.filter(persoon__middel__gebruikersnaam=gebruikersnaam).latest(
        "aangemaakt_op"
    )


def log_in_bij_simulator(client: Client, gebruikersnaam: str, next_url: str) -> Any:
    """Password, then (EH2+ and up) the SMS code from the outbox. Returns the last response."""
    antwoord = client.post(
        reverse("eherkenning_simulator:inloggen"),
        {"gebruikersnaam": gebruikersnaam, "wachtwoord": WACHTWOORD, "next": next_url},
    )
    assert antwoord.status_code == 302, antwoord.content
    if urlparse(antwoord["Location"]).path == reverse("eherkenning_simulator:sms_code"):
        antwoord = client.post(
            antwoord["Location"],
            {"code": laatste_sms(gebruikersnaam).code, "next": next_url},
        )
        assert antwoord.status_code == 302, antwoord.content
    return antwoord


def _eerste_kvk(label: str) -> str | None:
    gevonden = re.search(r"KvK (\d{8})", label)
    return gevonden.group(1) if gevonden else None


def kies(client: Client, antwoord: Any, kvk: str) -> Any:
    """On the organisation choice page, pick the option that mentions this KvK first."""
    assert urlparse(antwoord["Location"]).path == reverse("eherkenning_simulator:kiezen")
    pagina = client.get(antwoord["Location"])
    assert pagina.status_code == 200
    keuzes = pagina.context["form"].fields["optie"].choices
    sleutel = next(s for s, label in keuzes if _eerste_kvk(str(label)) == kvk)
    next_url = parse_qs(urlparse(antwoord["Location"]).query)["next"][0]
    return client.post(antwoord["Location"], {"optie": sleutel, "next": next_url})


def haal_code(
    client: Client, poging: Inlogpoging, gebruikersnaam: str, kvk: str | None = None
) -> str:
    """Browser part: authorize → login → SMS → (choice) → redirect with code."""
    antwoord = client.get(poging.url)
    if urlparse(antwoord["Location"]).path == reverse("eherkenning_simulator:inloggen"):
        antwoord = log_in_bij_simulator(client, gebruikersnaam, poging.url)
        assert antwoord["Location"] == poging.url
        antwoord = client.get(poging.url)
    if urlparse(antwoord["Location"]).path == reverse("eherkenning_simulator:kiezen"):
        assert kvk is not None, "keuzepagina verwacht een KvK-nummer"
        antwoord = kies(client, antwoord, kvk)
        assert antwoord["Location"] == poging.url
        antwoord = client.get(poging.url)
    assert antwoord.status_code == 302, antwoord.content
    terug = urlparse(antwoord["Location"])
    assert f"{terug.scheme}://{terug.netloc}{terug.path}" == REDIRECT_URI
    query = parse_qs(terug.query)
    assert query["state"] == [poging.state]
    return query["code"][0]


def wissel_code(code: str, verifier: str | None) -> Any:
    """Server to server, without the browser's session (a fresh client)."""
    gegevens = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": REDIRECT_URI,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    if verifier is not None:
        gegevens["code_verifier"] = verifier
    return Client().post(reverse("oauth2_provider:token"), gegevens)


def discovery() -> dict[str, Any]:
    return Client().get(reverse("oauth2_provider:oidc-connect-discovery-info")).json()


def verifieer_id_token(id_token: str) -> dict[str, Any]:
    """Verify signature, issuer, audience and expiry with the keys from the discovery document."""
    document = discovery()
    jwks = Client().get(urlparse(document["jwks_uri"]).path).json()
    header = jwt.get_unverified_header(id_token)
    assert header["alg"] == "RS256"
    sleutel = jwt.PyJWKSet.from_dict(jwks)[header["kid"]].key
    return jwt.decode(
        id_token,
        sleutel,
        algorithms=["RS256"],
        audience=CLIENT_ID,
        issuer=document["issuer"],
        options={"require": ["exp", "iat", "iss", "aud", "sub", "auth_time"]},
    )


def log_in(
    gebruikersnaam: str, kvk: str | None = None, client: Client | None = None
) -> dict[str, Any]:
    """Whole flow for one person; returns the verified ID token claims (+ the token response)."""
    client = client or Client()
    poging = nieuwe_poging()
    code = haal_code(client, poging, gebruikersnaam, kvk)
    antwoord = wissel_code(code, poging.verifier)
    assert antwoord.status_code == 200, antwoord.content
    tokens = json.loads(antwoord.content)
    claims = verifieer_id_token(tokens["id_token"])
    assert claims["nonce"] == poging.nonce
    return {**claims, "_tokens": tokens}
