"""Beheermodule: machtigingen and ketenmachtigingen, and their effect on the next login."""

import pytest
from django.test import Client

from eherkenning_simulator.models import (
    Dienst,
    Ketenmachtiging,
    KetenmachtigingGebruiker,
    Machtiging,
)

from .helpers import log_in, log_in_bij_simulator

pytestmark = pytest.mark.django_db

BEHEER = "/eherkenning-simulator/beheer/"


def beheerder(gebruikersnaam: str) -> Client:
    client = Client()
    log_in_bij_simulator(client, gebruikersnaam, BEHEER)
    return client


def test_beheerder_ziet_eigen_organisatie(demo):
    client = beheerder("beheer-bakkerij")

    start = client.get(BEHEER)
    pagina = client.get(start["Location"])

    assert start["Location"] == f"{BEHEER}69201843/"
    inhoud = pagina.content.decode()
    assert "Bakkerij Van den Broek B.V." in inhoud
    assert "geen echte eHerkenning" in inhoud
    assert "Bea Bakker" in inhoud
    assert "Verzuimservice Desk B.V." in inhoud  # given ketenmachtiging


def test_beheermodule_vereist_login():
    antwoord = Client().get(f"{BEHEER}69201843/")

    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/eherkenning-simulator/inloggen/")


def test_buitenstaander_ziet_andere_organisatie_niet(demo):
    client = beheerder("beheer-vsd")
    machtiging = Machtiging.objects.get(persoon__middel__gebruikersnaam="eh3-bakkerij")

    pagina = client.get(f"{BEHEER}69201843/")
    intrekken = client.post(f"{BEHEER}69201843/machtiging/{machtiging.pk}/intrekken/")

    assert pagina.status_code == 404
    assert intrekken.status_code == 404
    assert Machtiging.objects.get(pk=machtiging.pk).ingetrokken_op is None


def test_persoon_zonder_beheerrol_krijgt_melding(demo):
    client = beheerder("eh3-bakkerij")

    antwoord = client.get(BEHEER)

    assert antwoord.status_code == 403
    assert "geen enkele organisatie machtigingenbeheerder" in antwoord.content.decode()


def test_machtiging_intrekken_geldt_bij_volgende_login(demo):
    voor = log_in("eh3-bakkerij")
    machtiging = Machtiging.objects.get(
        persoon__middel__gebruikersnaam="eh3-bakkerij", ingetrokken_op__isnull=True
    )

    antwoord = beheerder("beheer-bakkerij").post(
        f"{BEHEER}69201843/machtiging/{machtiging.pk}/intrekken/"
    )
    na = log_in("eh3-bakkerij")

    assert antwoord.status_code == 302
    assert len(voor["urn:etoegang:core:ServiceID"]) == 12
    # Still a login for the own organisation, but without services: the portal refuses it.
    assert na["urn:etoegang:core:LegalSubjectID"]["value"] == "69201843"
    assert na["urn:etoegang:core:ServiceID"] == []
    assert na["urn:etoegang:core:ServiceUUID"] == []
    assert na["sub"] == voor["sub"]


def test_machtiging_verlenen_via_formulier(demo):
    client = beheerder("beheer-bakkerij")
    persoon = Machtiging.objects.get(persoon__middel__gebruikersnaam="eh3-zonder-dienst").persoon
    dienst_1 = "urn:etoegang:DV:00000001234567890000:services:1"
    diensten = Dienst.objects.filter(nummer__in=[1, 2]).values_list("pk", flat=True)

    antwoord = client.post(
        f"{BEHEER}69201843/machtiging/",
        {"persoon": persoon.pk, "diensten": list(diensten), "vestigingsnummer": ""},
    )
    claims = log_in("eh3-zonder-dienst")

    assert antwoord.status_code == 302
    assert claims["urn:etoegang:core:ServiceID"][0] == dienst_1
    assert len(claims["urn:etoegang:core:ServiceID"]) == 2


def test_ketenmachtiging_intrekken_beeindigt_toegang_intermediair(demo):
    voor = log_in("eh3-intermediair")
    keten = Ketenmachtiging.objects.get(organisatie__kvk_nummer="69201843")

    antwoord = beheerder("beheer-bakkerij").post(
        f"{BEHEER}69201843/ketenmachtiging/{keten.pk}/intrekken/"
    )
    na = log_in("eh3-intermediair")

    assert antwoord.status_code == 302
    assert voor["urn:etoegang:1.9:IntermediateEntityID:KvKnr"] == "73019552"
    assert not KetenmachtigingGebruiker.objects.filter(ingetrokken_op__isnull=True).exists()
    assert "urn:etoegang:1.9:IntermediateEntityID:KvKnr" not in na
    assert na["urn:etoegang:core:LegalSubjectID"]["value"] == "73019552"
    assert na["urn:etoegang:core:ServiceID"] == []


def test_ketenmachtiging_andere_leverancier_geweigerd_met_reden(demo):
    client = beheerder("beheer-anker")
    antwoord = client.post(
        f"{BEHEER}41178230/ketenmachtiging/",
        {"intermediair_kvk": "73019552", "diensten": [Dienst.objects.get(nummer=1).pk]},
    )

    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert (
        "Een ketenmachtiging kan alleen als beide organisaties bij dezelfde leverancier zijn "
        "geregistreerd (" in inhoud
    )
    assert "KPN Simulatie" in inhoud and "Reconi Simulatie" in inhoud
    assert not Ketenmachtiging.objects.filter(organisatie__kvk_nummer="41178230").exists()


def test_ketenmachtiging_onbekend_kvk_geeft_veldfout(demo):
    client = beheerder("beheer-bakkerij")
    antwoord = client.post(
        f"{BEHEER}69201843/ketenmachtiging/",
        {"intermediair_kvk": "12345678", "diensten": [Dienst.objects.get(nummer=1).pk]},
    )

    assert antwoord.status_code == 400
    assert "geen organisatie met dit KvK-nummer" in antwoord.content.decode()


def test_intermediair_machtigt_eigen_medewerker_onder_ketenmachtiging(demo):
    gebruiker = KetenmachtigingGebruiker.objects.get()
    client = beheerder("beheer-vsd")
    intrekken = client.post(f"{BEHEER}73019552/ketenmedewerker/{gebruiker.pk}/intrekken/")
    opnieuw = client.post(
        f"{BEHEER}73019552/ketenmachtiging/{gebruiker.ketenmachtiging_id}/medewerker/",
        {"persoon": gebruiker.persoon_id, "diensten": [Dienst.objects.get(nummer=12).pk]},
    )
    claims = log_in("eh3-intermediair")

    assert intrekken.status_code == 302
    assert opnieuw.status_code == 302
    assert claims["urn:etoegang:core:ServiceID"] == [
        "urn:etoegang:DV:00000001234567890000:services:12"
    ]
    assert claims["urn:etoegang:1.9:IntermediateEntityID:KvKnr"] == "73019552"


def test_formulier_b_biedt_alleen_diensten_van_de_ketenmachtiging(demo):
    keten = Ketenmachtiging.objects.get()
    client = beheerder("beheer-vsd")

    pagina = client.get(f"{BEHEER}73019552/ketenmachtiging/{keten.pk}/medewerker/")

    nummers = {d.nummer for d in pagina.context["form"].fields["diensten"].queryset}
    assert nummers == set(range(1, 13)) - {11}
