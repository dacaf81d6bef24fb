"""Terms of use (seed 003 art. 2.3, 2.5, 2.8, 6; DOMAIN §8; ADR 0006)."""

from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from freezegun import freeze_time

from conftest import eherkenning_client, ingelogde_client
from tests.factories import LidmaatschapFactory
from tests.html import tekst
from verzuimportaal.blokkades.models import Blokkade, Soort
from verzuimportaal.toegang.actor import Portaalactor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.voorwaarden import service
from verzuimportaal.voorwaarden.models import Acceptatie, Beslissing
from verzuimportaal.voorwaarden.service import Persoon
from verzuimportaal.voorwaarden.weergave import als_html

from .factories import versie

VANDAAG = "2026-11-23 10:00:00"
V1_GEPUBLICEERD, V1_INGANG = date(2026, 1, 1), date(2026, 1, 15)
V2_GEPUBLICEERD, V2_INGANG = date(2026, 11, 20), date(2026, 12, 7)
DASHBOARD = "/"
ACCEPTEREN = "/voorwaarden/accepteren/"
WEIGEREN = "/voorwaarden/weigeren/"


@pytest.fixture
def v1(db):
    return versie("1.0", gepubliceerd_op=V1_GEPUBLICEERD, ingangsdatum=V1_INGANG)


@pytest.fixture
def v2(v1):
    return versie("2.0", gepubliceerd_op=V2_GEPUBLICEERD, ingangsdatum=V2_INGANG)


def lokaal(omgeving) -> Persoon:
    return Persoon(gebruiker_id=omgeving.lidmaatschap.gebruiker_id)


def beslisser(persoon: Persoon) -> Portaalactor:
    """The deciding person as the portal's audit log names them."""
    return Portaalactor(
        gebruiker=None, weergavenaam="Beslisser", pseudoniem=persoon.pseudoniem or None
    )


def aanvaard(persoon: Persoon, versie_, *, op: date) -> Acceptatie:
    return service.accepteer(
        door=beslisser(persoon),
        persoon=persoon,
        versie=versie_,
        notificatie_email="hr@voorbeeld.nl",
        op=op,
    )


def accepteer_via_formulier(client: Client, *, volgende: str = DASHBOARD):
    return client.post(
        ACCEPTEREN,
        {"notificatie_email": "hr@voorbeeld.nl", "akkoord": "on", "next": volgende},
    )


# --- accept before use -----------------------------------------------------------------------


@pytest.mark.klok(VANDAAG)
def test_zonder_versie_van_kracht_geldt_geen_verplichting(werkgever_a, eigenaar):
    """ADR 0006: enforcement starts with the first version in force (not an announced one)."""
    versie("1.0", gepubliceerd_op=date(2026, 11, 20), ingangsdatum=date(2026, 12, 1))
    assert eigenaar.get(DASHBOARD).status_code == 200


@pytest.mark.klok(VANDAAG)
def test_portaalpagina_voor_acceptatie_gaat_naar_voorwaarden_met_next(v1, werkgever_a, eigenaar):
    for adres in (DASHBOARD, "/werknemers/?q=jan"):
        response = eigenaar.get(adres)
        assert response.status_code == 302
        locatie = urlsplit(response["Location"])
        assert locatie.path == ACCEPTEREN
        assert parse_qs(locatie.query)["next"] == [adres]
    assert not Acceptatie.objects.exists()


@pytest.mark.klok(VANDAAG)
def test_formulieren_worden_ook_niet_verwerkt_voor_acceptatie(v1, werkgever_a, eigenaar):
    response = eigenaar.post(reverse("blokkades:melden"), {"soort": "anders", "omschrijving": "x"})
    assert response.status_code == 302 and urlsplit(response["Location"]).path == ACCEPTEREN


@pytest.mark.klok(VANDAAG)
def test_api_geeft_json_403_met_voorwaarden_url(v1, werkgever_a, eigenaar):
    response = eigenaar.get("/api/v1/verzuimgevallen/")
    assert response.status_code == 403
    gegevens = response.json()
    assert "gebruiksvoorwaarden" in gegevens["detail"]
    assert gegevens["voorwaarden_url"] == f"http://testserver{ACCEPTEREN}"


@pytest.mark.klok(VANDAAG)
def test_acceptatiepagina_vraagt_email_en_zegt_dat_het_portaal_leidend_is(v1, werkgever_a):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    response = client.get(ACCEPTEREN + "?next=/werknemers/")
    assert response.status_code == 200
    inhoud = tekst(response)
    assert "versie 1.0" in inhoud
    assert "niet garanderen dat deze e-mail aankomt" in inhoud  # art. 2.8
    assert "de berichten in het portaal zijn leidend" in inhoud  # art. 2.5
    assert 'name="notificatie_email"' in response.content.decode()
    assert "<strong>voordat</strong>" in response.content.decode()  # Markdown rendered


