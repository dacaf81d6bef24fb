"""The WAZO demo: leave to come, leave with sickness around it (one combined case), adoption."""

from datetime import date

import pytest

from tests.factories import (
    GebruikerFactory,
    LoonheffingennummerFactory,
    WerkgeverFactory,
    WerknemerFactory,
)
from verzuimportaal.dossier import termijnen
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.wazo.demo import KVK_BAKKERIJ, laad_demo
from verzuimportaal.wazo.models import Soort, Wazoverlof

pytestmark = pytest.mark.django_db


@pytest.mark.klok("2026-11-23")
def test_demo_toont_elk_verhaal_en_is_idempotent():
    werkgever = WerkgeverFactory(kvk_nummer=KVK_BAKKERIJ)
    lhnr = LoonheffingennummerFactory(werkgever=werkgever)
    GebruikerFactory(username="demo-bakkerij")
    WerknemerFactory.create_batch(3, loonheffingennummer=lhnr)
    laad_demo(vandaag=date(2026, 11, 23))
    verloven = list(Wazoverlof.objects.order_by("pk"))
    assert [v.soort for v in verloven] == [Soort.ZWANGERSCHAP, Soort.ZWANGERSCHAP, Soort.ADOPTIE]
    assert not any(v.te_laat for v in verloven)
    assert len({v.werknemer_id for v in verloven}) == 3
    met_ziekte = verloven[1]
    assert met_ziekte.geboortedatum is not None
    gevallen = list(Verzuimgeval.objects.filter(werknemer=met_ziekte.werknemer).order_by("pk"))
    assert len(gevallen) == 2
    samen = termijnen.voor_verzuimgeval(gevallen[-1])
    assert samen.geval.periode_ids == (gevallen[0].pk, gevallen[1].pk)  # DOMAIN §5.1
    laad_demo(vandaag=date(2026, 11, 23))
    assert Wazoverlof.objects.count() == 3


@pytest.mark.klok("2026-11-23")
def test_demo_zaken_in_elke_status():
    """The aanvragen demo decides one case (letter in the inbox) and asks about another."""
    from verzuimportaal.aanvragen.demo import laad_demo as laad_zaken
    from verzuimportaal.aanvragen.models import Status, Zaak

    werkgever = WerkgeverFactory(kvk_nummer=KVK_BAKKERIJ)
    lhnr = LoonheffingennummerFactory(werkgever=werkgever)
    GebruikerFactory(username="demo-bakkerij")
    GebruikerFactory(username="beheer", is_staff=True, is_superuser=True)
    WerknemerFactory.create_batch(3, loonheffingennummer=lhnr)
    laad_demo(vandaag=date(2026, 11, 23))
    laad_zaken(vandaag=date(2026, 11, 23))
    assert sorted(Zaak.objects.values_list("status", flat=True)) == sorted(
        [Status.BESLUIT, Status.INFORMATIE_GEVRAAGD, Status.ONTVANGEN]
    )
    assert Zaak.objects.get(status=Status.BESLUIT).brief is not None
    laad_zaken(vandaag=date(2026, 11, 23))
    assert Zaak.objects.filter(status=Status.BESLUIT).count() == 1
