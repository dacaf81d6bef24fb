"""Looking up the doelgroepregister (DOMAIN §7.7): registered yes/no and the data's date only,
every lookup one audit row with the BSN masked."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import eherkenning_client
from tests.factories import geldig_bsn, werknemer_bij
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.doelgroepregister import selectors
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst

from .factories import register_met

pytestmark = pytest.mark.klok("2026-11-23")
RECHT = Dienst.BANENAFSPRAAK


def _actor(omgeving, *rechten: str) -> Actor:
    return Actor(
        werkgever=omgeving.werkgever,
        rechten=frozenset(rechten or (RECHT,)),
        route="eherkenning",
        gebruiker=None,
        weergavenaam="Test",
    )


def test_bsn_in_het_register_ja_en_nee_met_de_datum_van_de_gegevens(werkgever_a):
    erin, eruit = geldig_bsn(), geldig_bsn()
    register_met(erin, peildatum=date(2026, 11, 1))
    actor = _actor(werkgever_a)

    assert selectors.raadpleeg_bsn(door=actor, bsn=erin) == selectors.Uitkomst(
        True, date(2026, 11, 1)
    )
    assert selectors.raadpleeg_bsn(door=actor, bsn=eruit).geregistreerd is False


def test_elke_raadpleging_een_auditregel_met_het_bsn_gemaskeerd(werkgever_a):
    bsn = geldig_bsn()
    register_met(bsn)
    voor = Auditregel.objects.filter(werkgever=werkgever_a.werkgever).count()
    for _ in range(2):
        selectors.raadpleeg_bsn(door=_actor(werkgever_a), bsn=bsn)
    regels = Auditregel.objects.filter(
        werkgever=werkgever_a.werkgever, object_type="doelgroepregister"
    )
    assert (
        regels.count()
        == 2
        == Auditregel.objects.filter(werkgever=werkgever_a.werkgever).count() - voor
    )
    omschrijving = regels.first().omschrijving
    assert bsn not in omschrijving and omschrijving.endswith(f"******{bsn[-3:]}")


def test_op_eigen_loonheffingennummer_de_werknemers_in_dienst(werkgever_a):
    in_register = werknemer_bij(werkgever_a, achternaam="Aarts")
    uit_dienst = werknemer_bij(werkgever_a, achternaam="Weg", datum_uit_dienst=date(2026, 10, 31))
    register_met(in_register.bsn, uit_dienst.bsn)

    regels, peildatum = selectors.raadpleeg_loonheffingennummer(
        door=_actor(werkgever_a), loonheffingennummer=werkgever_a.loonheffingennummer
    )

    assert peildatum == date(2026, 11, 1)
    assert {(r.werknemer, r.geregistreerd) for r in regels} == {
        (in_register, True),
        (werkgever_a.werknemer, False),
    }
    regel = Auditregel.objects.get(object_type="loonheffingennummer")
    assert regel.object_id == str(werkgever_a.loonheffingennummer.pk)
    assert werkgever_a.loonheffingennummer.nummer not in regel.omschrijving


def test_loonheffingennummer_van_een_ander_en_zonder_dienst_geweigerd(werkgever_a, werkgever_b):
    register_met(geldig_bsn())
    with pytest.raises(ValidationError, match="eigen organisatie"):
        selectors.raadpleeg_loonheffingennummer(
            door=_actor(werkgever_a), loonheffingennummer=werkgever_b.loonheffingennummer
        )
    with pytest.raises(PermissionDenied):
        selectors.raadpleeg_bsn(door=_actor(werkgever_a, Dienst.VERZUIM_MELDEN), bsn=geldig_bsn())
    assert not Auditregel.objects.filter(object_type="doelgroepregister").exists()


def test_zonder_geladen_register_een_duidelijke_melding(werkgever_a):
    with pytest.raises(ValidationError, match="nog niet beschikbaar"):
        selectors.raadpleeg_bsn(door=_actor(werkgever_a), bsn=geldig_bsn())


def test_pagina_toont_alleen_ja_of_nee_en_de_datum(werkgever_a):
    bsn = geldig_bsn()
    register_met(bsn, peildatum=date(2026, 11, 1))
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, RECHT)
    adres = reverse("doelgroepregister:raadplegen")

    inhoud = client.post(adres, {"zoeken_op": "bsn", "bsn-bsn": bsn}).content.decode()
    assert "Deze persoon staat in het doelgroepregister." in inhoud
    assert "Gegevens van 01-11-2026." in inhoud

    fout = client.post(adres, {"zoeken_op": "bsn", "bsn-bsn": "123456789"}).content.decode()
    assert "Dit is geen geldig BSN" in fout
    assert not Auditregel.objects.filter(omschrijving__contains="789").exists()

    lijst = client.post(
        adres,
        {
            "zoeken_op": "loonheffingennummer",
            "lhnr-loonheffingennummer": werkgever_a.loonheffingennummer.pk,
        },
    ).content.decode()
    assert werkgever_a.werknemer.achternaam in lijst


def test_nummer_van_een_andere_werkgever_is_een_formulierfout(werkgever_a, werkgever_b):
    register_met(geldig_bsn())
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, RECHT)
    response = client.post(
        reverse("doelgroepregister:raadplegen"),
        {
            "zoeken_op": "loonheffingennummer",
            "lhnr-loonheffingennummer": werkgever_b.loonheffingennummer.pk,
        },
    )
    assert response.status_code == 200
    assert werkgever_b.werknemer.achternaam not in response.content.decode()
    assert not Auditregel.objects.filter(object_type="loonheffingennummer").exists()
