"""Verzuim services: ziekmelding, gedeeltelijk/volledig herstel and ziek uit dienst (DOMAIN §4).

Every refusal must be a ``ValidationError`` with a Dutch message and must leave nothing behind:
no spell, no mutation, no verzuimnummer consumed, no change to the werknemer.
"""

import re
from datetime import date, timedelta
from itertools import pairwise

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from freezegun import freeze_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    WerknemerFactory,
    actor_voor,
)
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.verzuim import service
from verzuimportaal.verzuim.models import (
    EindeReden,
    MutatieSoort,
    Nummerreeks,
    Vangnet,
    Verzuimgeval,
    Verzuimmutatie,
)
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werknemers import service as werknemers_service
from verzuimportaal.werknemers.models import Werknemer

VANDAAG = date(2026, 11, 23)
IN_DIENST = date(2024, 1, 1)
EEN_DAG = timedelta(days=1)


@pytest.fixture
def lhnr(db) -> Loonheffingennummer:
    return LoonheffingennummerFactory()


@pytest.fixture
def actor(lhnr: Loonheffingennummer) -> Actor:
    return actor_voor(LidmaatschapFactory(werkgever=lhnr.werkgever))


@pytest.fixture
def werknemer(lhnr: Loonheffingennummer) -> Werknemer:
    """A healthy employee without any spell (no factory-made verzuimnummers in the way)."""
    return WerknemerFactory(loonheffingennummer=lhnr, datum_in_dienst=IN_DIENST)


@pytest.fixture
def ander_actor(db) -> Actor:
    """Owner of another werkgever."""
    return actor_voor(LidmaatschapFactory())


def stand() -> tuple[list[tuple], ...]:
    """Everything the services may write, to prove a refusal left no trace."""
    return (
        list(Verzuimgeval.objects.order_by("pk").values_list()),
        list(Verzuimmutatie.objects.order_by("pk").values_list()),
        list(Nummerreeks.objects.order_by("sleutel").values_list()),
        list(Werknemer.objects.order_by("pk").values_list("pk", "datum_uit_dienst")),
    )


