"""Loading the doelgroepregister (DOMAIN §7.7, ADR 0040): proefdraai, then all or nothing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.factories import GebruikerFactory, geldig_bsn
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.doelgroepregister import service
from verzuimportaal.doelgroepregister.models import Importstatus, Inschrijving
from verzuimportaal.toegang.actor import beheerder as beheer

from .factories import csv_van, register_met

pytestmark = pytest.mark.klok("2026-11-23")


@pytest.fixture
def beheerder(db):
    return beheer(GebruikerFactory(is_staff=True))


def test_proefdraai_verandert_niets_en_vastleggen_vervangt_het_hele_register(beheerder):
    oud, blijft, nieuw = geldig_bsn(), geldig_bsn(), geldig_bsn()
    eerste = register_met(oud, blijft, peildatum=date(2026, 10, 1))

    proef = service.lees_in(
        door=beheerder,
        bestandsnaam="register.csv",
        inhoud=csv_van(blijft, nieuw),
        peildatum=date(2026, 11, 1),
    )
    assert (proef.status, proef.aantal, proef.fouten) == (Importstatus.PROEF, 2, [])
    assert set(Inschrijving.objects.values_list("bsn", flat=True)) == {oud, blijft}

    service.leg_vast(door=beheerder, registerimport=proef)

    assert set(Inschrijving.objects.values_list("bsn", flat=True)) == {blijft, nieuw}
    eerste.refresh_from_db()
    proef.refresh_from_db()
    assert (eerste.status, proef.status) == (Importstatus.VERVANGEN, Importstatus.VASTGELEGD)
    assert proef.bsns == []  # the BSNs live only in the register itself


def test_een_fout_houdt_het_hele_bestand_tegen_en_noemt_de_regel_zonder_het_nummer(beheerder):
    goed = geldig_bsn()
    register_met(goed)
    proef = service.lees_in(
        door=beheerder,
        bestandsnaam="register.csv",
        inhoud=csv_van(geldig_bsn(), "123456789", goed, goed),
        peildatum=date(2026, 11, 20),
    )
    assert proef.fouten == [
        "Regel 3: geen geldig BSN (9 cijfers, elfproef).",
        "Regel 5: dit BSN staat al eerder in het bestand.",
    ]
    with pytest.raises(ValidationError, match="fouten"):
        service.leg_vast(door=beheerder, registerimport=proef)
    assert list(Inschrijving.objects.values_list("bsn", flat=True)) == [goed]


def test_bestand_zonder_kolom_bsn_wordt_uitgelegd(beheerder):
    proef = service.lees_in(
        door=beheerder, bestandsnaam="r.csv", inhoud=b"nummer\n123\n", peildatum=date(2026, 11, 1)
    )
    assert proef.fouten == ["Het bestand heeft geen kolom 'bsn'. Zet 'bsn' op de eerste regel."]


def test_stand_in_de_toekomst_en_geen_tabel_worden_geweigerd(beheerder):
    with pytest.raises(ValidationError, match="toekomst"):
        service.lees_in(
            door=beheerder, bestandsnaam="r.csv", inhoud=csv_van(geldig_bsn()),
            peildatum=date(2026, 11, 24),
        )  # fmt: skip
    with pytest.raises(ValidationError, match="CSV- of Excel"):
        service.lees_in(
            door=beheerder, bestandsnaam="r.pdf", inhoud=b"%PDF-1.7", peildatum=date(2026, 11, 1)
        )


def test_een_oudere_proefdraai_kan_na_een_nieuwere_stand_niet_meer_worden_vastgelegd(beheerder):
    oude_proef = service.lees_in(
        door=beheerder, bestandsnaam="oud.csv", inhoud=csv_van(geldig_bsn()),
        peildatum=date(2026, 9, 1),
    )  # fmt: skip
    register_met(geldig_bsn(), peildatum=date(2026, 11, 1))
    with pytest.raises(ValidationError, match="al verwerkt"):
        service.leg_vast(door=beheerder, registerimport=oude_proef)
    assert Inschrijving.objects.count() == 1


def test_elke_stap_van_de_beheerder_staat_in_het_auditlog_zonder_werkgever(beheerder):
    registerimport = register_met(geldig_bsn())
    regels = Auditregel.objects.filter(object_id=str(registerimport.uuid)).order_by("pk")
    assert [r.actie for r in regels] == [Actie.AANMAKEN, Actie.WIJZIGEN]
    assert all(
        r.werkgever is None and r.weergavenaam.startswith("Beheer Verzuimportaal") for r in regels
    )
