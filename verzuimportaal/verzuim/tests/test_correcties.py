"""Corrections of meldingen with history (DOMAIN §4.6) and the percentage "wijziging" (ADR 0009).

Every refusal is a ``ValidationError`` with a Dutch message on the right field and leaves nothing
behind: no changed spell or mutation and no correction row.
"""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import (
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    WerknemerFactory,
    actor_voor,
)
from verzuimportaal import poortwachter
from verzuimportaal.dossier import termijnen
from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.verzuim import service
from verzuimportaal.verzuim.models import (
    Correctie,
    CorrectieGewijzigd,
    CorrectieVeld,
    EindeReden,
    MutatieSoort,
    Verzuimgeval,
    Verzuimmutatie,
)
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werknemers.models import Werknemer

from .test_service import fout_tekst as tekst
from .test_service import velden, ziek

VANDAAG = date(2026, 11, 23)
IN_DIENST = date(2024, 1, 1)
REDEN = "Verkeerde datum ingevuld"


@pytest.fixture
def lhnr(db) -> Loonheffingennummer:
    return LoonheffingennummerFactory()


@pytest.fixture
def actor(lhnr: Loonheffingennummer) -> Actor:
    return actor_voor(LidmaatschapFactory(werkgever=lhnr.werkgever))


@pytest.fixture
def werknemer(lhnr: Loonheffingennummer) -> Werknemer:
    return WerknemerFactory(loonheffingennummer=lhnr, datum_in_dienst=IN_DIENST)


def stand() -> tuple[list[tuple], ...]:
    return (
        list(Verzuimgeval.objects.order_by("pk").values_list()),
        list(Verzuimmutatie.objects.order_by("pk").values_list()),
        list(Correctie.objects.order_by("pk").values_list()),
        list(Werknemer.objects.order_by("pk").values_list("pk", "datum_uit_dienst")),
    )


def hersteld(actor: Actor, werknemer: Werknemer, van: date, tot: date) -> Verzuimgeval:
    geval = ziek(actor, werknemer, van)
    return service.meld_volledig_hersteld(door=actor, verzuimgeval=geval, hersteldatum=tot)


def gedeeltelijk(actor: Actor, geval: Verzuimgeval, dag: date, pct: int) -> Verzuimmutatie:
    return service.meld_gedeeltelijk_hersteld(
        door=actor, verzuimgeval=geval, ingangsdatum=dag, percentage_arbeidsongeschikt=pct
    )


def eerste_ziektedag(actor: Actor, geval: Verzuimgeval, dag: date, reden: str = REDEN):
    return service.corrigeer_eerste_ziektedag(
        door=actor, verzuimgeval=geval, eerste_ziektedag=dag, reden=reden
    )


def hersteldatum(actor: Actor, geval: Verzuimgeval, dag: date, reden: str = REDEN):
    return service.corrigeer_hersteldatum(
        door=actor, verzuimgeval=geval, hersteldatum=dag, reden=reden
    )


def wijzig(actor: Actor, geval: Verzuimgeval, dag: date, pct: int, reden: str = ""):
    return service.wijzig_percentage(
        door=actor,
        verzuimgeval=geval,
        ingangsdatum=dag,
        percentage_arbeidsongeschikt=pct,
        reden=reden,
    )


def geweigerd(functie, *args, **kwargs) -> pytest.ExceptionInfo[ValidationError]:
    """Call a service that must refuse and prove that it left no trace."""
    voor = stand()
    with pytest.raises(ValidationError) as fout:
        functie(*args, **kwargs)
    assert fout.value.messages and all(fout.value.messages)
    assert stand() == voor
    return fout


@pytest.fixture
def open_geval(actor: Actor, werknemer: Werknemer) -> Verzuimgeval:
    with freeze_time("2026-11-23"):
        return ziek(actor, werknemer, date(2026, 11, 2))


@pytest.fixture
def hersteld_geval(actor: Actor, werknemer: Werknemer) -> Verzuimgeval:
    with freeze_time("2026-11-23"):
        return hersteld(actor, werknemer, date(2026, 11, 2), date(2026, 11, 10))


# --- eerste ziektedag ------------------------------------------------------------------------


