"""Objections in English (ADR 0044): the start page and a validation error of the service."""

import pytest
from django.urls import reverse

from conftest import eherkenning_client
from tests.engels import in_het_engels, kop
from tests.html import pagina, tekst
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.klok("2025-04-20")


def test_bezwaar_maken_in_het_engels(werkgever_a):
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.BEZWAAR)
    with in_het_engels(client):
        start = client.get(reverse("bezwaar:start"))
        fout = client.post(
            reverse("bezwaar:ander_besluit"),
            {
                "loonheffingennummer": werkgever_a.loonheffingennummer.pk,
                "besluitdatum_dag": "1",  # the three boxes of the page
                "besluitdatum_maand": "5",
                "besluitdatum_jaar": "2025",
                "kenmerk": "K-1",
                "gronden": "Onjuist.",
            },
        )
    assert kop(start) == "Lodge an objection"
    assert "There are no decisions on applications that you may see." in tekst(start)
    assert "U kunt bezwaar maken tot 6 weken" not in tekst(start)
    melding = pagina(fout).get_element_by_id("id_besluitdatum_error").text_content()
    assert "The date of the decision is in the future." in melding
