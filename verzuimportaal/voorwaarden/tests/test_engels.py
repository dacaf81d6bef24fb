"""Terms-of-use pages and banner with English active (ADR 0044). The terms themselves are the
published legal text and stay as published (in Dutch); everything around them is English, with
English dates ("7 December 2026")."""

import pytest
from django.conf import settings

from conftest import ingelogde_client
from tests.html import tekst

from .test_voorwaarden import (  # noqa: F401
    ACCEPTEREN,
    DASHBOARD,
    VANDAAG,
    WEIGEREN,
    accepteer_via_formulier,
    v1,
    v2,
)

pytestmark = [pytest.mark.django_db, pytest.mark.klok(VANDAAG)]


@pytest.fixture
def engels(werkgever_a):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_accepteren_in_het_engels(v1, engels):  # noqa: F811
    inhoud = tekst(engels.get(ACCEPTEREN))

    assert "Accept the terms of use" in inhoud
    assert "(version 1.0, in force since 15 January 2026)" in inhoud
    assert "the messages in the portal are authoritative" in inhoud
    assert "I have read the terms of use and agree to them" in inhoud
    assert "Gebruiksvoorwaarden accepteren" not in inhoud
    assert "Accepteren en verder" not in inhoud


def test_aankondiging_voorwaarden_en_weigeren_in_het_engels(v2, engels):  # noqa: F811
    accepteer_via_formulier(engels)

    dashboard = tekst(engels.get(DASHBOARD))
    assert "From 7 December 2026, amended terms of use apply (version 2.0)." in dashboard
    assert "Read the amended terms" in dashboard

    voorwaarden = tekst(engels.get("/voorwaarden/"))
    assert "Current version: 1.0, in force since 15 January 2026." in voorwaarden
    assert "From 7 December 2026, amended terms apply: version 2.0." in voorwaarden

    weigeren = tekst(engels.get(WEIGEREN))
    assert "Reject amended terms" in weigeren
    assert "If you reject, your account will be closed." in weigeren
    assert "Gewijzigde voorwaarden weigeren" not in weigeren