@pytest.mark.klok("2026-11-23 14:30:00")
def test_correctie_eerste_ziektedag_verplaatst_geval_en_ziekmelding_en_legt_historie_vast(
    actor, open_geval
):
    gedeeltelijk(actor, open_geval, date(2026, 11, 10), 50)

    geval = eerste_ziektedag(actor, open_geval, date(2026, 10, 28), reden="  Typfout  ")

    geval.refresh_from_db()
    assert geval.eerste_ziektedag == date(2026, 10, 28)
    assert geval.is_open
    ziekmelding, herstel = geval.mutaties.order_by("ingangsdatum")
    assert (ziekmelding.soort, ziekmelding.ingangsdatum) == ("ziekmelding", date(2026, 10, 28))
    assert ziekmelding.percentage_arbeidsongeschikt == 100
    assert (herstel.ingangsdatum, herstel.percentage_arbeidsongeschikt) == (date(2026, 11, 10), 50)
    [correctie] = geval.correcties.all()
    assert correctie.veld == CorrectieVeld.EERSTE_ZIEKTEDAG
    assert (correctie.oude_waarde, correctie.nieuwe_waarde) == ("2026-11-02", "2026-10-28")
    assert (correctie.oud, correctie.nieuw) == ("02-11-2026", "28-10-2026")
    assert correctie.reden == "Typfout"
    assert correctie.gecorrigeerd_door == actor.gebruiker
    assert correctie.gecorrigeerd_door_naam == actor.weergavenaam
    assert correctie.route == Route.LOKAAL
    assert correctie.gecorrigeerd_op == datetime(2026, 11, 23, 14, 30, tzinfo=UTC)  # frozen UTC


@pytest.mark.parametrize("dag", [date(2026, 11, 9), VANDAAG], ids=["later", "vandaag"])
@pytest.mark.klok("2026-11-23")
def test_correctie_eerste_ziektedag_naar_later_of_vandaag_toegestaan(actor, open_geval, dag):
    assert eerste_ziektedag(actor, open_geval, dag).eerste_ziektedag == dag


@pytest.mark.klok("2026-11-23")
def test_correctie_eerste_ziektedag_in_de_toekomst_geweigerd(actor, open_geval):
    fout = geweigerd(eerste_ziektedag, actor, open_geval, date(2026, 11, 24))
    assert velden(fout) == {"eerste_ziektedag"}
    assert "niet in de toekomst" in tekst(fout)


@pytest.mark.klok("2026-11-23")
def test_correctie_eerste_ziektedag_voor_datum_in_dienst_geweigerd(actor, open_geval):
    fout = geweigerd(eerste_ziektedag, actor, open_geval, date(2023, 12, 31))
    assert velden(fout) == {"eerste_ziektedag"}
    assert "vóór de datum in dienst (01-01-2024)" in tekst(fout)
    assert eerste_ziektedag(actor, open_geval, IN_DIENST).eerste_ziektedag == IN_DIENST


@pytest.mark.parametrize("dag", [date(2026, 11, 10), date(2026, 11, 12)], ids=["op", "na"])
@pytest.mark.klok("2026-11-23")
def test_correctie_eerste_ziektedag_op_of_na_volgende_mutatie_geweigerd(actor, open_geval, dag):
    gedeeltelijk(actor, open_geval, date(2026, 11, 10), 50)
    fout = geweigerd(eerste_ziektedag, actor, open_geval, dag)
    assert velden(fout) == {"eerste_ziektedag"}
    assert "vóór de volgende melding (gedeeltelijk hersteld per 10-11-2026)" in tekst(fout)


@pytest.mark.parametrize("dag", [date(2026, 11, 10), date(2026, 11, 15)], ids=["op", "na"])
@pytest.mark.klok("2026-11-23")
def test_correctie_eerste_ziektedag_op_of_na_hersteldatum_geweigerd(actor, hersteld_geval, dag):
    fout = geweigerd(eerste_ziektedag, actor, hersteld_geval, dag)
    assert "vóór de volgende melding (volledig hersteld per 10-11-2026)" in tekst(fout)


