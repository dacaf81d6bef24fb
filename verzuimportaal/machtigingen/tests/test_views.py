"""The werkgever's pages: who has access, granting, confirming, changing and revoking."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import ingelogde_client
from tests.factories import LidmaatschapFactory
from verzuimportaal.machtigingen.models import Adviseurtoegang, Status
from verzuimportaal.machtigingen.tests.factories import (
    AdviseurFactory,
    AdviseurtoegangFactory,
    CasemanagertoewijzingFactory,
)
from verzuimportaal.toegang.actor import Niveau
from verzuimportaal.toegang.diensten import Dienst

OVERZICHT = reverse("machtigingen:overzicht")
VERLENEN = reverse("machtigingen:verlenen")
BEVESTIGEN = reverse("machtigingen:bevestigen")


@pytest.fixture(autouse=True)
def emailadressen(werkgever_a, werkgever_b):
    for omgeving, adres in ((werkgever_a, "hr@a.example"), (werkgever_b, "hr@b.example")):
        omgeving.lidmaatschap.gebruiker.email = adres
        omgeving.lidmaatschap.gebruiker.save(update_fields=["email"])


@pytest.fixture
def zonder_rechtenbeheer(werkgever_a):
    """An account of A with every right except rechtenbeheer (seed 004)."""
    lid = LidmaatschapFactory(
        werkgever=werkgever_a.werkgever,
        rechten=[Dienst.VERZUIM_MELDEN, Dienst.WERKNEMERSGEGEVENS, Dienst.OVERZICHTEN],
    )
    return ingelogde_client(lid)


def stand():
    return list(Adviseurtoegang.objects.order_by("pk").values_list())


def aanvragen(client, kvk, capture, **extra):
    data = {"kvk_nummer": kvk, "niveau": "bekijken", "diensten": [Dienst.VERZUIM_MELDEN], **extra}
    with capture(execute=True):
        return client.post(VERLENEN, data)


def link_uit_mail() -> str:
    gevonden = re.search(r"https?://\S+/machtigingen/bevestigen/\?t=[\w-]+", mail.outbox[-1].body)
    assert gevonden
    return gevonden.group(0)


def pad(link: str) -> str:
    delen = urlsplit(link)
    return f"{delen.path}?{delen.query}"


# --- overview ----------------------------------------------------------------------------------


def test_overzicht_toont_alle_routes_van_de_eigen_werkgever(
    werkgever_a, werkgever_b, eigenaar, buitenstaander
):
    AdviseurtoegangFactory(werkgever=werkgever_a.werkgever, adviseur__naam="Advies A")
    AdviseurtoegangFactory(
        werkgever=werkgever_a.werkgever, adviseur__naam="Wacht", onbevestigd=True
    )
    AdviseurtoegangFactory(werkgever=werkgever_b.werkgever, adviseur__naam="Advies B")
    CasemanagertoewijzingFactory(werkgever=werkgever_a.werkgever, gebruiker__last_name="Casus")

    inhoud = eigenaar.get(OVERZICHT).content.decode()

    assert "Advies A" in inhoud and "Wacht op bevestiging" in inhoud
    assert werkgever_a.lidmaatschap.gebruiker.get_username() in inhoud  # local accounts
    assert "Casus" in inhoud  # casemanagers
    assert "eHerkenningsleverancier" in inhoud  # eHerkenning machtigingen live elsewhere
    assert "Advies B" not in inhoud
    assert "Advies A" not in buitenstaander.get(OVERZICHT).content.decode()


def test_overzicht_zonder_rechtenbeheer_geweigerd(zonder_rechtenbeheer):
    assert zonder_rechtenbeheer.get(OVERZICHT).status_code == 403


def test_overzicht_aantal_queries_hangt_niet_af_van_het_aantal_regels(werkgever_a, eigenaar):
    def tel(aantal: int) -> int:
        Adviseurtoegang.objects.all().delete()
        for _ in range(aantal):
            AdviseurtoegangFactory(
                werkgever=werkgever_a.werkgever,
                loonheffingennummers=[werkgever_a.loonheffingennummer],
            )
            CasemanagertoewijzingFactory(werkgever=werkgever_a.werkgever)
            LidmaatschapFactory(werkgever=werkgever_a.werkgever)
        with CaptureQueriesContext(connection) as queries:
            assert eigenaar.get(OVERZICHT).status_code == 200
        return len(queries)

    tel(1)  # first request of the session: one-off queries
    assert tel(3) == tel(30)


# --- granting ----------------------------------------------------------------------------------


def test_onbekend_kvk_nummer_geeft_melding_en_slaat_niets_op(
    eigenaar, django_capture_on_commit_callbacks
):
    response = aanvragen(eigenaar, "99887766", django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert "niet bekend als adviseur" in response.content.decode()
    assert not Adviseurtoegang.objects.exists() and not mail.outbox


def test_verlenen_zonder_rechtenbeheer_geweigerd(
    zonder_rechtenbeheer, django_capture_on_commit_callbacks
):
    kvk = AdviseurFactory().kvk_nummer
    assert zonder_rechtenbeheer.get(VERLENEN).status_code == 403
    response = aanvragen(zonder_rechtenbeheer, kvk, django_capture_on_commit_callbacks)
    assert response.status_code == 403
    assert not Adviseurtoegang.objects.exists() and not mail.outbox


def test_nummer_van_andere_werkgever_is_een_formulierfout(
    werkgever_b, eigenaar, django_capture_on_commit_callbacks
):
    kvk = AdviseurFactory().kvk_nummer
    response = aanvragen(
        eigenaar,
        kvk,
        django_capture_on_commit_callbacks,
        loonheffingennummers=[werkgever_b.loonheffingennummer.pk],
    )
    assert response.status_code == 200
    assert not Adviseurtoegang.objects.exists()


def test_verlenen_bevestigen_via_link_en_daarna_actief(
    werkgever_a, eigenaar, django_capture_on_commit_callbacks
):
    adviseur = AdviseurFactory(naam="Advies & Co")

    response = aanvragen(
        eigenaar,
        adviseur.kvk_nummer,
        django_capture_on_commit_callbacks,
        loonheffingennummers=[werkgever_a.loonheffingennummer.pk],
    )

    assert response.status_code == 302 and response["Location"] == OVERZICHT
    toegang = Adviseurtoegang.objects.get()
    assert toegang.status == Status.WACHT_OP_BEVESTIGING
    assert list(toegang.loonheffingennummers.all()) == [werkgever_a.loonheffingennummer]
    assert mail.outbox[0].to == ["hr@a.example"]
    link = pad(link_uit_mail())

    # opening the link shows what is confirmed, and does not use the token up
    getoond = eigenaar.get(link).content.decode()
    assert "Advies &amp; Co" in getoond and "Toegang bevestigen" in getoond
    toegang.refresh_from_db()
    assert toegang.status == Status.WACHT_OP_BEVESTIGING

    token = parse_qs(urlsplit(link).query)["t"][0]
    assert eigenaar.post(BEVESTIGEN, {"t": token})["Location"] == OVERZICHT
    toegang.refresh_from_db()
    assert toegang.status == Status.ACTIEF
    # used once: the link now explains that
    tweede = eigenaar.post(BEVESTIGEN, {"t": token})
    assert tweede.status_code == 200 and "ongeldig of al gebruikt" in tweede.content.decode()


def test_link_alleen_is_niet_genoeg(
    werkgever_a, werkgever_b, eigenaar, buitenstaander, django_capture_on_commit_callbacks
):
    aanvragen(eigenaar, AdviseurFactory().kvk_nummer, django_capture_on_commit_callbacks)
    link = pad(link_uit_mail())
    token = parse_qs(urlsplit(link).query)["t"][0]

    anoniem = Client().get(link)
    assert anoniem.status_code == 302
    assert urlsplit(anoniem["Location"]).path == reverse("accounts:login")

    # a user of another werkgever (with rechtenbeheer there) cannot confirm it
    assert "andere werkgever" in buitenstaander.get(link).content.decode()
    buitenstaander.post(BEVESTIGEN, {"t": token})
    assert Adviseurtoegang.objects.get().status == Status.WACHT_OP_BEVESTIGING


def test_bevestigen_zonder_rechtenbeheer_geweigerd(
    werkgever_a, eigenaar, zonder_rechtenbeheer, django_capture_on_commit_callbacks
):
    aanvragen(eigenaar, AdviseurFactory().kvk_nummer, django_capture_on_commit_callbacks)
    token = parse_qs(urlsplit(link_uit_mail()).query)["t"][0]
    assert zonder_rechtenbeheer.post(BEVESTIGEN, {"t": token}).status_code == 403
    assert Adviseurtoegang.objects.get().status == Status.WACHT_OP_BEVESTIGING


# --- changing and revoking ---------------------------------------------------------------------


def test_niveau_wijzigen_en_intrekken(werkgever_a, eigenaar):
    toegang = AdviseurtoegangFactory(werkgever=werkgever_a.werkgever)

    response = eigenaar.post(
        reverse("machtigingen:wijzigen", args=[toegang.uuid]), {"niveau": "wijzigen"}
    )
    assert response.status_code == 302
    toegang.refresh_from_db()
    assert toegang.niveau == Niveau.WIJZIGEN

    response = eigenaar.post(reverse("machtigingen:intrekken", args=[toegang.uuid]))
    assert response.status_code == 302
    toegang.refresh_from_db()
    assert toegang.status == Status.INGETROKKEN
    assert "Ingetrokken toegang (1)" in eigenaar.get(OVERZICHT).content.decode()


@pytest.mark.parametrize("naam", ["machtigingen:wijzigen", "machtigingen:intrekken"])
def test_buitenstaander_krijgt_404_en_wijzigt_niets(werkgever_a, buitenstaander, naam):
    toegang = AdviseurtoegangFactory(werkgever=werkgever_a.werkgever)
    voor = stand()
    adres = reverse(naam, args=[toegang.uuid])
    assert buitenstaander.get(adres).status_code == 404
    assert buitenstaander.post(adres, {"niveau": "wijzigen"}).status_code == 404
    assert stand() == voor


@pytest.mark.parametrize("naam", ["machtigingen:wijzigen", "machtigingen:intrekken"])
def test_zonder_rechtenbeheer_403_en_wijzigt_niets(werkgever_a, zonder_rechtenbeheer, naam):
    toegang = AdviseurtoegangFactory(werkgever=werkgever_a.werkgever)
    voor = stand()
    adres = reverse(naam, args=[toegang.uuid])
    assert zonder_rechtenbeheer.post(adres, {"niveau": "wijzigen"}).status_code == 403
    assert stand() == voor
