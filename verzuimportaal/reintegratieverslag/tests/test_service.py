"""Re-integratieverslag WIA (DOMAIN §5): compiled from the dossier, the completeness check names
what is missing, handed in before the WIA deadline as a case; the operator's question answered."""

from dataclasses import replace
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import eherkenning_client
from tests.factories import VerzuimgevalFactory, werknemer_bij
from verzuimportaal.aanvragen import service as aanvragen
from verzuimportaal.aanvragen.models import Gebeurtenis, Soort, Status
from verzuimportaal.dossier.models import ActiviteitType
from verzuimportaal.dossier.tests.factories import ActiviteitFactory
from verzuimportaal.reintegratieverslag import service
from verzuimportaal.reintegratieverslag.stand import stand
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.toegang.diensten import Dienst

# DOMAIN §5 worked example: D = 2025-01-06; eindevaluatie 2026-10-04, WIA-aanvraag 2026-10-18.
pytestmark = pytest.mark.klok("2026-10-10")


def met_riv(werkgever_a):
    actor = werkgever_a.actor
    return replace(actor, rechten=actor.rechten | {Dienst.REINTEGRATIE_WIA})


@pytest.fixture
def geval(werkgever_a):
    werknemer = werknemer_bij(werkgever_a, voornaam="Riv", achternaam="Verslag")
    return VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2025, 1, 6))


def gedaan(geval, soort, op):
    ActiviteitFactory(
        verzuimgeval=geval, type=soort, afgewerkt=True, uitgevoerd_op=op, deadline=None
    )


@pytest.fixture
def volledig_dossier(geval):
    gedaan(geval, ActiviteitType.PLAN_VAN_AANPAK, date(2025, 3, 1))
    gedaan(geval, ActiviteitType.EVALUATIE, date(2025, 4, 12))
    gedaan(geval, ActiviteitType.EERSTEJAARSEVALUATIE, date(2025, 12, 1))
    gedaan(geval, ActiviteitType.BEZOEK_BEDRIJFSARTS, date(2026, 9, 20))
    gedaan(geval, ActiviteitType.EINDEVALUATIE, date(2026, 10, 1))
    return geval


def test_termijnen_uit_het_voorbeeld(geval):
    huidig = stand(geval)
    assert huidig is not None
    assert huidig.eindevaluatie_uiterlijk == date(2026, 10, 4)
    assert huidig.wia_aanvraag_uiterlijk == date(2026, 10, 18)


def test_volledigheidscontrole_noemt_wat_ontbreekt(geval, werkgever_a):
    gedaan(geval, ActiviteitType.PLAN_VAN_AANPAK, date(2025, 3, 1))
    gedaan(geval, ActiviteitType.BEZOEK_BEDRIJFSARTS, date(2026, 1, 5))  # before week 88: old
    huidig = stand(geval)
    assert [o.code for o in huidig.verslag.ontbrekend] == [
        "bijstellingen",
        "eerstejaarsevaluatie",
        "actueel_oordeel",
        "eindevaluatie",
        "mening_werknemer",
    ]
    with pytest.raises(ValidationError) as fout:
        service.dien_reintegratieverslag_in(
            door=met_riv(werkgever_a), verzuimgeval=geval, mening_werknemer=""
        )
    tekst = str(fout.value)
    assert "Eerstejaarsevaluatie ontbreekt" in tekst and "Eindevaluatie ontbreekt" in tekst
    assert "Mening van de werknemer ontbreekt" in fout.value.message_dict["mening_werknemer"][0]


def test_volledig_verslag_wordt_een_zaak_en_de_vraag_wordt_beantwoord(
    volledig_dossier, werkgever_a, behandelaar
):
    door = met_riv(werkgever_a)
    verslag = service.dien_reintegratieverslag_in(
        door=door, verzuimgeval=volledig_dossier, mening_werknemer="Eens met de aanpak."
    )
    assert not verslag.te_laat
    assert (verslag.zaak.soort, verslag.zaak.dienst) == (
        Soort.REINTEGRATIEVERSLAG,
        Dienst.REINTEGRATIE_WIA,
    )
    assert [o["code"] for o in verslag.onderdelen if o["aanwezig"]][:1] == ["plan_van_aanpak"]
    assert all(o["aanwezig"] for o in verslag.onderdelen)
    with pytest.raises(ValidationError, match="al ingediend"):
        service.dien_reintegratieverslag_in(
            door=door, verzuimgeval=volledig_dossier, mening_werknemer="Nog eens."
        )
    # The operator's question on it, and the werkgever's answer.
    zaak = aanvragen.vraag_informatie(
        door=beheerder(behandelaar),
        zaak=verslag.zaak,
        vraag="Stuur het verslag van de arbeidsdeskundige.",
    )
    assert zaak.status == Status.INFORMATIE_GEVRAAGD
    zaak = aanvragen.beantwoord(door=door, zaak=zaak, antwoord="Is per post verstuurd.")
    assert zaak.status == Status.IN_BEHANDELING
    assert zaak.gebeurtenissen.filter(soort=Gebeurtenis.Soort.BEANTWOORD).exists()
    with pytest.raises(ValidationError, match="geen vraag open"):
        aanvragen.beantwoord(door=door, zaak=zaak, antwoord="Nogmaals.")


def test_na_de_wia_termijn_aanvaard_maar_gemarkeerd(volledig_dossier, werkgever_a, klok):
    klok.move_to("2026-10-19")
    verslag = service.dien_reintegratieverslag_in(
        door=met_riv(werkgever_a), verzuimgeval=volledig_dossier, mening_werknemer="Eens."
    )
    assert verslag.te_laat


def test_zonder_dienst_geweigerd(volledig_dossier, werkgever_a):
    with pytest.raises(PermissionDenied):
        service.dien_reintegratieverslag_in(
            door=werkgever_a.actor, verzuimgeval=volledig_dossier, mening_werknemer="Eens."
        )


def test_korter_verzuim_heeft_geen_verslag(werkgever_a):
    geval = VerzuimgevalFactory(
        werknemer=werknemer_bij(werkgever_a), eerste_ziektedag=date(2026, 9, 1)
    )
    geval.einddatum, geval.einde_reden = date(2026, 9, 10), "hersteld"
    geval.save(update_fields=["einddatum", "einde_reden"])
    assert stand(geval) is None


def test_paginas(volledig_dossier, werkgever_a):
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.REINTEGRATIE_WIA)
    overzicht = client.get(reverse("reintegratieverslag:overzicht")).content.decode()
    assert "Riv Verslag" in overzicht and "18-10-2026" in overzicht
    pagina = client.get(reverse("reintegratieverslag:verslag", args=[volledig_dossier.uuid]))
    assert pagina.status_code == 200 and "ontbreekt" in pagina.content.decode()  # the opinion
    response = client.post(
        reverse("reintegratieverslag:indienen", args=[volledig_dossier.uuid]),
        {"mening_werknemer": "Eens."},
    )
    assert response.status_code == 302
    assert volledig_dossier.reintegratieverslag.zaak.status == Status.ONTVANGEN
