"""Statistics with English active (ADR 0044): DOMAIN §6 terms in English (verzuimpercentage =
absence rate, meldingsfrequentie = notification frequency, gemiddelde verzuimduur = average
absence duration, nulverzuim = zero absence), English number notation, and the same labels and
figures in the chart data, the downloads and the PDFs."""

import csv
import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from tests.html import tekst
from verzuimportaal.statistiek import views
from verzuimportaal.statistiek.grafiek import staafgrafiek
from verzuimportaal.statistiek.templatetags.statistiek import getal

from .test_views import (
    APRIL,
    OVERZICHT,
    RAPPORT,
    rekenvoorbeeld,  # noqa: F401  # the DOMAIN §6 worked example
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.klok("2025-06-15"),
    pytest.mark.usefixtures("rekenvoorbeeld"),
]

NEDERLANDS = ("Verzuimpercentage", "Meldingsfrequentie", "Nulverzuim", "Kengetal", "dagen)")


@pytest.fixture
def engels(eigenaar):
    eigenaar.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return eigenaar


@pytest.fixture
def pdf_als_html(monkeypatch):
    """The HTML the PDF is made of, instead of the PDF."""

    def als_html(request, *, template, context, bestandsnaam):
        return HttpResponse(render_to_string(template, context, request))

    monkeypatch.setattr(views, "pdf_response", als_html)


def test_statistieken_in_het_engels(engels):
    response = engels.get(OVERZICHT, APRIL)

    inhoud = tekst(response)
    assert "Absence statistics" in inhoud
    assert "Absence rate (%) 4.00 0.00 +4.00" in inhoud  # English notation: a decimal point
    assert "Notification frequency (per year)" in inhoud
    assert "Average absence duration (days) 3.00" in inhoud
    assert "Zero absence" in inhoud
    assert "Short (1–14 days)" in inhoud
    assert "How are these figures calculated?" in inhoud
    for nederlands in NEDERLANDS:
        assert nederlands not in inhoud
    grafiek = response.context["grafiekdata"]
    assert grafiek["labels"][-1] == "Apr 2025"
    assert grafiek["locale"] == "en-GB"
    assert grafiek["teksten"]["verzuimpercentage"] == "Absence rate (%)"


def test_csv_in_het_engels_met_dezelfde_cijfers(engels):
    response = engels.get(OVERZICHT, {**APRIL, "formaat": "csv"})

    regels = b"".join(response.streaming_content).decode("utf-8-sig")
    kop, *rijen = csv.reader(io.StringIO(regels), delimiter=";")
    assert kop == [
        "Key figure",
        "Unit",
        "Period 01-04-2025 to 30-04-2025",
        "One year earlier 01-04-2024 to 30-04-2024",
    ]
    per_label = {r[0]: r for r in rijen}
    assert per_label["Absence rate"][1:3] == ["%", "4,0000"]  # CSV keeps its Dutch-Excel format
    assert per_label["Average absence duration"][1] == "days"
    assert per_label["Absence cases Short (1–14 days)"][2] == "1"
    assert "Absence rate Apr 2025" in per_label


def test_pdf_van_de_statistieken_in_het_engels(engels, pdf_als_html):
    inhoud = engels.get(OVERZICHT, {**APRIL, "formaat": "pdf"}).content.decode()

    assert '<html lang="en">' in inhoud
    assert "<title>Absence statistics</title>" in inhoud
    assert 'content: "Page " counter(page) " of " counter(pages)' in inhoud
    assert "Absence rate per month, all payroll tax numbers" in inhoud
    assert "Verzuimpercentage" not in inhoud


def test_managementrapport_en_zijn_pdf_in_het_engels(engels, pdf_als_html):
    pagina = tekst(engels.get(RAPPORT, APRIL))
    assert "Absence management report" in pagina
    assert "Download management report (pdf)" in pagina
    assert "Managementrapport" not in pagina

    pdf = engels.get(RAPPORT, {**APRIL, "formaat": "pdf"}).content.decode()
    assert "<h2>All payroll tax numbers</h2>" in pdf
    assert "Course per month (last 12 months)" in pdf
    assert "Verloop per maand" not in pdf


def test_pdf_blijft_standaard_nederlands(eigenaar, pdf_als_html):
    inhoud = eigenaar.get(OVERZICHT, {**APRIL, "formaat": "pdf"}).content.decode()

    assert '<html lang="nl">' in inhoud
    assert 'content: "Pagina " counter(page) " van " counter(pages)' in inhoud


@pytest.mark.parametrize(("taal", "verwacht"), [("nl", "0,13"), ("en", "0.13")])
def test_getal_volgt_de_taal_en_rondt_half_naar_boven(taal, verwacht):
    with translation.override(taal):
        assert getal(0.125) == verwacht


def test_grafiek_schrijft_getallen_in_de_taal():
    with translation.override("en"):
        svg = staafgrafiek(sleutel="t", titel="t", punten=[("Apr", Decimal("1.24"))])
    # The axis ticks 0, 0.5, ... 2.5 and the bar's title.
    assert "0.5%" in svg and "Apr: 1.2%" in svg and "0,5" not in svg
