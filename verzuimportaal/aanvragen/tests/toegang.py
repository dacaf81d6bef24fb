"""Deny by default for pages of eHerkenning-only services (DOMAIN §3), which a local account never
holds: the visitors of ``toegang/tests/test_toegang_per_view.py`` with an eHerkenning owner."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.test import Client
from django.urls import reverse

from conftest import Omgeving, eherkenning_client, ingelogde_client
from verzuimportaal.aanvragen.models import Zaak
from verzuimportaal.toegang.diensten import Dienst


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
