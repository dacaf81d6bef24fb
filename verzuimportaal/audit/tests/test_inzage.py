"""Reads of personal data are logged where they happen: in the ``toegang`` fetchers, for pages
and API alike, one row per request per object or list (ADR 0013, DOMAIN §3)."""

import json

import pytest
from django.urls import reverse

from tests.factories import VerzuimgevalFactory, werknemer_bij
from verzuimportaal.audit.models import Auditregel

pytestmark = pytest.mark.klok("2026-11-23")

IP = {"REMOTE_ADDR": "198.51.100.20", "HTTP_USER_AGENT": "Inzagetest/1.0"}


def _nieuwe_regels(voor: int) -> list[tuple[str, str, str, str]]:
    return [
        (r.actie, r.object_type, r.object_id, r.omschrijving)
        for r in Auditregel.objects.filter(pk__gt=voor).order_by("pk")
    ]


def _laatste() -> int:
    return Auditregel.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


@pytest.mark.parametrize(
    "adres",
    [
        lambda a: f"/api/v1/werknemers/{a.werknemer.uuid}/",
        lambda a: reverse("werknemers:detail", args=[a.werknemer.uuid]),
    ],
    ids=["api", "pagina"],
)
def test_een_werknemer_inzien_geeft_een_regel_met_ip(adres, werkgever_a, eigenaar):
    voor = _laatste()
    response = eigenaar.get(adres(werkgever_a), **IP)
    assert response.status_code == 200
    assert _nieuwe_regels(voor) == [("inzien", "werknemer", str(werkgever_a.werknemer.uuid), "")]
    regel = Auditregel.objects.latest("pk")
    assert (regel.ip_adres, regel.user_agent) == ("198.51.100.20", "Inzagetest/1.0")


def test_verzuimgeval_via_de_api_inzien_geeft_een_regel(werkgever_a, eigenaar):
    voor = _laatste()
    response = eigenaar.get(f"/api/v1/verzuimgevallen/{werkgever_a.verzuimgeval.uuid}/")
    assert response.status_code == 200
    assert _nieuwe_regels(voor) == [
        ("inzien", "verzuimgeval", str(werkgever_a.verzuimgeval.uuid), "")
    ]


@pytest.mark.parametrize(
    ("adres", "soort", "omschrijving"),
    [
        ("/api/v1/werknemers/", "werknemer", "werknemers (API)"),
        ("/api/v1/verzuimgevallen/?open=true", "verzuimgeval", "lopende verzuimen (API)"),
        ("/api/v1/verzuimgevallen/", "verzuimgeval", "verzuimgevallen (API)"),
        (reverse("verzuim:lopend"), "verzuimgeval", "lopende verzuimen (lijst)"),
        (reverse("portaal:dashboard"), "verzuimgeval", "lopende verzuimen (dashboard)"),
    ],
)
def test_een_lijst_geeft_een_regel_hoe_lang_de_lijst_ook_is(
    adres, soort, omschrijving, werkgever_a, eigenaar
):
    for _ in range(3):
        VerzuimgevalFactory(werknemer=werknemer_bij(werkgever_a))
    voor = _laatste()
    response = eigenaar.get(adres)
    assert response.status_code == 200
    assert [(a, s, o) for a, s, _, o in _nieuwe_regels(voor)] == [("inzien", soort, omschrijving)]


def test_herstel_via_de_api_geeft_alleen_de_regel_van_de_wijziging(werkgever_a, eigenaar):
    voor = _laatste()
    response = eigenaar.post(
        f"/api/v1/verzuimgevallen/{werkgever_a.verzuimgeval.uuid}/herstelmelding/",
        json.dumps({"soort": "volledig", "datum": "2026-11-20"}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert [(a, s) for a, s, _, _ in _nieuwe_regels(voor)] == [("wijzigen", "verzuimgeval")]


def test_buitenstaander_krijgt_404_en_er_komt_geen_regel_bij_a(werkgever_a, buitenstaander):
    voor = _laatste()
    response = buitenstaander.get(f"/api/v1/werknemers/{werkgever_a.werknemer.uuid}/")
    assert response.status_code == 404
    assert not Auditregel.objects.filter(pk__gt=voor, werkgever=werkgever_a.werkgever).exists()
