"""The webhooks page in English (ADR 0044)."""

from django.urls import reverse

from tests.engels import in_het_engels, kop
from tests.html import tekst


def test_overzicht_in_het_engels(werkgever_a, eigenaar):
    with in_het_engels(eigenaar) as client:
        response = client.get(reverse("webhooks:overzicht"))
    inhoud = tekst(response)
    assert kop(response) == f"Webhooks of {werkgever_a.werkgever.naam}"
    assert "There are no webhooks." in inhoud and "Add webhook" in inhoud
    assert "Er zijn geen webhooks." not in inhoud
