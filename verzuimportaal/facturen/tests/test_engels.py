"""An invoice PDF in the language of the person who downloads it (ADR 0044)."""

import pytest
from django.urls import reverse

from tests.engels import in_het_engels
from verzuimportaal.statistiek import pdf

from .factories import arbofactuur_van

pytestmark = pytest.mark.klok("2026-11-23")


def test_arbofactuur_in_het_engels(werkgever_a, eigenaar, monkeypatch):
    factuur = arbofactuur_van(werkgever_a)
    gezien: list[str] = []
    echte = pdf.render_to_string

    def vang(*args, **kwargs):
        gezien.append(echte(*args, **kwargs))
        return gezien[-1]

    monkeypatch.setattr(pdf, "render_to_string", vang)
    with in_het_engels(eigenaar) as client:
        response = client.get(reverse("facturen:pdf", args=[factuur.uuid]))
    assert response["Content-Type"] == "application/pdf"
    [html] = gezien
    assert f"Occupational health invoice {factuur.factuurnummer}" in html
    assert "Rate per employee excl. VAT" in html
    assert "Tarief per werknemer" not in html
