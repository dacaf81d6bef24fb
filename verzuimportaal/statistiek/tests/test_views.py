"""Pages and downloads of overview types 5 (Verzuimstatistieken) and 6 (Managementrapport).

Werkgever A (root conftest) gets the DOMAIN §6 worked example in April 2025; its fixture spell
starts in November 2026 and lies outside every period asked for here.
"""

import csv
import io
from dataclasses import asdict
from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import GebruikerFactory, VerzuimgevalFactory, werknemer_bij
from verzuimportaal.eherkenning.sessie import SESSIE_EHERKENNING, EHerkenningContext
from verzuimportaal.statistiek import views
from verzuimportaal.statistiek.grafiek import staafgrafiek
from verzuimportaal.statistiek.templatetags.statistiek import getal

from .populatie import Populatie

APRIL = {"begin": "2025-04-01", "einde": "2025-04-30"}
OVERZICHT = reverse("statistiek:overzicht")
RAPPORT = reverse("statistiek:managementrapport")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.klok("2025-06-15"),
    pytest.mark.usefixtures("rekenvoorbeeld"),
]


@pytest.fixture
def rekenvoorbeeld(werkgever_a) -> Populatie:
    """DOMAIN §6 worked example on werkgever A's loonheffingennummer."""
    pop = Populatie(loonheffingennummer=werkgever_a.loonheffingennummer)
    a = pop.werknemer()
    pop.werknemer(factor="0.5")
    pop.verzuim(a, date(2025, 4, 7), hersteld=date(2025, 4, 10))
    # The fixture werknemer of A is employed too (since 2020, healthy in April 2025): 3 people.
    return pop


def test_overzicht_toont_kengetallen_naast_vorige_periode_en_grafiekdata(eigenaar):
    response = eigenaar.get(OVERZICHT, APRIL)

    assert response.status_code == 200
    inhoud = response.content.decode()
    # A (1.0, 3 days sick), B (0.5) and the fixture werknemer (1.0): 100 × 3 ÷ (30+15+30) = 4,00 %
    s = response.context["onderdeel"].huidig
    assert str(s.verzuimpercentage) == "4.0000"
    assert "4,00" in inhoud
    # Issue: compared with "the period of equal length before"; now the same days a year earlier.
    assert "01-04-2024 t/m 30-04-2024" in inhoud
    assert "02-03-2025 t/m 31-03-2025" not in inhoud
    assert 'id="statistiek-grafiekdata"' in inhoud and 'type="application/json"' in inhoud
    assert "Kort (1–14 dagen)" in inhoud
    trend = response.context["grafiekdata"]
    assert len(trend["labels"]) == 12 and trend["labels"][-1] == "apr 2025"
    assert trend["verzuimpercentage"][-1] == 4.0


def test_overzicht_zonder_periode_toont_het_jaar_tot_vandaag(eigenaar):
    response = eigenaar.get(OVERZICHT)

    assert response.status_code == 200
    periode = response.context["periode"]
    assert (periode.begin, periode.einde) == (date(2025, 1, 1), date(2025, 6, 15))


def test_verkeerde_periode_is_een_formulierfout_op_de_pagina(eigenaar):
    response = eigenaar.get(OVERZICHT, {"begin": "2025-04-30", "einde": "2025-04-01"})

    assert response.status_code == 200
    assert "De einddatum ligt vóór de begindatum" in response.content.decode()
    assert "onderdeel" not in response.context


@pytest.mark.parametrize("adres", [OVERZICHT, RAPPORT])
@pytest.mark.parametrize(
    ("periode", "melding"),
    [
        ({"begin": "2025-04-30", "einde": "2025-04-01"}, "De einddatum ligt vóór de begindatum"),
        ({"begin": "2025-04-01", "einde": "2025-07-01"}, "De einddatum ligt in de toekomst"),
        ({"begin": "2010-01-01", "einde": "2025-01-01"}, "langer dan 10 jaar"),
        ({"begin": "gisteren", "einde": "2025-01-01"}, "Vul een geldige datum in"),
    ],
)
def test_download_met_verkeerde_periode_geeft_400_met_uitleg(eigenaar, adres, periode, melding):
    response = eigenaar.get(adres, {**periode, "formaat": "pdf"})

    assert response.status_code == 400
    assert melding in response.content.decode()


