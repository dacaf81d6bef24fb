"""Statistics kept per period survive writes that cannot change a day of the period (ADR 0047),
and are computed again after every write that can (DOMAIN §6 figures never stale)."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache

from tests.factories import actor_voor, werknemer_bij
from verzuimportaal.statistiek.berekening import bereken_perioden
from verzuimportaal.toegang import access, scopecache
from verzuimportaal.verzuim import service as verzuim
from verzuimportaal.werkgevers.models import Gegevenswijziging
from verzuimportaal.werknemers import service as werknemers

pytestmark = pytest.mark.klok("2026-11-23")
VANDAAG = date(2026, 11, 23)
VORIG_JAAR = (date(2025, 1, 1), date(2025, 12, 31))


class Teller:
    def __init__(self) -> None:
        self.keer = 0

    def statistiek(self, omgeving, periode=VORIG_JAAR):
        omgeving.lidmaatschap.werkgever.refresh_from_db()  # as each request: current version
        door = actor_voor(omgeving.lidmaatschap)

        def bereken():
            self.keer += 1
            return bereken_perioden(werknemers=access.werknemers(door), perioden=[periode])

        return scopecache.gecached_tot(
            door, "test", periode[0].isoformat(), tot=periode[1], bereken=bereken
        )[0]


def test_melding_van_vandaag_laat_de_cijfers_van_vorig_jaar_staan(werkgever_a):
    werknemer = werknemer_bij(werkgever_a, datum_in_dienst=date(2024, 1, 1))
    teller = Teller()
    eerst = teller.statistiek(werkgever_a)
    geval = verzuim.meld_ziek(
        door=werkgever_a.actor, werknemer=werknemer, eerste_ziektedag=VANDAAG - timedelta(days=1)
    )
    verzuim.meld_volledig_hersteld(door=werkgever_a.actor, verzuimgeval=geval, hersteldatum=VANDAAG)
    assert teller.statistiek(werkgever_a) == eerst
    assert teller.keer == 1
    # The data version did move: a figure keyed by it would have been computed again.
    assert werkgever_a.lidmaatschap.werkgever.gegevensversie > 0


def test_melding_binnen_de_periode_rekent_opnieuw(werkgever_a):
    werknemer = werknemer_bij(werkgever_a, datum_in_dienst=date(2024, 1, 1))
    teller = Teller()
    eerst = teller.statistiek(werkgever_a)
    geval = verzuim.meld_ziek(
        door=werkgever_a.actor, werknemer=werknemer, eerste_ziektedag=date(2025, 12, 1)
    )
    na = teller.statistiek(werkgever_a)
    assert teller.keer == 2
    assert na.aantal_ziekmeldingen == eerst.aantal_ziekmeldingen + 1
    # A herstelmelding within the period changes it too.
    verzuim.meld_volledig_hersteld(
        door=werkgever_a.actor, verzuimgeval=geval, hersteldatum=date(2025, 12, 20)
    )
    assert teller.statistiek(werkgever_a).aantal_herstelmeldingen == 1
    assert teller.keer == 3


def test_schrijfactie_zonder_dag_rekent_alles_opnieuw(werkgever_a):
    """A write that does not say which days it changes (the werknemer's data: dates in and out
    of service, deeltijdfactor) may change any period, so the figures are computed again."""
    teller = Teller()
    teller.statistiek(werkgever_a)
    werknemers.wijzig_werknemer(
        door=werkgever_a.actor,
        werknemer=werkgever_a.werknemer,
        gegevens={"functie": "Monteur"},
    )
    teller.statistiek(werkgever_a)
    assert teller.keer == 2


def test_opgeruimde_wijzigingen_rekenen_opnieuw(werkgever_a):
    werknemer = werknemer_bij(werkgever_a, datum_in_dienst=date(2024, 1, 1))
    teller = Teller()
    teller.statistiek(werkgever_a)
    verzuim.meld_ziek(door=werkgever_a.actor, werknemer=werknemer, eerste_ziektedag=VANDAAG)
    Gegevenswijziging.objects.filter(werkgever=werkgever_a.werkgever).delete()
    teller.statistiek(werkgever_a)
    assert teller.keer == 2


def test_schrijfactie_van_een_andere_werkgever_raakt_niets(werkgever_a, werkgever_b):
    werknemer = werknemer_bij(werkgever_b, datum_in_dienst=date(2024, 1, 1))
    teller = Teller()
    teller.statistiek(werkgever_a)
    verzuim.meld_ziek(
        door=werkgever_b.actor, werknemer=werknemer, eerste_ziektedag=date(2025, 6, 2)
    )
    teller.statistiek(werkgever_a)
    assert teller.keer == 1
    cache.clear()
    teller.statistiek(werkgever_a)
    assert teller.keer == 2
