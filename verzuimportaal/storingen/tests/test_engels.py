"""The outage notice with English active (ADR 0044): its own fixed text and the dates in English;
the operator's title and text as written."""

from datetime import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from tests.html import tekst
from verzuimportaal.storingen import service
from verzuimportaal.toegang.actor import beheerder

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23 10:00:00")]


def test_aangekondigd_onderhoud_in_het_engels(werkgever_a, eigenaar):
    service.meld_storing(
        door=beheerder(None),
        titel="Gepland onderhoud",
        begin=timezone.make_aware(datetime(2026, 11, 30, 20, 0)),
        einde=timezone.make_aware(datetime(2026, 11, 30, 22, 0)),
        aangekondigd_vanaf=timezone.now(),
        onderbreking=True,
    )
    eigenaar.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    inhoud = tekst(eigenaar.get("/"))

    assert "Announced: Gepland onderhoud" in inhoud
    assert "From 30 November 2026 20:00 to 30 November 2026 22:00." in inhoud
    assert "During that time you cannot log in or send data." in inhoud
    assert "Aangekondigd" not in inhoud and "In die tijd" not in inhoud