@pytest.mark.klok(VANDAAG)
def test_accepteren_legt_versie_email_en_tijdstip_vast_en_gaat_naar_next(v1, werkgever_a):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    response = accepteer_via_formulier(client, volgende="/werknemers/")

    assert response.status_code == 302 and response["Location"] == "/werknemers/"
    acceptatie = Acceptatie.objects.get()
    assert acceptatie.versie == v1
    assert acceptatie.beslissing == Beslissing.AANVAARD
    assert acceptatie.notificatie_email == "hr@voorbeeld.nl"
    assert acceptatie.gebruiker == werkgever_a.lidmaatschap.gebruiker
    assert acceptatie.kvk_nummer == werkgever_a.werkgever.kvk_nummer
    assert acceptatie.tijdstip.isoformat().startswith("2026-11-23T10:00")
    assert client.get(DASHBOARD).status_code == 200


@pytest.mark.klok(VANDAAG)
def test_na_acceptatie_kost_de_controle_geen_query_meer(v1, werkgever_a):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    accepteer_via_formulier(client)
    client.get(DASHBOARD)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    voorwaarden = [q["sql"] for q in queries.captured_queries if "voorwaarden_" in q["sql"]]
    assert not [sql for sql in voorwaarden if "voorwaarden_acceptatie" in sql]
    assert len(voorwaarden) == 1  # only the announcement banner, no check in the middleware


@pytest.mark.parametrize(
    "gegevens",
    [
        {"notificatie_email": "hr@voorbeeld.nl"},  # no akkoord
        {"notificatie_email": "geen-adres", "akkoord": "on"},
        {"akkoord": "on"},
    ],
)
@pytest.mark.klok(VANDAAG)
def test_accepteren_zonder_akkoord_of_geldig_email_geweigerd(gegevens, v1, werkgever_a):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    response = client.post(ACCEPTEREN, gegevens)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Acceptatie.objects.exists()
    assert client.get(DASHBOARD).status_code == 302


@pytest.mark.klok(VANDAAG)
def test_next_naar_een_ander_domein_wordt_genegeerd(v1, werkgever_a):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    response = accepteer_via_formulier(client, volgende="https://kwaadwillend.example/")
    assert response["Location"] == reverse("portaal:dashboard")


def test_anoniem_moet_inloggen_voor_accepteren_en_weigeren(v1):
    for adres in (ACCEPTEREN, WEIGEREN):
        response = Client().get(adres)
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == reverse("accounts:login")


@pytest.mark.klok(VANDAAG)
def test_beheerder_in_beheer_hoeft_niet_te_accepteren(v1):
    beheerder = LidmaatschapFactory(gebruiker__is_staff=True, gebruiker__is_superuser=True)
    client = ingelogde_client(beheerder)
    assert client.get("/beheer/").status_code == 200
    assert urlsplit(client.get(DASHBOARD)["Location"]).path == ACCEPTEREN  # the portal does


@pytest.mark.klok(VANDAAG)
def test_eherkenning_persoon_is_pseudoniem_met_kvk(v1, werkgever_a, werkgever_b):
    client = eherkenning_client(
        werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN, pseudoniem="pseudo-voorwaarden-1"
    )
    assert client.get(DASHBOARD).status_code == 302
    accepteer_via_formulier(client)
    acceptatie = Acceptatie.objects.get()
    assert (acceptatie.pseudoniem, acceptatie.kvk_nummer) == (
        "pseudo-voorwaarden-1",
        werkgever_a.werkgever.kvk_nummer,
    )
    assert client.get(DASHBOARD).status_code == 200
    # The same person for another organisation is another (pseudonym, KvK): accept again.
    ander = eherkenning_client(
        werkgever_b.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN, pseudoniem="pseudo-voorwaarden-1"
    )
    assert ander.get(DASHBOARD).status_code == 302


# --- changes: announced, then automatic unless rejected within six weeks ----------------------


@pytest.mark.klok(VANDAAG)
def test_nieuwe_versie_wordt_aangekondigd_voor_de_ingangsdatum(v2, werkgever_a):
    aanvaard(lokaal(werkgever_a), v2.__class__.objects.get(nummer="1.0"), op=date(2026, 2, 1))
    client = ingelogde_client(werkgever_a.lidmaatschap)

    assert service.versie_van_kracht(op=date(2026, 11, 23)).nummer == "1.0"
    response = client.get(DASHBOARD)
    assert response.status_code == 200  # the announced version does not block
    inhoud = tekst(response)
    assert "Vanaf 7 december 2026 gelden gewijzigde gebruiksvoorwaarden (versie 2.0)" in inhoud
    assert "tot en met 1 januari 2027" in inhoud  # publication + six weeks
    # Also announced on the public pages (art. 6.1: via the website).
    assert "versie 2.0" in tekst(Client().get(reverse("accounts:login")))
    assert Client().get(reverse("voorwaarden:versie", args=["2.0"])).status_code == 200