@pytest.mark.klok("2026-11-23")
def test_correctie_eerste_ziektedag_in_vorig_verzuim_geweigerd_op_hersteldatum_toegestaan(
    actor, werknemer
):
    vorig = hersteld(actor, werknemer, date(2026, 10, 1), date(2026, 10, 20))
    geval = ziek(actor, werknemer, date(2026, 11, 2))

    fout = geweigerd(eerste_ziektedag, actor, geval, date(2026, 10, 19))

    assert velden(fout) == {"eerste_ziektedag"}
    assert f"vorige verzuim van deze werknemer (verzuimnummer {vorig.verzuimnummer}, tot " in (
        tekst(fout)
    )
    assert "20-10-2026" in tekst(fout)
    assert eerste_ziektedag(actor, geval, date(2026, 10, 20)).eerste_ziektedag == date(2026, 10, 20)


@pytest.mark.klok("2026-11-23")
def test_correctie_eerste_ziektedag_na_einde_dienstverband_geweigerd(actor, werknemer):
    geval = ziek(actor, werknemer, date(2026, 11, 2))
    service.meld_ziek_uit_dienst(
        door=actor, verzuimgeval=geval, laatste_dag_in_dienst=date(2026, 11, 5)
    )
    fout = geweigerd(eerste_ziektedag, actor, geval, date(2026, 11, 6))
    assert "niet meer in dienst (laatste dag in dienst 05-11-2026)" in tekst(fout)
    # Within the employment it works, also for a spell ended by ziek uit dienst.
    assert eerste_ziektedag(actor, geval, date(2026, 11, 4)).eerste_ziektedag == date(2026, 11, 4)


@pytest.mark.parametrize("reden", ["", "   ", "x" * 201], ids=["leeg", "spaties", "te-lang"])
@pytest.mark.klok("2026-11-23")
def test_correctie_zonder_geldige_reden_geweigerd(actor, hersteld_geval, reden):
    for functie, dag in ((eerste_ziektedag, date(2026, 11, 3)), (hersteldatum, VANDAAG)):
        fout = geweigerd(functie, actor, hersteld_geval, dag, reden=reden)
        assert velden(fout) == {"reden"}
    fout = geweigerd(
        service.heropen_verzuimgeval, door=actor, verzuimgeval=hersteld_geval, reden=reden
    )
    assert velden(fout) == {"reden"}


@pytest.mark.klok("2026-11-23")
def test_correctie_naar_dezelfde_datum_geweigerd(actor, hersteld_geval):
    fout = geweigerd(eerste_ziektedag, actor, hersteld_geval, date(2026, 11, 2))
    assert "is al 02-11-2026" in tekst(fout)
    fout = geweigerd(hersteldatum, actor, hersteld_geval, date(2026, 11, 10))
    assert "is al 10-11-2026" in tekst(fout)


# --- hersteldatum ----------------------------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_correctie_hersteldatum_verplaatst_einde_en_herstelmutatie_en_legt_historie_vast(
    actor, hersteld_geval
):
    geval = hersteldatum(actor, hersteld_geval, date(2026, 11, 6))

    geval.refresh_from_db()
    assert (geval.einddatum, geval.einde_reden) == (date(2026, 11, 6), EindeReden.HERSTELD)
    herstel = geval.mutaties.get(soort=MutatieSoort.VOLLEDIG_HERSTELD)
    assert (herstel.ingangsdatum, herstel.percentage_arbeidsongeschikt) == (date(2026, 11, 6), 0)
    assert geval.mutaties.count() == 2
    [correctie] = geval.correcties.all()
    assert correctie.veld == CorrectieVeld.HERSTELDATUM
    assert (correctie.oude_waarde, correctie.nieuwe_waarde) == ("2026-11-10", "2026-11-06")
    assert correctie.reden == REDEN


@pytest.mark.klok("2026-11-23")
def test_correctie_hersteldatum_op_vandaag_toegestaan_in_de_toekomst_geweigerd(
    actor, hersteld_geval
):
    """As ``meld_volledig_hersteld``: the first day fit may be today, not later."""
    fout = geweigerd(hersteldatum, actor, hersteld_geval, date(2026, 11, 24))
    assert velden(fout) == {"hersteldatum"}
    assert "niet in de toekomst" in tekst(fout)
    assert hersteldatum(actor, hersteld_geval, VANDAAG).einddatum == VANDAAG


