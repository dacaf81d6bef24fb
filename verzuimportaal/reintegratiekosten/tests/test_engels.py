"""Re-integration costs and wage sanctions in English (ADR 0044)."""

from django.urls import reverse

from tests.engels import in_het_engels, kop
from tests.html import tekst


def test_lijst_in_het_engels(eigenaar):
    with in_het_engels(eigenaar) as client:
        response = client.get(reverse("reintegratiekosten:lijst"))
    inhoud = tekst(response)
    assert kop(response) == "Re-integration costs and wage sanction"
    assert "Request approval" in inhoud and "Report wage sanction" in inhoud
    assert "Goedkeuring aanvragen" not in inhoud and "Loonsanctie melden" not in inhoud
