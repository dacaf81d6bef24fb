"""The activation page with English active, and the letter that stays Dutch (ADR 0044)."""

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from tests.html import tekst
from verzuimportaal.verificatie import service
from verzuimportaal.verificatie.models import Verificatiecode

from .test_views import ADRES, brief  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23 10:00:00")]


@pytest.fixture
def engels(eigenaar):
    eigenaar.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return eigenaar


def test_activeren_in_het_engels_met_engelse_meldingen(brief, engels):  # noqa: F811
    nummer, code = brief
    inhoud = tekst(engels.get(ADRES))
    assert "Activate payroll tax number" in inhoud
    assert "Payroll tax numbers not yet activated" in inhoud
    assert "Loonheffingennummer activeren" not in inhoud

    fout = tekst(engels.post(ADRES, {"loonheffingennummer": nummer.pk, "code": "AAAA-AAAA-AAAA"}))
    assert "You have 4 attempts left" in fout
    assert "U kunt het nog" not in fout

    gelukt = engels.post(ADRES, {"loonheffingennummer": nummer.pk, "code": code}, follow=True)
    assert f"Payroll tax number {nummer.nummer} has been activated." in tekst(gelukt)


def test_brief_blijft_nederlands_ook_als_de_beheerder_engels_gebruikt(brief):  # noqa: F811
    nummer, code = brief
    verificatiecode = Verificatiecode.objects.get(loonheffingennummer=nummer)

    with translation.override("en"):
        html = service._brief_html(verificatiecode, code)

    assert '<html lang="nl">' in html
    assert "Geachte heer/mevrouw," in html and "Uw verificatiecode:" in html
    assert "23 november 2026" in html


def test_briefsjabloon_is_vertaalbaar(brief):  # noqa: F811
    nummer, code = brief
    verificatiecode = Verificatiecode.objects.get(loonheffingennummer=nummer)
    with translation.override("en"):
        html = render_to_string(
            "verificatie/brief.html",
            {
                "werkgever": nummer.werkgever,
                "nummer": nummer,
                "code": code,
                "datum": verificatiecode.aangemaakt_op.date(),
            },
        )
    assert '<html lang="en">' in html
    assert "Dear Sir or Madam," in html and "Your verification code:" in html
    assert "Geachte" not in html
