"""API v1 writes for werknemers (ETag / If-Match), corrections, dossier and statistics reads, and
errors as RFC 9457 problem details (ADR 0022)."""

import json

import pytest
from django.test import Client

from conftest import ingelogde_client
from tests.factories import LidmaatschapFactory, geldig_bsn
from verzuimportaal.koppelingen.tests.factories import bearer, registreer, token
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werknemers.models import Werknemer

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23 10:00")]

WERKNEMERS = "/api/v1/werknemers/"


def _json(client: Client, methode: str, pad: str, data: dict, **headers: str):
    return getattr(client, methode)(
        pad, json.dumps(data), content_type="application/json", headers=headers
    )


def _nieuw(a, **anders) -> dict:
    return {
        "loonheffingennummer": a.loonheffingennummer.nummer,
        "bsn": geldig_bsn(),
        "voornaam": "Fatma",
        "achternaam": "Yilmaz",
        "geboortedatum": "1990-04-01",
        "datum_in_dienst": "2024-01-01",
        "contracturen_per_week": "32",
        **anders,
    }


def test_aanmelden_via_koppeling_met_etag_en_idempotentie(werkgever_a):
    client, secret = registreer(werkgever_a)
    api = bearer(token(client, secret))
    data = _nieuw(werkgever_a)
    response = _json(api, "post", WERKNEMERS, data, **{"Idempotency-Key": "w-1"})
    assert response.status_code == 201, response.content
    werknemer = Werknemer.objects.get(uuid=response.json()["uuid"])
    assert str(werknemer.deeltijdfactor) == "0.800"
    assert response["ETag"] and response["Location"].endswith(f"{werknemer.uuid}/")
    nogmaals = _json(api, "post", WERKNEMERS, data, **{"Idempotency-Key": "w-1"})
    assert nogmaals.status_code == 201 and nogmaals["Idempotent-Replayed"] == "true"
    assert Werknemer.objects.filter(bsn=data["bsn"]).count() == 1


def test_aanmelden_met_ongeldig_bsn_geeft_probleem_met_velden(werkgever_a, eigenaar):
    response = _json(eigenaar, "post", WERKNEMERS, _nieuw(werkgever_a, bsn="123456789"))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and body["title"] and "bsn" in body["velden"]


def test_aanmelden_op_nummer_van_andere_werkgever_geweigerd(werkgever_a, werkgever_b, eigenaar):
    data = _nieuw(werkgever_a, loonheffingennummer=werkgever_b.loonheffingennummer.nummer)
    response = _json(eigenaar, "post", WERKNEMERS, data)
    assert response.status_code == 400
    assert "loonheffingennummer" in response.json()["velden"]
    assert not Werknemer.objects.filter(bsn=data["bsn"]).exists()


def test_wijzigen_vraagt_if_match_en_weigert_verouderde_etag(werkgever_a, eigenaar):
    pad = f"{WERKNEMERS}{werkgever_a.werknemer.uuid}/"
    opgehaald = eigenaar.get(pad)
    versie = opgehaald["ETag"]
    assert _json(eigenaar, "patch", pad, {"achternaam": "Zonder"}).status_code == 428
    eerste = _json(eigenaar, "patch", pad, {"achternaam": "Jansen"}, **{"If-Match": versie})
    assert eerste.status_code == 200 and eerste.json()["achternaam"] == "Jansen"
    assert eerste["ETag"] != versie
    verouderd = _json(eigenaar, "patch", pad, {"achternaam": "Pietersen"}, **{"If-Match": versie})
    assert verouderd.status_code == 412
    assert verouderd["Content-Type"] == "application/problem+json"
    werkgever_a.werknemer.refresh_from_db()
    assert werkgever_a.werknemer.achternaam == "Jansen"
    assert "bsn" not in _json(
        eigenaar, "patch", pad, {"bsn": "111222333"}, **{"If-Match": eerste["ETag"]}
    ).json().get("velden", {})  # the BSN is not a field of a change: ignored, never written
    werkgever_a.werknemer.refresh_from_db()
    assert werkgever_a.werknemer.bsn != "111222333"


def test_wijzigen_van_werknemer_van_andere_werkgever_404(werkgever_a, werkgever_b, eigenaar):
    pad = f"{WERKNEMERS}{werkgever_b.werknemer.uuid}/"
    response = _json(eigenaar, "patch", pad, {"achternaam": "X"}, **{"If-Match": '"x"'})
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_aanmelden_alleen_met_werknemersgegevens_wijzigen(werkgever_a):
    alleen_verzuim = ingelogde_client(
        LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[Dienst.VERZUIM_MELDEN])
    )
    assert alleen_verzuim.get(WERKNEMERS).status_code == 200
    response = _json(alleen_verzuim, "post", WERKNEMERS, _nieuw(werkgever_a))
    assert response.status_code == 403
    client, secret = registreer(werkgever_a, {Dienst.WERKNEMERSGEGEVENS: "bekijken"})
    alleen_bekijken = bearer(token(client, secret))
    assert _json(alleen_bekijken, "post", WERKNEMERS, _nieuw(werkgever_a)).status_code == 403


def test_correctie_eerste_ziektedag_via_api(werkgever_a, eigenaar):
    geval = werkgever_a.verzuimgeval
    pad = f"/api/v1/verzuimgevallen/{geval.uuid}/correctie/"
    data = {"wat": "eerste_ziektedag", "datum": "2026-11-03", "reden": "Verkeerde dag ingevuld"}
    response = _json(eigenaar, "post", pad, data)
    assert response.status_code == 200, response.content
    assert response.json()["eerste_ziektedag"] == "2026-11-03"
    fout = _json(eigenaar, "post", pad, {**data, "wat": "hersteldatum"})
    assert fout.status_code == 400 and fout.json()["velden"]


def test_dossier_met_termijnen(werkgever_a, werkgever_b, eigenaar):
    geval = werkgever_a.verzuimgeval
    response = eigenaar.get(f"/api/v1/verzuimgevallen/{geval.uuid}/dossier/")
    assert response.status_code == 200
    body = response.json()
    assert body["eerste_ziektedag"] == geval.eerste_ziektedag.isoformat()
    assert body["verzuimgevallen"] == [str(geval.uuid)]
    # DOMAIN §5: the probleemanalyse is due at the end of week 6 (D + 41).
    soorten = {s["soort"]: s["deadline"] for s in body["stappen"]}
    assert soorten["probleemanalyse"] == "2026-12-13"
    andere = f"/api/v1/verzuimgevallen/{werkgever_b.verzuimgeval.uuid}/dossier/"
    assert eigenaar.get(andere).status_code == 404


def test_statistiek_van_eigen_werkgever(werkgever_a, werkgever_b, eigenaar):
    response = eigenaar.get("/api/v1/statistiek/?begin=2026-11-01&einde=2026-11-30")
    assert response.status_code == 200
    body = response.json()
    assert body["aantal_werknemers"] == 1  # werkgever B's werknemer is not counted
    assert body["aantal_ziekmeldingen"] == 1
    fout = eigenaar.get("/api/v1/statistiek/?begin=2026-11-30&einde=2026-11-01")
    assert fout.status_code == 400 and "einde" in fout.json()["velden"]
    zonder_overzichten = ingelogde_client(
        LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[Dienst.VERZUIM_MELDEN])
    )
    assert (
        zonder_overzichten.get("/api/v1/statistiek/?begin=2026-11-01&einde=2026-11-30").status_code
        == 403
    )
