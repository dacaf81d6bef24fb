"""Financiën pages: gated by "Inzien uitkeringsgegevens", audited, and page = XLSX = PDF."""

import io
import re
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from conftest import Omgeving, ingelogde_client
from tests.factories import LidmaatschapFactory, VerzuimgevalFactory, werknemer_bij
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.geld.betaaldatum import betaaldatum
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.uitkeringen.service import voer_maandrun_uit
from verzuimportaal.verzamelspecificaties.service import (
    leg_vangnetuitkering_vast,
    stel_specificaties_op,
)
from verzuimportaal.verzuim.models import Verzuimgeval

from .factories import loon, polis

pytestmark = pytest.mark.klok("2025-05-02 10:00")


@pytest.fixture
def betaald(werkgever_a: Omgeving) -> Verzuimgeval:
    """Two months paid: the DOMAIN §7.3 example (March 2,200.00; April 4,400.00 at 100 %)."""
    polis(werkgever_a.werkgever)
    werknemer = werknemer_bij(werkgever_a)
    loon(werknemer, Decimal(52200))
    geval = VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2025, 3, 3))
    voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 3, 1))
    voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 4, 1))
    return geval


def _tabel(html: str) -> list[list[str]]:
    tabel = html.split('data-testid="specificatie"', 1)[1].split("</table>", 1)[0]
    return [
        [re.sub(r"<[^>]+>", "", cel_).strip() for cel_ in re.findall(r"<td[^>]*>(.*?)</td>", rij)]
        for rij in re.findall(r"<tr class=\"utrecht-table__row\">(.*?)</tr>", tabel, re.S)
        if "<td" in rij
    ]


_GETAL = re.compile(r"^-?[0-9.]+(,[0-9]+)?$")


def _waarde(cel_: object) -> object:
    """A cell of the page or the XLSX as a comparable value: numbers exact, dates as text."""
    if isinstance(cel_, str) and _GETAL.match(cel_):
        return Decimal(cel_.replace(".", "").replace(",", "."))
    if isinstance(cel_, int | float):
        return Decimal(str(cel_))
    if isinstance(cel_, datetime):
        return cel_.strftime("%d-%m-%Y")
    return cel_


def _xlsx(response) -> list[list[object]]:
    blad = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [[_waarde(w) for w in rij] for rij in blad.iter_rows(min_row=2, values_only=True)]


def _gelijk(pagina: list[list[str]]) -> list[list[object]]:
    return [[_waarde(w) for w in rij] for rij in pagina]


def _paginatotaal(html: str) -> object:
    regel = html.split('data-testid="totaal">', 1)[1].split("</p>", 1)[0]
    return _waarde(regel.rsplit("€ ", 1)[1].strip())


def test_uwv_aftrek_op_de_pagina_gelijk_aan_xlsx(eigenaar: Client, werkgever_a: Omgeving) -> None:
    """DOMAIN §7.3: a ZW vangnet benefit of 140.00 a day in March is deducted on the 11 paid days
    (1,540.00): the page shows bruto 2,200.00, aftrek 1,540.00, te betalen 660.00, as the XLSX."""
    polis(werkgever_a.werkgever)
    werknemer = werknemer_bij(werkgever_a)
    loon(werknemer, Decimal(52200))
    geval = VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2025, 3, 3))
    leg_vangnetuitkering_vast(door=Uitvoerder(), verzuimgeval=geval, grondslag="zw")
    stel_specificaties_op(door=Uitvoerder(), maand=date(2025, 3, 1))
    voer_maandrun_uit(door=Uitvoerder(), maand=date(2025, 3, 1))
    url = reverse("uitkeringen:maand") + "?maand=2025-03"
    html = eigenaar.get(url).content.decode()
    pagina = _tabel(html)
    assert pagina[0][6:9] == ["2.200,00", "1.540,00", "660,00"]
    cellen = _xlsx(eigenaar.get(url + "&formaat=xlsx"))
    assert cellen[:-1] == _gelijk(pagina)
    assert cellen[0][6:9] == [Decimal("2200.00"), Decimal("1540.00"), Decimal("660.00")]
    assert cellen[-1][8] == _paginatotaal(html) == Decimal("660.00")


def test_overzicht_toont_polis_en_maanden_en_wordt_geaudit(
    eigenaar: Client, betaald: Verzuimgeval
) -> None:
    response = eigenaar.get(reverse("uitkeringen:overzicht"))
    html = response.content.decode()
    assert "VZ-" in html
    assert "05-2025" in html and "4.400,00" in html
    assert "04-2025" in html and "2.200,00" in html
    assert Auditregel.objects.filter(object_type="uitkeringen").count() == 1
    # The page title is text only, and the arbofacturen are listed once, in the page body.
    titel = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<" not in titel and "Financiën" in titel
    assert html.count('data-testid="arbofacturen"') <= 1


