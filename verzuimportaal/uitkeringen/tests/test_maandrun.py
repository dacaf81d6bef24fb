"""The monthly benefit run (DOMAIN §7.3, ADR 0030): idempotent, corrections as new lines."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import Omgeving
from tests.factories import VerzuimgevalFactory, werknemer_bij
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.uitkeringen.models import (
    RegelGewijzigd,
    Regelsoort,
    Uitkeringsregel,
    Uitkeringsrun,
)
from verzuimportaal.uitkeringen.service import voer_maandrun_uit
from verzuimportaal.uitkeringen.tasks import maandrun_task
from verzuimportaal.verzuim.models import MutatieSoort, Verzuimmutatie

from .factories import loon, polis

pytestmark = pytest.mark.klok("2025-04-02 10:00")


@pytest.fixture
def zieke(werkgever_a: Omgeving):
    """DOMAIN §7.3 example: dagloon 200, sick from Monday 2025-03-03."""
    polis(werkgever_a.werkgever)
    werknemer = werknemer_bij(werkgever_a)
    loon(werknemer, Decimal(52200))
    return VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2025, 3, 3))


def _regels(geval) -> list[tuple[date, str, Decimal]]:
    return list(
        Uitkeringsregel.objects.filter(werknemer=geval.werknemer)
        .order_by("pk")
        .values_list("maand", "soort", "bedrag")
    )


def test_maart_betaalt_het_voorbeeld_op_de_twaalfde_werkdag(zieke) -> None:
    resultaat = voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 3, 1))
    assert resultaat.nieuw
    regel = Uitkeringsregel.objects.get(werknemer=zieke.werknemer)
    assert (regel.bedrag, regel.uitkeringsdagen, regel.eigenrisicodagen) == (
        Decimal("2200.00"),
        11,
        10,
    )
    assert regel.betaaldatum == date(2025, 4, 16)
    assert regel.dagen[0]["van"] == "2025-03-17"


def test_tweemaal_draaien_betaalt_eenmaal(zieke) -> None:
    eerste = voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 3, 1))
    tweede = voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 3, 1))
    assert not tweede.nieuw
    assert tweede.run.pk == eerste.run.pk
    assert maandrun_task()["nieuw"] is False
    assert Uitkeringsregel.objects.count() == 1
    assert Uitkeringsrun.objects.count() == 1


def test_lopende_maand_wordt_geweigerd(zieke) -> None:
    with pytest.raises(ValidationError, match="nog niet voorbij"):
        voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 4, 1))


def test_latere_correctie_geeft_correctieregel_en_wijzigt_betaalde_regel_niet(zieke, klok) -> None:
    voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 3, 1))
    betaald = Uitkeringsregel.objects.get()
    klok.move_to("2025-05-02 10:00")
    # A backdated partial recovery, registered in May: 50 % from Monday 2025-03-24.
    Verzuimmutatie.objects.create(
        verzuimgeval=zieke,
        soort=MutatieSoort.GEDEELTELIJK_HERSTELD,
        ingangsdatum=date(2025, 3, 24),
        percentage_arbeidsongeschikt=50,
        geregistreerd_op=timezone.now(),
        geregistreerd_door_naam="Test",
    )
    voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 4, 1))
    # March: 5 × 200 + 6 × 100 = 1,600.00, so -600.00 in the April run; April 22 × 100.
    assert _regels(zieke) == [
        (date(2025, 3, 1), Regelsoort.REGULIER, Decimal("2200.00")),
        (date(2025, 3, 1), Regelsoort.CORRECTIE, Decimal("-600.00")),
        (date(2025, 4, 1), Regelsoort.REGULIER, Decimal("2200.00")),
    ]
    correctie = Uitkeringsregel.objects.get(soort=Regelsoort.CORRECTIE)
    assert correctie.betaaldatum == date(2025, 5, 19)
    betaald.refresh_from_db()
    assert betaald.bedrag == Decimal("2200.00")
    # Running April again changes nothing.
    voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 4, 1))
    assert len(_regels(zieke)) == 3


def test_betaalde_regel_kan_niet_worden_gewijzigd(zieke) -> None:
    voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 3, 1))
    regel = Uitkeringsregel.objects.get()
    regel.bedrag = Decimal(1)
    with pytest.raises(RegelGewijzigd):
        regel.save()
    with pytest.raises(RegelGewijzigd):
        Uitkeringsregel.objects.all().update(bedrag=0)
    with pytest.raises(RegelGewijzigd):
        regel.delete()


def test_zonder_loongegevens_overgeslagen_en_later_nabetaald(werkgever_a: Omgeving, klok) -> None:
    polis(werkgever_a.werkgever)
    werknemer = werknemer_bij(werkgever_a)
    geval = VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2025, 3, 3))
    run = voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 3, 1)).run
    assert run.overgeslagen == 1
    assert _regels(geval) == []
    klok.move_to("2025-05-02 10:00")
    loon(werknemer, Decimal(52200))
    voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 4, 1))
    assert _regels(geval) == [
        (date(2025, 3, 1), Regelsoort.CORRECTIE, Decimal("2200.00")),
        (date(2025, 4, 1), Regelsoort.REGULIER, Decimal("4400.00")),
    ]


def test_werkgever_zonder_polis_krijgt_niets(werkgever_a: Omgeving) -> None:
    werknemer = werknemer_bij(werkgever_a)
    loon(werknemer, Decimal(52200))
    VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2025, 3, 3))
    assert voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 3, 1)).run.aantal_regels == 0
