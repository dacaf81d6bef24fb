"""The verzamelspecificatie page (DOMAIN §3 service 2, §7.2): gated, audited, page = XLSX = PDF,
a fixed number of queries; and the operator's page with the feed, maximumdagloon and vangnet."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import Omgeving, ingelogde_client, ingelogde_gebruiker
from tests.factories import (
    GebruikerFactory,
    LidmaatschapFactory,
    VerzuimgevalFactory,
    werknemer_bij,
)
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.uitkeringen.tests.factories import loon
from verzuimportaal.uitkeringen.tests.test_views import _gelijk, _tabel, _waarde, _xlsx
from verzuimportaal.verzamelspecificaties.models import (
    Importstatus,
    Maximumdagloon,
    Specificatieimport,
    Specificatieregel,
    Vangnetuitkering,
)
from verzuimportaal.verzamelspecificaties.service import (
    leg_vangnetuitkering_vast,
    stel_specificaties_op,
)
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.wazo.tests.factories import zwangerschapsverlof

pytestmark = pytest.mark.klok("2025-04-02 10:00")
URL = reverse("verzamelspecificaties:maand")


def _ziek_met_vangnet(a: Omgeving, jaarloon: Decimal) -> Verzuimgeval:
    werknemer = werknemer_bij(a)
    loon(werknemer, jaarloon)
    geval = VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2025, 3, 3))
    leg_vangnetuitkering_vast(door=Uitvoerder(), verzuimgeval=geval, grondslag="zw")
    return geval


@pytest.fixture
def maart(werkgever_a: Omgeving) -> Verzuimgeval:
    """March 2025: a ZW vangnet case (dagloon 200: 21 × 140.00 = 2,940.00) and WAZO leave from
    03-17 at the maximum (dagloon 320: 11 × 290.67 = 3,197.37)."""
    geval = _ziek_met_vangnet(werkgever_a, Decimal(52200))
    moeder = werknemer_bij(werkgever_a, achternaam="Zwanger")
    loon(moeder, Decimal(320 * 261))
    zwangerschapsverlof(moeder, date(2025, 3, 17), date(2025, 7, 20))
    stel_specificaties_op(door=Uitvoerder(), maand=date(2025, 3, 1))
    return geval


def _totalen(html: str) -> list[Decimal]:
    blok = html.split('data-testid="totalen"', 1)[1].split("</dl>", 1)[0]
    return [
        Decimal(bedrag.replace(".", "").replace(",", "."))
        for bedrag in re.findall(r"€ ([0-9.,-]+)</dd>", blok)
    ]


def test_pagina_gelijk_aan_xlsx_met_totalen_en_pdf(eigenaar: Client, maart: Verzuimgeval) -> None:
    html = eigenaar.get(URL + "?maand=2025-03").content.decode()
    pagina = _tabel(html)
    assert [rij[9:12] for rij in pagina] == [
        ["140,00", "21", "2.940,00"],
        ["290,67", "11", "3.197,37"],
    ]
    # DOMAIN §7.2: totals per soort and of the month.
    assert _totalen(html) == [Decimal("2940.00"), Decimal("3197.37"), Decimal("6137.37")]
    cellen = _xlsx(eigenaar.get(URL + "?maand=2025-03&formaat=xlsx"))
    assert cellen[: len(pagina)] == _gelijk(pagina)
    assert [rij[-1] for rij in cellen[len(pagina) :]] == _totalen(html)
    assert all(isinstance(_waarde(rij[-1]), Decimal) for rij in cellen)
    pdf = eigenaar.get(URL + "?maand=2025-03&formaat=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert Auditregel.objects.filter(object_type="verzamelspecificatie").count() == 3


def test_zonder_maand_de_laatste_maand_met_regels(eigenaar: Client, maart: Verzuimgeval) -> None:
    html = eigenaar.get(URL).content.decode()
    assert "03-2025" in html and "2.940,00" in html


def test_onbekend_formaat_400(eigenaar: Client, maart: Verzuimgeval) -> None:
    response = eigenaar.get(URL + "?formaat=csv")
    assert response.status_code == 400 and "Kies xlsx of pdf" in response.content.decode()


def test_zonder_dienst_uitkeringsgegevens_geweigerd(
    werkgever_a: Omgeving, maart: Verzuimgeval
) -> None:
    alleen_verzuim = LidmaatschapFactory(
        werkgever=werkgever_a.werkgever, rechten=[Dienst.VERZUIM_MELDEN]
    )
    assert ingelogde_client(alleen_verzuim).get(URL).status_code == 403


def test_buitenstaander_ziet_niets_van_a(buitenstaander: Client, maart: Verzuimgeval) -> None:
    html = buitenstaander.get(URL + "?maand=2025-03").content.decode()
    assert "2.940,00" not in html and maart.werknemer.bsn not in html


def test_aantal_queries_hangt_niet_af_van_het_aantal_regels(
    werkgever_a: Omgeving, eigenaar: Client, maart: Verzuimgeval
) -> None:
    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert eigenaar.get(URL + "?maand=2025-03").status_code == 200
        return len(queries)

    tel()
    weinig = tel()
    for _ in range(10):
        _ziek_met_vangnet(werkgever_a, Decimal(41760))
    stel_specificaties_op(door=Uitvoerder(), maand=date(2025, 3, 1))
    assert Specificatieregel.objects.count() == 12
    assert tel() == weinig <= 15


# ---- The operator's page -----------------------------------------------------------------------


@pytest.fixture
def beheerder(db: None) -> Client:
    gebruiker = GebruikerFactory(is_staff=True)
    gebruiker.user_permissions.add(
        Permission.objects.get(codename="beheren", content_type__app_label="verzamelspecificaties")
    )
    return ingelogde_gebruiker(gebruiker)


BEHEER = reverse("verzamelspecificaties_beheer:overzicht")


def test_feed_via_de_pagina_proefdraai_dan_vastleggen(
    beheerder: Client, werkgever_a: Omgeving
) -> None:
    werknemer = werkgever_a.werknemer
    inhoud = (
        "bsn,loonheffingennummer,grondslag,van,tot_en_met,dagloon,percentage,dagbedrag,bruto\n"
        f"{werknemer.bsn},{werknemer.loonheffingennummer.nummer},orgaandonatie,03-03-2025,"
        "07-03-2025,180.00,100,180.00,900.00\n"
    ).encode()
    response = beheerder.post(
        BEHEER,
        {"actie": "importeren", "bestand": SimpleUploadedFile("uwv.csv", inhoud)},
    )
    proef = Specificatieimport.objects.get()
    assert response.status_code == 302
    assert Specificatieregel.objects.count() == 0
    pagina = beheerder.get(reverse("verzamelspecificaties_beheer:import", args=[proef.uuid]))
    assert "Vastleggen" in pagina.content.decode()
    beheerder.post(reverse("verzamelspecificaties_beheer:vastleggen", args=[proef.uuid]))
    proef.refresh_from_db()
    assert proef.status == Importstatus.VASTGELEGD
    assert Specificatieregel.objects.get().bruto == Decimal("900.00")


def test_maximumdagloon_en_vangnet_via_de_pagina(beheerder: Client, werkgever_a: Omgeving) -> None:
    response = beheerder.post(
        BEHEER,
        {
            "actie": "maximumdagloon",
            "ingangsdatum": "2025-07-01",
            "bedrag": "295.00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Maximumdagloon.objects.get(ingangsdatum=date(2025, 7, 1)).bedrag == Decimal("295.00")
    geval = werkgever_a.verzuimgeval
    fout = beheerder.post(
        BEHEER,
        {
            "actie": "vangnet",
            "kvk_nummer": werkgever_a.werkgever.kvk_nummer,
            "verzuimnummer": geval.verzuimnummer,
            "grondslag": "no_riskpolis",
        },
    )
    assert "70 tot en met 100" in fout.content.decode()
    beheerder.post(
        BEHEER,
        {
            "actie": "vangnet",
            "kvk_nummer": werkgever_a.werkgever.kvk_nummer,
            "verzuimnummer": geval.verzuimnummer,
            "grondslag": "no_riskpolis",
            "percentage": "85",
        },
    )
    assert Vangnetuitkering.objects.get(verzuimgeval=geval).percentage == Decimal(85)
    assert werkgever_a.werkgever.naam in beheerder.get(BEHEER).content.decode()
