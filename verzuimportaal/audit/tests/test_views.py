"""The audit log page and its CSV export: own werkgever only, rechtenbeheer only, no N+1."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from freezegun import freeze_time

from conftest import Omgeving, eherkenning_client, ingelogde_client
from tests.factories import GebruikerFactory
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.audit.service import registreer_voor
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.django_db


def _regels(a: Omgeving, aantal: int, *, actie: str = Actie.INZIEN, soort: str = "werknemer"):
    for i in range(aantal):
        registreer_voor(
            actor=a.actor,
            ip="192.0.2.1",
            user_agent="",
            actie=actie,
            object_type=soort,
            object_id=str(a.werknemer.uuid) if soort == "werknemer" else str(i),
            omschrijving=f"regel {i}",
        )


def test_eigenaar_ziet_eigen_log_en_niet_dat_van_b(werkgever_a, werkgever_b, eigenaar):
    _regels(werkgever_a, 2)
    _regels(werkgever_b, 2)
    response = eigenaar.get(reverse("audit:log"))
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert str(werkgever_a.werknemer.uuid) in inhoud
    assert str(werkgever_b.werknemer.uuid) not in inhoud
    getoond = list(response.context["pagina"].object_list)
    assert {r.werkgever_id for r in getoond} == {werkgever_a.werkgever.pk}
    # plus the row for viewing the log itself, of A only
    assert Auditregel.objects.filter(werkgever=werkgever_b.werkgever).count() == 2


def test_bekijken_van_het_log_wordt_zelf_gelogd(werkgever_a, eigenaar):
    eigenaar.get(reverse("audit:log"))
    regel = Auditregel.objects.get()
    assert (regel.actie, regel.object_type, regel.werkgever) == (
        "inzien",
        "auditregel",
        werkgever_a.werkgever,
    )


@pytest.mark.parametrize("naam", ["audit:log", "audit:export"])
def test_zonder_rechtenbeheer_403(naam, werkgever_a):
    client = eherkenning_client(
        werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN, Dienst.WERKNEMERSGEGEVENS
    )
    assert client.get(reverse(naam)).status_code == 403
    assert not Auditregel.objects.exists()


@pytest.mark.parametrize("naam", ["audit:log", "audit:export"])
def test_met_rechtenbeheer_via_eherkenning_200(naam, werkgever_a):
    _regels(werkgever_a, 1)
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.RECHTENBEHEER)
    assert client.get(reverse(naam)).status_code == 200


@pytest.mark.parametrize("naam", ["audit:log", "audit:export"])
def test_account_zonder_werkgever_403(naam, werkgever_a):
    client = Client()
    client.force_login(GebruikerFactory(), backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse(naam)).status_code == 403


def test_filters_periode_actie_en_soort(werkgever_a, eigenaar):
    with freeze_time(datetime(2026, 3, 1, 12, tzinfo=UTC)):
        _regels(werkgever_a, 1)
    with freeze_time(datetime(2026, 3, 10, 12, tzinfo=UTC)):
        _regels(werkgever_a, 1, actie=Actie.WIJZIGEN)
        _regels(werkgever_a, 1, actie=Actie.INZIEN, soort="verzuimgeval")
    with freeze_time(datetime(2026, 4, 1, 12, tzinfo=UTC)):

        def getoond(**params: str) -> list[str]:
            response = eigenaar.get(reverse("audit:log"), params)
            assert response.status_code == 200
            return sorted(
                f"{r.actie}/{r.object_type}/{r.tijdstip:%d}"
                for r in response.context["pagina"].object_list
                if r.object_type != "auditregel"
            )

        assert getoond(van="2026-03-05", tot="2026-03-31") == [
            "inzien/verzuimgeval/10",
            "wijzigen/werknemer/10",
        ]
        assert getoond(tot="2026-03-01") == ["inzien/werknemer/01"]
        assert getoond(actie="wijzigen") == ["wijzigen/werknemer/10"]
        assert getoond(object_type="verzuimgeval") == ["inzien/verzuimgeval/10"]
        fout = eigenaar.get(reverse("audit:log"), {"van": "2026-03-10", "tot": "2026-03-01"})
        assert "ligt vóór de begindatum" in fout.content.decode()


def test_paginering(werkgever_a, eigenaar):
    _regels(werkgever_a, 60)
    response = eigenaar.get(reverse("audit:log"), {"actie": "inzien", "pagina": "2"})
    assert response.context["pagina"].number == 2
    assert len(response.context["pagina"].object_list) == 10
    assert "actie=inzien&amp;pagina=1" in response.content.decode()


def test_geen_n_plus_1(werkgever_a):
    def aantal_queries(n: int) -> int:
        client = ingelogde_client(werkgever_a.lidmaatschap)
        _regels(werkgever_a, n)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("audit:log")).status_code == 200
        return len(ctx.captured_queries)

    drie = aantal_queries(3)
    dertig = aantal_queries(27)  # 30 rows in total now
    assert drie == dertig


def test_export_bevat_alleen_eigen_regels_en_wordt_gelogd(werkgever_a, werkgever_b, eigenaar):
    with freeze_time(datetime(2026, 3, 1, 12, tzinfo=UTC)):
        _regels(werkgever_a, 2)
        _regels(werkgever_b, 3)
        response = eigenaar.get(reverse("audit:export"), {"actie": "inzien"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    tekst = b"".join(response.streaming_content).decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rijen[0][:3] == ["Tijdstip", "Naam", "Pseudoniem eHerkenning"]
    assert len(rijen) == 3
    assert {r[8] for r in rijen[1:]} == {str(werkgever_a.werknemer.uuid)}
    assert rijen[1][0] == "01-03-2026 13:00"  # local time, Europe/Amsterdam
    assert rijen[1][3] == "Lokaal account"
    assert str(werkgever_b.werknemer.uuid) not in tekst
    export = Auditregel.objects.get(actie="exporteren")
    assert export.werkgever == werkgever_a.werkgever


def test_er_is_geen_pagina_om_te_wijzigen(werkgever_a, eigenaar):
    """POST is treated as a GET: nothing changes, nothing is removed."""
    _regels(werkgever_a, 1)
    voor = list(Auditregel.objects.values_list("pk", "omschrijving"))
    eigenaar.post(reverse("audit:log"), {"omschrijving": "weg"})
    assert list(Auditregel.objects.filter(pk=voor[0][0]).values_list("pk", "omschrijving")) == voor
