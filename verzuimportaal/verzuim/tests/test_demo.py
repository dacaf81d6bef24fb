"""The verzuim demo shows a correction of each kind and a percentage change; twice is a no-op."""

from datetime import date

import pytest

from tests.factories import (
    GebruikerFactory,
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    WerkgeverFactory,
    WerknemerFactory,
    actor_voor,
)
from verzuimportaal.verzuim import service
from verzuimportaal.verzuim.demo import KVK_BAKKERIJ, laad_demo
from verzuimportaal.verzuim.models import Correctie, MutatieSoort, Verzuimmutatie

pytestmark = pytest.mark.django_db
VANDAAG = date(2026, 11, 23)


@pytest.mark.klok("2026-11-23")
def test_demo_corrigeert_en_wijzigt_percentage_en_is_idempotent():
    werkgever = WerkgeverFactory(kvk_nummer=KVK_BAKKERIJ)
    lhnr = LoonheffingennummerFactory(werkgever=werkgever)
    GebruikerFactory(username="demo-bakkerij")
    actor = actor_voor(LidmaatschapFactory(werkgever=werkgever))
    open_, ander = WerknemerFactory.create_batch(2, loonheffingennummer=lhnr)
    geval = service.meld_ziek(door=actor, werknemer=open_, eerste_ziektedag=date(2026, 9, 1))
    service.meld_gedeeltelijk_hersteld(
        door=actor,
        verzuimgeval=geval,
        ingangsdatum=date(2026, 10, 1),
        percentage_arbeidsongeschikt=50,
    )
    afgesloten = service.meld_ziek(door=actor, werknemer=ander, eerste_ziektedag=date(2026, 6, 1))
    service.meld_volledig_hersteld(
        door=actor, verzuimgeval=afgesloten, hersteldatum=date(2026, 6, 10)
    )

    laad_demo(vandaag=VANDAAG)

    assert sorted(Correctie.objects.values_list("veld", flat=True)) == [
        "eerste_ziektedag",
        "hersteldatum",
    ]
    wijziging = Verzuimmutatie.objects.get(soort=MutatieSoort.WIJZIGING)
    assert (wijziging.percentage_arbeidsongeschikt, wijziging.ingangsdatum) == (
        80,
        date(2026, 11, 20),
    )
    laad_demo(vandaag=VANDAAG)
    assert Correctie.objects.count() == 2
    assert Verzuimmutatie.objects.filter(soort=MutatieSoort.WIJZIGING).count() == 1
