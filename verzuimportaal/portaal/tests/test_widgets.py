"""Dashboard widgets: verzuimpercentage vs last year, tijdigheid, termijnen, Snel naar."""

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import eherkenning_client
from tests.factories import VerzuimgevalFactory, werknemer_bij
from tests.html import pagina
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim.models import EindeReden

VANDAAG = "2025-06-15"  # a Sunday: the week is 9 … 15 June


def widget(response, naam: str) -> str | None:
    gevonden = pagina(response).xpath(f"//*[@data-testid='widget-{naam}']")
    return " ".join(gevonden[0].text_content().split()) if gevonden else None


def snel_naar(response) -> list[tuple[str, str]]:
    return [
        (a.text_content().strip(), a.get("href"))
        for a in pagina(response).xpath("//nav[@aria-labelledby='snel-naar']//a")
    ]


@pytest.fixture
def juni(werkgever_a):
    """Werkgever A: 2 employees; the fixture spell (from 2026) has no days before June 2025."""
    x = werknemer_bij(werkgever_a, achternaam="Xander")
    VerzuimgevalFactory(  # 2 … 7 June: 5 days, reported late (on 15 June)
        werknemer=x,
        eerste_ziektedag=date(2025, 6, 2),
        einddatum=date(2025, 6, 7),
        einde_reden=EindeReden.HERSTELD,
        gemeld_op=datetime(2025, 6, 15, 8, 0, tzinfo=UTC),
    )
    VerzuimgevalFactory(  # 10 … 12 June 2024: 3 days a year earlier; outside the 12 months
        werknemer=x,
        eerste_ziektedag=date(2024, 6, 10),
        einddatum=date(2024, 6, 13),
        einde_reden=EindeReden.HERSTELD,
        gemeld_op=datetime(2024, 6, 10, 8, 0, tzinfo=UTC),
    )
    return x


@pytest.mark.klok(VANDAAG)
def test_verzuimpercentage_deze_maand_tegen_vorig_jaar(werkgever_a, eigenaar, juni):
    response = eigenaar.get(reverse("portaal:dashboard"))
    # DOMAIN §6: 2 full-time employees × 15 days = 30; sick 5 days -> 16.7 %; last year 3 -> 10.0 %.
    tekst = widget(response, "percentage")
    assert tekst is not None
    assert tekst.startswith("Verzuimpercentage juni 2025 16,7 %")
    assert "Vorig jaar in dezelfde periode: 10,0 %." in tekst


@pytest.mark.klok(VANDAAG)
def test_tijdigheid_gemeld_op_eerste_ziektedag_in_nederlandse_tijd(werkgever_a, eigenaar, juni):
    VerzuimgevalFactory(  # reported 00:30 Dutch time on the first sick day: on time
        werknemer=werknemer_bij(werkgever_a),
        eerste_ziektedag=date(2025, 6, 10),
        gemeld_op=datetime(2025, 6, 9, 22, 30, tzinfo=UTC),
    )
    VerzuimgevalFactory(  # 23:30 Dutch time the day before: not "on the first sick day"
        werknemer=werknemer_bij(werkgever_a),
        eerste_ziektedag=date(2025, 6, 11),
        einddatum=date(2025, 6, 12),
        einde_reden=EindeReden.HERSTELD,
        gemeld_op=datetime(2025, 6, 10, 21, 30, tzinfo=UTC),
    )
    response = eigenaar.get(reverse("portaal:dashboard"))
    # In the last 12 months: Xander's June spell (late), the two above; the 2024 spell is older.
    assert widget(response, "tijdigheid") == (
        "Tijdigheid ziekmeldingen 33 % Gemeld op de eerste ziektedag: 1 van 3 ziekmeldingen "
        "sinds 16-06-2024."
    )


@pytest.mark.klok(VANDAAG)
def test_termijnen_deze_week(werkgever_a, werkgever_b, eigenaar):
    z = werknemer_bij(werkgever_a, achternaam="Zegers", voornaam="Zoë")
    VerzuimgevalFactory(werknemer=z, eerste_ziektedag=date(2025, 5, 5))  # probleemanalyse D+41
    VerzuimgevalFactory(
        werknemer=werknemer_bij(werkgever_b), eerste_ziektedag=date(2025, 5, 5)
    )  # B's spell is never shown to A
    response = eigenaar.get(reverse("portaal:dashboard"))
    tekst = widget(response, "termijnen")
    assert tekst is not None
    assert "Termijnen deze week 1 " in tekst
    assert "van 09-06 t/m 15-06-2025" in tekst
    assert "15-06: " in tekst and "Zegers, Zoë" in tekst
    assert "robleemanalyse" in tekst


