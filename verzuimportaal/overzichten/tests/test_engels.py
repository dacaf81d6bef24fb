"""The overviews with English active (ADR 0044): page, CSV and XLSX say the same in English; the
audit trail stays Dutch; Dutch remains the default."""

from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse

from tests.html import tekst
from verzuimportaal.audit.models import Auditregel

from .factories import geval, mutatie
from .test_views import APRIL, csv_rijen, rijen, totalen, xlsx_rijen

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2025-06-15")]


@pytest.fixture
def engels(eigenaar):
    eigenaar.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return eigenaar


@pytest.fixture
def april(werkgever_a):
    hersteld = geval(werkgever_a, date(2025, 4, 7), date(2025, 4, 10))
    deels = geval(werkgever_a, date(2025, 4, 14))
    mutatie(deels, "gedeeltelijk_hersteld", date(2025, 4, 20), 50)
    return {"hersteld": hersteld, "deels": deels}


def test_index_in_het_engels(engels):
    inhoud = tekst(engels.get(reverse("overzichten:index")))

    assert "Reports" in inhoud  # the menu's name for this page
    assert "General absence overview" in inhoud
    assert "Absence overview for the insurer" in inhoud
    assert "Changes overview" in inhoud
    assert "Algemeen verzuimoverzicht" not in inhoud
    assert "Kies een overzicht" not in inhoud


def test_algemeen_overzicht_in_het_engels_en_de_download_zegt_hetzelfde(werkgever_a, engels, april):
    response = engels.get(reverse("overzichten:algemeen"), APRIL)

    inhoud = tekst(response)
    assert "General absence overview" in inhoud
    assert "Period 01-04-2025 to 30-04-2025 (30 days)" in inhoud
    assert totalen(response) == {
        "Absence cases in the period": "2",
        "New sick reports in the period": "2",
        "Sick days in the period": "20",
    }
    assert [r[4] for r in rijen(response)] == ["10-04-2025 (recovered)", "ongoing"]
    assert "Total (2 absence cases)" in inhoud
    for nederlands in ("Verzuimgevallen", "Ziektedagen", "loopt nog", "hersteld)", "t/m"):
        assert nederlands not in inhoud

    kop, *csv = csv_rijen(engels.get(reverse("overzichten:algemeen"), APRIL | {"formaat": "csv"}))
    assert kop[:4] == ["Employee", "Payroll tax number", "Absence number", "First day of sickness"]
    assert [r[5] for r in csv] == ["recovered", "ongoing"]
    xlsx = xlsx_rijen(engels.get(reverse("overzichten:algemeen"), APRIL | {"formaat": "xlsx"}))
    assert xlsx[0][-1] == "Percentage unfit for work"
    # The page's figures are the download's.
    assert [r[-2] for r in rijen(response)] == [r[6] for r in csv] == ["3", "17"]


def test_auditregel_blijft_nederlands_met_engels_actief(werkgever_a, engels, april):
    engels.get(reverse("overzichten:algemeen"), APRIL)

    regel = Auditregel.objects.filter(object_type="verzuimgeval").latest("pk")
    assert regel.omschrijving == "Algemeen verzuimoverzicht 01-04-2025 t/m 30-04-2025"


def test_verzekeraar_en_mutaties_in_het_engels(werkgever_a, engels, april):
    response = engels.get(reverse("overzichten:verzekeraar"), APRIL)
    verzekeraar = tekst(response)
    assert totalen(response)["Own-risk period"] == "2 weeks"
    assert "Within own risk" in verzekeraar and "Eigenrisicotermijn" not in verzekeraar

    mutaties = tekst(engels.get(reverse("overzichten:mutaties"), APRIL))
    assert "Changes overview" in mutaties and "Changes in the period" in mutaties
    assert "Mutatieoverzicht" not in mutaties


def test_werknemer_en_werknemerslijst_in_het_engels(werkgever_a, engels, april):
    persoon = april["hersteld"].werknemer
    inhoud = tekst(engels.get(reverse("overzichten:werknemer", args=[persoon.uuid]), APRIL))
    assert f"Absence overview {persoon.volledige_naam}" in inhoud
    assert "Absence rate" in inhoud and "Verzuimpercentage" not in inhoud

    lijst = engels.get(reverse("overzichten:werknemerslijst"))
    assert "Download employee list" in tekst(lijst)
    assert "currently employed." in tekst(lijst)
    kop, *_ = csv_rijen(engels.get(reverse("overzichten:werknemerslijst"), {"formaat": "csv"}))
    assert kop[:3] == ["Surname", "Name prefix", "First name"]


def test_foute_periode_bij_download_in_het_engels(engels):
    response = engels.get(
        reverse("overzichten:algemeen"),
        {"begin": "2025-04-30", "einde": "2025-04-01", "formaat": "csv"},
    )
    assert response.status_code == 400
    assert response.content.decode().startswith("Invalid period: The end date is before")


def test_nederlands_blijft_de_standaard(eigenaar, april):
    inhoud = tekst(eigenaar.get(reverse("overzichten:algemeen"), APRIL))
    assert "Algemeen verzuimoverzicht" in inhoud
    assert "Periode 01-04-2025 t/m 30-04-2025 (30 dagen)" in inhoud
