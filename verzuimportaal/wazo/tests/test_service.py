"""WAZO meldingen (DOMAIN §7.1): windows, recomputation, leave against sickness, audit."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import VerzuimgevalFactory, werknemer_bij
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.dossier import termijnen
from verzuimportaal.verzuim import service as verzuim_service
from verzuimportaal.verzuim.models import EindeReden, ZelfdeOorzaak
from verzuimportaal.wazo import service
from verzuimportaal.wazo.models import Soort

pytestmark = pytest.mark.django_db

E = date(2025, 6, 20)  # DOMAIN §7.1 example
S = date(2025, 5, 10)


@pytest.fixture
def werkneemster(werkgever_a):
    return werknemer_bij(werkgever_a, voornaam="Fatima")


def _meld(werkgever_a, werkneemster, **extra):
    velden = {"uitgerekende_datum": E, "ingangsdatum": S} | extra
    return service.meld_zwangerschapsverlof(
        door=werkgever_a.actor, werknemer=werkneemster, **velden
    )


@pytest.mark.klok("2025-04-20")
def test_melding_in_het_aanvraagvenster(werkgever_a, werkneemster):
    versie = werkgever_a.werkgever.gegevensversie
    verlof = _meld(werkgever_a, werkneemster)
    assert (verlof.eerste_dag, verlof.laatste_dag) == (S, date(2025, 8, 29))
    assert verlof.bevallingsverlof_dagen == 70
    assert not verlof.te_laat
    regel = Auditregel.objects.get(object_type="wazoverlof")
    assert regel.object_id == str(verlof.uuid) and regel.actie == "aanmaken"
    werkgever_a.werkgever.refresh_from_db()
    assert werkgever_a.werkgever.gegevensversie > versie


@pytest.mark.klok("2025-04-11")
def test_te_vroeg_aanvragen_geweigerd_met_de_datum(werkgever_a, werkneemster):
    with pytest.raises(ValidationError) as fout:
        _meld(werkgever_a, werkneemster)
    assert "vraag het aan vanaf 12-04-2025" in str(fout.value)
    assert not werkneemster.wazoverloven.exists()


@pytest.mark.klok("2025-04-27")
def test_te_laat_aanvragen_wordt_aangenomen_en_gemarkeerd(werkgever_a, werkneemster):
    assert _meld(werkgever_a, werkneemster).te_laat


@pytest.mark.klok("2025-04-20")
def test_ingangsdatum_buiten_zes_tot_vier_weken_geweigerd(werkgever_a, werkneemster):
    with pytest.raises(ValidationError, match="tussen 10-05-2025 en 24-05-2025"):
        _meld(werkgever_a, werkneemster, ingangsdatum=date(2025, 5, 9))


@pytest.mark.klok("2025-04-20")
def test_geboorte_later_gemeld_herberekent(werkgever_a, werkneemster, klok):
    verlof = _meld(werkgever_a, werkneemster)
    klok.move_to("2025-07-02")
    with pytest.raises(ValidationError, match="in de toekomst"):
        service.meld_geboorte(door=werkgever_a.actor, verlof=verlof, geboortedatum=date(2025, 7, 3))
    verlof = service.meld_geboorte(
        door=werkgever_a.actor, verlof=verlof, geboortedatum=date(2025, 6, 30)
    )
    assert verlof.laatste_dag == date(2025, 9, 8)  # DOMAIN §7.1: born 06-30 → to 09-08
    verlof = service.meld_geboorte(
        door=werkgever_a.actor, verlof=verlof, geboortedatum=date(2025, 6, 6)
    )
    assert (verlof.bevallingsverlof_dagen, verlof.laatste_dag) == (84, date(2025, 8, 29))
    assert Auditregel.objects.filter(object_type="wazoverlof", actie="wijzigen").count() == 2


@pytest.mark.klok("2025-04-27")
def test_ziekenhuisopname_verlengt(werkgever_a, werkneemster, klok):
    """DOMAIN §7.1: S = 05-17, child in hospital 06-21 … 07-25 → +21, to 09-26."""
    verlof = _meld(werkgever_a, werkneemster, ingangsdatum=date(2025, 5, 17))
    klok.move_to("2025-08-01")
    verlof = service.meld_geboorte(
        door=werkgever_a.actor,
        verlof=verlof,
        geboortedatum=E,
        ziekenhuis_van=date(2025, 6, 21),
        ziekenhuis_tot=date(2025, 7, 25),
    )
    assert (verlof.verlenging_ziekenhuis, verlof.laatste_dag) == (21, date(2025, 9, 26))


@pytest.mark.klok("2025-04-27")
def test_ziektedagen_in_de_flexperiode_tellen_als_verlof(werkgever_a, werkneemster):
    """DOMAIN §7.1 k: sick 05-10 … 05-19 before S = 05-24 → bv 84 − 10 = 74."""
    VerzuimgevalFactory(
        werknemer=werkneemster,
        eerste_ziektedag=date(2025, 5, 5),
        einddatum=date(2025, 5, 20),
        einde_reden=EindeReden.HERSTELD,
    )
    verlof = _meld(werkgever_a, werkneemster, ingangsdatum=date(2025, 5, 24))
    assert verlof.ziektedagen_voor_ingang == 10
    assert verlof.bevallingsverlof_dagen == 74


@pytest.mark.klok("2025-06-01")
def test_geen_ziekmelding_tijdens_verlof(werkgever_a, werkneemster, klok):
    klok.move_to("2025-04-20")
    _meld(werkgever_a, werkneemster)
    klok.move_to("2025-06-01")
    with pytest.raises(ValidationError, match="ziek vanaf 30-08-2025"):
        verzuim_service.meld_ziek(
            door=werkgever_a.actor, werknemer=werkneemster, eerste_ziektedag=date(2025, 5, 20)
        )


@pytest.mark.klok("2025-04-20")
def test_verlof_over_een_ziekmelding_geweigerd(werkgever_a, werkneemster):
    """DOMAIN §7.1: nothing is reported during the leave, so no spell may start inside it."""
    VerzuimgevalFactory(werknemer=werkneemster, eerste_ziektedag=date(2025, 4, 10))
    with pytest.raises(ValidationError, match="Tijdens het verlof wordt geen ziekte gemeld"):
        # E = 05-13: S = 04-02 is 6 weeks before A; applied late, but the spell is in the way.
        _meld(
            werkgever_a,
            werkneemster,
            uitgerekende_datum=date(2025, 5, 13),
            ingangsdatum=date(2025, 4, 2),
        )
    assert not werkneemster.wazoverloven.exists()


@pytest.mark.klok("2025-04-20")
def test_overlappend_verlof_geweigerd(werkgever_a, werkneemster):
    _meld(werkgever_a, werkneemster)
    with pytest.raises(ValidationError, match="verlof mag niet overlappen"):
        _meld(werkgever_a, werkneemster, ingangsdatum=date(2025, 5, 12))


@pytest.mark.klok("2025-04-20")
def test_werknemer_van_een_andere_werkgever_geweigerd(werkgever_a, werkgever_b):
    with pytest.raises(PermissionDenied):
        _meld(werkgever_a, werkgever_b.werknemer)


@pytest.mark.klok("2025-06-09")
def test_ziekte_voor_en_na_het_verlof_via_de_services(werkgever_a, werkneemster, klok):
    """DOMAIN §5.1 end to end: sick before the leave, leave, sick after with the same cause:
    one combined case; the leave days are no sick days and no gap days."""
    klok.move_to("2025-01-06")
    voor = verzuim_service.meld_ziek(
        door=werkgever_a.actor, werknemer=werkneemster, eerste_ziektedag=date(2025, 1, 6)
    )
    klok.move_to("2025-04-25")
    verzuim_service.meld_herstel(
        door=werkgever_a.actor, verzuimgeval=voor, soort="volledig", datum=date(2025, 4, 25)
    )
    _meld(werkgever_a, werkneemster)  # leave 05-10 … 08-29
    klok.move_to("2025-09-05")
    na = verzuim_service.meld_ziek(
        door=werkgever_a.actor,
        werknemer=werkneemster,
        eerste_ziektedag=date(2025, 9, 5),
        zelfde_oorzaak=ZelfdeOorzaak.JA,
    )
    geval = termijnen.voor_verzuimgeval(na).geval
    assert geval.periode_ids == (voor.pk, na.pk)
    # 109 sick days before the leave; 15 + 6 gap days and 112 leave days are not counted.
    assert geval.ziektedagen_voor(datum=date(2025, 9, 6)) == 109 + 1


@pytest.mark.klok("2025-06-25")
def test_aanvullend_geboorteverlof(werkgever_a, werkneemster):
    verlof = service.meld_aanvullend_geboorteverlof(
        door=werkgever_a.actor,
        werknemer=werkneemster,
        geboortedatum=date(2025, 6, 20),
        einde_geboorteverlof=date(2025, 6, 27),
        ingangsdatum=date(2025, 7, 1),
        weken=5,
    )
    assert verlof.soort == Soort.AANVULLEND_GEBOORTEVERLOF
    assert verlof.laatste_dag == date(2025, 8, 4)


@pytest.mark.klok("2025-07-06")
def test_adoptieverlof_te_vroeg_en_op_tijd(werkgever_a, werkneemster, klok):
    velden = {
        "door": werkgever_a.actor,
        "werknemer": werkneemster,
        "soort": Soort.ADOPTIE,
        "datum_komst": date(2025, 9, 1),
        "ingangsdatum": date(2025, 8, 4),
        "weken": 6,
    }
    with pytest.raises(ValidationError, match="vanaf 07-07-2025"):
        service.meld_adoptieverlof(**velden)
    klok.move_to("2025-07-07")
    assert service.meld_adoptieverlof(**velden).laatste_dag == date(2025, 9, 14)