def test_specificatie_werkgever_pagina_gelijk_aan_xlsx_en_pdf(
    eigenaar: Client, betaald: Verzuimgeval
) -> None:
    url = reverse("uitkeringen:maand") + "?maand=2025-04"
    html = eigenaar.get(url).content.decode()
    pagina = _tabel(html)
    assert pagina[0][6:9] == ["4.400,00", "0,00", "4.400,00"]
    cellen = _xlsx(eigenaar.get(url + "&formaat=xlsx"))
    assert cellen[:-1] == _gelijk(pagina)
    assert cellen[-1][0] == "Totaal" and cellen[-1][8] == _paginatotaal(html)
    pdf = eigenaar.get(url + "&formaat=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_specificatie_werknemer_pagina_gelijk_aan_xlsx(
    eigenaar: Client, betaald: Verzuimgeval
) -> None:
    url = reverse("uitkeringen:werknemer", args=[betaald.werknemer.uuid])
    pagina = _tabel(eigenaar.get(url).content.decode())
    # March: 11 days from 17-03 at 200.00; April: 22 days at 200.00.
    assert [rij[2:5] + rij[-1:] for rij in pagina] == [
        ["17-03-2025", "31-03-2025", "11", "2.200,00"],
        ["01-04-2025", "30-04-2025", "22", "4.400,00"],
    ]
    cellen = _xlsx(eigenaar.get(url + "?formaat=xlsx"))
    assert cellen[:-1] == _gelijk(pagina)
    assert cellen[-1][-1] == _paginatotaal(eigenaar.get(url).content.decode()) == Decimal(6600)
    assert Auditregel.objects.filter(object_id=str(betaald.werknemer.uuid)).count() == 3


def test_zonder_dienst_uitkeringsgegevens_geweigerd(
    werkgever_a: Omgeving, betaald: Verzuimgeval
) -> None:
    alleen_verzuim = LidmaatschapFactory(
        werkgever=werkgever_a.werkgever, rechten=[Dienst.VERZUIM_MELDEN]
    )
    client = ingelogde_client(alleen_verzuim)
    assert client.get(reverse("uitkeringen:overzicht")).status_code == 403
    assert "Financiën" not in client.get(reverse("portaal:dashboard")).content.decode()


def test_buitenstaander_ziet_niets(buitenstaander: Client, betaald: Verzuimgeval) -> None:
    url = reverse("uitkeringen:werknemer", args=[betaald.werknemer.uuid])
    assert buitenstaander.get(url).status_code == 404
    html = buitenstaander.get(reverse("uitkeringen:maand") + "?maand=2025-04").content.decode()
    assert "2.200,00" not in html and betaald.werknemer.bsn not in html


def test_onbekend_formaat_400(eigenaar: Client, betaald: Verzuimgeval) -> None:
    response = eigenaar.get(reverse("uitkeringen:maand") + "?formaat=csv")
    assert response.status_code == 400
    assert "Kies xlsx of pdf" in response.content.decode()


def test_dashboard_widget_betaald_en_verwacht(eigenaar: Client, betaald: Verzuimgeval) -> None:
    """This month's payment (April, paid 19-05-2025) and May expected (22 days × 200)."""
    html = eigenaar.get(reverse("portaal:dashboard")).content.decode()
    widget = html.split('data-testid="widget-financien"', 1)[1].split("</section>", 1)[0]
    assert "€ 4.400,00" in widget and "19-05-2025" in widget
    assert re.search(r"Verwacht over [a-z]+ 2025: € 4\.400,00", widget)
    assert betaaldatum(maand=date(2025, 5, 1)).strftime("%d-%m-%Y") in widget


def test_dashboard_zonder_recht_geen_widget(werkgever_a: Omgeving, betaald: Verzuimgeval) -> None:
    lid = LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[Dienst.VERZUIM_MELDEN])
    html = ingelogde_client(lid).get(reverse("portaal:dashboard")).content.decode()
    assert "widget-financien" not in html


def test_specificatie_in_het_engels_met_dezelfde_koppen_als_de_xlsx(
    eigenaar: Client, betaald: Verzuimgeval
) -> None:
    """ADR 0044: headings follow the language; the download still equals the page."""
    from tests.engels import in_het_engels, kop

    url = reverse("uitkeringen:maand") + "?maand=2025-04"
    with in_het_engels(eigenaar) as client:
        response = client.get(url)
        xlsx = client.get(url + "&formaat=xlsx")
    html = response.content.decode()
    tabel = html.split('data-testid="specificatie"', 1)[1].split("</table>", 1)[0]
    koppen = [re.sub(r"<[^>]+>", "", k).strip() for k in re.findall(r"<th[^>]*>(.*?)</th>", tabel)]
    assert kop(response) == "Benefit statement 04-2025"
    assert koppen[:4] == ["Employee", "BSN", "Month", "Type"]
    assert "Uitkeringsdagen" not in koppen
    blad = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert [cel.value for cel in next(blad.iter_rows(max_row=1))] == koppen
    rijen = [[_waarde(w) for w in rij] for rij in blad.iter_rows(min_row=2, values_only=True)]
    assert rijen[:-1] == _gelijk(_tabel(html))
    assert rijen[-1][0] == "Total" and rijen[-1][8] == _paginatotaal(html)
