"""The re-integratieverslag demo: the dossier steps recorded and the verslag handed in; loading
twice changes nothing."""

from datetime import date

import pytest

from tests.factories import (
    GebruikerFactory,
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    WerkgeverFactory,
    WerknemerFactory,
)
from verzuimportaal.ontslag.demo import KVK_BAKKERIJ
from verzuimportaal.reintegratieverslag.demo import laad_demo
from verzuimportaal.reintegratieverslag.models import Reintegratieverslag

pytestmark = pytest.mark.django_db


@pytest.mark.klok("2026-10-10")
def test_demo_dient_een_volledig_verslag_in():
    werkgever = WerkgeverFactory(kvk_nummer=KVK_BAKKERIJ)
    lhnr = LoonheffingennummerFactory(werkgever=werkgever)
    GebruikerFactory(username="demo-bakkerij")
    werknemer = WerknemerFactory(loonheffingennummer=lhnr)
    VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2025, 1, 6))
    laad_demo(vandaag=date(2026, 10, 10))
    laad_demo(vandaag=date(2026, 10, 10))
    verslag = Reintegratieverslag.objects.get()
    assert all(o["aanwezig"] for o in verslag.onderdelen)
    assert not verslag.te_laat
