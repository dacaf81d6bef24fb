"""API clients for tests: registered through the service, as the rechtenbeheerder does."""

import base64

from django.test import Client

from conftest import Omgeving
from verzuimportaal.toegang.actor import Niveau

from .. import service
from ..models import ApiClient
from ..scopenamen import KOPPELBARE_DIENSTEN

ALLES = {d.value: Niveau.WIJZIGEN.value for d in KOPPELBARE_DIENSTEN}


def registreer(
    omgeving: Omgeving, niveaus: dict[str, str] | None = None, naam: str = "Salarispakket"
) -> tuple[ApiClient, str]:
    return service.registreer_client(
        door=omgeving.actor, naam=naam, niveaus=ALLES if niveaus is None else niveaus
    )


def apiclient_van(omgeving: Omgeving) -> ApiClient:
    """The active client of werkgever A of a test ``Omgeving`` (access table), made once."""
    bestaand = ApiClient.objects.actief().filter(werkgever=omgeving.werkgever).first()
    return bestaand or registreer(omgeving)[0]


def basic(client_id: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


def vraag_token(client_id: str, secret: str, scope: str | None = None) -> object:
    gegevens = {"grant_type": "client_credentials"}
    if scope is not None:
        gegevens["scope"] = scope
    return Client().post(
        "/api/oauth/token/", gegevens, headers={"authorization": basic(client_id, secret)}
    )


def token(client: ApiClient, secret: str, scope: str | None = None) -> str:
    response = vraag_token(client.client_id, secret, scope)
    assert response.status_code == 200, response.content
    return str(response.json()["access_token"])


def bearer(toegangstoken: str) -> Client:
    """A client that sends the token on every request (and has no session)."""
    return Client(headers={"authorization": f"Bearer {toegangstoken}"})
