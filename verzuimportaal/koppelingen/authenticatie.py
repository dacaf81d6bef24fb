"""Bearer tokens of API clients (client credentials) in DRF, with the same ``Actor`` as the pages.

A valid token of an active client gives an ``Actor`` for the client's werkgever with the services
of the token's scopes (never more than the client's current scopes), route ``API_CLIENT`` and the
client id; ``api.permissions.PortaalRecht`` uses it instead of the session. A token of a revoked
client no longer exists (revocation deletes it), a token of another application is refused.
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from oauth2_provider.contrib.rest_framework import OAuth2Authentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from verzuimportaal.toegang.actor import Actor, Route

from . import service
from .models import ApiClient
from .scopenamen import rechten_uit_scopes

VERZOEK_ACTOR = "koppeling_actor"


def actor_voor(client: ApiClient, *, scopes: list[str]) -> Actor:
    rechten, wijzigrechten = rechten_uit_scopes(s for s in scopes if s in client.scopes)
    ids = client.loonheffingennummer_ids
    return Actor(
        werkgever=client.werkgever,
        rechten=rechten,
        wijzigrechten=wijzigrechten,
        route=Route.API_CLIENT,
        gebruiker=None,
        weergavenaam=f"API-koppeling {client.naam} ({client.client_id})",
        intermediair_kvk_nummer=client.intermediair_kvk_nummer or None,
        loonheffingennummer_ids=frozenset(ids) if ids else None,
        api_client=client.client_id,
    )


class KoppelingAuthenticatie(OAuth2Authentication):
    www_authenticate_realm = "verzuimportaal"

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        resultaat = super().authenticate(request)
        if resultaat is None:
            return None
        _, token = resultaat
        client = (
            ApiClient.objects.actief()
            .select_related("werkgever")
            .filter(applicatie_id=token.application_id)
            .first()
        )
        if client is None:
            raise AuthenticationFailed(
                "Dit token hoort niet bij een API-koppeling van het portaal. Vraag een token aan "
                "met de client-id en het secret van uw koppeling."
            )
        service.markeer_gebruikt(client=client)
        setattr(request._request, VERZOEK_ACTOR, actor_voor(client, scopes=token.scope.split()))
        return AnonymousUser(), token


def koppeling_actor(request: Request) -> Actor | None:
    return getattr(request._request, VERZOEK_ACTOR, None)