@pytest.mark.parametrize("dag", [date(2026, 11, 5), date(2026, 11, 4)], ids=["op", "voor"])
@pytest.mark.klok("2026-11-23")
def test_correctie_hersteldatum_op_of_voor_laatste_andere_mutatie_geweigerd(actor, werknemer, dag):
    geval = ziek(actor, werknemer, date(2026, 11, 2))
    gedeeltelijk(actor, geval, date(2026, 11, 5), 40)
    service.meld_volledig_hersteld(door=actor, verzuimgeval=geval, hersteldatum=date(2026, 11, 9))

    fout = geweigerd(hersteldatum, actor, geval, dag)

    assert velden(fout) == {"hersteldatum"}
    assert "ná de vorige melding (gedeeltelijk hersteld per 05-11-2026)" in tekst(fout)
    assert hersteldatum(actor, geval, date(2026, 11, 6)).einddatum == date(2026, 11, 6)


@pytest.mark.klok("2026-11-23")
def test_correctie_hersteldatum_op_eerste_ziektedag_geweigerd(actor, hersteld_geval):
    fout = geweigerd(hersteldatum, actor, hersteld_geval, date(2026, 11, 2))
    assert "ná de vorige melding (ziekmelding per 02-11-2026)" in tekst(fout)


@pytest.mark.klok("2026-11-23")
def test_correctie_hersteldatum_in_volgend_verzuim_geweigerd_op_eerste_ziektedag_toegestaan(
    actor, werknemer, hersteld_geval
):
    volgend = ziek(actor, werknemer, date(2026, 11, 15))

    fout = geweigerd(hersteldatum, actor, hersteld_geval, date(2026, 11, 16))

    assert velden(fout) == {"hersteldatum"}
    assert f"volgende verzuim van deze werknemer (verzuimnummer {volgend.verzuimnummer}" in (
        tekst(fout)
    )
    assert hersteldatum(actor, hersteld_geval, date(2026, 11, 15)).einddatum == date(2026, 11, 15)


@pytest.mark.klok("2026-11-23")
def test_correctie_hersteldatum_na_einde_dienstverband_geweigerd(actor, werknemer):
    werknemer.datum_uit_dienst = date(2026, 11, 12)
    werknemer.save(update_fields=["datum_uit_dienst"])
    geval = hersteld(actor, werknemer, date(2026, 11, 2), date(2026, 11, 10))

    fout = geweigerd(hersteldatum, actor, geval, date(2026, 11, 14))

    assert "kan niet later zijn dan 13-11-2026" in tekst(fout)
    assert hersteldatum(actor, geval, date(2026, 11, 13)).einddatum == date(2026, 11, 13)


@pytest.mark.parametrize("einde", ["open", "uit_dienst"])
@pytest.mark.klok("2026-11-23")
def test_hersteldatum_corrigeren_of_intrekken_zonder_volledig_herstel_geweigerd(
    actor, open_geval, einde
):
    if einde == "uit_dienst":
        service.meld_ziek_uit_dienst(
            door=actor, verzuimgeval=open_geval, laatste_dag_in_dienst=date(2026, 11, 5)
        )
    fout = geweigerd(hersteldatum, actor, open_geval, date(2026, 11, 6))
    assert fout.value.code == "niet_hersteld"
    fout = geweigerd(service.heropen_verzuimgeval, door=actor, verzuimgeval=open_geval, reden=REDEN)
    assert fout.value.code == "niet_hersteld"
    assert "geen volledig herstel gemeld" in tekst(fout)


# --- herstelmelding intrekken ----------------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_heropenen_trekt_herstelmelding_in_en_legt_oude_hersteldatum_vast(actor, werknemer):
    geval = ziek(actor, werknemer, date(2026, 11, 2))
    gedeeltelijk(actor, geval, date(2026, 11, 5), 40)
    service.meld_volledig_hersteld(door=actor, verzuimgeval=geval, hersteldatum=date(2026, 11, 9))

    geval = service.heropen_verzuimgeval(door=actor, verzuimgeval=geval, reden="Was nog ziek")

    geval.refresh_from_db()
    assert geval.is_open and geval.einde_reden == ""
    assert list(geval.mutaties.values_list("soort", "percentage_arbeidsongeschikt")) == [
        ("ziekmelding", 100),
        ("gedeeltelijk_hersteld", 40),
    ]
    [correctie] = geval.correcties.all()
    assert correctie.veld == CorrectieVeld.MUTATIE_INGETROKKEN
    assert (correctie.oude_waarde, correctie.nieuwe_waarde) == ("2026-11-09", "")
    assert correctie.reden == "Was nog ziek"
    # The spell goes on as before: a later full recovery can be reported again.
    service.meld_volledig_hersteld(door=actor, verzuimgeval=geval, hersteldatum=VANDAAG)


