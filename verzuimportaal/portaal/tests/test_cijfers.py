"""Cached dashboard figures (ADR 0011): served from the cache until the werkgever's data change,
never across scopes, never stale after a write, and without personal data in the cache."""

import pickle
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import (
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    WerknemerFactory,
    geldig_bsn,
    werknemer_bij,
)
from tests.html import tekst
from verzuimportaal.dossier import service as dossier_service
from verzuimportaal.dossier.models import ActiviteitType, Verantwoordelijke
from verzuimportaal.portaal import cijfers
from verzuimportaal.verzuim import service as verzuim_service
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers import service as werknemer_service

from .test_dashboard import tegels

VANDAAG = date(2026, 11, 23)


def versie(omgeving) -> int:
    return Werkgever.objects.get(pk=omgeving.werkgever.pk).gegevensversie


def actor(omgeving):
    """The owner's actor as the portal builds it per request: the werkgever read afresh."""
    a = omgeving.actor
    return replace(a, werkgever=Werkgever.objects.get(pk=a.werkgever.pk))


@pytest.mark.klok(VANDAAG)
def test_tweede_bezoek_komt_uit_de_cache_en_toont_hetzelfde(werkgever_a, eigenaar):
    adres = reverse("portaal:dashboard")
    with CaptureQueriesContext(connection) as eerste:
        eerst = eigenaar.get(adres)
    with CaptureQueriesContext(connection) as tweede:
        daarna = eigenaar.get(adres)

    assert tekst(daarna) == tekst(eerst)  # the markup differs only in its CSRF token
    # Figures from the cache; only the rows shown are read (spells, mutations).
    assert len(tweede) < len(eerste) - 5, [q["sql"][:80] for q in tweede.captured_queries]


@pytest.mark.klok(VANDAAG)
def test_ziekmelding_is_direct_zichtbaar_ondanks_de_cache(werkgever_a, eigenaar):
    adres = reverse("portaal:dashboard")
    assert tegels(eigenaar.get(adres))[0] == "1 lopende verzuimen"

    verzuim_service.meld_ziek(
        door=actor(werkgever_a), werknemer=werknemer_bij(werkgever_a), eerste_ziektedag=VANDAAG
    )

    assert tegels(eigenaar.get(adres))[0] == "2 lopende verzuimen"


@pytest.mark.klok(VANDAAG)
def test_elke_schrijfactie_verhoogt_de_gegevensversie_van_de_werkgever(werkgever_a, werkgever_b):
    door = actor(werkgever_a)
    geval = werkgever_a.verzuimgeval
    b_voor = versie(werkgever_b)
    schrijfacties = [
        lambda: verzuim_service.meld_ziek(
            door=door, werknemer=werknemer_bij(werkgever_a), eerste_ziektedag=VANDAAG
        ),
        lambda: verzuim_service.wijzig_percentage(
            door=door,
            verzuimgeval=geval,
            ingangsdatum=date(2026, 11, 9),
            percentage_arbeidsongeschikt=50,
        ),
        lambda: verzuim_service.corrigeer_eerste_ziektedag(
            door=door, verzuimgeval=geval, eerste_ziektedag=date(2026, 11, 3), reden="Tikfout"
        ),
        lambda: verzuim_service.meld_volledig_hersteld(
            door=door, verzuimgeval=geval, hersteldatum=date(2026, 11, 20)
        ),
        lambda: werknemer_service.wijzig_werknemer(
            door=door,
            werknemer=werkgever_a.werknemer,
            gegevens={"functie": "Bakker"},
        ),
        lambda: dossier_service.voeg_activiteit_toe(
            door=door,
            verzuimgeval=geval,
            type=ActiviteitType.GESPREK,
            deadline=date(2026, 11, 30),
            verantwoordelijke=Verantwoordelijke.WERKGEVER,
        ),
    ]
    for schrijf in schrijfacties:
        voor = versie(werkgever_a)
        schrijf()
        assert versie(werkgever_a) > voor

    assert versie(werkgever_b) == b_voor  # another werkgever's cache stays valid


