"""The bezwaar pages: the decisions to object to with their deadline, and another decision
entered by hand with the BSN of the employee concerned (DOMAIN §7.6)."""

import pytest
from django.urls import reverse

from conftest import eherkenning_client
from verzuimportaal.bezwaar.models import Bezwaar
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.klok("2025-12-01")


def test_ander_besluit_met_bsn_via_het_formulier(werkgever_a):
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.BEZWAAR)
    assert client.get(reverse("bezwaar:start")).status_code == 200
    adres = reverse("bezwaar:ander_besluit")
    pagina = client.get(adres).content.decode()
    assert werkgever_a.loonheffingennummer.nummer in pagina
    gegevens = {
        "loonheffingennummer": werkgever_a.loonheffingennummer.pk,
        "besluitdatum": "13-11-2025",
        "kenmerk": "ZW/2025/77",
        "bsn": werkgever_a.werknemer.bsn,
        "gronden": "Het besluit gaat uit van een verkeerde datum.",
    }
    response = client.post(adres, gegevens)
    assert response.status_code == 302
    bezwaar = Bezwaar.objects.get()
    assert (bezwaar.kenmerk, bezwaar.werknemer, str(bezwaar.termijn_tot)) == (
        "ZW/2025/77",
        werkgever_a.werknemer,
        "2025-12-29",
    )
    detail = client.get(response["Location"]).content.decode()
    assert "ZW/2025/77" in detail and werkgever_a.werknemer.bsn in detail