def test_nog_niet_gepubliceerde_versie_is_niet_te_zien(v1):
    versie("3.0", gepubliceerd_op=date(2099, 1, 1), ingangsdatum=date(2099, 2, 1))
    assert Client().get(reverse("voorwaarden:versie", args=["3.0"])).status_code == 404
    assert Client().get(reverse("voorwaarden:versie", args=["1.0"])).status_code == 200


def test_eerste_versie_wordt_niet_als_wijziging_aangekondigd(v1, werkgever_a):
    with freeze_time("2026-01-05"):
        assert "gewijzigde" not in tekst(Client().get(reverse("accounts:login")))


def test_na_de_ingangsdatum_geldt_de_nieuwe_versie_automatisch(v2, werkgever_a):
    aanvaard(lokaal(werkgever_a), v2.__class__.objects.get(nummer="1.0"), op=date(2026, 2, 1))
    with freeze_time("2026-12-08 10:00:00"):
        assert service.versie_van_kracht(op=date(2026, 12, 8)) == v2
        client = ingelogde_client(werkgever_a.lidmaatschap)
        assert client.get(DASHBOARD).status_code == 200
    assert not Acceptatie.objects.filter(versie=v2).exists()  # no new decision was needed


def test_wie_nooit_accepteerde_accepteert_de_geldende_versie(v2, werkgever_a):
    with freeze_time("2026-12-08 10:00:00"):
        client = ingelogde_client(werkgever_a.lidmaatschap)
        assert client.get(DASHBOARD).status_code == 302
        assert "versie 2.0" in tekst(client.get(ACCEPTEREN))
        accepteer_via_formulier(client)
    assert Acceptatie.objects.get().versie == v2
    assert service.weigerbare_versie(persoon=lokaal(werkgever_a), op=date(2026, 12, 8)) is None


def test_alleen_de_geldende_versie_kan_worden_geaccepteerd(v2, werkgever_a):
    with pytest.raises(ValidationError, match=r"niet \(meer\) van kracht"):
        aanvaard(lokaal(werkgever_a), v2, op=date(2026, 11, 23))


# --- rejecting a change ------------------------------------------------------------------------


@pytest.mark.klok(VANDAAG)
def test_weigeren_vraagt_bevestiging_en_sluit_het_lokale_account(v2, werkgever_a):
    aanvaard(lokaal(werkgever_a), v2.__class__.objects.get(nummer="1.0"), op=date(2026, 2, 1))
    client = ingelogde_client(werkgever_a.lidmaatschap)
    andere_sessie = ingelogde_client(werkgever_a.lidmaatschap)
    assert client.get(DASHBOARD).status_code == 200

    bevestigen = client.get(WEIGEREN)
    assert bevestigen.status_code == 200
    assert "Als u weigert, wordt uw account opgeheven" in tekst(bevestigen)
    zonder_bevestiging = client.post(WEIGEREN, {})
    assert zonder_bevestiging.status_code == 200 and zonder_bevestiging.context["form"].errors
    assert not Acceptatie.objects.filter(beslissing=Beslissing.GEWEIGERD).exists()

    response = client.post(WEIGEREN, {"bevestig": "on"})

    assert response.status_code == 200
    assert "Uw account is opgeheven" in tekst(response)
    weigering = Acceptatie.objects.get(beslissing=Beslissing.GEWEIGERD)
    assert (
        weigering.versie == v2 and weigering.gebruiker_id == werkgever_a.lidmaatschap.gebruiker_id
    )
    assert not User.objects.get(pk=werkgever_a.lidmaatschap.gebruiker_id).is_active
    for sessie in (client, andere_sessie):  # every session of the account has ended
        vervolg = sessie.get(DASHBOARD)
        assert vervolg.status_code == 302
        assert urlsplit(vervolg["Location"]).path == reverse("accounts:login")


def test_weigertermijn_is_zes_weken_na_publicatie(v2, werkgever_a):
    persoon = lokaal(werkgever_a)
    aanvaard(persoon, v2.__class__.objects.get(nummer="1.0"), op=date(2026, 2, 1))
    laatste_dag = V2_GEPUBLICEERD + timedelta(weeks=6)
    assert service.weigerbare_versie(persoon=persoon, op=V2_GEPUBLICEERD) == v2
    assert service.weigerbare_versie(persoon=persoon, op=laatste_dag) == v2
    assert service.weigerbare_versie(persoon=persoon, op=laatste_dag + timedelta(days=1)) is None
    assert (
        service.weigerbare_versie(persoon=persoon, op=V2_GEPUBLICEERD - timedelta(days=1)) is None
    )


