"""The self-insurer pages in English (ADR 0044)."""

from django.urls import reverse

from conftest import eherkenning_client
from tests.engels import in_het_engels, kop
from tests.html import tekst
from verzuimportaal.toegang.diensten import Dienst

from .factories import status_van


def test_status_in_het_engels(werkgever_a):
    status_van(werkgever_a)
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.CONTROLE_ERD)
    with in_het_engels(client):
        response = client.get(reverse("eigenrisicodragers:status"))
    inhoud = tekst(response)
    assert kop(response) == "Self-insurer status"
    assert "Self-insurance per payroll tax number" in inhoud
    assert "Eigenrisicodragerschap per loonheffingennummer" not in inhoud
