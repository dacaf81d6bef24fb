"""The target group register in English (ADR 0044)."""

from django.urls import reverse

from conftest import eherkenning_client
from tests.engels import in_het_engels, kop
from tests.html import tekst
from verzuimportaal.toegang.diensten import Dienst


def test_raadplegen_in_het_engels(werkgever_a):
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.BANENAFSPRAAK)
    with in_het_engels(client):
        response = client.get(reverse("doelgroepregister:raadplegen"))
    inhoud = tekst(response)
    assert kop(response) == "Target group register for the jobs agreement (banenafspraak)"
    assert "Look up whether someone is in the target group register." in inhoud
    assert "Zoek op of iemand in het doelgroepregister staat" not in inhoud
