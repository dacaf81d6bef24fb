"""Transfer of open meldingen after a takeover (seed 001): whole dossier, audit, all or nothing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import (
    GebruikerFactory,
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    WerknemerFactory,
)
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.fusies.models import Overdracht
from verzuimportaal.fusies.service import draag_meldingen_over
from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.verificatie.tests.hulp import beheerder_client
from verzuimportaal.verzuim.models import EindeReden, Verzuimgeval, Verzuimmutatie
from verzuimportaal.werknemers.models import Werknemer

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(db):
    return GebruikerFactory(is_staff=True)


@pytest.fixture
def overname(werkgever_a, werkgever_b):
    """B's number goes inactive after A took B over; B had one open and one closed spell."""
    oud = werkgever_b.loonheffingennummer
    ziek = werkgever_b.werknemer  # has an open spell (conftest)
    eerder = VerzuimgevalFactory(
        werknemer=ziek,
        eerste_ziektedag=date(2025, 1, 6),
        einddatum=date(2025, 1, 20),
        einde_reden=EindeReden.HERSTELD,
    )
    gezond = WerknemerFactory(loonheffingennummer=oud)
    oud.actief = False
    oud.save()
    return {
        "van": oud,
        "naar": werkgever_a.loonheffingennummer,
        "ziek": ziek,
        "eerder": eerder,
        "gezond": gezond,
    }


def _stand():
    return (
        list(Werknemer.objects.order_by("pk").values_list()),
        list(Verzuimgeval.objects.order_by("pk").values_list()),
        list(Verzuimmutatie.objects.order_by("pk").values_list()),
        Overdracht.objects.count(),
        Auditregel.objects.count(),
    )


def test_open_melding_gaat_met_het_hele_dossier_over(overname, werkgever_a, werkgever_b, operator):
    geval = werkgever_b.verzuimgeval
    mutaties = set(geval.mutaties.values_list("pk", flat=True))

    overdracht = draag_meldingen_over(
        van=overname["van"], naar=overname["naar"], door=beheerder(operator)
    )

    ziek = Werknemer.objects.get(pk=overname["ziek"].pk)
    assert ziek.loonheffingennummer == overname["naar"]
    assert set(ziek.verzuimgevallen.values_list("pk", flat=True)) == {
        geval.pk,
        overname["eerder"].pk,
    }
    assert (
        set(Verzuimmutatie.objects.filter(verzuimgeval=geval).values_list("pk", flat=True))
        == mutaties
    )
    # A werknemer without an open spell stays on the old number.
    assert Werknemer.objects.get(pk=overname["gezond"].pk).loonheffingennummer == overname["van"]
    assert overdracht.aantal == 1
    assert overdracht.werknemer_uuids == [str(ziek.uuid)]
    assert overdracht.door == operator
    # The acquirer now sees the spell; both werkgevers' audit logs record the transfer.
    assert access.verzuimgevallen(werkgever_a.actor).filter(pk=geval.pk).exists()
    for werkgever in (werkgever_a.werkgever, werkgever_b.werkgever):
        assert Auditregel.objects.filter(werkgever=werkgever, object_type="overdracht").exists()


def test_bron_nog_actief_geweigerd(overname, operator):
    overname["van"].actief = True
    overname["van"].save()
    voor = _stand()
    with pytest.raises(ValidationError, match="is nog actief"):
        draag_meldingen_over(van=overname["van"], naar=overname["naar"], door=beheerder(operator))
    assert _stand() == voor


@pytest.mark.parametrize("veld", ["actief", "geactiveerd_op"])
def test_doel_niet_actief_of_niet_geactiveerd_geweigerd(overname, operator, veld):
    setattr(overname["naar"], veld, False if veld == "actief" else None)
    overname["naar"].save()
    voor = _stand()
    with pytest.raises(ValidationError, match="niet actief of nog niet geactiveerd"):
        draag_meldingen_over(van=overname["van"], naar=overname["naar"], door=beheerder(operator))
    assert _stand() == voor


def test_zelfde_bsn_op_het_doelnummer_geweigerd_en_niets_half_geschreven(overname, operator):
    tweede = WerknemerFactory(loonheffingennummer=overname["van"])
    VerzuimgevalFactory(werknemer=tweede)  # two open meldingen; only the second collides
    WerknemerFactory(loonheffingennummer=overname["naar"], bsn=tweede.bsn)
    voor = _stand()
    with pytest.raises(ValidationError, match="hetzelfde BSN") as fout:
        draag_meldingen_over(van=overname["van"], naar=overname["naar"], door=beheerder(operator))
    assert str(tweede.bsn) not in str(fout.value)  # DOMAIN §9: no BSN in messages
    assert _stand() == voor


def test_geen_openstaande_meldingen_geweigerd(overname, werkgever_b, operator):
    werkgever_b.verzuimgeval.einddatum = date(2026, 12, 1)
    werkgever_b.verzuimgeval.einde_reden = EindeReden.HERSTELD
    werkgever_b.verzuimgeval.save()
    with pytest.raises(ValidationError, match="geen openstaande meldingen"):
        draag_meldingen_over(van=overname["van"], naar=overname["naar"], door=beheerder(operator))


def test_beheerpagina_vraagt_bevestiging_en_zet_dan_over(overname, django_user_model):
    client = beheerder_client(django_user_model)
    adres = reverse("admin:fusies_overdracht_add")
    data = {"van": overname["van"].pk, "naar": overname["naar"].pk}

    response = client.post(adres, data)
    assert response.status_code == 200
    assert "Vink de bevestiging aan" in response.content.decode()
    assert not Overdracht.objects.exists()

    response = client.post(adres, {**data, "bevestigd": "on"})
    assert response.status_code == 302
    assert Overdracht.objects.get().aantal == 1


def test_nieuw_nummer_van_nog_een_andere_werkgever_kan_ook_doel_zijn(overname, operator):
    naar = LoonheffingennummerFactory()
    overdracht = draag_meldingen_over(van=overname["van"], naar=naar, door=beheerder(operator))
    assert overdracht.naar == naar
