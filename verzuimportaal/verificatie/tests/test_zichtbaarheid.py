"""Non-activated (seed 003 art. 1) and inactive (seed 001) numbers are invisible to users."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import VerzuimgevalFactory, WerknemerFactory
from verzuimportaal.toegang import access
from verzuimportaal.verificatie.tests.hulp import beheerder_client

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["niet_geactiveerd", "niet_actief"])
def verborgen(request, werkgever_a):
    """werkgever A's number made invisible one way or the other, with its werknemer and spell."""
    nummer = werkgever_a.loonheffingennummer
    if request.param == "niet_geactiveerd":
        nummer.geactiveerd_op = None
    else:
        nummer.actief = False
    nummer.save()
    return werkgever_a


@pytest.fixture
def zichtbaar(werkgever_a):
    """A second, visible number of A, so list pages have something to show."""
    from tests.factories import LoonheffingennummerFactory

    nummer = LoonheffingennummerFactory(werkgever=werkgever_a.werkgever)
    werknemer = WerknemerFactory(loonheffingennummer=nummer)
    return VerzuimgevalFactory(werknemer=werknemer)


def test_querysets_tonen_het_nummer_en_zijn_gegevens_niet(verborgen, zichtbaar):
    actor = verborgen.actor
    assert list(access.loonheffingennummers(actor)) == [zichtbaar.werknemer.loonheffingennummer]
    assert list(access.werknemers(actor)) == [zichtbaar.werknemer]
    assert list(access.verzuimgevallen(actor)) == [zichtbaar]
    assert not access.mutaties(actor).filter(verzuimgeval=verborgen.verzuimgeval).exists()


def test_paginas_tonen_het_nummer_niet_en_details_geven_404(verborgen, zichtbaar, eigenaar):
    for lijst in ("werknemers:lijst", "verzuim:lopend", "portaal:dashboard"):
        inhoud = eigenaar.get(reverse(lijst)).content.decode()
        assert str(verborgen.werknemer.uuid) not in inhoud, lijst
        assert verborgen.verzuimgeval.verzuimnummer not in inhoud, lijst
        assert verborgen.loonheffingennummer.nummer not in inhoud, lijst
    # Control: the visible number's data is on the same page.
    assert str(zichtbaar.uuid) in eigenaar.get(reverse("verzuim:lopend")).content.decode()
    assert (
        eigenaar.get(reverse("werknemers:detail", args=[verborgen.werknemer.uuid])).status_code
        == 404
    )
    assert (
        eigenaar.get(reverse("verzuim:detail", args=[verborgen.verzuimgeval.uuid])).status_code
        == 404
    )
    assert eigenaar.get(reverse("verzuim:detail", args=[zichtbaar.uuid])).status_code == 200


def test_activeren_maakt_het_nummer_weer_zichtbaar(werkgever_a, eigenaar):
    nummer = werkgever_a.loonheffingennummer
    nummer.geactiveerd_op = None
    nummer.save()
    adres = reverse("verzuim:detail", args=[werkgever_a.verzuimgeval.uuid])
    assert eigenaar.get(adres).status_code == 404
    nummer.geactiveerd_op = timezone.now()
    nummer.save()
    assert eigenaar.get(adres).status_code == 200


def test_operator_ziet_verborgen_nummers_in_beheer(verborgen, django_user_model):
    client = beheerder_client(django_user_model)
    adres = reverse("admin:werkgevers_werkgever_change", args=[verborgen.werkgever.pk])
    assert verborgen.loonheffingennummer.nummer in client.get(adres).content.decode()
