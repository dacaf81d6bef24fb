"""Pages and API answers with personal data are never stored by browsers or proxies (no-store)."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def no_store(antwoord) -> bool:
    return "no-store" in antwoord.get("Cache-Control", "")


def test_pagina_met_persoonsgegevens_no_store(werkgever_a, eigenaar):
    for adres in (
        reverse("portaal:dashboard"),
        reverse("werknemers:lijst"),
        reverse("werknemers:detail", args=[werkgever_a.werknemer.uuid]),
    ):
        antwoord = eigenaar.get(adres)
        assert antwoord.status_code == 200, adres
        assert no_store(antwoord), adres


def test_api_antwoord_no_store(werkgever_a, eigenaar):
    antwoord = eigenaar.get("/api/v1/werknemers/")
    assert antwoord.status_code == 200
    assert no_store(antwoord)
    assert "private" in antwoord["Cache-Control"]


def test_weigeringen_en_doorverwijzingen_ook_no_store(werkgever_a, buitenstaander):
    antwoord = buitenstaander.get(reverse("werknemers:detail", args=[werkgever_a.werknemer.uuid]))
    assert antwoord.status_code == 404 and no_store(antwoord)
    assert no_store(Client().get(reverse("portaal:dashboard")))
    assert no_store(Client().get(reverse("accounts:login")))


def test_eigen_cache_control_van_een_view_blijft_staan(werkgever_a, eigenaar):
    """Views that set their own header (document download: private, no-store) keep it."""
    from django.http import HttpRequest, HttpResponse

    from verzuimportaal.utils.middleware import GeenCacheMiddleware

    eigen = HttpResponse()
    eigen["Cache-Control"] = "private, no-store"
    antwoord = GeenCacheMiddleware(lambda request: eigen)(HttpRequest())
    assert antwoord["Cache-Control"] == "private, no-store"
