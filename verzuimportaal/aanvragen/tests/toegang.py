"""Deny by default for pages of eHerkenning-only services (DOMAIN §3), which a local account never
holds: the visitors of ``toegang/tests/test_toegang_per_view.py`` with an eHerkenning owner."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.test import Client
from django.urls import get_resolver, reverse

from conftest import Omgeving, eherkenning_client, ingelogde_client
from verzuimportaal.aanvragen.models import Zaak
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.tests.test_toegangsmatrix import ROLLEN

__all__ = ["ROLLEN", "Pagina", "controleer", "controleer_rol"]

# The roles of the access matrix that hold these services: only the ketenmachtiging (a local
# account or a route-B advisor never gets them; seed 002, 004).
ROLLEN_MET_DIENST = {"intermediair met ketenmachtiging"}


@dataclass(frozen=True)
class Pagina:
    naam: str
    object: Callable[[Omgeving], Any] | None = None  # what of werkgever A fills the URL


def adres(pagina: Pagina, a: Omgeving) -> str:
    return reverse(pagina.naam, args=[pagina.object(a).uuid] if pagina.object else [])


def controleer(pagina: Pagina, dienst: str, a: Omgeving, b: Omgeving) -> None:
    """Owner 200; anonymous to login; local delegate, other service, outsider refused; nothing
    is stored by any refused request (a POST of an empty form changes no case)."""
    url = adres(pagina, a)
    zaken = Zaak.objects.count()

    def beide(client: Client) -> list[Any]:
        return [client.get(url), client.post(url, {})]

    for response in beide(Client()):
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == reverse("accounts:login")
    eigenaar = eherkenning_client(a.werkgever.kvk_nummer, dienst)
    assert eigenaar.get(url).status_code == 200
    # A local account of A (owner with every local right): the service is eHerkenning only.
    for response in beide(ingelogde_client(a.lidmaatschap)):
        assert response.status_code == 403
    andere = next(d for d in Dienst if d != dienst)
    for response in beide(eherkenning_client(a.werkgever.kvk_nummer, andere)):
        assert response.status_code == 403
    buitenstaander = eherkenning_client(b.werkgever.kvk_nummer, dienst, pseudoniem="pseudo-b")
    for response in beide(buitenstaander):
        if pagina.object:
            assert response.status_code == 404
        else:
            assert response.status_code == 200
            assert a.werknemer.achternaam not in response.content.decode()
    assert Zaak.objects.count() == zaken


def controleer_rol(pagina: Pagina, rol: str, a: Omgeving, b: Omgeving) -> None:
    """One role of ``toegang/tests/test_toegangsmatrix``: the page with the service, else a
    refusal (or login) for GET and POST; a refused request stores nothing."""
    client = ROLLEN[rol].maak(a, b)
    url = adres(pagina, a)
    zaken = Zaak.objects.count()
    if rol in ROLLEN_MET_DIENST:
        assert client.get(url).status_code == 200
        return
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code in (302, 401, 403, 404), (rol, response.status_code)
    assert Zaak.objects.count() == zaken


def routes_van(namespace: str) -> set[str]:
    """Every URL name of ``namespace``, to check that a table of pages leaves none out."""
    return {
        f"{namespace}:{p.name}"
        for r in get_resolver().url_patterns
        if getattr(r, "namespace", None) == namespace
        for p in r.url_patterns
    }
