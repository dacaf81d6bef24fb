"""API lists page by cursor (``next``/``previous``) and still by number (``?page=N``), ADR 0048."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import VerzuimgevalFactory, werknemer_bij
from verzuimportaal.api.views import Paginering
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werknemers.models import Werknemer

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23 10:00")]


def _alles(client, adres: str, rel: str = "next") -> tuple[list[str], int]:
    """Follow the links from ``adres`` to the end: the uuids seen and the number of requests."""
    gezien: list[str] = []
    verzoeken = 0
    while adres:
        antwoord = client.get(adres)
        assert antwoord.status_code == 200, antwoord.content
        body = antwoord.json()
        gezien += [r["uuid"] for r in body["results"]]
        adres = body[rel]
        verzoeken += 1
    return gezien, verzoeken


def test_werknemers_volgen_next_met_cursor_en_count(werkgever_a, eigenaar, monkeypatch):
    monkeypatch.setattr(Paginering, "page_size", 2)
    for i in range(4):
        werknemer_bij(werkgever_a, achternaam=f"Naam{i}")
    verwacht = [
        str(u)
        for u in Werknemer.objects.order_by("achternaam", "pk").values_list("uuid", flat=True)
    ]

    eerste = eigenaar.get("/api/v1/werknemers/").json()

    assert eerste["count"] == 5 and eerste["previous"] is None
    assert "cursor=" in eerste["next"] and "page=" not in eerste["next"]
    gezien, verzoeken = _alles(eigenaar, "/api/v1/werknemers/")
    assert gezien == verwacht and verzoeken == 3
    laatste = eigenaar.get(eerste["next"]).json()
    terug = eigenaar.get(laatste["previous"]).json()
    assert [r["uuid"] for r in terug["results"]] == verwacht[:2]


def test_paginanummers_werken_zoals_voorheen(werkgever_a, eigenaar, monkeypatch):
    monkeypatch.setattr(Paginering, "page_size", 2)
    for i in range(4):
        werknemer_bij(werkgever_a, achternaam=f"Naam{i}")

    tweede = eigenaar.get("/api/v1/werknemers/?page=2").json()

    assert tweede["count"] == 5
    assert tweede["next"].endswith("/api/v1/werknemers/?page=3")
    assert tweede["previous"].endswith("/api/v1/werknemers/")
    assert eigenaar.get("/api/v1/werknemers/?page=9").status_code == 404


def test_verzuimgevallen_met_filter_zien_nieuwe_gevallen_niet_dubbel(
    werkgever_a, eigenaar, monkeypatch
):
    """A spell reported while a client walks the list (newest first) never shifts the pages."""
    monkeypatch.setattr(Paginering, "page_size", 2)
    begin = date(2026, 1, 5)
    for i in range(5):
        VerzuimgevalFactory(
            werknemer=werknemer_bij(werkgever_a), eerste_ziektedag=begin + timedelta(days=i)
        )
    open_voor = {
        str(u)
        for u in Verzuimgeval.objects.filter(einddatum__isnull=True).values_list("uuid", flat=True)
    }
    eerste = eigenaar.get("/api/v1/verzuimgevallen/?open=true").json()
    assert "open=true" in eerste["next"]
    VerzuimgevalFactory(werknemer=werknemer_bij(werkgever_a), eerste_ziektedag=date(2026, 11, 2))

    rest, _ = _alles(eigenaar, eerste["next"])

    gezien = [r["uuid"] for r in eerste["results"]] + rest
    assert len(gezien) == len(set(gezien))
    assert set(gezien) == open_voor  # the new spell is newest: it is on a page already passed


@pytest.mark.parametrize("lijst", ["werknemers", "verzuimgevallen", "wazoverloven", "zaken"])
def test_vreemde_cursor_geeft_400_met_uitleg(eigenaar, werkgever_a, lijst):
    antwoord = eigenaar.get(f"/api/v1/{lijst}/?cursor=geknoeid")
    assert antwoord.status_code == 400
    assert "cursor" in antwoord.json()["velden"]


@pytest.mark.parametrize("lijst", ["werknemers", "verzuimgevallen"])
def test_aantal_queries_hangt_niet_af_van_diepte_of_omvang(
    werkgever_a, eigenaar, monkeypatch, lijst
):
    monkeypatch.setattr(Paginering, "page_size", 3)
    adres = f"/api/v1/{lijst}/"
    eigenaar.get(adres)
    for _ in range(3):
        VerzuimgevalFactory(werknemer=werknemer_bij(werkgever_a))
    with CaptureQueriesContext(connection) as klein:
        volgende = eigenaar.get(adres).json()["next"]
    for _ in range(9):
        VerzuimgevalFactory(werknemer=werknemer_bij(werkgever_a))
    eigenaar.get(adres)  # the count of the grown list is cached from here on
    with CaptureQueriesContext(connection) as groot:
        assert len(eigenaar.get(adres).json()["results"]) == 3
    with CaptureQueriesContext(connection) as dieper:
        assert eigenaar.get(volgende).json()["results"]

    assert len(groot) <= len(klein), [q["sql"] for q in groot.captured_queries]
    assert len(dieper) <= len(klein), [q["sql"] for q in dieper.captured_queries]
