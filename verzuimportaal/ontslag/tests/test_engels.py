"""Dismissal and compensation in English (ADR 0044)."""

from django.urls import reverse

from conftest import eherkenning_client
from tests.engels import in_het_engels, kop
from tests.html import tekst
from verzuimportaal.toegang.diensten import Dienst


def test_start_in_het_engels(werkgever_a):
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.ONTSLAGAANVRAAG)
    with in_het_engels(client):
        response = client.get(reverse("ontslag:start"))
    inhoud = tekst(response)
    assert kop(response) == "Dismissal and transition payment compensation"
    assert "New application" in inhoud and "Continue" in inhoud
    assert "Nieuwe aanvraag" not in inhoud
