"""The operator's demo data: a stand of the doelgroepregister and the bakkerij's ERD data, loaded
through the import services; idempotent."""

from datetime import date

import pytest

from tests.factories import (
    GebruikerFactory,
    LoonheffingennummerFactory,
    WerkgeverFactory,
    WerknemerFactory,
)
from verzuimportaal.doelgroepregister import demo as doelgroep_demo
from verzuimportaal.doelgroepregister.models import Inschrijving, Registerimport
from verzuimportaal.eigenrisicodragers import demo
from verzuimportaal.eigenrisicodragers.models import Documentsoort, Erddocument, Erdstatus

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23")]
VANDAAG = date(2026, 11, 23)


def test_demo_heeft_elke_soort_document_en_een_register_en_is_idempotent():
    lhnr = LoonheffingennummerFactory(werkgever=WerkgeverFactory(kvk_nummer=demo.KVK_BAKKERIJ))
    werknemers = WerknemerFactory.create_batch(5, loonheffingennummer=lhnr)
    GebruikerFactory(username=demo.BEHEERDER, is_staff=True, is_superuser=True)

    for _ in range(2):
        demo.laad_demo(vandaag=VANDAAG)
        doelgroep_demo.laad_demo(vandaag=VANDAAG)

    assert set(Erddocument.objects.values_list("soort", flat=True)) == set(Documentsoort.values)
    assert Erddocument.objects.filter(soort=Documentsoort.MAANDFACTUUR).count() == 6
    assert set(Erdstatus.objects.values_list("risico", flat=True)) == {"zw", "wga", "ww"}
    assert Registerimport.objects.get().peildatum == date(2026, 11, 20)
    assert Inschrijving.objects.filter(bsn__in=[w.bsn for w in werknemers]).exists()
    assert Inschrijving.objects.count() > 20