@pytest.mark.klok(VANDAAG)
def test_widgets_alleen_met_het_recht(werkgever_a, juni):
    alleen_overzichten = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.OVERZICHTEN)
    response = alleen_overzichten.get(reverse("portaal:dashboard"))
    assert widget(response, "percentage") is not None
    assert widget(response, "tijdigheid") is not None
    assert widget(response, "termijnen") is None
    assert snel_naar(response) == [("Overzichten", reverse("overzichten:index"))]

    alleen_verzuim = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN)
    response = alleen_verzuim.get(reverse("portaal:dashboard"))
    assert widget(response, "percentage") is None
    assert widget(response, "tijdigheid") is None
    assert widget(response, "termijnen") is not None
    assert [naam for naam, _ in snel_naar(response)] == ["Ziek melden", "Lijst downloaden"]

    geen = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.BEZWAAR)
    response = geen.get(reverse("portaal:dashboard"))
    assert not pagina(response).xpath("//*[@data-testid='widgets']")
    assert snel_naar(response) == []


def test_snel_naar_voor_eigenaar(werkgever_a, eigenaar):
    verwacht = [
        ("Toegang verlenen", reverse("machtigingen:verlenen")),
        ("Werknemer aanmelden", reverse("werknemers:aanmelden")),
        ("Ziek melden", reverse("werknemers:lijst") + "?actie=ziekmelden"),
        ("Overzichten", reverse("overzichten:index")),
        ("Lijst downloaden", reverse("overzichten:werknemerslijst")),
    ]
    assert snel_naar(eigenaar.get(reverse("portaal:dashboard"))) == verwacht


@pytest.mark.klok(VANDAAG)
def test_widgets_kosten_een_vast_aantal_queries(werkgever_a, eigenaar):
    adres = reverse("portaal:dashboard")
    eigenaar.get(adres)

    def gevallen(n):
        for i in range(n):
            VerzuimgevalFactory(
                werknemer=werknemer_bij(werkgever_a), eerste_ziektedag=date(2025, 5, 1 + i % 28)
            )

    gevallen(3)
    with CaptureQueriesContext(connection) as drie:
        eigenaar.get(adres)
    gevallen(27)
    with CaptureQueriesContext(connection) as dertig:
        eigenaar.get(adres)
    assert len(dertig) == len(drie), [q["sql"] for q in dertig.captured_queries]


@pytest.mark.klok(VANDAAG)
def test_te_late_stappen_staan_bovenaan(werkgever_a, werkgever_b, eigenaar):
    """Issue: "Termijnen deze week: 2" while older steps were overdue. Overdue steps (DOMAIN §5,
    loonsanctie risk) get their own block above the widgets, oldest deadline first."""
    y = werknemer_bij(werkgever_a, achternaam="Yilmaz", voornaam="Yara")
    VerzuimgevalFactory(werknemer=y, eerste_ziektedag=date(2025, 4, 1))  # probleemanalyse 12 May
    VerzuimgevalFactory(werknemer=werknemer_bij(werkgever_b), eerste_ziektedag=date(2025, 4, 1))

    response = eigenaar.get(reverse("portaal:dashboard"))

    tekst = widget(response, "te-laat")
    assert tekst is not None
    # Ziekmelding arbodienst (end of week 1, 7 April), probleemanalyse (D+41, 12 May) and plan
    # van aanpak (D+55, 26 May); B's identical spell is not counted.
    assert tekst.startswith("Te laat: 3 wettelijke stappen ")
    assert (
        tekst.index("Te laat sinds 07-04-2025")
        < tekst.index("Te laat sinds 12-05-2025")
        < tekst.index("Te laat sinds 26-05-2025")
    )
    assert tekst.count("Yilmaz, Yara") == 3
    boom = pagina(response)
    blokken = boom.xpath("//*[@data-testid='widget-te-laat' or @data-testid='widgets']")
    assert next(b.get("data-testid") for b in blokken) == "widget-te-laat"


@pytest.mark.klok(VANDAAG)
def test_geen_blok_te_laat_zonder_te_late_stappen(werkgever_a, eigenaar):
    z = werknemer_bij(werkgever_a)
    VerzuimgevalFactory(werknemer=z, eerste_ziektedag=date(2025, 6, 12))
    response = eigenaar.get(reverse("portaal:dashboard"))
    assert widget(response, "te-laat") is None
