"""The audit log page and its CSV with English active (ADR 0044); the rows keep the Dutch
description they were written with (a record, not interface text)."""

import csv
import io

import pytest
from django.conf import settings
from django.urls import reverse

from tests.html import tekst

from .test_views import _regels

pytestmark = pytest.mark.django_db


@pytest.fixture
def engels(eigenaar):
    eigenaar.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return eigenaar


def test_auditlog_in_het_engels(werkgever_a, engels):
    _regels(werkgever_a, 2)

    inhoud = tekst(engels.get(reverse("audit:log")))

    assert "Audit log, newest first" in inhoud
    assert "2 records." in inhoud
    assert "Show audit log" in inhoud and "Download as CSV" in inhoud
    assert "Type of data" in inhoud and "All actions" in inhoud
    assert "regel 1" in inhoud  # the recorded description, as written
    assert "Employee" in inhoud  # the kind of data, by its model's name
    for nederlands in ("Toon auditlog", "Tijdstip", "Omschrijving", "Alle acties", "regels."):
        assert nederlands not in inhoud


def test_csv_van_het_auditlog_heeft_engelse_koppen_en_labels(werkgever_a, engels):
    _regels(werkgever_a, 1)

    response = engels.get(reverse("audit:export"))

    kop, *rijen = csv.reader(
        io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"
    )
    assert kop[:3] == ["Time", "Name", "eHerkenning pseudonym"]
    assert kop[-1] == "IP address"
    assert rijen[0][kop.index("Action")] == "View"