@pytest.mark.klok(VANDAAG)
def test_geweigerde_schrijfactie_laat_de_versie_staan(werkgever_a):
    voor = versie(werkgever_a)
    with pytest.raises(ValidationError):
        verzuim_service.meld_volledig_hersteld(
            door=actor(werkgever_a),
            verzuimgeval=werkgever_a.verzuimgeval,
            hersteldatum=date(2026, 10, 1),  # before the first sick day: refused
        )
    assert versie(werkgever_a) == voor


@pytest.mark.klok(VANDAAG)
def test_beperkte_scope_deelt_geen_cache_met_de_hele_werkgever(werkgever_a):
    tweede = LoonheffingennummerFactory(werkgever=werkgever_a.werkgever)
    VerzuimgevalFactory(werknemer=WerknemerFactory(loonheffingennummer=tweede, bsn=geldig_bsn()))
    heel = actor(werkgever_a)
    alleen_tweede = replace(heel, loonheffingennummer_ids=frozenset({tweede.pk}))

    assert cijfers.verzuimcijfers(heel, VANDAAG).aantal_open == 2
    assert cijfers.verzuimcijfers(alleen_tweede, VANDAAG).aantal_open == 1
    assert cijfers.aantal_werknemers(alleen_tweede, VANDAAG) == 1


def test_de_week_van_de_termijnen_schuift_met_de_dag_mee(werkgever_a):
    with freeze_time("2026-11-22"):  # Sunday
        zondag = cijfers.verzuimcijfers(actor(werkgever_a), date(2026, 11, 22))
    with freeze_time("2026-11-23"):  # Monday: a new week, the same data version
        maandag = cijfers.verzuimcijfers(actor(werkgever_a), date(2026, 11, 23))

    assert (zondag.termijnen_van, zondag.termijnen_tot) == (date(2026, 11, 16), date(2026, 11, 22))
    assert (maandag.termijnen_van, maandag.termijnen_tot) == (
        date(2026, 11, 23),
        date(2026, 11, 29),
    )


@pytest.mark.klok(VANDAAG)
def test_de_cache_bevat_geen_persoonsgegevens(werkgever_a):
    door = actor(werkgever_a)
    verzuim_service.meld_ziek(
        door=door,
        werknemer=werknemer_bij(werkgever_a, achternaam="Zwartkruis"),
        eerste_ziektedag=VANDAAG - timedelta(days=40),
    )
    door = actor(werkgever_a)
    cache.clear()
    cijfers.aantal_werknemers(door, VANDAAG)
    cijfers.verzuimcijfers(door, VANDAAG)
    cijfers.overzichtcijfers(door, VANDAAG)

    waarden = [cache.get(cijfers._sleutel(s, door, VANDAAG)) for s in cijfers.SOORTEN]
    assert all(w is not None for w in waarden)
    # Everything in the (locmem) cache, also the parts kept per period (ADR 0047).
    alles = list(cache._cache.values())
    assert len(alles) >= len(waarden) + 2
    opgeslagen = repr(waarden) + pickle.dumps(alles).decode("latin-1")
    w = werkgever_a.werknemer
    for persoonsgegeven in ("Zwartkruis", w.achternaam, w.voornaam, w.bsn):
        assert persoonsgegeven not in opgeslagen
    assert isinstance(waarden[0], int)
    assert cijfers.verzuimcijfers(door, VANDAAG).aantal_open == 2


