"""API v1: same actor, rights and tenant scope as the pages; Idempotency-Key (DOMAIN §9)."""

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time

from conftest import ingelogde_client, ingelogde_gebruiker
from tests.factories import (
    GebruikerFactory,
    LidmaatschapFactory,
    VerzuimgevalFactory,
    WerknemerFactory,
)
from verzuimportaal.api.models import Idempotentiesleutel
from verzuimportaal.api.tasks import ruim_idempotentiesleutels_op
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.models import LOKALE_RECHTEN, Lidmaatschap
from verzuimportaal.verzuim.models import Verzuimgeval, Verzuimmutatie

pytestmark = pytest.mark.django_db

ZIEKMELDINGEN = "/api/v1/ziekmeldingen/"


def _post(client: Client, pad: str, data: dict, **headers: str):
    return client.post(pad, json.dumps(data), content_type="application/json", headers=headers)


def _alleen_bekijken(monkeypatch: pytest.MonkeyPatch) -> None:
    """Local accounts of this test hold every service at level 'bekijken' only."""
    monkeypatch.setattr(
        Lidmaatschap, "dienstrechten", lambda self: (frozenset(LOKALE_RECHTEN), frozenset())
    )


def test_werknemers_alleen_van_de_eigen_werkgever(werkgever_a, werkgever_b, eigenaar):
    response = eigenaar.get("/api/v1/werknemers/")
    assert response.status_code == 200
    uuids = {w["uuid"] for w in response.json()["results"]}
    assert uuids == {str(werkgever_a.werknemer.uuid)}
    assert response.json()["results"][0]["loonheffingennummer"] == (
        werkgever_a.loonheffingennummer.nummer
    )


@pytest.mark.parametrize(
    "pad",
    [
        "/api/v1/werknemers/{w}/",
        "/api/v1/verzuimgevallen/{v}/",
    ],
)
def test_object_van_andere_werkgever_geeft_404(pad, werkgever_a, werkgever_b, buitenstaander):
    adres = pad.format(w=werkgever_a.werknemer.uuid, v=werkgever_a.verzuimgeval.uuid)
    assert buitenstaander.get(adres).status_code == 404


@pytest.mark.parametrize("pad", ["/api/v1/werknemers/", "/api/v1/verzuimgevallen/", ZIEKMELDINGEN])
def test_anoniem_en_zonder_werkgever_geweigerd(pad, werkgever_a):
    anoniem = Client().get(pad)
    assert anoniem.status_code == 401  # no session and no token: log in or send a bearer token
    assert anoniem.headers["WWW-Authenticate"].startswith("Bearer")
    zonder_werkgever = ingelogde_gebruiker(GebruikerFactory())
    assert zonder_werkgever.get(pad).status_code == 403


def test_zonder_dienst_geweigerd(werkgever_a, monkeypatch):
    client = ingelogde_client(
        LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[Dienst.OVERZICHTEN])
    )
    assert client.get("/api/v1/verzuimgevallen/").status_code == 403
    assert client.get("/api/v1/werknemers/").status_code == 403


def test_verzuimgevallen_open_filter_en_mutaties(werkgever_a, eigenaar):
    gesloten = VerzuimgevalFactory(
        werknemer=WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer),
        einddatum=date(2026, 11, 10),
        einde_reden="hersteld",
    )
    alle = {g["uuid"] for g in eigenaar.get("/api/v1/verzuimgevallen/").json()["results"]}
    assert alle == {str(werkgever_a.verzuimgeval.uuid), str(gesloten.uuid)}
    lopend = eigenaar.get("/api/v1/verzuimgevallen/?open=true").json()["results"]
    assert [g["uuid"] for g in lopend] == [str(werkgever_a.verzuimgeval.uuid)]
    assert lopend[0]["mutaties"][0]["soort"] == "ziekmelding"


def test_lijst_zonder_n_plus_1(werkgever_a, eigenaar):
    def aantal_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert eigenaar.get("/api/v1/verzuimgevallen/").status_code == 200
        return len(queries)

    aantal_queries()  # the first request also records the chosen werkgever in the session
    weinig = aantal_queries()
    for _ in range(20):
        VerzuimgevalFactory(
            werknemer=WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
        )
    aantal_queries()  # after a change the count is made once, then kept (ADR 0037)
    assert aantal_queries() == weinig


@pytest.mark.klok("2026-11-23")
def test_ziekmelding_en_herstel_via_de_api(werkgever_a, eigenaar):
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    response = _post(
        eigenaar, ZIEKMELDINGEN, {"werknemer": str(gezond.uuid), "eerste_ziektedag": "2026-11-20"}
    )
    assert response.status_code == 201, response.json()
    geval = Verzuimgeval.objects.get(uuid=response.json()["uuid"])
    assert geval.werknemer == gezond and geval.is_open
    herstel = _post(
        eigenaar,
        f"/api/v1/verzuimgevallen/{geval.uuid}/herstelmelding/",
        {"soort": "volledig", "datum": "2026-11-23"},
    )
    assert herstel.status_code == 200, herstel.json()
    assert herstel.json()["einddatum"] == "2026-11-23"


