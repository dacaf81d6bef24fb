"""The demo of the cases (ADR 0028): an ontslagaanvraag per route where the data allow it and a
bezwaar against the decided WAZO case; loading twice changes nothing."""

from datetime import date

import pytest

from tests.factories import (
    GebruikerFactory,
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    WerkgeverFactory,
    WerknemerFactory,
)
from verzuimportaal.aanvragen.demo import laad_demo as laad_zaken
from verzuimportaal.aanvragen.models import Soort, Zaak
from verzuimportaal.bezwaar.demo import laad_demo as laad_bezwaar
from verzuimportaal.bezwaar.models import Bezwaar
from verzuimportaal.ontslag.demo import KVK_BAKKERIJ
from verzuimportaal.ontslag.demo import laad_demo as laad_ontslag
from verzuimportaal.ontslag.models import Ontslagaanvraag, Ontslagroute
from verzuimportaal.wazo.demo import laad_demo as laad_wazo

pytestmark = pytest.mark.django_db
VANDAAG = date(2026, 11, 23)


@pytest.mark.klok("2026-11-23")
def test_demo_ontslag_en_bezwaar(prive_opslag):
    werkgever = WerkgeverFactory(kvk_nummer=KVK_BAKKERIJ)
    lhnr = LoonheffingennummerFactory(werkgever=werkgever)
    GebruikerFactory(username="demo-bakkerij")
    GebruikerFactory(username="beheer", is_staff=True, is_superuser=True)
    WerknemerFactory.create_batch(4, loonheffingennummer=lhnr)
    lang = WerknemerFactory(loonheffingennummer=lhnr)
    VerzuimgevalFactory(werknemer=lang, eerste_ziektedag=date(2024, 9, 2))
    for _ in range(2):
        laad_wazo(vandaag=VANDAAG)
        laad_zaken(vandaag=VANDAAG)
        laad_ontslag(vandaag=VANDAAG)
        laad_bezwaar(vandaag=VANDAAG)
    assert sorted(Ontslagaanvraag.objects.values_list("route", flat=True)) == [
        Ontslagroute.BEDRIJFSECONOMISCH,
        Ontslagroute.LANGDURIG_ZIEK,
    ]
    bezwaar = Bezwaar.objects.get()
    assert bezwaar.besluit_zaak is not None and bezwaar.besluit_zaak.soort == Soort.WAZO
    assert Zaak.objects.filter(soort=Soort.BEZWAAR).count() == 1
