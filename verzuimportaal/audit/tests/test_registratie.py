"""Every audited portal page writes exactly one correct row: who, via which route, what, when."""

from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse

from conftest import Omgeving, eherkenning_client, ingelogde_client
from tests.factories import WerknemerFactory
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.tests.test_toegang_per_view import _aanmelden, _wijzigen
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werknemers.models import Werknemer

NU = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
IP = "198.51.100.7"
BROWSER = "Mozilla/5.0 (Testbrowser) " + "x" * 400

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("werkgever_b")]


def lokaal(a: Omgeving) -> Client:
    return ingelogde_client(a.lidmaatschap, REMOTE_ADDR=IP, HTTP_USER_AGENT=BROWSER)


def via_ketenmachtiging(a: Omgeving) -> Client:
    """eHerkenning login of an intermediary's employee for A (DOMAIN §2)."""
    return eherkenning_client(
        a.werkgever.kvk_nummer,
        Dienst.VERZUIM_MELDEN,
        Dienst.WERKNEMERSGEGEVENS,
        pseudoniem="ps-4f1c9e0b7a",
        intermediair_kvk_nummer="87654321",
        niveau="loa3",
        REMOTE_ADDR=IP,
        HTTP_USER_AGENT=BROWSER,
    )


def _nieuwe_werknemer(a: Omgeving) -> Werknemer:
    return Werknemer.objects.get(achternaam="Aangemeld")


def _nieuw_geval(a: Omgeving) -> Verzuimgeval:
    return Verzuimgeval.objects.exclude(pk=a.verzuimgeval.pk).get(
        werknemer__loonheffingennummer=a.loonheffingennummer
    )


# (route, object in the URL, POST data or None, actie, object_type, the logged object)
GEVALLEN = {
    "werknemerslijst": ("werknemers:lijst", None, None, "inzien", "werknemer", None),
    "werknemer inzien": (
        "werknemers:detail", "werknemer", None, "inzien", "werknemer", lambda a: a.werknemer,
    ),
    "werknemer aanmelden": (
        "werknemers:aanmelden", None, _aanmelden, "aanmaken", "werknemer", _nieuwe_werknemer,
    ),
    "werknemer wijzigen": (
        "werknemers:wijzigen", "werknemer", _wijzigen, "wijzigen", "werknemer",
        lambda a: a.werknemer,
    ),
    "wijzigformulier inzien": (
        "werknemers:wijzigen", "werknemer", None, "inzien", "werknemer", lambda a: a.werknemer,
    ),
    "verzuim inzien": (
        "verzuim:detail", "verzuimgeval", None, "inzien", "verzuimgeval",
        lambda a: a.verzuimgeval,
    ),
    "ziek melden": (
        "verzuim:ziek_melden", "gezond", lambda a: {"eerste_ziektedag": "2026-11-20",
                                                  "vangnet": "onbekend"},
        "aanmaken", "verzuimgeval", _nieuw_geval,
    ),
    "hersteld melden": (
        "verzuim:hersteld_melden", "verzuimgeval",
        lambda a: {"soort": "volledig", "datum": "2026-11-20"},
        "wijzigen", "verzuimgeval", lambda a: a.verzuimgeval,
    ),
}  # fmt: skip


def _adres(naam: str, objectsoort: str | None, a: Omgeving) -> str:
    objecten = {
        None: None,
        "werknemer": a.werknemer,
        "verzuimgeval": a.verzuimgeval,
        "gezond": WerknemerFactory(loonheffingennummer=a.loonheffingennummer),
    }
    obj = objecten[objectsoort]
    return reverse(naam, args=[obj.uuid] if obj else [])


def _doe(client: Client, geval: str, a: Omgeving):
    naam, objectsoort, post, *_ = GEVALLEN[geval]
    adres = _adres(naam, objectsoort, a)
    response = client.post(adres, post(a)) if post else client.get(adres)
    assert response.status_code == (302 if post else 200), getattr(response, "context", None)
    return response


@pytest.mark.parametrize("geval", GEVALLEN)
@pytest.mark.klok(NU)
def test_lokaal_account_schrijft_precies_een_correcte_regel(geval, werkgever_a):
    _doe(lokaal(werkgever_a), geval, werkgever_a)

    regel = Auditregel.objects.get()
    _, _, _, actie, object_type, object_van = GEVALLEN[geval]
    assert (regel.actie, regel.object_type) == (actie, object_type)
    verwacht_id = str(object_van(werkgever_a).uuid) if object_van else ""
    assert regel.object_id == verwacht_id
    assert regel.werkgever == werkgever_a.werkgever
    assert regel.kvk_nummer == werkgever_a.werkgever.kvk_nummer
    assert regel.gebruiker == werkgever_a.lidmaatschap.gebruiker
    assert regel.weergavenaam == werkgever_a.lidmaatschap.gebruiker.get_full_name()
    assert (regel.route, regel.pseudoniem, regel.intermediair_kvk_nummer) == ("lokaal", "", "")
    assert regel.tijdstip == NU
    assert regel.ip_adres == IP
    assert regel.user_agent == BROWSER[:255]


@pytest.mark.parametrize("geval", GEVALLEN)
@pytest.mark.klok(NU)
def test_ketenmachtiging_legt_pseudoniem_en_intermediair_vast(geval, werkgever_a):
    _doe(via_ketenmachtiging(werkgever_a), geval, werkgever_a)

    regel = Auditregel.objects.get()
    assert regel.actie == GEVALLEN[geval][3]
    assert regel.route == "ketenmachtiging"
    assert regel.pseudoniem == "ps-4f1c9e0b7a"
    assert regel.intermediair_kvk_nummer == "87654321"
    assert regel.kvk_nummer == werkgever_a.werkgever.kvk_nummer
    assert regel.werkgever == werkgever_a.werkgever
    assert "87654321" in regel.weergavenaam


def test_bsn_komt_nooit_in_de_regel(werkgever_a):
    for geval in ("werknemer inzien", "werknemerslijst"):
        _doe(lokaal(werkgever_a), geval, werkgever_a)
    for regel in Auditregel.objects.values_list():
        assert werkgever_a.werknemer.bsn not in " ".join(str(v) for v in regel)


def test_werknemerslijst_is_een_regel_ongeacht_het_aantal_werknemers(werkgever_a):
    for _ in range(5):
        WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    _doe(lokaal(werkgever_a), "werknemerslijst", werkgever_a)
    assert Auditregel.objects.get().omschrijving == "werknemerslijst"


@pytest.mark.parametrize(
    "geval", ["werknemer inzien", "werknemer wijzigen", "verzuim inzien", "hersteld melden"]
)
@pytest.mark.klok(NU)
def test_geweigerde_toegang_tot_a_schrijft_niets(geval, werkgever_a, werkgever_b):
    naam, objectsoort, post, *_ = GEVALLEN[geval]
    adres = _adres(naam, objectsoort, werkgever_a)
    client = lokaal(werkgever_b)
    response = client.post(adres, post(werkgever_a)) if post else client.get(adres)
    assert response.status_code == 404
    assert not Auditregel.objects.exists()


@pytest.mark.klok(NU)
def test_mislukte_wijziging_schrijft_geen_wijzigregel(werkgever_a):
    adres = reverse("werknemers:wijzigen", args=[werkgever_a.werknemer.uuid])
    response = lokaal(werkgever_a).post(adres, {**_wijzigen(werkgever_a), "achternaam": ""})
    assert response.status_code == 200
    assert not Auditregel.objects.filter(actie="wijzigen").exists()
