"""Reads of API clients: only the acting werkgever's, for the rechtenbeheerder (404 otherwise)."""

from django.db.models import QuerySet

from verzuimportaal.toegang.actor import Actor
from verzuimportaal.utils.ophalen import een_of_404

from .models import ApiClient


def api_clients(actor: Actor) -> QuerySet[ApiClient]:
    return ApiClient.objects.filter(werkgever=actor.werkgever)


def api_client(actor: Actor, *, uuid: str) -> ApiClient:
    return een_of_404(api_clients(actor), "API-koppeling", uuid=uuid)