@pytest.mark.klok("2026-11-23")
def test_heropenen_met_ander_lopend_verzuim_geweigerd(actor, werknemer, hersteld_geval):
    lopend = ziek(actor, werknemer, date(2026, 11, 20))
    fout = geweigerd(
        service.heropen_verzuimgeval, door=actor, verzuimgeval=hersteld_geval, reden=REDEN
    )
    assert fout.value.code == "al_ziek"
    assert f"al een lopend verzuim (verzuimnummer {lopend.verzuimnummer}" in tekst(fout)


@pytest.mark.klok("2026-11-23")
def test_heropenen_met_later_afgesloten_verzuim_geweigerd(actor, werknemer, hersteld_geval):
    later = hersteld(actor, werknemer, date(2026, 11, 15), date(2026, 11, 18))
    fout = geweigerd(
        service.heropen_verzuimgeval, door=actor, verzuimgeval=hersteld_geval, reden=REDEN
    )
    assert fout.value.code == "later_verzuim"
    assert f"verzuimnummer {later.verzuimnummer}, vanaf 15-11-2026" in tekst(fout)


@pytest.mark.klok("2026-11-23")
def test_heropenen_na_einde_dienstverband_geweigerd(actor, werknemer, hersteld_geval):
    werknemer.datum_uit_dienst = date(2026, 11, 20)
    werknemer.save(update_fields=["datum_uit_dienst"])
    fout = geweigerd(
        service.heropen_verzuimgeval, door=actor, verzuimgeval=hersteld_geval, reden=REDEN
    )
    assert fout.value.code == "uit_dienst"


@pytest.mark.klok("2026-11-23")
def test_database_weigert_heropenen_naast_ander_lopend_verzuim(actor, werknemer, hersteld_geval):
    ziek(actor, werknemer, date(2026, 11, 20))
    with (
        pytest.raises(IntegrityError, match="verzuimgeval_een_open_per_werknemer"),
        transaction.atomic(),
    ):
        Verzuimgeval.objects.filter(pk=hersteld_geval.pk).update(einddatum=None, einde_reden="")


# --- percentage wijzigen ---------------------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_percentage_wijzigen_verhoogt_en_verlaagt_als_gewone_mutatie_zonder_correctie(
    actor, open_geval
):
    gedeeltelijk(actor, open_geval, date(2026, 11, 5), 50)

    hoger = wijzig(actor, open_geval, date(2026, 11, 10), 80, reden=" Advies bedrijfsarts ")
    lager = wijzig(actor, open_geval, date(2026, 11, 16), 30)
    weer_vol = wijzig(actor, open_geval, date(2026, 11, 20), 100)

    assert [m.soort for m in (hoger, lager, weer_vol)] == [MutatieSoort.WIJZIGING] * 3
    assert hoger.toelichting == "Advies bedrijfsarts"
    assert hoger.geregistreerd_door == actor.gebruiker
    assert list(
        open_geval.mutaties.values_list("ingangsdatum", "percentage_arbeidsongeschikt")
    ) == [
        (date(2026, 11, 2), 100),
        (date(2026, 11, 5), 50),
        (date(2026, 11, 10), 80),
        (date(2026, 11, 16), 30),
        (date(2026, 11, 20), 100),
    ]
    open_geval.refresh_from_db()
    assert open_geval.is_open and open_geval.eerste_ziektedag == date(2026, 11, 2)
    assert not Correctie.objects.exists()