def test_onbekend_formaat_geeft_400(eigenaar):
    response = eigenaar.get(OVERZICHT, {**APRIL, "formaat": "docx"})

    assert response.status_code == 400
    assert "Kies csv, xlsx of pdf" in response.content.decode()


def test_csv_bevat_dezelfde_cijfers_als_de_pagina(eigenaar):
    response = eigenaar.get(OVERZICHT, {**APRIL, "formaat": "csv"})

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="verzuimstatistiek-20250401-20250430.csv"'
    )
    tekst = b"".join(response.streaming_content).decode("utf-8-sig")
    rijen = {r[0]: r for r in csv.reader(io.StringIO(tekst), delimiter=";")}
    assert rijen["Verzuimpercentage"][2:] == ["4,0000", "0,0000"]
    # 1 melding ÷ 3 employees × 365 ÷ 30 = 4,0556
    assert rijen["Meldingsfrequentie (per jaar)"][2] == "4,0556"
    assert rijen["Verzuimgevallen Kort (1–14 dagen)"][2:] == ["1", "0"]


def test_xlsx_bevat_de_cijfers_als_getallen(eigenaar):
    response = eigenaar.get(OVERZICHT, {**APRIL, "formaat": "xlsx"})

    assert response.status_code == 200
    blad = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rijen = {r[0]: r for r in blad.iter_rows(values_only=True)}
    assert rijen["Verzuimpercentage"][2] == pytest.approx(4.0)
    assert rijen["Gemiddelde verzuimduur"][2] == pytest.approx(3.0)


