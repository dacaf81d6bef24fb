"""The message box in English (ADR 0044)."""

from django.urls import reverse

from tests.engels import in_het_engels, kop
from tests.html import tekst
from verzuimportaal.berichten.models import Soort
from verzuimportaal.berichten.service import plaats_bericht


def test_inbox_in_het_engels(werkgever_a, eigenaar):
    plaats_bericht(
        werkgever=werkgever_a.werkgever, soort=Soort.MEDEDELING, onderwerp="Onderwerp", tekst="x"
    )
    with in_het_engels(eigenaar) as client:
        response = client.get(reverse("berichten:inbox"))
    inhoud = tekst(response)
    assert kop(response) == "Messages"
    assert "1 message, 1 unread in total." in inhoud
    assert "Notice" in inhoud  # the type, a model choice
    assert "All messages" in inhoud
    assert "ongelezen in totaal" not in inhoud
    assert "Alle berichten" not in inhoud