@pytest.mark.parametrize("percentage", [0, -1, 101])
@pytest.mark.klok("2026-11-23")
def test_percentage_wijzigen_buiten_1_tot_en_met_100_geweigerd(actor, open_geval, percentage):
    fout = geweigerd(wijzig, actor, open_geval, date(2026, 11, 10), percentage)
    assert velden(fout) == {"percentage_arbeidsongeschikt"}
    assert "1 tot en met 100" in tekst(fout)


@pytest.mark.klok("2026-11-23")
def test_percentage_wijzigen_naar_huidig_percentage_geweigerd(actor, open_geval):
    fout = geweigerd(wijzig, actor, open_geval, date(2026, 11, 10), 100)
    assert "al 100 % arbeidsongeschikt" in tekst(fout)


@pytest.mark.parametrize(
    ("dag", "verwacht"),
    [
        (date(2026, 11, 24), "niet in de toekomst"),
        (date(2026, 11, 2), "ná de eerste ziektedag"),
        (date(2026, 11, 5), "ná de laatste wijziging"),
    ],
    ids=["toekomst", "eerste-ziektedag", "laatste-mutatie"],
)
@pytest.mark.klok("2026-11-23")
def test_percentage_wijzigen_met_ongeldige_ingangsdatum_geweigerd(actor, open_geval, dag, verwacht):
    gedeeltelijk(actor, open_geval, date(2026, 11, 5), 50)
    fout = geweigerd(wijzig, actor, open_geval, dag, 80)
    assert velden(fout) == {"ingangsdatum"}
    assert verwacht in tekst(fout)


@pytest.mark.klok("2026-11-23")
def test_percentage_wijzigen_op_afgesloten_verzuim_geweigerd(actor, hersteld_geval):
    fout = geweigerd(wijzig, actor, hersteld_geval, date(2026, 11, 20), 50)
    assert fout.value.code == "afgesloten"


@pytest.mark.klok("2026-11-23")
def test_database_weigert_wijziging_van_0_procent(open_geval):
    with pytest.raises(IntegrityError, match="mutatie_wijziging_1_tot_100"), transaction.atomic():
        Verzuimmutatie.objects.create(
            verzuimgeval=open_geval,
            soort=MutatieSoort.WIJZIGING,
            ingangsdatum=date(2026, 11, 10),
            percentage_arbeidsongeschikt=0,
            geregistreerd_op=timezone.now(),
            geregistreerd_door_naam="Test",
        )


# --- andere werkgever en append-only ---------------------------------------------------------

DIENSTEN = {
    "eerste_ziektedag": lambda a, g: eerste_ziektedag(a, g, date(2026, 11, 3)),
    "hersteldatum": lambda a, g: hersteldatum(a, g, date(2026, 11, 8)),
    "heropenen": lambda a, g: service.heropen_verzuimgeval(door=a, verzuimgeval=g, reden=REDEN),
    "percentage": lambda a, g: wijzig(a, g, date(2026, 11, 8), 60),
}


@pytest.mark.parametrize("dienst", DIENSTEN)
@pytest.mark.klok("2026-11-23")
def test_correctie_op_verzuim_van_andere_werkgever_geweigerd(hersteld_geval, dienst):
    ander = actor_voor(LidmaatschapFactory())
    voor = stand()
    with pytest.raises(PermissionDenied):
        DIENSTEN[dienst](ander, hersteld_geval)
    assert stand() == voor


@pytest.mark.klok("2026-11-23")
def test_correcties_kunnen_niet_worden_gewijzigd_of_verwijderd(actor, hersteld_geval):
    hersteldatum(actor, hersteld_geval, date(2026, 11, 8))
    correctie = Correctie.objects.get()
    correctie.reden = "Anders"
    with pytest.raises(CorrectieGewijzigd):
        correctie.save()
    with pytest.raises(CorrectieGewijzigd):
        correctie.delete()
    with pytest.raises(CorrectieGewijzigd):
        Correctie.objects.filter(pk=correctie.pk).update(reden="Anders")
    with pytest.raises(CorrectieGewijzigd):
        Correctie.objects.all().delete()
    assert Correctie.objects.get().reden == REDEN


