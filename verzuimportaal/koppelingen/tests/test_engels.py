"""The API connections page in English (ADR 0044)."""

from django.urls import reverse

from tests.engels import in_het_engels, kop
from tests.html import tekst

from .factories import registreer


def test_overzicht_in_het_engels(werkgever_a, eigenaar):
    client_, _secret = registreer(werkgever_a)
    with in_het_engels(eigenaar) as client:
        response = client.get(reverse("koppelingen:overzicht"))
    inhoud = tekst(response)
    assert kop(response) == f"API connections of {werkgever_a.werkgever.naam}"
    assert "Active connections" in inhoud and client_.client_id in inhoud
    assert "Renew secret" in inhoud
    assert "Actieve koppelingen" not in inhoud and "Secret vernieuwen" not in inhoud
