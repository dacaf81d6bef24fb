"""The re-integration report overview in English (ADR 0044)."""

from django.urls import reverse

from conftest import eherkenning_client
from tests.engels import in_het_engels, kop
from tests.html import tekst
from verzuimportaal.toegang.diensten import Dienst


def test_overzicht_in_het_engels(werkgever_a):
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.REINTEGRATIE_WIA)
    with in_het_engels(client):
        response = client.get(reverse("reintegratieverslag:overzicht"))
    inhoud = tekst(response)
    assert kop(response) == "Re-integration report for WIA (re-integratieverslag)"
    assert "No employee is currently sick for 78 weeks or longer." in inhoud
    assert "Er is nu geen werknemer" not in inhoud
