"""Werknemer services: aanmelden and wijzigen (DOMAIN §1: BSN unique per loonheffingennummer)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    WerknemerFactory,
    actor_voor,
)
from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.verzuim import service as verzuim_service
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werknemers import service
from verzuimportaal.werknemers.forms import WerknemerForm
from verzuimportaal.werknemers.models import Werknemer

BSN = "111222333"  # passes the 11-check


@pytest.fixture
def lhnr(db) -> Loonheffingennummer:
    return LoonheffingennummerFactory()


@pytest.fixture
def actor(lhnr: Loonheffingennummer) -> Actor:
    return actor_voor(LidmaatschapFactory(werkgever=lhnr.werkgever))


@pytest.fixture
def werknemer(lhnr: Loonheffingennummer) -> Werknemer:
    return WerknemerFactory(loonheffingennummer=lhnr, bsn=BSN, datum_in_dienst=date(2024, 1, 1))


def aanmelden(actor: Actor, lhnr: Loonheffingennummer, **anders: object) -> Werknemer:
    gegevens: dict[str, object] = {
        "loonheffingennummer": lhnr,
        "bsn": BSN,
        "voornaam": "Anna",
        "tussenvoegsel": "de",
        "achternaam": "Vries",
        "geboortedatum": date(1990, 5, 17),
        "datum_in_dienst": date(2025, 2, 1),
        "contracturen_per_week": Decimal("32"),
        "deeltijdfactor": None,
        **anders,
    }
    return service.meld_werknemer_aan(door=actor, **gegevens)


def fout_tekst(fout: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(fout.value.messages)


def velden(fout: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(getattr(fout.value, "error_dict", {}))


def formulier(actor: Actor, **anders: str) -> WerknemerForm:
    data = {
        "bsn": BSN,
        "voornaam": "Anna",
        "achternaam": "Vries",
        "geboortedatum": "1990-05-17",
        "datum_in_dienst": "2025-02-01",
        "contracturen_per_week": "32",
        **anders,
    }
    data.setdefault("loonheffingennummer", str(access.loonheffingennummers(actor).first().pk))
    return WerknemerForm(data, loonheffingennummers=access.loonheffingennummers(actor))


# --- aanmelden -------------------------------------------------------------------------------


def test_aanmelden_slaat_werknemer_op(actor, lhnr):
    werknemer = aanmelden(actor, lhnr, functie="Monteur", email="anna@example.nl")

    werknemer = Werknemer.objects.get(pk=werknemer.pk)
    assert werknemer.loonheffingennummer == lhnr
    assert werknemer.bsn == BSN
    assert werknemer.volledige_naam == "Anna de Vries"
    assert werknemer.sorteernaam == "Vries, Anna de"
    assert werknemer.datum_in_dienst == date(2025, 2, 1)
    assert werknemer.datum_uit_dienst is None
    assert (werknemer.functie, werknemer.email) == ("Monteur", "anna@example.nl")
    assert werknemer.uuid is not None


@pytest.mark.parametrize(
    ("uren", "factor"),
    [("40", "1.000"), ("32", "0.800"), ("20", "0.500"), ("37.5", "0.938"), ("45", "1.125")],
)
def test_aanmelden_zonder_deeltijdfactor_berekent_die_uit_uren_gedeeld_door_40(
    actor, lhnr, uren, factor
):
    werknemer = aanmelden(actor, lhnr, contracturen_per_week=Decimal(uren))
    werknemer.refresh_from_db()
    assert werknemer.deeltijdfactor == Decimal(factor)


def test_aanmelden_met_deeltijdfactor_houdt_die_aan(actor, lhnr):
    werknemer = aanmelden(
        actor, lhnr, contracturen_per_week=Decimal("36"), deeltijdfactor=Decimal("1.000")
    )
    werknemer.refresh_from_db()
    assert werknemer.deeltijdfactor == Decimal("1.000")


def test_dubbel_bsn_binnen_loonheffingennummer_geweigerd(actor, lhnr, werknemer):
    with pytest.raises(ValidationError) as fout:
        aanmelden(actor, lhnr, bsn=werknemer.bsn)

    assert velden(fout) == {"bsn"}
    assert "al een werknemer met dit BSN bij dit loonheffingennummer" in fout_tekst(fout)
    assert Werknemer.objects.count() == 1


def test_zelfde_bsn_bij_ander_loonheffingennummer_toegestaan(actor, lhnr, werknemer):
    ander_nummer = LoonheffingennummerFactory(werkgever=lhnr.werkgever)
    assert aanmelden(actor, ander_nummer, bsn=werknemer.bsn).bsn == werknemer.bsn


def test_geboortedatum_op_of_na_datum_in_dienst_geweigerd(actor, lhnr):
    with pytest.raises(ValidationError) as fout:
        aanmelden(actor, lhnr, geboortedatum=date(2025, 2, 1))
    assert velden(fout) == {"geboortedatum"}
    assert "vóór de datum in dienst" in fout_tekst(fout)
    assert not Werknemer.objects.exists()


@pytest.mark.parametrize("bsn", ["123456789", "12345678", "1234567890", "abcdefghi", "000000000"])
def test_bsn_zonder_elfproef_geweigerd_door_formulier(actor, bsn):
    form = formulier(actor, bsn=bsn)
    assert not form.is_valid()
    assert form.errors["bsn"] == [
        "Dit is geen geldig BSN. Een BSN heeft 9 cijfers en voldoet aan de elfproef."
    ]


def test_formulier_accepteert_bsn_met_punten_en_spaties(actor):
    form = formulier(actor, bsn="1112.22 333")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["bsn"] == BSN


def test_service_weigert_bsn_zonder_elfproef_ook_zonder_formulier(actor, lhnr):
    with pytest.raises(ValidationError) as fout:
        aanmelden(actor, lhnr, bsn="123456789")
    assert velden(fout) == {"bsn"}
    assert not Werknemer.objects.exists()


def test_loonheffingennummer_van_andere_werkgever_geweigerd(actor):
    ander = LoonheffingennummerFactory()
    with pytest.raises(PermissionDenied, match="hoort niet bij uw werkgever"):
        aanmelden(actor, ander)
    assert not Werknemer.objects.exists()


def test_inactief_loonheffingennummer_niet_te_kiezen(actor, lhnr):
    inactief = LoonheffingennummerFactory(werkgever=lhnr.werkgever, actief=False)

    form = formulier(actor, loonheffingennummer=str(inactief.pk))

    keuzes = [waarde for waarde, _ in form.fields["loonheffingennummer"].choices]
    assert lhnr.pk in [getattr(k, "value", k) for k in keuzes]
    assert inactief.pk not in [getattr(k, "value", k) for k in keuzes]
    assert not form.is_valid()
    assert "loonheffingennummer" in form.errors
    with pytest.raises(PermissionDenied):
        aanmelden(actor, inactief)
    assert not Werknemer.objects.exists()


# --- wijzigen --------------------------------------------------------------------------------


def wijzig(actor: Actor, werknemer: Werknemer, **gegevens: object) -> Werknemer:
    return service.wijzig_werknemer(door=actor, werknemer=werknemer, gegevens=gegevens)


def updates(context: CaptureQueriesContext) -> list[str]:
    """UPDATEs of the werknemer table (the werkgever's data version goes up beside it)."""
    return [
        q["sql"]
        for q in context.captured_queries
        if q["sql"].startswith('UPDATE "werknemers_werknemer"')
    ]


def test_wijzigen_verhoogt_de_gegevensversie_alleen_bij_een_wijziging(actor, werknemer):
    werkgever = werknemer.loonheffingennummer.werkgever
    wijzig(actor, werknemer, achternaam=werknemer.achternaam)
    werkgever.refresh_from_db()
    voor = werkgever.gegevensversie
    wijzig(actor, werknemer, achternaam="Jansen")
    werkgever.refresh_from_db()
    assert werkgever.gegevensversie == voor + 1


def test_wijzigen_schrijft_alleen_gewijzigde_velden(actor, werknemer):
    with CaptureQueriesContext(connection) as context:
        wijzig(actor, werknemer, achternaam="Jansen", voornaam=werknemer.voornaam, functie="")

    [sql] = updates(context)
    gezet = sql.split(" SET ")[1].split(" WHERE ")[0]
    assert '"achternaam"' in gezet and '"gewijzigd_op"' in gezet
    assert '"voornaam"' not in gezet and '"functie"' not in gezet and '"bsn"' not in gezet
    werknemer.refresh_from_db()
    assert werknemer.achternaam == "Jansen"


def test_wijzigen_overschrijft_gelijktijdige_wijziging_van_ander_veld_niet(actor, werknemer):
    Werknemer.objects.filter(pk=werknemer.pk).update(functie="Planner")  # someone else, meanwhile
    wijzig(actor, werknemer, achternaam="Jansen")  # ``werknemer`` still holds the old functie
    werknemer.refresh_from_db()
    assert (werknemer.achternaam, werknemer.functie) == ("Jansen", "Planner")


def test_wijzigen_zonder_verschil_schrijft_niets(actor, werknemer):
    with CaptureQueriesContext(connection) as context:
        wijzig(actor, werknemer, achternaam=werknemer.achternaam, voornaam=werknemer.voornaam)
    assert updates(context) == []


def test_wijzigen_van_contracturen_herberekent_deeltijdfactor(actor, werknemer):
    wijzig(actor, werknemer, contracturen_per_week=Decimal("24"), deeltijdfactor=None)
    werknemer.refresh_from_db()
    assert werknemer.deeltijdfactor == Decimal("0.600")


def test_bsn_is_niet_te_wijzigen(actor, werknemer):
    with pytest.raises(ValueError, match="bsn"):
        wijzig(actor, werknemer, bsn="222333444")


def test_wijzigen_naar_loonheffingennummer_van_andere_werkgever_geweigerd(actor, werknemer):
    with pytest.raises(PermissionDenied):
        wijzig(actor, werknemer, loonheffingennummer=LoonheffingennummerFactory())
    werknemer.refresh_from_db()
    assert werknemer.loonheffingennummer.werkgever == actor.werkgever


def test_werknemer_van_andere_werkgever_wijzigen_geweigerd(werknemer):
    ander = actor_voor(LidmaatschapFactory())
    with pytest.raises(PermissionDenied):
        wijzig(ander, werknemer, achternaam="Jansen")
    werknemer.refresh_from_db()
    assert werknemer.achternaam != "Jansen"


def test_datum_in_dienst_na_eerste_ziektedag_geweigerd(actor, werknemer):
    VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2026, 3, 2))

    with pytest.raises(ValidationError) as fout:
        wijzig(actor, werknemer, datum_in_dienst=date(2026, 3, 3))

    assert velden(fout) == {"datum_in_dienst"}
    assert "eerste ziektedag van een geregistreerd verzuim (02-03-2026)" in fout_tekst(fout)
    werknemer.refresh_from_db()
    assert werknemer.datum_in_dienst == date(2024, 1, 1)
    assert wijzig(actor, werknemer, datum_in_dienst=date(2026, 3, 2)).datum_in_dienst == date(
        2026, 3, 2
    )


