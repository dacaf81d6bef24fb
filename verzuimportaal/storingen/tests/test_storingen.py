"""Incident notices and interruption mode (seed 003 art. 4.2, 4.3; DOMAIN §8; ADR 0006)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import ingelogde_client
from tests.factories import LidmaatschapFactory
from tests.html import tekst
from verzuimportaal.blokkades.models import Misbruikmelding
from verzuimportaal.storingen import service
from verzuimportaal.storingen.models import Storingsmelding
from verzuimportaal.toegang.actor import beheerder

DASHBOARD = "/"
MELDEN = "/misbruik/melden/"


def onderbreking(**extra) -> Storingsmelding:
    nu = timezone.now()
    return service.meld_storing(
        door=beheerder(None),
        titel="Storing database",
        tekst="Wij werken aan een oplossing.",
        begin=nu - timedelta(minutes=5),
        verwacht_einde=nu + timedelta(minutes=30),
        onderbreking=True,
        **extra,
    )


def inloggen(client: Client, omgeving, **extra):
    return client.post(
        reverse("accounts:login"),
        {"username": omgeving.lidmaatschap.gebruiker.username, "password": "Wachtwoord-123"},
        **extra,
    )


def test_melding_zonder_onderbreking_staat_op_elke_pagina_maar_niets_wordt_geweigerd(
    werkgever_a, eigenaar
):
    service.meld_storing(
        door=beheerder(None), titel="Trage verwerking", verwachte_duur="enkele uren"
    )
    for response in (Client().get(reverse("accounts:login")), eigenaar.get(DASHBOARD)):
        assert "Storing: Trage verwerking" in tekst(response)
        assert 'role="status"' in response.content.decode()
    assert eigenaar.post(MELDEN, {"soort": "anders", "omschrijving": "x"}).status_code == 302


def test_onderbreking_weigert_schrijven_met_503_en_de_melding(werkgever_a, eigenaar):
    onderbreking()

    response = eigenaar.post(MELDEN, {"soort": "anders", "omschrijving": "Vreemde e-mail"})

    assert response.status_code == 503
    inhoud = tekst(response)
    assert "Uw formulier is niet verwerkt" in inhoud
    assert "Verstuur het formulier opnieuw als de onderbreking voorbij is" in inhoud
    assert "Storing database" in inhoud
    assert 1700 <= int(response["Retry-After"]) <= 1800  # until the expected end
    assert not Misbruikmelding.objects.exists()


def test_onderbreking_weigert_inloggen(werkgever_a):
    onderbreking()
    client = Client()
    response = inloggen(client, werkgever_a)
    assert response.status_code == 503
    assert "Inloggen is tijdelijk niet mogelijk" in tekst(response)
    assert "_auth_user_id" not in client.session
    for adres in ("/oidc/authenticate/", "/oidc/callback/?code=x&state=y"):
        assert Client().get(adres).status_code == 503


def test_inloggen_in_een_andere_stap_wordt_ook_geweigerd(werkgever_a):
    """Whatever path calls login() during an interruption: not staff, not in."""
    onderbreking()
    client = ingelogde_client(werkgever_a.lidmaatschap)
    assert "_auth_user_id" not in client.session


def test_beheerder_kan_inloggen_en_opheffen(db):
    melding = onderbreking()
    beheerder = LidmaatschapFactory(gebruiker__is_staff=True, gebruiker__is_superuser=True)
    client = ingelogde_client(beheerder)
    assert "_auth_user_id" in client.session
    response = client.post(
        reverse("admin:storingen_storingsmelding_changelist"),
        {"action": "opheffen", "_selected_action": [melding.pk]},
    )
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.einde is not None and melding.opgeheven_door == beheerder.gebruiker


def test_beheerder_login_via_beheer_gaat_door_de_middleware(werkgever_a):
    onderbreking()
    response = Client().post(
        reverse("accounts:login"),
        {"username": "wie-dan-ook", "password": "onjuist", "next": "/beheer/"},
    )
    assert response.status_code != 503  # the login form itself handles it


def test_lezen_werkt_tijdens_onderbreking_met_de_melding_als_alert(werkgever_a, eigenaar):
    onderbreking()
    response = eigenaar.get(DASHBOARD)
    assert response.status_code == 200
    assert "Storing: Storing database" in tekst(response)
    assert "U kunt nu niet inloggen en geen gegevens versturen; bekijken kan wel" in tekst(response)
    assert 'role="alert"' in response.content.decode()


def test_uitloggen_blijft_mogelijk(werkgever_a, eigenaar):
    onderbreking()
    assert eigenaar.post(reverse("accounts:logout")).status_code in (200, 302)
    assert "_auth_user_id" not in eigenaar.session


def test_api_schrijven_krijgt_json_503(werkgever_a, eigenaar):
    onderbreking()
    response = eigenaar.post("/api/v1/ziekmeldingen/", {}, content_type="application/json")
    assert response.status_code == 503
    assert response.json()["storing"]["aard"] == "Storing database"
    assert "niet verwerkt" in response.json()["detail"]
    assert "Retry-After" in response


def test_opheffen_herstelt_de_dienstverlening(werkgever_a, eigenaar):
    melding = onderbreking()
    assert eigenaar.post(MELDEN, {"soort": "anders", "omschrijving": "x"}).status_code == 503

    service.hef_op(melding=melding, door=beheerder(None))

    assert eigenaar.post(MELDEN, {"soort": "anders", "omschrijving": "x"}).status_code == 302
    assert "Storing database" not in tekst(eigenaar.get(DASHBOARD))
    assert inloggen(Client(), werkgever_a).status_code != 503


def test_aangekondigd_onderhoud_staat_al_op_de_pagina_maar_onderbreekt_nog_niet(
    werkgever_a, eigenaar
):
    nu = timezone.now()
    service.meld_storing(
        door=beheerder(None),
        titel="Gepland onderhoud",
        begin=nu + timedelta(days=2),
        einde=nu + timedelta(days=2, hours=1),
        onderbreking=True,
        aangekondigd_vanaf=nu - timedelta(hours=1),
    )
    inhoud = tekst(Client().get(reverse("accounts:login")))
    assert "Aangekondigd: Gepland onderhoud" in inhoud
    assert eigenaar.post(MELDEN, {"soort": "anders", "omschrijving": "x"}).status_code == 302


def test_voorbije_storing_staat_niet_meer_op_de_pagina(werkgever_a, eigenaar):
    nu = timezone.now()
    service.meld_storing(
        door=beheerder(None),
        titel="Storing van vorige week",
        begin=nu - timedelta(days=7),
        einde=nu - timedelta(days=7) + timedelta(hours=1),
        onderbreking=True,
    )
    assert "Storing van vorige week" not in tekst(eigenaar.get(DASHBOARD))
    assert eigenaar.post(MELDEN, {"soort": "anders", "omschrijving": "x"}).status_code == 302


def test_retry_after_zonder_verwacht_einde_is_de_standaard(werkgever_a, eigenaar, settings):
    settings.STORING_RETRY_AFTER_SECONDEN = 900
    service.meld_storing(door=beheerder(None), titel="Onbekende storing", onderbreking=True)
    response = eigenaar.post(MELDEN, {})
    assert response.status_code == 503 and response["Retry-After"] == "900"


def test_ongeldige_melding_geweigerd(db):
    nu = timezone.now()
    with pytest.raises(ValidationError) as fout:
        service.meld_storing(
            door=beheerder(None), titel=" ", begin=nu, einde=nu - timedelta(hours=1)
        )
    assert set(fout.value.message_dict) == {"titel", "einde"}
