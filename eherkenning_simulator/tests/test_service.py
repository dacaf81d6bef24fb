"""Service rules of the simulator that the pages rely on."""

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from eherkenning_simulator import service
from eherkenning_simulator.models import (
    Dienst,
    Dienstverlener,
    Ketenmachtiging,
    Leverancier,
    Niveau,
    Organisatie,
    Persoon,
)

pytestmark = pytest.mark.django_db


def persoon(gebruikersnaam: str) -> Persoon:
    return Persoon.objects.get(middel__gebruikersnaam=gebruikersnaam)


def organisatie(kvk: str) -> Organisatie:
    return Organisatie.objects.get(kvk_nummer=kvk)


def test_ketenmachtiging_tussen_leveranciers_geweigerd(demo):
    with pytest.raises(ValidationError) as fout:
        service.verleen_ketenmachtiging(
            door=persoon("beheer-anker"),
            organisatie=organisatie("41178230"),
            intermediair=organisatie("73019552"),
            diensten=Dienst.objects.filter(nummer=1),
        )

    assert fout.value.code == "andere_leverancier"
    assert fout.value.messages[0].startswith(
        "Een ketenmachtiging kan alleen als beide organisaties bij dezelfde leverancier zijn "
        "geregistreerd (Stichting Zorggroep De Linde: KPN Simulatie; Verzuimservice Desk B.V.: "
        "Reconi Simulatie)."
    )


def test_leverancier_zonder_ketenmachtiging_geweigerd(demo):
    digidentity = Leverancier.objects.get(naam="Digidentity Simulatie")
    tweede = Organisatie.objects.create(
        kvk_nummer="39999998", naam="Tweede", leverancier=digidentity
    )

    with pytest.raises(ValidationError) as fout:
        service.verleen_ketenmachtiging(
            door=None,
            organisatie=organisatie("39999999"),
            intermediair=tweede,
            diensten=Dienst.objects.filter(nummer=1),
        )

    assert fout.value.code == "leverancier_zonder_keten"


def test_alleen_beheerder_mag_machtigen(demo):
    with pytest.raises(PermissionDenied):
        service.verleen_machtiging(
            door=persoon("beheer-vsd"),
            organisatie=organisatie("69201843"),
            persoon=persoon("eh3-bakkerij"),
            diensten=Dienst.objects.all(),
        )


def test_beheerder_machtigt_alleen_eigen_medewerkers(demo):
    with pytest.raises(ValidationError) as fout:
        service.verleen_machtiging(
            door=persoon("beheer-bakkerij"),
            organisatie=organisatie("69201843"),
            persoon=persoon("eh3-intermediair"),
            diensten=Dienst.objects.all(),
        )

    assert fout.value.code == "geen_medewerker"


def test_formulier_b_niet_buiten_de_ketenmachtiging(demo):
    keten = Ketenmachtiging.objects.get()

    with pytest.raises(ValidationError) as fout:
        service.machtig_onder_ketenmachtiging(
            door=persoon("beheer-vsd"),
            ketenmachtiging=keten,
            persoon=persoon("eh3-intermediair"),
            diensten=Dienst.objects.filter(nummer=11),
        )

    assert fout.value.code == "dienst_buiten_keten"


def test_formulier_b_alleen_door_beheerder_van_intermediair(demo):
    with pytest.raises(PermissionDenied):
        service.machtig_onder_ketenmachtiging(
            door=persoon("beheer-bakkerij"),
            ketenmachtiging=Ketenmachtiging.objects.get(),
            persoon=persoon("eh3-intermediair"),
            diensten=Dienst.objects.filter(nummer=1),
        )


def test_pseudoniem_per_dienstverlener_verschillend(demo):
    bea = persoon("eh3-bakkerij")

    portal = service.pseudoniem(persoon=bea, client_id="verzuimportaal-demo")
    ander = service.pseudoniem(persoon=bea, client_id="andere-dienst")

    assert portal != ander
    assert len(portal) == 40
    assert portal == service.pseudoniem(persoon=bea, client_id="verzuimportaal-demo")


def test_aanmeldopties_meerdere_organisaties(demo):
    dienstverlener = Dienstverlener.objects.get()

    opties = service.aanmeldopties(persoon=persoon("eh3-meerdere"), dienstverlener=dienstverlener)

    assert {o.organisatie.kvk_nummer for o in opties} == {"69201843", "58823417"}


def test_persoon_zonder_organisatie_heeft_geen_optie(demo):
    reconi = Leverancier.objects.get(naam="Reconi Simulatie")
    los = service.maak_persoon(
        gebruikersnaam="los", wachtwoord="x", naam="Los", niveau=Niveau.EH3, leverancier=reconi
    )

    assert service.aanmeldopties(persoon=los, dienstverlener=Dienstverlener.objects.get()) == []


def test_simulatorgebruiker_kan_nergens_inloggen(demo):
    gebruiker = persoon("eh3-bakkerij").gebruiker

    assert not gebruiker.is_active
    assert not gebruiker.is_staff
    assert not gebruiker.has_usable_password()


def test_demo_commando_is_idempotent(demo):
    aantallen = (Persoon.objects.count(), Dienst.objects.count(), Ketenmachtiging.objects.count())
    call_command("simulator_demo", stdout=StringIO())
    uitvoer = StringIO()
    call_command("simulator_demo", "--opnieuw", stdout=uitvoer)

    assert aantallen == (9, 12, 1)
    assert (Persoon.objects.count(), Dienst.objects.count(), Ketenmachtiging.objects.count()) == (
        aantallen
    )
    assert "eh3-intermediair" in uitvoer.getvalue()
    assert "Verwacht geweigerd" in uitvoer.getvalue()


def test_sms_code_na_drie_fouten_ook_goed_geweigerd(demo):
    bea = persoon("eh3-bakkerij")
    bericht = service.verstuur_sms_code(persoon=bea)
    fout = "000000" if bericht.code != "000000" else "111111"

    uitkomsten = [
        service.controleer_sms_code(bericht_id=bericht.pk, persoon=bea, code=fout) for _ in range(3)
    ]
    daarna = service.controleer_sms_code(bericht_id=bericht.pk, persoon=bea, code=bericht.code)

    assert uitkomsten == [
        (service.SmsUitkomst.ONJUIST, 2),
        (service.SmsUitkomst.ONJUIST, 1),
        (service.SmsUitkomst.GEBLOKKEERD, 0),
    ]
    assert daarna == (service.SmsUitkomst.GEBLOKKEERD, 0)


def test_sms_code_eenmalig(demo):
    bea = persoon("eh3-bakkerij")
    bericht = service.verstuur_sms_code(persoon=bea)

    eerste = service.controleer_sms_code(bericht_id=bericht.pk, persoon=bea, code=bericht.code)
    tweede = service.controleer_sms_code(bericht_id=bericht.pk, persoon=bea, code=bericht.code)

    assert eerste[0] is service.SmsUitkomst.GOED
    assert tweede[0] is service.SmsUitkomst.GEBLOKKEERD