@pytest.mark.klok("2026-11-23")
def test_servicefout_per_veld_en_niets_opgeslagen(werkgever_a, eigenaar):
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    voor = Verzuimgeval.objects.count()
    response = _post(
        eigenaar, ZIEKMELDINGEN, {"werknemer": str(gezond.uuid), "eerste_ziektedag": "2026-12-01"}
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "eerste_ziektedag" in response.json()["velden"]
    assert Verzuimgeval.objects.count() == voor
    herstel = _post(
        eigenaar,
        f"/api/v1/verzuimgevallen/{werkgever_a.verzuimgeval.uuid}/herstelmelding/",
        {"soort": "gedeeltelijk", "datum": "2026-11-23"},
    )
    assert herstel.status_code == 400
    assert "percentage_arbeidsongeschikt" in herstel.json()["velden"]


@pytest.mark.klok("2026-11-23")
def test_ziekmelden_voor_werknemer_van_andere_werkgever_geeft_404(
    werkgever_a, werkgever_b, buitenstaander
):
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    voor = Verzuimgeval.objects.count()
    response = _post(
        buitenstaander,
        ZIEKMELDINGEN,
        {"werknemer": str(gezond.uuid), "eerste_ziektedag": "2026-11-20"},
    )
    assert response.status_code == 404
    assert Verzuimgeval.objects.count() == voor


@pytest.mark.klok("2026-11-23")
def test_alleen_bekijken_mag_lezen_maar_niet_schrijven(werkgever_a, monkeypatch):
    _alleen_bekijken(monkeypatch)
    client = ingelogde_client(werkgever_a.lidmaatschap)
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    assert client.get("/api/v1/verzuimgevallen/").status_code == 200
    response = _post(
        client, ZIEKMELDINGEN, {"werknemer": str(gezond.uuid), "eerste_ziektedag": "2026-11-20"}
    )
    assert response.status_code == 403
    assert not Verzuimgeval.objects.filter(werknemer=gezond).exists()


def test_schrijven_vraagt_csrf_token(werkgever_a):
    client = ingelogde_client(werkgever_a.lidmaatschap, enforce_csrf_checks=True)
    response = _post(client, ZIEKMELDINGEN, {})
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


# --- Idempotency-Key (DOMAIN §9) ----------------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_herhaling_met_zelfde_sleutel_geeft_zelfde_antwoord_en_doet_niets_dubbel(
    werkgever_a, eigenaar
):
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    data = {"werknemer": str(gezond.uuid), "eerste_ziektedag": "2026-11-20"}
    eerste = _post(eigenaar, ZIEKMELDINGEN, data, **{"Idempotency-Key": "melding-1"})
    tweede = _post(eigenaar, ZIEKMELDINGEN, data, **{"Idempotency-Key": "melding-1"})
    assert eerste.status_code == tweede.status_code == 201
    assert tweede.json() == eerste.json()
    assert tweede["Idempotent-Replayed"] == "true"
    assert Verzuimgeval.objects.filter(werknemer=gezond).count() == 1
    assert Verzuimmutatie.objects.filter(verzuimgeval__werknemer=gezond).count() == 1


@pytest.mark.klok("2026-11-23")
def test_zelfde_sleutel_andere_inhoud_geeft_422(werkgever_a, eigenaar):
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    sleutel = {"Idempotency-Key": "melding-2"}
    data = {"werknemer": str(gezond.uuid), "eerste_ziektedag": "2026-11-20"}
    assert _post(eigenaar, ZIEKMELDINGEN, data, **sleutel).status_code == 201
    anders = _post(eigenaar, ZIEKMELDINGEN, {**data, "eerste_ziektedag": "2026-11-19"}, **sleutel)
    assert anders.status_code == 422
    assert Verzuimgeval.objects.filter(werknemer=gezond).count() == 1


@pytest.mark.klok("2026-11-23")
def test_sleutel_van_lopend_verzoek_geeft_409(werkgever_a, eigenaar):
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    data = {"werknemer": str(gezond.uuid), "eerste_ziektedag": "2026-11-20"}
    # The claim a concurrent first request has committed before running its write.
    eigenaar_sleutel = _post(eigenaar, ZIEKMELDINGEN, data, **{"Idempotency-Key": "x"})
    assert eigenaar_sleutel.status_code == 201
    Idempotentiesleutel.objects.filter(sleutel="x").update(
        status=Idempotentiesleutel.Status.BEZIG, statuscode=None, antwoord=None
    )
    assert _post(eigenaar, ZIEKMELDINGEN, data, **{"Idempotency-Key": "x"}).status_code == 409


