"""Bezwaar (DOMAIN §7.6): against a decided case in the inbox or another decision; the deadline
(6 weeks, 2 for a ZW fitness decision, Atw), kenmerk, BSN; a late objection asks for the reason."""

from dataclasses import replace
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from tests.factories import werknemer_bij
from verzuimportaal.aanvragen import service as aanvragen
from verzuimportaal.aanvragen.models import Besluit, Soort, Status, Zaak
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.bezwaar import service
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.klok("2025-11-13")


def met_bezwaar(werkgever_a):
    actor = werkgever_a.actor
    return replace(actor, rechten=actor.rechten | {Dienst.BEZWAAR})


@pytest.fixture
def besluit(werkgever_a, behandelaar) -> Zaak:
    """A WAZO case of werkgever A decided on 2025-11-13 (its letter lands in the inbox)."""
    with transaction.atomic():
        zaak = aanvragen.ontvang(
            door=werkgever_a.actor,
            soort=Soort.WAZO,
            onderwerp="Zwangerschapsverlof",
            werknemer=werkgever_a.werknemer,
        )
    return aanvragen.beslis(
        door=beheerder(behandelaar),
        zaak=zaak,
        besluit=Besluit.AFGEWEZEN,
        toelichting="Buiten de termijn.",
    )


def test_bezwaar_tegen_besluit_op_de_laatste_dag(besluit, werkgever_a, klok):
    """DOMAIN §7.6 worked example: decision 2025-11-13 → objection until 2025-12-29."""
    klok.move_to("2025-12-29")
    bezwaar = service.dien_bezwaar_in(
        door=met_bezwaar(werkgever_a), besluit_zaak=besluit, gronden="Het verlof is tijdig."
    )
    assert bezwaar.termijn_tot == date(2025, 12, 29)
    assert not bezwaar.te_laat
    assert (bezwaar.kenmerk, bezwaar.besluitdatum) == (besluit.zaaknummer, date(2025, 11, 13))
    assert bezwaar.werknemer == werkgever_a.werknemer  # the BSN concerned
    assert bezwaar.loonheffingennummer == werkgever_a.loonheffingennummer
    zaak = bezwaar.zaak
    assert (zaak.soort, zaak.dienst, zaak.status) == (Soort.BEZWAAR, Dienst.BEZWAAR, "ontvangen")
    assert Auditregel.objects.filter(object_type="bezwaar").count() == 1


def test_te_laat_bezwaar_vraagt_de_reden_en_wordt_dan_aanvaard(besluit, werkgever_a, klok):
    klok.move_to("2025-12-30")
    door = met_bezwaar(werkgever_a)
    with pytest.raises(ValidationError, match="tot en met 29-12-2025") as fout:
        service.dien_bezwaar_in(door=door, besluit_zaak=besluit, gronden="Oneens.")
    assert set(fout.value.message_dict) == {"reden_te_laat"}
    bezwaar = service.dien_bezwaar_in(
        door=door, besluit_zaak=besluit, gronden="Oneens.", reden_te_laat="Brief niet ontvangen."
    )
    assert bezwaar.te_laat and bezwaar.reden_te_laat == "Brief niet ontvangen."


def test_bezwaar_ander_besluit_zw_geschiktheid_twee_weken(werkgever_a, klok):
    klok.move_to("2025-11-28")
    werknemer = werknemer_bij(werkgever_a)
    door = met_bezwaar(werkgever_a)
    gegevens = {
        "loonheffingennummer": werkgever_a.loonheffingennummer,
        "besluitdatum": date(2025, 11, 13),
        "kenmerk": "ZW-2025-123",
        "zw_geschiktheid": True,
        "bsn": werknemer.bsn,
        "gronden": "De werknemer is niet geschikt.",
    }
    with pytest.raises(ValidationError, match="tot en met 27-11-2025"):
        service.dien_bezwaar_in(door=door, **gegevens)
    bezwaar = service.dien_bezwaar_in(door=door, reden_te_laat="Ziekte contactpersoon.", **gegevens)
    assert (bezwaar.termijn_tot, bezwaar.werknemer, bezwaar.kenmerk) == (
        date(2025, 11, 27),
        werknemer,
        "ZW-2025-123",
    )


@pytest.mark.parametrize(
    ("bsn", "melding"), [("123456789", "geen geldig BSN"), ("111222333", "geen werknemer")]
)
def test_bsn_gecontroleerd(werkgever_a, bsn, melding):
    with pytest.raises(ValidationError, match=melding):
        service.dien_bezwaar_in(
            door=met_bezwaar(werkgever_a),
            loonheffingennummer=werkgever_a.loonheffingennummer,
            besluitdatum=date(2025, 11, 1),
            kenmerk="K-1",
            bsn=bsn,
            gronden="Oneens.",
        )


def test_kenmerk_en_eigen_loonheffingennummer_verplicht(werkgever_a, werkgever_b):
    door = met_bezwaar(werkgever_a)
    with pytest.raises(ValidationError, match="kenmerk"):
        service.dien_bezwaar_in(
            door=door,
            loonheffingennummer=werkgever_a.loonheffingennummer,
            besluitdatum=date(2025, 11, 1),
            gronden="Oneens.",
        )
    with pytest.raises(ValidationError, match="eigen loonheffingennummer"):
        service.dien_bezwaar_in(
            door=door,
            loonheffingennummer=werkgever_b.loonheffingennummer,
            besluitdatum=date(2025, 11, 1),
            kenmerk="K-1",
            gronden="Oneens.",
        )


def test_zonder_dienst_of_tegen_andermans_of_open_zaak_geweigerd(besluit, werkgever_a, werkgever_b):
    with pytest.raises(PermissionDenied):
        service.dien_bezwaar_in(door=werkgever_a.actor, besluit_zaak=besluit, gronden="x")
    with pytest.raises(PermissionDenied):
        service.dien_bezwaar_in(door=met_bezwaar(werkgever_b), besluit_zaak=besluit, gronden="x")
    with transaction.atomic():
        open_zaak = aanvragen.ontvang(
            door=werkgever_a.actor, soort=Soort.WAZO, onderwerp="Open", werknemer=None
        )
    assert open_zaak.status == Status.ONTVANGEN
    with pytest.raises(ValidationError, match="nog geen besluit"):
        service.dien_bezwaar_in(door=met_bezwaar(werkgever_a), besluit_zaak=open_zaak, gronden="x")


def test_bezwaar_is_een_zaak_die_de_behandelaar_beslist(besluit, werkgever_a, behandelaar):
    bezwaar = service.dien_bezwaar_in(
        door=met_bezwaar(werkgever_a), besluit_zaak=besluit, gronden="Oneens."
    )
    zaak = aanvragen.beslis(
        door=beheerder(behandelaar),
        zaak=bezwaar.zaak,
        besluit=Besluit.TOEGEKEND,
        toelichting="Gegrond.",
    )
    assert zaak.status == Status.BESLUIT and zaak.brief is not None