def test_datum_in_dienst_na_laatste_dag_in_dienst_geweigerd_met_nederlandse_melding(
    actor, werknemer
):
    wijzig(actor, werknemer, datum_uit_dienst=date(2025, 6, 30))
    with pytest.raises(ValidationError) as fout:
        wijzig(actor, werknemer, datum_in_dienst=date(2025, 7, 1))
    assert velden(fout) == {"datum_in_dienst"}
    assert "na de laatste dag in dienst (30-06-2025)" in fout_tekst(fout)


def test_datum_uit_dienst_tijdens_ziekte_geweigerd(actor, werknemer):
    VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2026, 11, 2))

    with pytest.raises(ValidationError) as fout:
        wijzig(actor, werknemer, datum_uit_dienst=date(2026, 11, 20))

    assert velden(fout) == {"datum_uit_dienst"}
    assert "Deze werknemer is ziek" in fout_tekst(fout)
    assert "'ziek uit dienst'" in fout_tekst(fout)
    werknemer.refresh_from_db()
    assert werknemer.datum_uit_dienst is None


def test_datum_uit_dienst_voor_einde_van_eerder_verzuim_geweigerd(actor, werknemer):
    VerzuimgevalFactory(
        werknemer=werknemer,
        eerste_ziektedag=date(2026, 3, 2),
        einddatum=date(2026, 3, 20),
        einde_reden="hersteld",
    )
    with pytest.raises(ValidationError) as fout:
        wijzig(actor, werknemer, datum_uit_dienst=date(2026, 3, 18))
    assert velden(fout) == {"datum_uit_dienst"}
    assert "vóór het einde van een geregistreerd verzuim (20-03-2026)" in fout_tekst(fout)
    # the last sick day itself may be the last day in service
    assert wijzig(actor, werknemer, datum_uit_dienst=date(2026, 3, 19)).datum_uit_dienst == date(
        2026, 3, 19
    )


