"""Arbofacturen (DOMAIN §7.4): peildatum the 1st, btw once on the total, gap-free numbers."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from conftest import Omgeving
from tests.factories import werknemer_bij
from verzuimportaal.facturen.models import Arbofactuur
from verzuimportaal.facturen.service import maak_arbofacturen
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.uitkeringen.tests.factories import polis

pytestmark = pytest.mark.klok("2025-03-03 09:00")


def test_voorbeeld_zeven_werknemers_en_eenmaal_per_maand(
    werkgever_a: Omgeving, werkgever_b: Omgeving
) -> None:
    """DOMAIN §7.4: 7 × 12.50 = 87.50 + 18.38 = 105.88; in dienst on 1 March only."""
    polis(werkgever_a.werkgever)
    polis(werkgever_b.werkgever)
    for _ in range(6):  # with the fixture's werknemer: 7 in dienst on the peildatum
        werknemer_bij(werkgever_a)
    werknemer_bij(werkgever_a, datum_in_dienst=date(2025, 3, 2))
    werknemer_bij(werkgever_a, datum_uit_dienst=date(2025, 2, 28))
    gemaakt = maak_arbofacturen(door=Uitvoerder(), maand=date(2025, 3, 15))
    factuur = Arbofactuur.objects.get(werkgever=werkgever_a.werkgever)
    assert (factuur.aantal, factuur.subtotaal, factuur.btw, factuur.totaal) == (
        7,
        Decimal("87.50"),
        Decimal("18.38"),
        Decimal("105.88"),
    )
    assert factuur.peildatum == date(2025, 3, 1)
    assert sorted(f.factuurnummer for f in gemaakt) == ["AF-2025-00001", "AF-2025-00002"]
    assert maak_arbofacturen(door=Uitvoerder(), maand=date(2025, 3, 1)) == []
    assert Arbofactuur.objects.count() == 2


def test_zonder_polis_geen_factuur(werkgever_a: Omgeving) -> None:
    assert maak_arbofacturen(door=Uitvoerder(), maand=date(2025, 3, 1)) == []


def test_pdf_en_overzicht(werkgever_a: Omgeving, eigenaar: Client, buitenstaander: Client) -> None:
    polis(werkgever_a.werkgever)
    [factuur] = maak_arbofacturen(door=Uitvoerder(), maand=date(2025, 3, 1))
    assert factuur.factuurnummer in eigenaar.get(reverse("uitkeringen:overzicht")).content.decode()
    response = eigenaar.get(reverse("facturen:pdf", args=[factuur.uuid]))
    assert response["Content-Type"] == "application/pdf"
    assert buitenstaander.get(reverse("facturen:pdf", args=[factuur.uuid])).status_code == 404