def fout_tekst(fout: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(fout.value.messages)


def velden(fout: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(getattr(fout.value, "error_dict", {}))


def ziek(actor: Actor, werknemer: Werknemer, dag: date, **extra: object) -> Verzuimgeval:
    return service.meld_ziek(door=actor, werknemer=werknemer, eerste_ziektedag=dag, **extra)


def afgesloten_geval(actor: Actor, werknemer: Werknemer, van: date, tot: date) -> Verzuimgeval:
    geval = ziek(actor, werknemer, van)
    return service.meld_volledig_hersteld(door=actor, verzuimgeval=geval, hersteldatum=tot)


# --- ziekmelding -----------------------------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_ziekmelding_opent_geval_met_verzuimnummer_en_mutatie_van_100_procent(actor, werknemer):
    geval = ziek(
        actor,
        werknemer,
        date(2026, 11, 20),
        arbeidsconflict=True,
        vangnet=Vangnet.JA,
        verwachte_duur_dagen=14,
        bereikbaar_telefoon="0612345678",
    )

    geval.refresh_from_db()
    assert re.fullmatch(r"\d{4}-\d{5}", geval.verzuimnummer)
    assert geval.verzuimnummer == "2026-00001"
    assert geval.is_open and geval.einde_reden == ""
    assert geval.eerste_ziektedag == date(2026, 11, 20)
    assert geval.gemeld_door == actor.gebruiker
    assert (geval.arbeidsconflict, geval.vangnet, geval.verwachte_duur_dagen) == (True, "ja", 14)
    assert geval.bereikbaar_telefoon == "0612345678"
    [mutatie] = geval.mutaties.all()
    assert mutatie.soort == MutatieSoort.ZIEKMELDING
    assert mutatie.ingangsdatum == date(2026, 11, 20)
    assert mutatie.percentage_arbeidsongeschikt == 100
    assert mutatie.geregistreerd_door == actor.gebruiker
    assert mutatie.geregistreerd_door_naam == actor.weergavenaam


@pytest.mark.klok("2026-11-23")
def test_ziekmelding_op_vandaag_toegestaan(actor, werknemer):
    assert ziek(actor, werknemer, VANDAAG).eerste_ziektedag == VANDAAG


@pytest.mark.klok("2026-11-23")
def test_verzuimnummers_per_jaar_doorlopend_zonder_gaten(actor, lhnr):
    w1, w2, w3, w4 = WerknemerFactory.create_batch(
        4, loonheffingennummer=lhnr, datum_in_dienst=IN_DIENST
    )
    nummers = [afgesloten_geval(actor, w1, date(2025, 3, 1), date(2025, 3, 5)).verzuimnummer]
    nummers.append(ziek(actor, w2, date(2025, 12, 31)).verzuimnummer)
    nummers.append(ziek(actor, w1, date(2026, 1, 2)).verzuimnummer)
    with pytest.raises(ValidationError):  # refused: w1 is already sick; must not use a number
        ziek(actor, w1, date(2026, 6, 1))
    nummers.append(ziek(actor, w3, date(2026, 6, 1)).verzuimnummer)
    nummers.append(afgesloten_geval(actor, w4, date(2025, 4, 1), date(2025, 4, 2)).verzuimnummer)

    assert nummers == ["2025-00001", "2025-00002", "2026-00001", "2026-00002", "2025-00003"]
    assert dict(Nummerreeks.objects.values_list("sleutel", "laatste")) == {
        f"verzuim-{lhnr.werkgever_id}-2025": 3,  # per werkgever per year (ADR 0015)
        f"verzuim-{lhnr.werkgever_id}-2026": 2,
    }


@pytest.mark.parametrize(
    ("eerste_ziektedag", "in_dienst", "uit_dienst", "verwacht"),
    [
        pytest.param(VANDAAG + EEN_DAG, IN_DIENST, None, "niet in de toekomst", id="toekomst"),
        pytest.param(
            date(2023, 12, 31), IN_DIENST, None, "vóór de datum in dienst (01-01-2024)", id="voor"
        ),
        pytest.param(
            date(2026, 10, 2),
            IN_DIENST,
            date(2026, 10, 1),
            "niet meer in dienst (laatste dag in dienst 01-10-2026)",
            id="na-uit-dienst",
        ),
    ],
)
@pytest.mark.klok("2026-11-23")
def test_ziekmelding_buiten_dienstverband_of_in_toekomst_geweigerd(
    actor, lhnr, eerste_ziektedag, in_dienst, uit_dienst, verwacht
):
    werknemer = WerknemerFactory(
        loonheffingennummer=lhnr, datum_in_dienst=in_dienst, datum_uit_dienst=uit_dienst
    )
    voor = stand()

    with pytest.raises(ValidationError) as fout:
        ziek(actor, werknemer, eerste_ziektedag)

    assert velden(fout) == {"eerste_ziektedag"}
    assert verwacht in fout_tekst(fout)
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_ziekmelding_op_eerste_en_laatste_dag_in_dienst_toegestaan(actor, lhnr):
    werknemer = WerknemerFactory(
        loonheffingennummer=lhnr, datum_in_dienst=date(2026, 1, 1), datum_uit_dienst=VANDAAG
    )
    afgesloten_geval(actor, werknemer, date(2026, 1, 1), date(2026, 1, 3))
    assert ziek(actor, werknemer, VANDAAG).is_open


@pytest.mark.klok("2026-11-23")
def test_tweede_open_verzuim_geweigerd(actor, werknemer):
    eerste = ziek(actor, werknemer, date(2026, 11, 2))
    voor = stand()

    with pytest.raises(ValidationError) as fout:
        ziek(actor, werknemer, date(2026, 11, 20))

    assert fout.value.code == "al_ziek"
    assert "al ziek gemeld sinds 02-11-2026" in fout_tekst(fout)
    assert eerste.verzuimnummer in fout_tekst(fout)
    assert "Meld eerst het herstel" in fout_tekst(fout)
    assert stand() == voor


@pytest.mark.parametrize(
    "dag",
    [
        pytest.param(date(2026, 10, 5), id="eerste-dag-van-eerder-verzuim"),
        pytest.param(date(2026, 10, 12), id="binnen-eerder-verzuim"),
        pytest.param(date(2026, 10, 19), id="laatste-zieke-dag"),
        pytest.param(date(2026, 9, 1), id="voor-eerder-verzuim"),
    ],
)
@pytest.mark.klok("2026-11-23")
def test_ziekmelding_in_of_voor_eerder_afgesloten_verzuim_geweigerd(actor, werknemer, dag):
    eerder = afgesloten_geval(actor, werknemer, date(2026, 10, 5), date(2026, 10, 20))
    voor = stand()

    with pytest.raises(ValidationError) as fout:
        ziek(actor, werknemer, dag)

    assert velden(fout) == {"eerste_ziektedag"}
    assert f"eerder verzuim (verzuimnummer {eerder.verzuimnummer}" in fout_tekst(fout)
    assert "kan vanaf 20-10-2026" in fout_tekst(fout)
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_ziekmelding_op_hersteldatum_van_eerder_verzuim_toegestaan(actor, werknemer):
    afgesloten_geval(actor, werknemer, date(2026, 10, 5), date(2026, 10, 20))
    assert ziek(actor, werknemer, date(2026, 10, 20)).is_open


def test_eerste_ziektedag_volgt_de_nederlandse_kalenderdag(actor, werknemer):
    """timezone.localdate() is Europe/Amsterdam: 23:30 UTC on the 23rd is already the 24th."""
    with freeze_time("2026-11-23 22:30:00"), pytest.raises(ValidationError):  # 23:30 in A'dam
        ziek(actor, werknemer, date(2026, 11, 24))
    with freeze_time("2026-11-23 23:30:00"):  # 00:30 on the 24th in Amsterdam
        assert ziek(actor, werknemer, date(2026, 11, 24)).eerste_ziektedag == date(2026, 11, 24)


# --- gedeeltelijk hersteld -------------------------------------------------------------------


@pytest.fixture
def open_geval(actor: Actor, werknemer: Werknemer) -> Verzuimgeval:
    with freeze_time("2026-11-23"):
        return ziek(actor, werknemer, date(2026, 11, 2))


def gedeeltelijk(actor: Actor, geval: Verzuimgeval, dag: date, pct: int, **extra: object):
    return service.meld_gedeeltelijk_hersteld(
        door=actor,
        verzuimgeval=geval,
        ingangsdatum=dag,
        percentage_arbeidsongeschikt=pct,
        **extra,
    )


@pytest.mark.parametrize("percentage", [0, 100, -1, 101])
@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_buiten_1_tot_en_met_99_procent_geweigerd(
    actor, open_geval, percentage
):
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        gedeeltelijk(actor, open_geval, date(2026, 11, 10), percentage)

    assert velden(fout) == {"percentage_arbeidsongeschikt"}
    assert "percentage van 1 tot en met 99" in fout_tekst(fout)
    assert stand() == voor


@pytest.mark.parametrize("percentage", [1, 99])
@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_grenzen_1_en_99_procent_toegestaan(actor, open_geval, percentage):
    mutatie = gedeeltelijk(actor, open_geval, date(2026, 11, 10), percentage)

    mutatie.refresh_from_db()
    assert mutatie.soort == MutatieSoort.GEDEELTELIJK_HERSTELD
    assert mutatie.percentage_arbeidsongeschikt == percentage
    assert mutatie.ingangsdatum == date(2026, 11, 10)
    open_geval.refresh_from_db()
    assert open_geval.is_open  # the spell continues (DOMAIN §4.3)


@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_slaat_loonwaarde_op(actor, open_geval):
    mutatie = gedeeltelijk(actor, open_geval, date(2026, 11, 10), 60, loonwaarde_percentage=30)
    mutatie.refresh_from_db()
    assert (mutatie.percentage_arbeidsongeschikt, mutatie.loonwaarde_percentage) == (60, 30)


@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_met_loonwaarde_boven_100_geweigerd(actor, open_geval):
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        gedeeltelijk(actor, open_geval, date(2026, 11, 10), 60, loonwaarde_percentage=101)
    assert velden(fout) == {"loonwaarde_percentage"}
    assert stand() == voor


@pytest.mark.parametrize("dag", [date(2026, 11, 2), date(2026, 11, 1)], ids=["op", "voor"])
@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_op_of_voor_eerste_ziektedag_geweigerd(actor, open_geval, dag):
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        gedeeltelijk(actor, open_geval, dag, 50)
    assert velden(fout) == {"ingangsdatum"}
    assert "ná de eerste ziektedag (02-11-2026)" in fout_tekst(fout)
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_in_de_toekomst_geweigerd(actor, open_geval):
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        gedeeltelijk(actor, open_geval, VANDAAG + EEN_DAG, 50)
    assert "niet in de toekomst" in fout_tekst(fout)
    assert stand() == voor


@pytest.mark.parametrize("dag", [date(2026, 11, 10), date(2026, 11, 9)], ids=["zelfde", "eerder"])
@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_niet_na_laatste_mutatie_geweigerd(actor, open_geval, dag):
    gedeeltelijk(actor, open_geval, date(2026, 11, 10), 50)
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        gedeeltelijk(actor, open_geval, dag, 20)
    assert velden(fout) == {"ingangsdatum"}
    assert "ná de laatste wijziging (gedeeltelijk hersteld per 10-11-2026)" in fout_tekst(fout)
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_met_ongewijzigd_percentage_geweigerd(actor, open_geval):
    gedeeltelijk(actor, open_geval, date(2026, 11, 10), 50)
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        gedeeltelijk(actor, open_geval, date(2026, 11, 12), 50)
    assert velden(fout) == {"percentage_arbeidsongeschikt"}
    assert "al 50 % arbeidsongeschikt" in fout_tekst(fout)
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_met_hoger_percentage_geweigerd_met_verwijzing_naar_wijzigen(
    actor, open_geval
):
    """Raising is no recovery: it is a "wijziging" (ADR 0009; see test_correcties)."""
    gedeeltelijk(actor, open_geval, date(2026, 11, 10), 50)
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        gedeeltelijk(actor, open_geval, date(2026, 11, 12), 80)
    assert velden(fout) == {"percentage_arbeidsongeschikt"}
    assert "hoger dan het huidige percentage (50 %)" in fout_tekst(fout)
    assert "'percentage wijzigen'" in fout_tekst(fout)
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_gedeeltelijk_herstel_mag_percentage_verder_verlagen(actor, open_geval):
    gedeeltelijk(actor, open_geval, date(2026, 11, 10), 50)
    gedeeltelijk(actor, open_geval, date(2026, 11, 12), 20)
    assert list(open_geval.mutaties.values_list("percentage_arbeidsongeschikt", flat=True)) == [
        100,
        50,
        20,
    ]


# --- volledig hersteld -----------------------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_volledig_herstel_sluit_geval_met_hersteldatum_en_mutatie_van_0_procent(actor, open_geval):
    gedeeltelijk(actor, open_geval, date(2026, 11, 10), 50)

    geval = service.meld_volledig_hersteld(
        door=actor, verzuimgeval=open_geval, hersteldatum=date(2026, 11, 16)
    )

    geval.refresh_from_db()
    assert geval.einddatum == date(2026, 11, 16)
    assert geval.einde_reden == EindeReden.HERSTELD
    assert geval.hersteldatum == date(2026, 11, 16)
    assert not geval.is_open
    laatste = geval.mutaties.order_by("ingangsdatum").last()
    assert laatste.soort == MutatieSoort.VOLLEDIG_HERSTELD
    assert laatste.ingangsdatum == date(2026, 11, 16)
    assert laatste.percentage_arbeidsongeschikt == 0


@pytest.mark.klok("2026-11-23")
def test_volledig_herstel_op_vandaag_toegestaan(actor, open_geval):
    geval = service.meld_volledig_hersteld(
        door=actor, verzuimgeval=open_geval, hersteldatum=VANDAAG
    )
    assert geval.einddatum == VANDAAG


@pytest.mark.parametrize(
    ("dag", "verwacht"),
    [
        pytest.param(date(2026, 11, 1), "ná de eerste ziektedag (02-11-2026)", id="voor-ziektedag"),
        pytest.param(date(2026, 11, 2), "ná de eerste ziektedag (02-11-2026)", id="op-ziektedag"),
        pytest.param(VANDAAG + EEN_DAG, "niet in de toekomst", id="toekomst"),
    ],
)
@pytest.mark.klok("2026-11-23")
def test_volledig_herstel_met_ongeldige_hersteldatum_geweigerd(actor, open_geval, dag, verwacht):
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        service.meld_volledig_hersteld(door=actor, verzuimgeval=open_geval, hersteldatum=dag)
    assert velden(fout) == {"hersteldatum"}
    assert verwacht in fout_tekst(fout)
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_volledig_herstel_op_dag_van_gedeeltelijk_herstel_geweigerd(actor, open_geval):
    gedeeltelijk(actor, open_geval, date(2026, 11, 10), 50)
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        service.meld_volledig_hersteld(
            door=actor, verzuimgeval=open_geval, hersteldatum=date(2026, 11, 10)
        )
    assert "ná de laatste wijziging" in fout_tekst(fout)
    assert stand() == voor


@pytest.fixture
def ziek_met_bekend_einde_dienstverband(actor: Actor, werknemer: Werknemer) -> Verzuimgeval:
    """Last day in service (15-11) entered before the employee fell ill on 10-11."""
    Werknemer.objects.filter(pk=werknemer.pk).update(datum_uit_dienst=date(2026, 11, 15))
    werknemer.refresh_from_db()
    with freeze_time("2026-11-23"):
        return ziek(actor, werknemer, date(2026, 11, 10))


@pytest.mark.klok("2026-11-23")
def test_herstel_na_einde_dienstverband_geweigerd(actor, ziek_met_bekend_einde_dienstverband):
    geval = ziek_met_bekend_einde_dienstverband
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        service.meld_volledig_hersteld(
            door=actor, verzuimgeval=geval, hersteldatum=date(2026, 11, 17)
        )
    assert velden(fout) == {"hersteldatum"}
    assert "na 15-11-2026 niet meer in dienst" in fout_tekst(fout)
    assert "Meld dan 'ziek uit dienst'" in fout_tekst(fout)
    with pytest.raises(ValidationError) as fout:
        gedeeltelijk(actor, geval, date(2026, 11, 16), 50)
    assert velden(fout) == {"ingangsdatum"}
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_herstel_binnen_dienstverband_toegestaan(actor, ziek_met_bekend_einde_dienstverband):
    geval = ziek_met_bekend_einde_dienstverband
    gedeeltelijk(actor, geval, date(2026, 11, 15), 50)  # the last day in service
    geval = service.meld_volledig_hersteld(
        door=actor,
        verzuimgeval=geval,
        hersteldatum=date(2026, 11, 16),  # first day fit
    )
    assert geval.einddatum == date(2026, 11, 16)


# --- ziek uit dienst -------------------------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_ziek_uit_dienst_beeindigt_dienstverband_en_sluit_geval_dag_na_laatste_dag(
    actor, werknemer, open_geval
):
    geval = service.meld_ziek_uit_dienst(
        door=actor, verzuimgeval=open_geval, laatste_dag_in_dienst=date(2026, 11, 15)
    )

    geval.refresh_from_db()
    werknemer.refresh_from_db()
    assert werknemer.datum_uit_dienst == date(2026, 11, 15)
    assert geval.einddatum == date(2026, 11, 16)
    assert geval.einde_reden == EindeReden.UIT_DIENST
    assert geval.hersteldatum is None  # not recovered: the employer's part just ended
    laatste = geval.mutaties.order_by("ingangsdatum").last()
    assert laatste.soort == MutatieSoort.ZIEK_UIT_DIENST
    assert laatste.ingangsdatum == date(2026, 11, 16)
    assert laatste.percentage_arbeidsongeschikt is None


@pytest.mark.klok("2026-11-23")
def test_ziek_uit_dienst_op_eerste_ziektedag_en_op_vandaag_toegestaan(actor, lhnr):
    w1, w2 = WerknemerFactory.create_batch(2, loonheffingennummer=lhnr, datum_in_dienst=IN_DIENST)
    g1 = service.meld_ziek_uit_dienst(
        door=actor,
        verzuimgeval=ziek(actor, w1, date(2026, 11, 2)),
        laatste_dag_in_dienst=date(2026, 11, 2),
    )
    g2 = service.meld_ziek_uit_dienst(
        door=actor, verzuimgeval=ziek(actor, w2, date(2026, 11, 2)), laatste_dag_in_dienst=VANDAAG
    )
    assert g1.einddatum == date(2026, 11, 3)
    assert g2.einddatum == VANDAAG + EEN_DAG  # reported on the last working day itself (ADR 0003)


@pytest.mark.parametrize(
    ("dag", "verwacht"),
    [
        pytest.param(date(2026, 11, 1), "vóór de eerste ziektedag (02-11-2026)", id="voor"),
        pytest.param(VANDAAG + EEN_DAG, "niet in de toekomst", id="toekomst"),
        pytest.param(date(2026, 11, 9), "op of ná de laatste wijziging", id="voor-mutatie"),
    ],
)
@pytest.mark.klok("2026-11-23")
def test_ziek_uit_dienst_met_ongeldige_laatste_dag_geweigerd(actor, open_geval, dag, verwacht):
    gedeeltelijk(actor, open_geval, date(2026, 11, 10), 50)
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        service.meld_ziek_uit_dienst(door=actor, verzuimgeval=open_geval, laatste_dag_in_dienst=dag)
    assert velden(fout) == {"laatste_dag_in_dienst"}
    assert verwacht in fout_tekst(fout)
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_na_ziek_uit_dienst_geen_nieuwe_ziekmelding(actor, werknemer, open_geval):
    service.meld_ziek_uit_dienst(
        door=actor, verzuimgeval=open_geval, laatste_dag_in_dienst=date(2026, 11, 15)
    )
    werknemer.refresh_from_db()
    for dag in (date(2026, 11, 15), date(2026, 11, 16), VANDAAG):
        with pytest.raises(ValidationError):
            ziek(actor, werknemer, dag)


# --- afgesloten gevallen en andere werkgevers ------------------------------------------------

MUTATIES = {
    "gedeeltelijk": lambda actor, geval: gedeeltelijk(actor, geval, date(2026, 11, 20), 50),
    "volledig": lambda actor, geval: service.meld_volledig_hersteld(
        door=actor, verzuimgeval=geval, hersteldatum=date(2026, 11, 20)
    ),
    "uit_dienst": lambda actor, geval: service.meld_ziek_uit_dienst(
        door=actor, verzuimgeval=geval, laatste_dag_in_dienst=date(2026, 11, 20)
    ),
}


@pytest.mark.parametrize("mutatie", MUTATIES)
@pytest.mark.parametrize("einde", ["hersteld", "uit_dienst"])
@pytest.mark.klok("2026-11-23")
def test_afgesloten_geval_weigert_elke_mutatie(actor, open_geval, mutatie, einde):
    if einde == "hersteld":
        service.meld_volledig_hersteld(
            door=actor, verzuimgeval=open_geval, hersteldatum=date(2026, 11, 5)
        )
    else:
        service.meld_ziek_uit_dienst(
            door=actor, verzuimgeval=open_geval, laatste_dag_in_dienst=date(2026, 11, 5)
        )
    voor = stand()

    with pytest.raises(ValidationError) as fout:
        MUTATIES[mutatie](actor, open_geval)

    assert fout.value.code == "afgesloten"
    assert f"verzuimnummer {open_geval.verzuimnummer}) is al afgesloten" in fout_tekst(fout)
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_ziekmelding_voor_werknemer_van_andere_werkgever_geweigerd(ander_actor, werknemer):
    voor = stand()
    with pytest.raises(PermissionDenied):
        ziek(ander_actor, werknemer, date(2026, 11, 20))
    assert stand() == voor


@pytest.mark.parametrize("mutatie", MUTATIES)
@pytest.mark.klok("2026-11-23")
def test_mutatie_op_geval_van_andere_werkgever_geweigerd(ander_actor, open_geval, mutatie):
    voor = stand()
    with pytest.raises(PermissionDenied):
        MUTATIES[mutatie](ander_actor, open_geval)
    assert stand() == voor


# --- databasebewaking ------------------------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_database_weigert_tweede_open_verzuimgeval(werknemer, open_geval):
    with pytest.raises(IntegrityError), transaction.atomic():
        Verzuimgeval.objects.create(
            verzuimnummer="2026-99999",
            werkgever=werknemer.loonheffingennummer.werkgever,
            werknemer=werknemer,
            eerste_ziektedag=date(2026, 11, 20),
            gemeld_op=timezone.now(),
        )
    assert Verzuimgeval.objects.filter(werknemer=werknemer).count() == 1


@pytest.mark.klok("2026-11-23")
def test_database_weigert_gedeeltelijk_herstel_van_100_procent(open_geval):
    with pytest.raises(IntegrityError, match="mutatie_gedeeltelijk_1_tot_99"), transaction.atomic():
        Verzuimmutatie.objects.create(
            verzuimgeval=open_geval,
            soort=MutatieSoort.GEDEELTELIJK_HERSTELD,
            ingangsdatum=date(2026, 11, 10),
            percentage_arbeidsongeschikt=100,
            geregistreerd_op=timezone.now(),
            geregistreerd_door_naam="Test",
        )


@pytest.mark.klok("2026-11-23")
def test_database_weigert_einddatum_op_eerste_ziektedag(open_geval):
    with pytest.raises(IntegrityError, match="verzuimgeval_einde_na_begin"), transaction.atomic():
        Verzuimgeval.objects.filter(pk=open_geval.pk).update(
            einddatum=open_geval.eerste_ziektedag, einde_reden=EindeReden.HERSTELD
        )


# --- eigenschap: elke reeks meldingen laat een consistente historie achter -------------------

BEGIN = date(2026, 7, 1)  # VANDAAG is BEGIN + 145 days
SOORTEN = ("ziek", "gedeeltelijk", "volledig", "uit_dienst", "einde_dienstverband")
stappen = st.lists(
    st.tuples(
        st.sampled_from(SOORTEN),
        st.integers(min_value=0, max_value=150),  # day offset from BEGIN; > 145 is the future
        st.integers(min_value=-2, max_value=102),  # percentage, also outside 1..99
    ),
    max_size=10,
)


def _voer_uit(actor: Actor, werknemer: Werknemer, soort: str, dag: date, pct: int) -> None:
    if soort == "ziek":
        ziek(actor, werknemer, dag)
        return
    if soort == "einde_dienstverband":  # the werknemer service, not through a spell
        werknemers_service.wijzig_werknemer(
            door=actor, werknemer=werknemer, gegevens={"datum_uit_dienst": dag}
        )
        return
    geval = Verzuimgeval.objects.filter(werknemer=werknemer).order_by("eerste_ziektedag").last()
    if geval is None:
        return
    if soort == "gedeeltelijk":
        gedeeltelijk(actor, geval, dag, pct)
    elif soort == "volledig":
        service.meld_volledig_hersteld(door=actor, verzuimgeval=geval, hersteldatum=dag)
    else:
        service.meld_ziek_uit_dienst(door=actor, verzuimgeval=geval, laatste_dag_in_dienst=dag)


def _controleer_historie(werknemer: Werknemer) -> None:
    werknemer.refresh_from_db()
    gevallen = list(Verzuimgeval.objects.filter(werknemer=werknemer).order_by("eerste_ziektedag"))
    assert sum(g.is_open for g in gevallen) <= 1
    for eerder, later in pairwise(gevallen):
        assert eerder.einddatum is not None and eerder.einddatum <= later.eerste_ziektedag
    for geval in gevallen:
        mutaties = list(geval.mutaties.order_by("ingangsdatum", "pk"))
        datums = [m.ingangsdatum for m in mutaties]
        assert all(a < b for a, b in pairwise(datums)), datums
        eerste, *rest = mutaties
        assert (eerste.soort, eerste.ingangsdatum) == (
            MutatieSoort.ZIEKMELDING,
            geval.eerste_ziektedag,
        )
        assert eerste.percentage_arbeidsongeschikt == 100
        assert werknemer.datum_in_dienst <= geval.eerste_ziektedag <= VANDAAG
        tussen = rest if geval.is_open else rest[:-1]
        assert all(m.soort == MutatieSoort.GEDEELTELIJK_HERSTELD for m in tussen)
        assert all(1 <= (m.percentage_arbeidsongeschikt or 0) <= 99 for m in tussen)
        percentages = [m.percentage_arbeidsongeschikt for m in [eerste, *tussen]]
        assert all(a != b for a, b in pairwise(percentages)), percentages
        if geval.is_open:
            assert geval.einde_reden == ""
            continue
        assert geval.einddatum is not None and geval.einddatum > geval.eerste_ziektedag
        slot = mutaties[-1]
        assert slot.ingangsdatum == geval.einddatum
        if geval.einde_reden == EindeReden.HERSTELD:
            assert (slot.soort, slot.percentage_arbeidsongeschikt) == (
                MutatieSoort.VOLLEDIG_HERSTELD,
                0,
            )
            assert geval.einddatum <= VANDAAG
        else:
            assert geval.einde_reden == EindeReden.UIT_DIENST
            assert slot.soort == MutatieSoort.ZIEK_UIT_DIENST
            assert werknemer.datum_uit_dienst == geval.einddatum - EEN_DAG
        if werknemer.datum_uit_dienst is not None:  # no sickness registered after employment
            assert geval.einddatum <= werknemer.datum_uit_dienst + EEN_DAG
    nummers = sorted(g.verzuimnummer for g in gevallen)
    for jaar in {g.eerste_ziektedag.year for g in gevallen}:
        van_jaar = [n for n in nummers if n.startswith(f"{jaar}-")]
        assert van_jaar == [f"{jaar}-{i:05d}" for i in range(1, len(van_jaar) + 1)]


class _Terugdraaien(Exception):
    pass


@pytest.mark.klok("2026-11-23", ignore=["hypothesis"])
@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(reeks=stappen)
def test_elke_reeks_meldingen_laat_consistente_historie_achter(actor, lhnr, reeks):
    try:
        with transaction.atomic():  # each example starts from the same empty state
            werknemer = WerknemerFactory(
                loonheffingennummer=lhnr,
                bsn="111222333",  # fixed: the factory's BSN sequence gets slower per call
                datum_in_dienst=BEGIN + timedelta(days=10),
            )
            for soort, dagen, pct in reeks:
                voor = stand()
                try:
                    _voer_uit(actor, werknemer, soort, BEGIN + timedelta(days=dagen), pct)
                except ValidationError as fout:
                    assert fout.messages and all(fout.messages)
                    assert stand() == voor, f"geweigerde stap {soort} liet sporen na"
                _controleer_historie(werknemer)
            raise _Terugdraaien
    except _Terugdraaien:
        pass


@pytest.mark.klok("2026-11-23")
def test_ziekmelding_op_inactief_loonheffingennummer_geweigerd(actor, werknemer):
    """Seed 001: meldingen on an inactive number are not available, also not via the service."""
    lhnr = werknemer.loonheffingennummer
    lhnr.actief = False
    lhnr.save(update_fields=["actief"])
    with pytest.raises(PermissionDenied):
        service.meld_ziek(door=actor, werknemer=werknemer, eerste_ziektedag=date(2026, 11, 20))
    assert not Verzuimgeval.objects.filter(werknemer=werknemer).exists()