@pytest.mark.klok(VANDAAG)
def test_cijfers_gelijk_aan_directe_berekening(werkgever_a):
    """The cached path computes exactly what the dashboard computed before it was cached."""
    door = actor(werkgever_a)
    c = cijfers.verzuimcijfers(door, VANDAAG)
    assert c.aantal_open == 1
    assert c.open_ids == (werkgever_a.verzuimgeval.pk,)
    o = cijfers.overzichtcijfers(door, VANDAAG)
    # 1 employee, sick from 2 November: 22 of 23 days of November -> 95.6522 % (DOMAIN §6).
    assert o.vergelijking.dit_jaar == Decimal("95.6522")
    assert o.vergelijking.vorig_jaar == 0


@pytest.mark.klok(VANDAAG)
def test_na_een_schrijfactie_rekent_de_achtergrond_de_nieuwe_cijfers_uit(
    werkgever_a, settings, django_capture_on_commit_callbacks
):
    settings.DASHBOARD_VOORVERWARMEN = True  # Celery runs eagerly in the tests
    werknemer = werknemer_bij(werkgever_a)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        verzuim_service.meld_ziek(
            door=actor(werkgever_a), werknemer=werknemer, eerste_ziektedag=VANDAAG
        )
    assert len(callbacks) == 1

    nieuw = actor(werkgever_a)  # the new data version
    for soort in cijfers.SOORTEN:
        assert cache.get(cijfers._sleutel(soort, nieuw, VANDAAG)) is not None
    with CaptureQueriesContext(connection) as queries:
        assert cijfers.verzuimcijfers(nieuw, VANDAAG).aantal_open == 2
    assert len(queries) == 0


@pytest.mark.klok(VANDAAG)
def test_uitgeschakeld_plant_niets_in(werkgever_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        verzuim_service.meld_ziek(
            door=actor(werkgever_a), werknemer=werknemer_bij(werkgever_a), eerste_ziektedag=VANDAAG
        )
    assert callbacks == []


@pytest.mark.klok(VANDAAG)
def test_verwarmen_rekent_niet_dubbel_terwijl_een_ander_bezig_is(werkgever_a):
    cache.add(f"dashboard:verwarmen:{werkgever_a.werkgever.pk}", "bezig")
    assert cijfers.verwarm(werkgever_id=werkgever_a.werkgever.pk) is False
    cache.delete(f"dashboard:verwarmen:{werkgever_a.werkgever.pk}")
    assert cijfers.verwarm(werkgever_id=werkgever_a.werkgever.pk) is True


@pytest.mark.klok(VANDAAG)
def test_storing_van_de_broker_laat_de_melding_slagen_en_de_verversing_wachten(
    werkgever_a, settings, django_capture_on_commit_callbacks, monkeypatch
):
    """ADR 0019: the refresh waits in the outbox while the broker is away, then goes out."""
    from verzuimportaal.portaal import tasks
    from verzuimportaal.runtime import uitgaand
    from verzuimportaal.runtime.models import Uitgaand

    def kapot(*args, **kwargs):
        raise ConnectionError("broker onbereikbaar")

    settings.DASHBOARD_VOORVERWARMEN = True
    with monkeypatch.context() as m:
        m.setattr(tasks.verwarm_dashboard, "apply_async", kapot)
        with django_capture_on_commit_callbacks(execute=True):
            geval = verzuim_service.meld_ziek(
                door=actor(werkgever_a),
                werknemer=werknemer_bij(werkgever_a),
                eerste_ziektedag=VANDAAG,
            )
        assert geval.pk is not None
        # The employee made for the test is a write too: one or two refreshes, none lost.
        wachtend = list(Uitgaand.objects.values_list("taak", "argumenten", "pogingen"))
        assert wachtend
        assert all(
            (taak, argumenten) == (tasks.verwarm_dashboard.name, [werkgever_a.werkgever.pk])
            for taak, argumenten, _ in wachtend
        )
        assert sum(pogingen for *_, pogingen in wachtend) >= 1  # tried and kept

    # The broker is back: the next run of the beat task sends them (identical ones once).
    assert uitgaand.verstuur() == len(wachtend)
    assert not Uitgaand.objects.exists()
