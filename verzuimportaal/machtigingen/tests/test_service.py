"""Route B services (seed 002): request, confirm by e-mailed link, change level, revoke."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from freezegun import freeze_time

from verzuimportaal.machtigingen import service
from verzuimportaal.machtigingen.models import Adviseurtoegang, Status
from verzuimportaal.machtigingen.tests.factories import AdviseurFactory, AdviseurtoegangFactory
from verzuimportaal.toegang.actor import Actor, Niveau, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.models import LOKALE_RECHTEN

pytestmark = pytest.mark.django_db


def werkgever_actor(omgeving, *, rechten=None, wijzigrechten=None, email="hr@example.com"):
    gebruiker = omgeving.lidmaatschap.gebruiker
    gebruiker.email = email
    gebruiker.save(update_fields=["email"])
    return Actor(
        werkgever=omgeving.werkgever,
        # Rechtenbeheer plus the services it hands on (grant only what you hold, ADR 0016).
        rechten=frozenset(rechten or LOKALE_RECHTEN),
        wijzigrechten=wijzigrechten,
        route=Route.LOKAAL,
        gebruiker=gebruiker,
        weergavenaam="Fatima El Amrani",
    )


def token_uit_mail() -> str:
    assert len(mail.outbox) == 1
    gevonden = re.search(r"/machtigingen/bevestigen/\?t=([\w-]+)", mail.outbox[0].body)
    assert gevonden, mail.outbox[0].body
    return gevonden.group(1)


@pytest.fixture
def aanvraag(werkgever_a, django_capture_on_commit_callbacks):
    """A request for a known advisor, with the token from the e-mail."""
    adviseur = AdviseurFactory(naam="Advies & Co B.V.")
    with django_capture_on_commit_callbacks(execute=True):
        toegang = service.vraag_toegang_aan(
            door=werkgever_actor(werkgever_a), kvk_nummer=adviseur.kvk_nummer, niveau="bekijken"
        )
    return toegang, token_uit_mail()


def test_aanvraag_wacht_op_bevestiging_en_mailt_alleen_de_aanvrager(aanvraag):
    toegang, token = aanvraag
    assert toegang.status == Status.WACHT_OP_BEVESTIGING
    assert mail.outbox[0].to == ["hr@example.com"]  # the advisor is not notified (seed 002)
    assert "Advies & Co B.V." in mail.outbox[0].body
    # only the hash is stored
    assert token not in toegang.bevestigingstoken_hash
    assert toegang.bevestigingstoken_hash == service.token_hash(token)
    assert toegang.bevestiging_verloopt_op - toegang.aangevraagd_op == timedelta(days=7)


@pytest.mark.parametrize("geval", ["onbekend", "inactief", "zonder_vergunning"])
def test_onbekende_adviseur_geweigerd_en_niets_opgeslagen(werkgever_a, geval):
    kvk = {
        "onbekend": "99887766",
        "inactief": AdviseurFactory(actief=False).kvk_nummer,
        "zonder_vergunning": AdviseurFactory(vergunning_gecontroleerd_op=None).kvk_nummer,
    }[geval]
    with pytest.raises(ValidationError) as fout:
        service.vraag_toegang_aan(
            door=werkgever_actor(werkgever_a), kvk_nummer=kvk, niveau="bekijken"
        )
    assert service.ONBEKEND in fout.value.messages
    assert not Adviseurtoegang.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    "rechten,wijzigrechten,route",
    [
        ({Dienst.VERZUIM_MELDEN}, None, Route.LOKAAL),  # no rechtenbeheer
        ({Dienst.RECHTENBEHEER}, frozenset(), Route.LOKAAL),  # rechtenbeheer view-only
        ({Dienst.RECHTENBEHEER}, None, Route.ADVISEUR),  # an advisor never grants access
    ],
)
def test_zonder_rechtenbeheer_geen_aanvraag(werkgever_a, rechten, wijzigrechten, route):
    actor = werkgever_actor(werkgever_a, rechten=rechten, wijzigrechten=wijzigrechten)
    actor = Actor(**{**actor.__dict__, "route": route})
    with pytest.raises(PermissionDenied):
        service.vraag_toegang_aan(
            door=actor, kvk_nummer=AdviseurFactory().kvk_nummer, niveau="bekijken"
        )
    assert not Adviseurtoegang.objects.exists()


def test_nummer_van_andere_werkgever_geweigerd(werkgever_a, werkgever_b):
    with pytest.raises(ValidationError):
        service.vraag_toegang_aan(
            door=werkgever_actor(werkgever_a),
            kvk_nummer=AdviseurFactory().kvk_nummer,
            niveau="bekijken",
            loonheffingennummers=[werkgever_b.loonheffingennummer],
        )
    assert not Adviseurtoegang.objects.exists()


def test_rechtenbeheer_kan_niet_aan_adviseur_worden_gegeven(werkgever_a):
    with pytest.raises(ValidationError):
        service.vraag_toegang_aan(
            door=werkgever_actor(werkgever_a),
            kvk_nummer=AdviseurFactory().kvk_nummer,
            niveau="wijzigen",
            diensten=[Dienst.VERZUIM_MELDEN, Dienst.RECHTENBEHEER],
        )
    assert not Adviseurtoegang.objects.exists()


def test_zonder_eigen_emailadres_is_een_adres_nodig(werkgever_a):
    actor = werkgever_actor(werkgever_a, email="")
    kvk = AdviseurFactory().kvk_nummer
    with pytest.raises(ValidationError):
        service.vraag_toegang_aan(door=actor, kvk_nummer=kvk, niveau="bekijken")
    assert not Adviseurtoegang.objects.exists()
    toegang = service.vraag_toegang_aan(
        door=actor, kvk_nummer=kvk, niveau="bekijken", email="eh@example.com"
    )
    assert toegang.status == Status.WACHT_OP_BEVESTIGING


def test_bevestigen_activeert_en_de_link_werkt_maar_een_keer(werkgever_a, aanvraag):
    toegang, token = aanvraag
    actor = werkgever_actor(werkgever_a)

    bevestigd = service.bevestig(door=actor, token=token)

    assert bevestigd.pk == toegang.pk and bevestigd.status == Status.ACTIEF
    assert bevestigd.bevestigd_op is not None
    with pytest.raises(ValidationError):
        service.bevestig(door=actor, token=token)


def test_gemanipuleerde_token_geweigerd(werkgever_a, aanvraag):
    toegang, token = aanvraag
    actor = werkgever_actor(werkgever_a)
    for fout in (token[:-1] + ("A" if token[-1] != "A" else "B"), "", token + "x"):
        with pytest.raises(ValidationError):
            service.bevestig(door=actor, token=fout)
    toegang.refresh_from_db()
    assert toegang.status == Status.WACHT_OP_BEVESTIGING


def test_link_verloopt_na_zeven_dagen(werkgever_a, aanvraag):
    toegang, token = aanvraag
    actor = werkgever_actor(werkgever_a)
    te_laat = toegang.aangevraagd_op + timedelta(days=7, seconds=1)
    with freeze_time(te_laat), pytest.raises(ValidationError, match="verlopen"):
        service.bevestig(door=actor, token=token)
    with freeze_time(toegang.aangevraagd_op + timedelta(days=6, hours=23)):
        assert service.bevestig(door=actor, token=token).status == Status.ACTIEF


def test_link_van_andere_werkgever_geweigerd(werkgever_b, aanvraag):
    toegang, token = aanvraag
    with pytest.raises(ValidationError, match="andere werkgever"):
        service.bevestig(door=werkgever_actor(werkgever_b), token=token)
    toegang.refresh_from_db()
    assert toegang.status == Status.WACHT_OP_BEVESTIGING


def test_ingetrokken_aanvraag_kan_niet_meer_worden_bevestigd(werkgever_a, aanvraag):
    toegang, token = aanvraag
    actor = werkgever_actor(werkgever_a)
    service.trek_in(door=actor, toegang=toegang)
    with pytest.raises(ValidationError):
        service.bevestig(door=actor, token=token)
    toegang.refresh_from_db()
    assert toegang.status == Status.INGETROKKEN


def test_nieuwe_aanvraag_vervangt_onbevestigde_en_maakt_oude_link_ongeldig(
    werkgever_a, aanvraag, django_capture_on_commit_callbacks
):
    toegang, oude_token = aanvraag
    mail.outbox.clear()
    actor = werkgever_actor(werkgever_a)
    with django_capture_on_commit_callbacks(execute=True):
        opnieuw = service.vraag_toegang_aan(
            door=actor, kvk_nummer=toegang.adviseur.kvk_nummer, niveau="wijzigen"
        )
    assert opnieuw.pk == toegang.pk and opnieuw.niveau == Niveau.WIJZIGEN
    with pytest.raises(ValidationError):
        service.bevestig(door=actor, token=oude_token)
    assert service.bevestig(door=actor, token=token_uit_mail()).status == Status.ACTIEF


def test_aanvraag_voor_adviseur_die_al_toegang_heeft_geweigerd(werkgever_a):
    bestaand = AdviseurtoegangFactory(werkgever=werkgever_a.werkgever)
    with pytest.raises(ValidationError, match="al toegang"):
        service.vraag_toegang_aan(
            door=werkgever_actor(werkgever_a),
            kvk_nummer=bestaand.adviseur.kvk_nummer,
            niveau="wijzigen",
        )
    assert Adviseurtoegang.objects.count() == 1


def test_na_intrekken_kan_opnieuw_toegang_worden_aangevraagd(werkgever_a):
    oud = AdviseurtoegangFactory(werkgever=werkgever_a.werkgever)
    actor = werkgever_actor(werkgever_a)
    service.trek_in(door=actor, toegang=oud)
    nieuw = service.vraag_toegang_aan(
        door=actor, kvk_nummer=oud.adviseur.kvk_nummer, niveau="bekijken"
    )
    assert nieuw.pk != oud.pk


def test_niveau_wijzigen_en_intrekken_alleen_voor_eigen_werkgever(werkgever_a, werkgever_b):
    toegang = AdviseurtoegangFactory(werkgever=werkgever_a.werkgever)
    with pytest.raises(PermissionDenied):
        service.wijzig_niveau(door=werkgever_actor(werkgever_b), toegang=toegang, niveau="wijzigen")
    with pytest.raises(PermissionDenied):
        service.trek_in(door=werkgever_actor(werkgever_b), toegang=toegang)
    toegang.refresh_from_db()
    assert (toegang.niveau, toegang.status) == (Niveau.BEKIJKEN, Status.ACTIEF)

    actor = werkgever_actor(werkgever_a)
    assert (
        service.wijzig_niveau(door=actor, toegang=toegang, niveau="wijzigen").niveau == "wijzigen"
    )
    ingetrokken = service.trek_in(door=actor, toegang=toegang)
    assert ingetrokken.status == Status.INGETROKKEN
    assert ingetrokken.ingetrokken_door == werkgever_a.lidmaatschap.gebruiker
    assert ingetrokken.ingetrokken_op is not None and ingetrokken.ingetrokken_op <= timezone.now()