def test_pdf_van_het_overzicht(eigenaar):
    response = eigenaar.get(OVERZICHT, {**APRIL, "formaat": "pdf"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_managementrapport_per_loonheffingennummer_met_svg_en_pdf(eigenaar, werkgever_a):
    tweede = Populatie(loonheffingennummer=werkgever_a.loonheffingennummer).nummer()

    pagina = eigenaar.get(RAPPORT, APRIL)
    pdf = eigenaar.get(RAPPORT, {**APRIL, "formaat": "pdf"})

    assert pagina.status_code == 200
    titels = [o.titel for o in pagina.context["onderdelen"]]
    assert titels == [
        "alle loonheffingennummers",
        *sorted(
            f"loonheffingennummer {n}"
            for n in (werkgever_a.loonheffingennummer.nummer, tweede.nummer)
        ),
    ]
    inhoud = pagina.content.decode()
    assert inhoud.count("<svg") == 3
    assert "<script" not in inhoud.split("<main", 1)[1]
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_managementrapport_met_een_nummer_zonder_herhaald_onderdeel(eigenaar):
    """Issue: with one loonheffingennummer the report repeated the total as a second section."""
    pagina = eigenaar.get(RAPPORT, APRIL)
    assert [o.titel for o in pagina.context["onderdelen"]] == ["alle loonheffingennummers"]
    assert pagina.content.decode().count("<svg") == 1


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [
        (Decimal("0.125"), "0,13"),  # issue: half-to-even showed "0,12"
        (Decimal("0.135"), "0,14"),
        (Decimal("2.5"), "2,50"),
        (Decimal("-0.125"), "-0,13"),
        (None, "–"),
        (7, "7"),
    ],
)
def test_getal_rondt_half_naar_boven_zoals_de_berekening(waarde, tekst):
    assert getal(waarde) == tekst


def test_filter_op_loonheffingennummer(eigenaar, werkgever_a, rekenvoorbeeld):
    tweede = rekenvoorbeeld.nummer()
    c = rekenvoorbeeld.werknemer(loonheffingennummer=tweede)
    rekenvoorbeeld.verzuim(c, date(2025, 4, 1))

    alleen_tweede = eigenaar.get(OVERZICHT, {**APRIL, "loonheffingennummer": tweede.pk})
    alleen_eerste = eigenaar.get(
        OVERZICHT, {**APRIL, "loonheffingennummer": werkgever_a.loonheffingennummer.pk}
    )

    assert alleen_tweede.context["onderdeel"].huidig.verzuimpercentage == 100
    assert alleen_eerste.context["onderdeel"].huidig.aantal_werknemers == 3


def test_loonheffingennummer_van_een_andere_werkgever_wordt_geweigerd(buitenstaander, werkgever_a):
    vreemd = {**APRIL, "loonheffingennummer": werkgever_a.loonheffingennummer.pk}

    pagina = buitenstaander.get(OVERZICHT, vreemd)
    download = buitenstaander.get(OVERZICHT, {**vreemd, "formaat": "csv"})

    assert pagina.status_code == 200
    assert "Kies een loonheffingennummer uit de lijst" in pagina.content.decode()
    assert "onderdeel" not in pagina.context
    assert download.status_code == 400


def test_buitenstaander_ziet_alleen_eigen_cijfers(buitenstaander):
    response = buitenstaander.get(OVERZICHT, APRIL)

    # B has one healthy fixture werknemer; A's sick employee never counts
    s = response.context["onderdeel"].huidig
    assert (s.aantal_werknemers, s.verzuimpercentage, s.aantal_ziekmeldingen) == (1, 0, 0)


@pytest.mark.parametrize("adres", [OVERZICHT, RAPPORT])
def test_zonder_dienst_overzichten_403(adres, werkgever_a):
    client = Client()
    client.force_login(GebruikerFactory(), backend="django.contrib.auth.backends.ModelBackend")
    context = EHerkenningContext(
        pseudoniem="pseudo-stat",
        kvk_nummer=werkgever_a.werkgever.kvk_nummer,
        intermediair_kvk_nummer=None,
        niveau="EH3",
        diensten=("verzuim_melden",),
        ingelogd_op="2025-06-15T09:00:00+02:00",
    )
    sessie = client.session
    sessie[SESSIE_EHERKENNING] = asdict(context)
    sessie.save()

    assert client.get(adres, {**APRIL, "formaat": "pdf"}).status_code == 403
    assert client.get(adres, APRIL).status_code == 403


def test_aantal_queries_hangt_niet_af_van_het_aantal_werknemers(eigenaar, rekenvoorbeeld):
    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert eigenaar.get(OVERZICHT, APRIL).status_code == 200
        return len(queries)

    tel()  # the first request of a session writes it; count from the second on
    weinig = tel()
    for i in range(27):
        w = rekenvoorbeeld.werknemer()
        rekenvoorbeeld.verzuim(w, date(2025, 1 + i % 4, 1 + i), hersteld=date(2025, 5, 1))
    assert tel() == weinig


def test_aantal_queries_hangt_niet_af_van_het_aantal_trendmaanden(eigenaar, monkeypatch):
    """Period, previous period and every trend month share the same three statistics queries."""

    def tel(maanden: int) -> tuple[int, int]:
        monkeypatch.setattr(views, "TRENDMAANDEN", maanden)
        cache.clear()  # computed, not served from the scope cache
        with CaptureQueriesContext(connection) as queries:
            response = eigenaar.get(OVERZICHT, APRIL)
        assert response.status_code == 200
        assert len(response.context["onderdeel"].trend) == maanden
        # One of the three reads the mutations (the verzuimpercentage step function).
        stapfunctie = [q for q in queries if '"verzuim_verzuimmutatie"' in q["sql"]]
        return len(queries), len(stapfunctie)

    tel(12)  # the first request of a session writes it; count from the second on
    assert tel(1) == tel(6) == tel(12)
    assert tel(12)[1] == 1


def test_cijfers_uit_de_cache_tot_de_gegevens_veranderen(werkgever_a, eigenaar):
    """ADR 0011: the figures are kept per data version of the werkgever, never shown stale."""

    def statistiekqueries() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            response = eigenaar.get(OVERZICHT, APRIL)
        assert response.status_code == 200
        mutaties = [q for q in queries if '"verzuim_verzuimmutatie"' in q["sql"]]
        return len(mutaties), str(response.context["onderdeel"].huidig.aantal_ziekmeldingen)

    assert statistiekqueries() == (1, "1")  # the worked example's spell of 7 April
    assert statistiekqueries() == (0, "1")  # from the cache
    VerzuimgevalFactory(
        werknemer=werknemer_bij(werkgever_a), eerste_ziektedag=date(2025, 4, 14)
    )  # counts as a write, as the services do
    assert statistiekqueries() == (1, "2")


def test_svg_grafiek_ontsnapt_tekst_en_heeft_een_titel():
    svg = staafgrafiek(
        sleutel="x", titel="<script>alert(1)</script>", punten=[("a&b", None), ("mrt", Decimal(12))]
    )

    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg and "a&amp;b" in svg
    assert svg.count("<rect") == 1  # no bar where nothing could be computed
    assert 'aria-labelledby="x-titel"' in svg