@pytest.mark.klok("2026-11-23")
def test_sleutels_zijn_per_werkgever(werkgever_a, werkgever_b, eigenaar, buitenstaander):
    a = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    b = WerknemerFactory(loonheffingennummer=werkgever_b.loonheffingennummer)
    sleutel = {"Idempotency-Key": "zelfde"}
    for client, werknemer in ((eigenaar, a), (buitenstaander, b)):
        data = {"werknemer": str(werknemer.uuid), "eerste_ziektedag": "2026-11-20"}
        assert _post(client, ZIEKMELDINGEN, data, **sleutel).status_code == 201
    assert Verzuimgeval.objects.filter(werknemer__in=[a, b]).count() == 2


@pytest.mark.klok("2026-11-23")
def test_afgewezen_verzoek_wordt_ook_herhaald_zonder_tweede_poging(werkgever_a, eigenaar):
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    data = {"werknemer": str(gezond.uuid), "eerste_ziektedag": "2026-12-01"}
    eerste = _post(eigenaar, ZIEKMELDINGEN, data, **{"Idempotency-Key": "toekomst"})
    tweede = _post(eigenaar, ZIEKMELDINGEN, data, **{"Idempotency-Key": "toekomst"})
    assert eerste.status_code == tweede.status_code == 400
    assert tweede.json() == eerste.json()


def test_te_lange_sleutel_geweigerd(werkgever_a, eigenaar):
    response = _post(eigenaar, ZIEKMELDINGEN, {}, **{"Idempotency-Key": "x" * 256})
    assert response.status_code == 400


# --- OpenAPI contract ---------------------------------------------------------------------------


def _verschillen(nieuw: Any, oud: Any, pad: str = "") -> list[str]:
    """Where two loaded contracts differ (the first few paths), for a readable failure."""
    if isinstance(nieuw, dict) and isinstance(oud, dict):
        return [
            regel
            for sleutel in sorted(set(nieuw) | set(oud), key=str)
            for regel in _verschillen(nieuw.get(sleutel), oud.get(sleutel), f"{pad}/{sleutel}")
        ]
    return [] if nieuw == oud else [pad or "/"]


def test_openapi_contract_is_bijgewerkt(tmp_path: Path):
    """The committed contract equals the generated one (update: make openapi).

    Generated exactly as ``make openapi`` does: the management command in a fresh process with
    the CI settings and a PostgreSQL URL (the contract states PostgreSQL's integer limits; the
    command never connects). Generated inside the test process, the schema shared the interpreter
    with every test before it: the active language, the thread's URL prefix, classes patched by a
    test, drf-spectacular's process-wide warning counter (which ``--fail-on-warn`` reads, also for
    warnings of the live server's thread) and the vendor of the test database, so the result could
    depend on which tests ran first.
    """
    nieuw = tmp_path / "openapi.yaml"
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "verzuimportaal.conf.ci",
        "DATABASE_URL": "postgres://contract@127.0.0.1:5432/niet-gebruikt",
    }
    uitvoer = subprocess.run(  # noqa: S603 (our own manage.py)
        [
            sys.executable,
            str(Path(settings.BASE_DIR) / "manage.py"),
            "spectacular",
            "--file",
            str(nieuw),
            "--validate",
            "--fail-on-warn",
        ],
        env=omgeving,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert uitvoer.returncode == 0, uitvoer.stderr[-3000:]
    vastgelegd = Path(settings.BASE_DIR) / "docs" / "api" / "openapi.yaml"
    verschil = _verschillen(
        yaml.safe_load(nieuw.read_text()), yaml.safe_load(vastgelegd.read_text())
    )
    assert not verschil, (
        "docs/api/openapi.yaml wijkt af van de code; draai `make openapi` en commit het resultaat. "
        f"Verschillen: {verschil[:10]}"
    )


def test_oude_idempotentiesleutels_worden_opgeruimd(werkgever_a, eigenaar, settings):
    for sleutel in ("oud", "nieuw"):
        werknemer = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
        data = {"werknemer": str(werknemer.uuid), "eerste_ziektedag": "2026-11-20"}
        with freeze_time("2026-11-23 12:00"):
            antwoord = _post(eigenaar, ZIEKMELDINGEN, data, **{"Idempotency-Key": sleutel})
            assert antwoord.status_code == 201
    nu = timezone.now()
    Idempotentiesleutel.objects.filter(sleutel="oud").update(aangemaakt_op=nu - timedelta(hours=25))
    Idempotentiesleutel.objects.filter(sleutel="nieuw").update(
        aangemaakt_op=nu - timedelta(hours=23)
    )
    settings.API_IDEMPOTENTIE_UREN = 24

    assert ruim_idempotentiesleutels_op.delay().get() == 1
    assert list(Idempotentiesleutel.objects.values_list("sleutel", flat=True)) == ["nieuw"]
