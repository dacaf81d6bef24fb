"""The wage pages in English (ADR 0044)."""

import pytest
from django.urls import reverse

from tests.engels import in_het_engels, kop
from tests.html import tekst

pytestmark = pytest.mark.klok("2026-11-23")


def test_loongegevens_in_het_engels(werkgever_a, eigenaar):
    werknemer = werkgever_a.werknemer
    with in_het_engels(eigenaar) as client:
        response = client.get(reverse("lonen:werknemer", args=[werknemer.uuid]))
    inhoud = tekst(response)
    assert kop(response) == f"Wage details {werknemer.volledige_naam}"
    assert "No wage details have been recorded yet." in inhoud
    assert "Gross annual wage (€)" in inhoud  # a form label
    assert "Bruto jaarloon" not in inhoud