def test_datum_uit_dienst_voor_datum_in_dienst_geweigerd(actor, werknemer):
    with pytest.raises(ValidationError) as fout:
        wijzig(actor, werknemer, datum_uit_dienst=date(2023, 12, 31))
    assert velden(fout) == {"datum_uit_dienst"}
    assert "vóór de datum in dienst" in fout_tekst(fout)


@pytest.mark.parametrize("nieuw", [date(2026, 11, 20), None], ids=["later", "leeg"])
@pytest.mark.klok("2026-11-23")
def test_laatste_dag_in_dienst_van_ziek_uit_dienst_niet_hier_te_wijzigen(actor, werknemer, nieuw):
    geval = verzuim_service.meld_ziek(
        door=actor, werknemer=werknemer, eerste_ziektedag=date(2026, 11, 2)
    )
    verzuim_service.meld_ziek_uit_dienst(
        door=actor, verzuimgeval=geval, laatste_dag_in_dienst=date(2026, 11, 10)
    )

    with pytest.raises(ValidationError) as fout:
        wijzig(actor, werknemer, datum_uit_dienst=nieuw)

    assert velden(fout) == {"datum_uit_dienst"}
    assert f"'ziek uit dienst' bij verzuimnummer {geval.verzuimnummer}" in fout_tekst(fout)
    werknemer.refresh_from_db()
    assert werknemer.datum_uit_dienst == date(2026, 11, 10)
    # other data of that employee can still be changed
    assert wijzig(actor, werknemer, functie="Oud-monteur").functie == "Oud-monteur"


def test_geanonimiseerde_werknemer_niet_te_wijzigen(actor, werknemer):
    # DOMAIN §4.7: once the retention period ended, personal data may not come back.
    Werknemer.objects.filter(pk=werknemer.pk).update(geanonimiseerd_op=timezone.now())
    with pytest.raises(ValidationError, match="geanonimiseerd") as fout:
        wijzig(actor, werknemer, achternaam="Jansen")
    assert "opnieuw aan" in fout_tekst(fout)
    werknemer.refresh_from_db()
    assert werknemer.achternaam != "Jansen"
