"""Reads of API clients: only the acting werkgever's, for the rechtenbeheerder (404 otherwise)."""

from django.db.models import QuerySet
from django.http import Http404

from verzuimportaal.toegang.actor import Actor

from .models import ApiClient


def api_clients(actor: Actor) -> QuerySet[ApiClient]:
    return ApiClient.objects.filter(werkgever=actor.werkgever)


def api_client(actor: Actor, *, uuid: str) -> ApiClient:
    client = api_clients(actor).filter(uuid=uuid).first()
    if client is None:
        raise Http404("Deze koppeling bestaat niet of hoort niet bij uw werkgever.")
    return client