@pytest.mark.klok("2026-11-23")
def test_elke_correctie_voegt_een_regel_toe(actor, hersteld_geval):
    hersteldatum(actor, hersteld_geval, date(2026, 11, 8))
    service.heropen_verzuimgeval(door=actor, verzuimgeval=hersteld_geval, reden="Nog ziek")
    eerste_ziektedag(actor, hersteld_geval, date(2026, 11, 1))
    rijen = list(
        hersteld_geval.correcties.values_list("veld", "oude_waarde", "nieuwe_waarde", "reden")
    )
    assert rijen == [
        ("hersteldatum", "2026-11-10", "2026-11-08", REDEN),
        ("mutatie_ingetrokken", "2026-11-08", "", "Nog ziek"),
        ("eerste_ziektedag", "2026-11-02", "2026-11-01", REDEN),
    ]


# --- termijnen volgen de gecorrigeerde gegevens (DOMAIN §5, §5.1) ----------------------------


def _deadline(geval: Verzuimgeval, soort: str) -> date:
    stappen = termijnen.voor_verzuimgeval(geval).geval.stappen
    return next(s.deadline for s in stappen if s.soort == soort)


@pytest.mark.klok("2025-03-01")
def test_poortwachtertermijnen_schuiven_mee_met_gecorrigeerde_eerste_ziektedag(actor, werknemer):
    """DOMAIN §5 worked example: D = 2025-01-06 → probleemanalyse 2025-02-16 (D+41)."""
    geval = ziek(actor, werknemer, date(2025, 1, 6))
    probleemanalyse = poortwachter.StapSoort.PROBLEEMANALYSE
    assert _deadline(geval, probleemanalyse) == date(2025, 2, 16)
    assert _deadline(geval, poortwachter.StapSoort.PLAN_VAN_AANPAK) == date(2025, 3, 2)

    eerste_ziektedag(actor, geval, date(2025, 1, 13))

    geval.refresh_from_db()
    assert _deadline(geval, probleemanalyse) == date(2025, 2, 23)
    assert _deadline(geval, poortwachter.StapSoort.PLAN_VAN_AANPAK) == date(2025, 3, 9)


@pytest.mark.klok("2025-03-01")
def test_heropend_verzuim_wordt_opnieuw_samengeteld_met_het_vorige(actor, werknemer):
    """DOMAIN §5.1: a spell within 28 days of the previous one is the same case; reopening the
    later one makes the combined case open again and the counting goes on over both."""
    eerste = hersteld(actor, werknemer, date(2025, 1, 6), date(2025, 2, 1))
    tweede = hersteld(actor, werknemer, date(2025, 2, 10), date(2025, 2, 20))  # gap 9 days
    voor = termijnen.voor_verzuimgeval(tweede).geval
    assert voor.periode_ids == (eerste.pk, tweede.pk)
    assert voor.einddatum == date(2025, 2, 20) and not voor.is_open

    service.heropen_verzuimgeval(door=actor, verzuimgeval=tweede, reden="Was nog ziek")

    na = termijnen.voor_verzuimgeval(tweede).geval
    assert na.periode_ids == (eerste.pk, tweede.pk)
    assert na.is_open and na.eerste_ziektedag == date(2025, 1, 6)
    # Sick days only (gap 2025-02-01 … 02-09 left out): D+41 moves 9 days to 2025-02-25.
    assert _deadline(tweede, poortwachter.StapSoort.PROBLEEMANALYSE) == date(2025, 2, 25)


@pytest.mark.klok("2025-04-01")
def test_gecorrigeerde_hersteldatum_bepaalt_opnieuw_of_verzuimen_samentellen(actor, werknemer):
    """DOMAIN §5.1: gap ≥ 28 days → a new case; a corrected hersteldatum closes the gap."""
    eerste = hersteld(actor, werknemer, date(2025, 1, 6), date(2025, 2, 1))
    tweede = ziek(actor, werknemer, date(2025, 3, 10))  # gap 37 days
    assert termijnen.voor_verzuimgeval(tweede).geval.periode_ids == (tweede.pk,)

    hersteldatum(actor, eerste, date(2025, 2, 20))  # gap 18 days

    samen = termijnen.voor_verzuimgeval(tweede).geval
    assert samen.periode_ids == (eerste.pk, tweede.pk)
    assert samen.eerste_ziektedag == date(2025, 1, 6)
