from datetime import date

from verzuimportaal.storingen.models import Storingsmelding
from verzuimportaal.voorwaarden import service
from verzuimportaal.voorwaarden.demo import laad_demo
from verzuimportaal.voorwaarden.models import Acceptatie, Voorwaardenversie

VANDAAG = date(2026, 11, 23)


def test_demo_is_deterministisch_en_idempotent(db):
    laad_demo(vandaag=VANDAAG)
    laad_demo(vandaag=VANDAAG)
    assert service.versie_van_kracht(op=VANDAAG).nummer == "1.0"
    assert service.aangekondigde_versie(op=VANDAAG).nummer == "1.1"
    assert Voorwaardenversie.objects.count() == 2
    assert not Acceptatie.objects.exists()  # every demo account accepts at its first login
    assert Storingsmelding.objects.count() == 2
    assert not Storingsmelding.objects.onderbrekend().exists()
