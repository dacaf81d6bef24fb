"""Wage data: dated history, one row per ingangsdatum, shown at the ziekmelding (DOMAIN §7.3)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from conftest import Omgeving
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.lonen.models import Loongegeven
from verzuimportaal.lonen.service import leg_loon_vast, loon_op

pytestmark = pytest.mark.klok("2026-11-23")


def test_historie_per_ingangsdatum_en_vervangen(werkgever_a: Omgeving) -> None:
    w = werkgever_a.werknemer
    leg_loon_vast(
        door=werkgever_a.actor,
        werknemer=w,
        ingangsdatum=date(2025, 1, 1),
        bruto_jaarloon=Decimal(40000),
    )
    leg_loon_vast(
        door=werkgever_a.actor,
        werknemer=w,
        ingangsdatum=date(2026, 1, 1),
        bruto_jaarloon=Decimal(42000),
    )
    vervangen = leg_loon_vast(
        door=werkgever_a.actor,
        werknemer=w,
        ingangsdatum=date(2026, 1, 1),
        bruto_jaarloon=Decimal(43000),
        vaste_onderdelen=Decimal(1000),
    )
    assert Loongegeven.objects.filter(werknemer=w).count() == 2
    assert vervangen.verzekerd_jaarloon == Decimal("47440.00")  # 43,000 × 1.08 + 1,000
    loon = loon_op(werknemer=w, dag=date(2025, 12, 31))
    assert loon is not None and loon.bruto_jaarloon == Decimal(40000)
    assert Auditregel.objects.filter(object_type="loongegeven").count() == 3


def test_voor_datum_in_dienst_geweigerd(werkgever_a: Omgeving) -> None:
    with pytest.raises(ValidationError, match="datum in dienst"):
        leg_loon_vast(
            door=werkgever_a.actor,
            werknemer=werkgever_a.werknemer,
            ingangsdatum=date(2019, 1, 1),
            bruto_jaarloon=Decimal(40000),
        )


def test_andere_werkgever_geweigerd(werkgever_a: Omgeving, werkgever_b: Omgeving) -> None:
    with pytest.raises(PermissionDenied):
        leg_loon_vast(
            door=werkgever_b.actor,
            werknemer=werkgever_a.werknemer,
            ingangsdatum=date(2025, 1, 1),
            bruto_jaarloon=Decimal(40000),
        )


def test_loon_zichtbaar_bij_ziekmelding(werkgever_a: Omgeving, eigenaar: Client) -> None:
    url = reverse("verzuim:detail", args=[werkgever_a.verzuimgeval.uuid])
    assert "geen loon vastgelegd" in eigenaar.get(url).content.decode()
    leg_loon_vast(
        door=werkgever_a.actor,
        werknemer=werkgever_a.werknemer,
        ingangsdatum=date(2020, 1, 1),
        bruto_jaarloon=Decimal(50000),
    )
    html = eigenaar.get(url).content.decode()
    assert "Verzekerd jaarloon € 54.000,00" in html


def test_formulier_slaat_op(werkgever_a: Omgeving, eigenaar: Client) -> None:
    url = reverse("lonen:werknemer", args=[werkgever_a.werknemer.uuid])
    response = eigenaar.post(
        url,
        {
            "ingangsdatum": "01-01-2026",
            "bruto_jaarloon": "48000",
            "vakantiegeld_percentage": "8",
            "vaste_onderdelen": "0",
        },
    )
    assert response.status_code == 302
    assert "51.840,00" in eigenaar.get(url).content.decode()