def test_na_zes_weken_is_weigeren_niet_meer_mogelijk(v2, werkgever_a):
    aanvaard(lokaal(werkgever_a), v2.__class__.objects.get(nummer="1.0"), op=date(2026, 2, 1))
    with freeze_time("2027-01-02 10:00:00"):
        client = ingelogde_client(werkgever_a.lidmaatschap)
        pagina = client.get(WEIGEREN)
        assert pagina.status_code == 200
        assert (
            "geen wijziging" in tekst(pagina) and 'name="bevestig"' not in pagina.content.decode()
        )
        assert client.post(WEIGEREN, {"bevestig": "on"}).status_code == 404
        assert client.get(DASHBOARD).status_code == 200
    assert not Acceptatie.objects.filter(beslissing=Beslissing.GEWEIGERD).exists()
    assert User.objects.get(pk=werkgever_a.lidmaatschap.gebruiker_id).is_active


@pytest.mark.klok(VANDAAG)
def test_weigeren_met_eherkenning_blokkeert_het_pseudoniem(v2, werkgever_a):
    kvk = werkgever_a.werkgever.kvk_nummer
    persoon = Persoon(gebruiker_id=None, pseudoniem="pseudo-weigeraar", kvk_nummer=kvk)
    aanvaard(persoon, v2.__class__.objects.get(nummer="1.0"), op=date(2026, 2, 1))
    client = eherkenning_client(kvk, Dienst.VERZUIM_MELDEN, pseudoniem="pseudo-weigeraar")

    response = client.post(WEIGEREN, {"bevestig": "on"})

    assert response.status_code == 200
    weigering = Acceptatie.objects.get(beslissing=Beslissing.GEWEIGERD)
    assert (weigering.pseudoniem, weigering.kvk_nummer, weigering.versie) == (
        "pseudo-weigeraar",
        kvk,
        v2,
    )
    blokkade = Blokkade.objects.get()
    assert (blokkade.soort, blokkade.pseudoniem, blokkade.kvk_nummer) == (
        Soort.PSEUDONIEM,
        "pseudo-weigeraar",
        kvk,
    )
    opnieuw = eherkenning_client(
        kvk, Dienst.VERZUIM_MELDEN, pseudoniem="pseudo-weigeraar"
    )  # a new login of the same person
    geweigerd = opnieuw.get(DASHBOARD)
    assert geweigerd.status_code == 403 and "Uw toegang is geblokkeerd" in tekst(geweigerd)


def test_na_een_weigering_moet_opnieuw_worden_geaccepteerd(v2, werkgever_a):
    persoon = lokaal(werkgever_a)
    aanvaard(persoon, v2.__class__.objects.get(nummer="1.0"), op=date(2026, 2, 1))
    service.weiger(door=beslisser(persoon), persoon=persoon, versie=v2, op=date(2026, 11, 23))
    assert not service.heeft_aanvaard(persoon)


def test_een_lid_van_twee_werkgevers_kan_ook_weigeren(v2, werkgever_a, werkgever_b):
    LidmaatschapFactory(
        gebruiker=werkgever_a.lidmaatschap.gebruiker, werkgever=werkgever_b.werkgever
    )
    persoon = lokaal(werkgever_a)
    aanvaard(persoon, v2.__class__.objects.get(nummer="1.0"), op=date(2026, 2, 1))
    assert service.weigerbare_versie(persoon=persoon, op=date(2026, 11, 23)) == v2


# --- text and admin ----------------------------------------------------------------------------


def test_markdown_wordt_veilig_weergegeven():
    html = als_html(
        "## Artikel\n\n<script>alert(1)</script> [klik](javascript:alert(2)) "
        '<a href="https://x.nl" onclick="alert(3)">x</a> <img src=x onerror=alert(4)> '
        "[uwv](https://www.uwv.nl)"
    )
    assert "<script" not in html and "alert(1)" not in html
    assert "javascript:" not in html and "onclick" not in html and "<img" not in html
    assert '<h2 class="utrecht-heading-2">Artikel</h2>' in html
    assert 'href="https://www.uwv.nl"' in html


def test_een_wijziging_moet_voor_de_ingangsdatum_worden_gepubliceerd(v1):
    with pytest.raises(ValidationError, match="na de publicatiedatum"):
        versie("1.1", gepubliceerd_op=date(2026, 12, 1), ingangsdatum=date(2026, 12, 1))


def test_openbare_pagina_toont_de_geldende_versie(v2):
    with freeze_time(VANDAAG):
        inhoud = tekst(Client().get(reverse("voorwaarden:tonen")))
    assert "Geldende versie: 1.0" in inhoud
    assert "Vanaf 7 december 2026 gelden gewijzigde voorwaarden" in inhoud
