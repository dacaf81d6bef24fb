"""Reporting misuse and the blocked page with English active (ADR 0044); the API stays Dutch."""

import pytest
from django.conf import settings

from tests.factories import geldig_bsn
from tests.html import tekst

from .test_blokkades import DASHBOARD, blokkeer_account
from .test_melden import ADRES

pytestmark = pytest.mark.django_db


@pytest.fixture
def engels(eigenaar):
    eigenaar.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return eigenaar


def test_misbruik_melden_in_het_engels(engels):
    formulier = tekst(engels.get(ADRES))
    assert "Report misuse" in formulier
    assert "Do not enter any employee data." in formulier
    assert "What do you suspect?" in formulier
    assert "Misbruik melden" not in formulier

    fout = tekst(
        engels.post(ADRES, {"soort": "anders", "omschrijving": f"Werknemer {geldig_bsn()} dubbel"})
    )
    assert "Do not include a citizen service number (BSN)" in fout

    response = engels.post(ADRES, {"soort": "anders", "omschrijving": "Vreemde e-mail"})
    assert "Your report has been received." in tekst(engels.get(response["Location"]))


def test_geblokkeerd_in_het_engels(werkgever_a, engels):
    blokkeer_account(werkgever_a.lidmaatschap.gebruiker)

    response = engels.get(DASHBOARD)

    assert response.status_code == 403
    assert "Your access has been blocked" in tekst(response)
    assert "Uw toegang is geblokkeerd" not in tekst(response)


def test_api_melding_blijft_nederlands_met_taalcookie(werkgever_a, engels):
    blokkeer_account(werkgever_a.lidmaatschap.gebruiker)

    response = engels.get("/api/v1/verzuimgevallen/")

    assert response.json()["detail"] == "Uw toegang tot het Verzuimportaal is geblokkeerd."
