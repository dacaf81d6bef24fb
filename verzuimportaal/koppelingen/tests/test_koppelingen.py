"""API clients: registered by the rechtenbeheerder, client credentials, scopes per service and
level within the registrant's own rights, rotation, revocation, audit and rate limit (ADR 0022)."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from conftest import ingelogde_client
from tests.factories import LidmaatschapFactory
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.toegang.actor import Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werknemers.models import Werknemer

from ..models import ApiClient
from ..throttling import PerKoppeling
from .factories import bearer, registreer, token, vraag_token

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23 10:00")]

W, V, OV = Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN, Dienst.OVERZICHTEN


def _registreer_via_pagina(client: Client, **niveaus: str):
    return client.post(
        reverse("koppelingen:registreren"),
        {"naam": "Loonpakket", **{d: "" for d in (W, V, OV)}, **niveaus},
    )


def test_registreren_toont_secret_eenmalig_en_token_werkt(werkgever_a, werkgever_b, eigenaar):
    response = _registreer_via_pagina(eigenaar, **{W: "wijzigen", V: "bekijken"})
    assert response.status_code == 200
    client = ApiClient.objects.get()
    secret = response.context["secret"]
    assert secret in response.content.decode()
    assert client.applicatie.client_secret != secret  # stored hashed
    assert client.scopes == [
        "verzuim_melden:bekijken",
        "werknemersgegevens:bekijken",
        "werknemersgegevens:wijzigen",
    ]
    overzicht = eigenaar.get(reverse("koppelingen:overzicht")).content.decode()
    assert client.client_id in overzicht and secret not in overzicht

    api = bearer(token(client, secret))
    antwoord = api.get("/api/v1/werknemers/")
    assert antwoord.status_code == 200
    assert [w["uuid"] for w in antwoord.json()["results"]] == [str(werkgever_a.werknemer.uuid)]
    assert api.get(f"/api/v1/werknemers/{werkgever_b.werknemer.uuid}/").status_code == 404
    regel = Auditregel.objects.filter(object_type="api").first()
    assert regel is not None
    assert regel.route == Route.API_CLIENT and regel.object_id == client.client_id
    assert client.client_id in regel.weergavenaam and regel.werkgever == werkgever_a.werkgever
    client.refresh_from_db()
    assert client.laatst_gebruikt_op is not None


def test_scope_bekijken_mag_niet_schrijven(werkgever_a):
    client, secret = registreer(werkgever_a, {V: "bekijken"})
    api = bearer(token(client, secret))
    assert api.get("/api/v1/verzuimgevallen/").status_code == 200
    assert api.get("/api/v1/werknemers/").status_code == 200  # one of (W, V) suffices to read
    response = api.post(
        "/api/v1/ziekmeldingen/",
        json.dumps(
            {"werknemer": str(werkgever_a.werknemer.uuid), "eerste_ziektedag": "2026-11-20"}
        ),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "scope" in response.json()["detail"]


def test_token_met_minder_scopes_geeft_minder_rechten(werkgever_a):
    client, secret = registreer(werkgever_a)
    api = bearer(token(client, secret, scope="overzichten:bekijken"))
    assert api.get("/api/v1/verzuimgevallen/").status_code == 403


def test_scope_buiten_de_koppeling_geweigerd(werkgever_a):
    client, secret = registreer(werkgever_a, {OV: "bekijken"})
    response = vraag_token(client.client_id, secret, scope="verzuim_melden:wijzigen")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_scope"


def test_alleen_client_credentials(werkgever_a):
    client, _ = registreer(werkgever_a)
    response = Client().post(
        "/api/oauth/token/", {"grant_type": "password", "username": "x", "password": "y"}
    )
    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"
    assert vraag_token(client.client_id, "fout-secret").status_code == 401


def test_alleen_eigen_rechten_te_geven(werkgever_a):
    beheerder = LidmaatschapFactory(
        werkgever=werkgever_a.werkgever, rechten=[Dienst.RECHTENBEHEER, Dienst.OVERZICHTEN]
    )
    client = ingelogde_client(beheerder)
    response = _registreer_via_pagina(client, **{V: "wijzigen"})
    assert response.status_code == 200
    assert "alleen rechten toekennen" in response.content.decode()
    assert not ApiClient.objects.exists()
    assert _registreer_via_pagina(client, **{OV: "bekijken"}).status_code == 200
    assert ApiClient.objects.get().scopes == ["overzichten:bekijken"]


def test_intrekken_mag_altijd_vernieuwen_alleen_met_eigen_rechten(werkgever_a):
    client, _ = registreer(werkgever_a)
    beheerder = ingelogde_client(
        LidmaatschapFactory(
            werkgever=werkgever_a.werkgever, rechten=[Dienst.RECHTENBEHEER, Dienst.OVERZICHTEN]
        )
    )
    response = beheerder.post(reverse("koppelingen:vernieuwen", args=[client.uuid]))
    assert "alleen rechten toekennen" in response.content.decode()
    assert "secret" not in response.context
    assert beheerder.post(reverse("koppelingen:intrekken", args=[client.uuid])).status_code == 302
    assert not ApiClient.objects.actief().exists()


def test_zonder_keuze_geweigerd(eigenaar):
    response = _registreer_via_pagina(eigenaar)
    assert "ten minste één onderdeel" in response.content.decode()
    assert not ApiClient.objects.exists()


def test_secret_vernieuwen_maakt_oud_secret_en_tokens_ongeldig(werkgever_a, eigenaar):
    client, secret = registreer(werkgever_a)
    oud_token = token(client, secret)
    response = eigenaar.post(reverse("koppelingen:vernieuwen", args=[client.uuid]))
    nieuw = response.context["secret"]
    assert nieuw != secret
    assert vraag_token(client.client_id, secret).status_code == 401
    assert bearer(oud_token).get("/api/v1/werknemers/").status_code == 401
    assert bearer(token(client, nieuw)).get("/api/v1/werknemers/").status_code == 200


def test_intrekken_stopt_koppeling_direct(werkgever_a, eigenaar):
    client, secret = registreer(werkgever_a)
    api = bearer(token(client, secret))
    response = eigenaar.post(reverse("koppelingen:intrekken", args=[client.uuid]))
    assert response.status_code == 302
    client.refresh_from_db()
    assert client.ingetrokken_op is not None and client.applicatie is None
    assert api.get("/api/v1/werknemers/").status_code == 401
    assert vraag_token(client.client_id, secret).status_code == 401
    assert (
        "Ingetrokken koppelingen" in eigenaar.get(reverse("koppelingen:overzicht")).content.decode()
    )


def test_koppeling_van_andere_werkgever_niet_te_zien(werkgever_a, werkgever_b, buitenstaander):
    client, _ = registreer(werkgever_a)
    assert (
        client.client_id
        not in buitenstaander.get(reverse("koppelingen:overzicht")).content.decode()
    )
    for naam in ("koppelingen:vernieuwen", "koppelingen:intrekken"):
        assert buitenstaander.post(reverse(naam, args=[client.uuid])).status_code == 404
    assert ApiClient.objects.actief().count() == 1


def test_zonder_token_401_met_bearer_uitdaging(werkgever_a):
    response = Client().get("/api/v1/werknemers/")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert (
        Client(headers={"authorization": "Bearer onzin"}).get("/api/v1/werknemers/").status_code
        == 401
    )


def test_limiet_per_koppeling_met_retry_after(werkgever_a, monkeypatch):
    monkeypatch.setattr(PerKoppeling, "THROTTLE_RATES", {"koppeling": "2/min"})
    client, secret = registreer(werkgever_a)
    andere, ander_secret = registreer(werkgever_a, naam="HR-systeem")
    api = bearer(token(client, secret))
    assert [api.get("/api/v1/werknemers/").status_code for _ in range(2)] == [200, 200]
    response = api.get("/api/v1/werknemers/")
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    # Per client: another client of the same werkgever is not affected.
    assert bearer(token(andere, ander_secret)).get("/api/v1/werknemers/").status_code == 200


def test_werknemers_onveranderd_na_geweigerde_schrijfpoging(werkgever_a):
    client, secret = registreer(werkgever_a, {W: "bekijken"})
    voor = list(Werknemer.objects.values_list())
    bearer(token(client, secret)).post(
        "/api/v1/ziekmeldingen/", {}, content_type="application/json"
    )
    assert list(Werknemer.objects.values_list()) == voor
