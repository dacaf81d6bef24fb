"""Reading an overview or downloading it writes exactly one audit row for the request: who read
which data (seed 003; the werkgever's own audit log). Refused requests write nothing."""

import io
from datetime import UTC, date, datetime

import openpyxl  # imported before the clock is frozen, so it knows the real date types
import pytest
from django.urls import reverse

from conftest import eherkenning_client
from tests.factories import werknemer_bij
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.toegang.diensten import Dienst

from .factories import geval

APRIL = {"begin": "2025-04-01", "einde": "2025-04-30"}
LABEL = "01-04-2025 t/m 30-04-2025"

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2025-06-15")]


@pytest.fixture(autouse=True)
def drie_gevallen(werkgever_a):
    """Enough rows that one row per object would show: one audit row is one request."""
    for achternaam in ("Aarts", "Bakker", "Claes"):
        g = geval(
            werkgever_a,
            date(2025, 4, 7),
            werknemer=werknemer_bij(werkgever_a, achternaam=achternaam),
        )
        # its ziekmelding registered in April, so the mutatieoverzicht has rows too
        g.mutaties.update(geregistreerd_op=datetime(2025, 4, 7, 9, tzinfo=UTC))


def _lezen(response) -> None:
    assert response.status_code == 200
    if hasattr(response, "streaming_content"):
        inhoud = b"".join(response.streaming_content)
        if response["Content-Type"].startswith("application/vnd.openxmlformats"):
            assert openpyxl.load_workbook(io.BytesIO(inhoud)).active.max_row > 1


@pytest.mark.parametrize(
    ("naam", "titel", "object_type"),
    [
        ("overzichten:algemeen", "Algemeen verzuimoverzicht", "verzuimgeval"),
        ("overzichten:verzekeraar", "Verzuimoverzicht verzekeraar", "verzuimgeval"),
        ("overzichten:mutaties", "Mutatieoverzicht", "verzuimmutatie"),
    ],
)
@pytest.mark.parametrize(
    ("formaat", "actie", "achtervoegsel"),
    [(None, "inzien", ""), ("csv", "exporteren", " (csv)"), ("xlsx", "exporteren", " (xlsx)")],
)
def test_overzicht_schrijft_een_regel_per_verzoek(
    werkgever_a, eigenaar, naam, titel, object_type, formaat, actie, achtervoegsel
):
    _lezen(eigenaar.get(reverse(naam), APRIL | ({"formaat": formaat} if formaat else {})))

    regel = Auditregel.objects.get()
    assert (regel.actie, regel.object_type, regel.object_id) == (actie, object_type, "")
    assert regel.omschrijving == f"{titel} {LABEL}{achtervoegsel}"
    assert regel.werkgever == werkgever_a.werkgever
    assert regel.gebruiker == werkgever_a.lidmaatschap.gebruiker


@pytest.mark.parametrize(("formaat", "actie"), [(None, "inzien"), ("csv", "exporteren")])
def test_overzicht_per_werknemer_legt_vast_wiens_gegevens(werkgever_a, eigenaar, formaat, actie):
    persoon = werkgever_a.werknemer
    adres = reverse("overzichten:werknemer", args=[persoon.uuid])
    _lezen(eigenaar.get(adres, APRIL | ({"formaat": formaat} if formaat else {})))

    regel = Auditregel.objects.get()
    assert (regel.actie, regel.object_type, regel.object_id) == (
        actie,
        "werknemer",
        str(persoon.uuid),
    )
    assert regel.omschrijving.startswith(f"Verzuimoverzicht werknemer {LABEL}")
    assert persoon.bsn not in regel.omschrijving


def test_overzicht_met_foute_periode_schrijft_niets(eigenaar):
    fout = {"begin": "2025-04-30", "einde": "2025-04-01"}
    assert eigenaar.get(reverse("overzichten:algemeen"), fout).status_code == 200
    assert (
        eigenaar.get(reverse("overzichten:algemeen"), fout | {"formaat": "csv"}).status_code == 400
    )
    assert not Auditregel.objects.exists()


def test_geweigerd_overzicht_schrijft_niets(werkgever_a, buitenstaander):
    adres = reverse("overzichten:werknemer", args=[werkgever_a.werknemer.uuid])
    assert buitenstaander.get(adres, {"formaat": "csv"}).status_code == 404
    zonder_recht = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN)
    assert zonder_recht.get(reverse("overzichten:algemeen"), APRIL).status_code == 403
    assert not Auditregel.objects.exists()


@pytest.mark.parametrize(
    ("parameters", "omschrijving"),
    [
        ({"formaat": "csv"}, "werknemerslijst (in dienst, csv)"),
        ({"formaat": "xlsx", "wie": "alle"}, "werknemerslijst (alle, xlsx)"),
    ],
)
def test_werknemerslijst_download_schrijft_een_regel(
    werkgever_a, eigenaar, parameters, omschrijving
):
    _lezen(eigenaar.get(reverse("overzichten:werknemerslijst"), parameters))

    regel = Auditregel.objects.get()
    assert (regel.actie, regel.object_type, regel.omschrijving) == (
        "exporteren",
        "werknemer",
        omschrijving,
    )
    assert regel.werkgever == werkgever_a.werkgever


def test_werknemerslijst_pagina_zonder_download_toont_alleen_een_aantal(eigenaar):
    assert eigenaar.get(reverse("overzichten:werknemerslijst")).status_code == 200
    assert not Auditregel.objects.exists()
