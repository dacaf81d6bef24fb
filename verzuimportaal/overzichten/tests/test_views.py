"""Overview pages and downloads: numbers, access, bad periods, files, query counts (seed 004)."""

import contextlib
import csv
import io
from datetime import UTC, date, datetime

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from conftest import eherkenning_client
from tests.factories import LoonheffingennummerFactory, WerknemerFactory, geldig_bsn, werknemer_bij
from tests.html import pagina, tekst
from verzuimportaal.toegang.diensten import Dienst

from .factories import geval, mutatie

VANDAAG = "2025-06-15"
APRIL = {"begin": "2025-04-01", "einde": "2025-04-30"}


def rijen(response, kolommen_vanaf: int = 0) -> list[list[str]]:
    return [
        [" ".join(c.text_content().split()) for c in tr.xpath("./th|./td")][kolommen_vanaf:]
        for tr in pagina(response).xpath("//table/tbody/tr")
    ]


def totalen(response) -> dict[str, str]:
    dl = pagina(response).xpath("//dl[@data-testid='totalen']")[0]
    return {
        dt.text_content().strip(): dd.text_content().strip()
        for dt, dd in zip(dl.xpath("./dt"), dl.xpath("./dd"), strict=True)
    }


def csv_rijen(response) -> list[list[str]]:
    inhoud = b"".join(response.streaming_content).decode("utf-8")
    assert inhoud.startswith("\ufeff")
    return list(csv.reader(io.StringIO(inhoud[1:]), delimiter=";"))


def xlsx_rijen(response) -> list[tuple]:
    inhoud = b"".join(response.streaming_content)
    return list(openpyxl.load_workbook(io.BytesIO(inhoud)).active.iter_rows(values_only=True))


@pytest.fixture
def april(werkgever_a):
    """Three spells of werkgever A around April 2025, counted by hand."""
    piet = werknemer_bij(werkgever_a, achternaam="Aarts", voornaam="Piet")
    kees = werknemer_bij(werkgever_a, achternaam="Bakker", voornaam="Kees")
    anna = werknemer_bij(werkgever_a, achternaam="Claes", voornaam="Anna")
    return {
        # DOMAIN §6 example: 7 → hersteld 10 April = 3 days.
        "kort": geval(werkgever_a, date(2025, 4, 7), date(2025, 4, 10), werknemer=piet),
        # From 20 March, 50 % from 1 April, hersteld 11 April: 10 April days.
        "maart": geval(
            werkgever_a,
            date(2025, 3, 20),
            date(2025, 4, 11),
            werknemer=kees,
            deelherstel=[(date(2025, 4, 1), 50)],
        ),
        # Open from 25 April: 6 days.
        "open": geval(werkgever_a, date(2025, 4, 25), werknemer=anna),
    }


# --- 1. algemeen -----------------------------------------------------------------------------


@pytest.mark.klok(VANDAAG)
def test_algemeen_toont_gevallen_en_totalen(werkgever_a, eigenaar, april):
    response = eigenaar.get(reverse("overzichten:algemeen"), APRIL)

    assert response.status_code == 200
    lhnr = werkgever_a.loonheffingennummer.nummer
    assert rijen(response) == [
        [
            "Aarts, Piet",
            lhnr,
            april["kort"].verzuimnummer,
            "07-04-2025",
            "10-04-2025 (hersteld)",
            "3",
            "100 %",
        ],
        [
            "Bakker, Kees",
            lhnr,
            april["maart"].verzuimnummer,
            "20-03-2025",
            "11-04-2025 (hersteld)",
            "10",
            "50 %",
        ],
        ["Claes, Anna", lhnr, april["open"].verzuimnummer, "25-04-2025", "loopt nog", "6", "100 %"],
    ]
    assert totalen(response) == {
        "Verzuimgevallen in de periode": "3",
        "Nieuwe ziekmeldingen in de periode": "2",
        "Ziektedagen in de periode": "19",
    }
    assert "Periode 01-04-2025 t/m 30-04-2025 (30 dagen)" in tekst(response)


@pytest.mark.klok(VANDAAG)
def test_algemeen_zonder_periode_is_jaar_tot_vandaag(werkgever_a, eigenaar, april):
    response = eigenaar.get(reverse("overzichten:algemeen"))
    assert "Periode 01-01-2025 t/m 15-06-2025" in tekst(response)
    # Open since 25 April: 25 April .. 15 June = 52 days.
    assert rijen(response)[2][-2] == "52"


@pytest.mark.klok(VANDAAG)
def test_algemeen_filter_per_loonheffingennummer(werkgever_a, eigenaar, april):
    ander = LoonheffingennummerFactory(werkgever=werkgever_a.werkgever)
    elders = geval(
        werkgever_a,
        date(2025, 4, 1),
        werknemer=WerknemerFactory(loonheffingennummer=ander, bsn=geldig_bsn()),
    )
    alles = eigenaar.get(reverse("overzichten:algemeen"), APRIL)
    assert elders.verzuimnummer in tekst(alles)

    response = eigenaar.get(
        reverse("overzichten:algemeen"), APRIL | {"loonheffingennummer": ander.nummer}
    )
    assert [r[2] for r in rijen(response)] == [elders.verzuimnummer]
    assert totalen(response)["Ziektedagen in de periode"] == "30"


@pytest.mark.klok(VANDAAG)
def test_algemeen_weigert_loonheffingennummer_van_andere_werkgever(
    werkgever_a, werkgever_b, eigenaar, april
):
    response = eigenaar.get(
        reverse("overzichten:algemeen"),
        APRIL | {"loonheffingennummer": werkgever_b.loonheffingennummer.nummer},
    )
    assert "Kies een loonheffingennummer uit de lijst." in tekst(response)
    assert not pagina(response).xpath("//table")


@pytest.mark.klok(VANDAAG)
def test_algemeen_buitenstaander_ziet_niets_van_a(werkgever_a, buitenstaander, april):
    response = buitenstaander.get(reverse("overzichten:algemeen"), APRIL | {"formaat": "csv"})
    assert csv_rijen(response)[1:] == []
    response = buitenstaander.get(reverse("overzichten:algemeen"), APRIL)
    for g in april.values():
        assert g.verzuimnummer not in tekst(response)


@pytest.mark.parametrize(
    "naam",
    [
        "overzichten:index",
        "overzichten:algemeen",
        "overzichten:verzekeraar",
        "overzichten:mutaties",
    ],
)
def test_zonder_dienst_overzichten_403(werkgever_a, naam):
    client = eherkenning_client(
        werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN, Dienst.WERKNEMERSGEGEVENS
    )
    assert client.get(reverse(naam)).status_code == 403
    assert client.get(reverse(naam), {"formaat": "csv"}).status_code == 403
    alleen_overzichten = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.OVERZICHTEN)
    assert alleen_overzichten.get(reverse(naam)).status_code == 200


@pytest.mark.klok(VANDAAG)
@pytest.mark.parametrize(
    ("periode", "melding"),
    [
        ({"begin": "2025-04-30", "einde": "2025-04-01"}, "De einddatum ligt vóór de begindatum"),
        ({"begin": "2015-01-01", "einde": "2025-06-01"}, "De periode is langer dan 10 jaar"),
        ({"begin": "2025-06-01", "einde": "2025-06-16"}, "De einddatum ligt in de toekomst"),
        ({"begin": "gisteren", "einde": "2025-06-01"}, "Vul een geldige datum in"),
    ],
)
@pytest.mark.parametrize(
    "naam", ["overzichten:algemeen", "overzichten:verzekeraar", "overzichten:mutaties"]
)
def test_ongeldige_periode(werkgever_a, eigenaar, naam, periode, melding):
    response = eigenaar.get(reverse(naam), periode)
    assert response.status_code == 200
    assert melding in tekst(response)
    assert pagina(response).xpath("//*[@id='foutsamenvatting']")
    assert not pagina(response).xpath("//table")

    for formaat in ("csv", "xlsx"):
        download = eigenaar.get(reverse(naam), periode | {"formaat": formaat})
        assert download.status_code == 400
        assert download["Content-Type"] == "text/plain; charset=utf-8"
        assert melding in download.content.decode()


def test_onbekend_formaat_400(werkgever_a, eigenaar):
    response = eigenaar.get(reverse("overzichten:algemeen"), {"formaat": "pdf"})
    assert response.status_code == 400
    assert response.content.decode() == "Onbekend formaat 'pdf'. Kies csv of xlsx."


@pytest.mark.klok(VANDAAG)
def test_algemeen_csv_en_xlsx(werkgever_a, eigenaar, april):
    response = eigenaar.get(reverse("overzichten:algemeen"), APRIL | {"formaat": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="algemeen-verzuimoverzicht-20250401-20250430.csv"'
    )
    regels = csv_rijen(response)
    assert regels[0][:4] == [
        "Werknemer",
        "Loonheffingennummer",
        "Verzuimnummer",
        "Eerste ziektedag",
    ]
    assert regels[2] == [
        "Bakker, Kees",
        werkgever_a.loonheffingennummer.nummer,
        april["maart"].verzuimnummer,
        "20-03-2025",
        "11-04-2025",
        "hersteld",
        "10",
        "50",
    ]
    assert len(regels) == 4

    response = eigenaar.get(reverse("overzichten:algemeen"), APRIL | {"formaat": "xlsx"})
    assert response["Content-Disposition"].endswith('20250401-20250430.xlsx"')
    xlsx = xlsx_rijen(response)
    assert xlsx[3] == (
        "Claes, Anna",
        werkgever_a.loonheffingennummer.nummer,
        april["open"].verzuimnummer,
        datetime(2025, 4, 25),
        None,
        "loopt nog",
        6,
        100,
    )


@pytest.mark.klok(VANDAAG)
def test_algemeen_paginering_houdt_filter_vast(werkgever_a, eigenaar, settings):
    for i in range(55):
        geval(werkgever_a, date(2025, 4, 1 + i % 28))
    response = eigenaar.get(reverse("overzichten:algemeen"), APRIL)
    assert len(rijen(response)) == 50
    volgende = pagina(response).xpath("//a[@rel='next']/@href")[0]
    assert "begin=2025-04-01" in volgende and "einde=2025-04-30" in volgende
    assert totalen(response)["Verzuimgevallen in de periode"] == "55"  # totals over all pages
    with CaptureQueriesContext(connection) as queries:
        laatste = eigenaar.get(reverse("overzichten:algemeen") + volgende)
    assert len(rijen(laatste)) == 5
    assert "Pagina 2 van 2" in tekst(laatste)
    # The paginator takes its count from the totals: no separate COUNT over the spells.
    tellingen = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT COUNT(*) AS "__count" FROM "verzuim_verzuimgeval"')
    ]
    assert tellingen == []


@pytest.mark.klok(VANDAAG)
def test_algemeen_totalen_uit_de_cache_tot_de_gegevens_veranderen(werkgever_a, eigenaar, april):
    """ADR 0011: the totals are kept per data version of the werkgever, never shown stale."""

    def bekijk() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            response = eigenaar.get(reverse("overzichten:algemeen"), APRIL)
        sommen = [q for q in queries.captured_queries if "SUM(" in q["sql"]]
        return len(sommen), totalen(response)["Verzuimgevallen in de periode"]

    eerst, aantal = bekijk()
    assert eerst == 1
    assert bekijk() == (0, aantal)  # totals from the cache
    geval(werkgever_a, date(2025, 4, 20))  # counts as a write, as the services do
    assert bekijk() == (1, str(int(aantal) + 1))


# --- 2. verzekeraar --------------------------------------------------------------------------


@pytest.mark.klok(VANDAAG)
def test_verzekeraar_standaard_twee_weken_eigen_risico(werkgever_a, eigenaar, april):
    response = eigenaar.get(reverse("overzichten:verzekeraar"), APRIL)
    assert response.status_code == 200
    assert 'value="2"' in response.content.decode()
    # kort: 7..9 April inside the eigen risico (ends 20 April).
    # maart: eigen risico 20 March .. 2 April -> 2 April days inside, 8 after.
    # open: 25..30 April, eigen risico until 8 May -> 6 inside.
    per_nummer = {r[1]: r for r in rijen(response)}
    assert per_nummer[april["kort"].verzuimnummer][3] == "20-04-2025"
    assert per_nummer[april["kort"].verzuimnummer][5:] == ["3", "3", "0"]
    assert per_nummer[april["maart"].verzuimnummer][3] == "02-04-2025"
    assert per_nummer[april["maart"].verzuimnummer][5:] == ["10", "2", "8"]
    assert per_nummer[april["open"].verzuimnummer][5:] == ["6", "6", "0"]
    mutaties = pagina(response).xpath(
        f"//tr[td[text()='{april['maart'].verzuimnummer}']]//ul[@class='vp-mutaties']/li/text()"
    )
    assert mutaties == [
        "20-03-2025: ziekmelding 100 %",
        "01-04-2025: gedeeltelijk hersteld 50 %",
        "11-04-2025: volledig hersteld",
    ]
    assert totalen(response) == {
        "Eigenrisicotermijn": "2 weken",
        "Verzuimgevallen in de periode": "3",
        "Ziektedagen in de periode": "19",
        "Waarvan binnen de eigenrisicotermijn": "11",
        "Waarvan na de eigenrisicotermijn": "8",
    }


@pytest.mark.klok(VANDAAG)
def test_verzekeraar_andere_termijn_en_csv(werkgever_a, eigenaar, april):
    response = eigenaar.get(
        reverse("overzichten:verzekeraar"), APRIL | {"eigenrisico_weken": "1", "formaat": "csv"}
    )
    regels = {r[2]: r for r in csv_rijen(response)[1:]}
    maart = regels[april["maart"].verzuimnummer]
    # 1 week: eigen risico 20..26 March, so all 10 April days are after it.
    assert maart[4] == "26-03-2025"
    assert maart[7] == (
        "20-03-2025 ziekmelding 100 %; 01-04-2025 gedeeltelijk hersteld 50 %; "
        "11-04-2025 volledig hersteld"
    )
    assert maart[8:] == ["10", "0", "10"]
    assert regels[april["kort"].verzuimnummer][8:] == ["3", "3", "0"]  # 7..13 April


@pytest.mark.klok(VANDAAG)
@pytest.mark.parametrize(
    ("weken", "melding"),
    [("-1", "niet negatief"), ("105", "104 weken"), ("twee", "heel aantal weken")],
)
def test_verzekeraar_ongeldige_termijn(werkgever_a, eigenaar, weken, melding):
    response = eigenaar.get(
        reverse("overzichten:verzekeraar"), APRIL | {"eigenrisico_weken": weken}
    )
    assert melding in tekst(response)
    download = eigenaar.get(
        reverse("overzichten:verzekeraar"), APRIL | {"eigenrisico_weken": weken, "formaat": "csv"}
    )
    assert download.status_code == 400


# --- 3. per werknemer ------------------------------------------------------------------------


@pytest.mark.klok(VANDAAG)
def test_werknemer_historie_en_totalen(werkgever_a, eigenaar):
    persoon = werknemer_bij(werkgever_a, datum_in_dienst=date(2023, 1, 1))
    geval(werkgever_a, date(2023, 2, 6), date(2023, 2, 20), werknemer=persoon)  # 14 days
    geval(werkgever_a, date(2024, 12, 30), date(2025, 1, 3), werknemer=persoon)  # 4 days
    laatste = geval(werkgever_a, date(2025, 6, 2), werknemer=persoon)  # 14 days to 15 June

    response = eigenaar.get(reverse("overzichten:werknemer", args=[persoon.uuid]))

    assert response.status_code == 200
    assert "Periode 01-01-2023 t/m 15-06-2025" in tekst(response)
    assert [r[:4] for r in rijen(response)] == [
        [
            persoon.verzuimgevallen.order_by("eerste_ziektedag")[0].verzuimnummer,
            "06-02-2023",
            "20-02-2023 (hersteld)",
            "14",
        ],
        [
            persoon.verzuimgevallen.order_by("eerste_ziektedag")[1].verzuimnummer,
            "30-12-2024",
            "03-01-2025 (hersteld)",
            "4",
        ],
        [laatste.verzuimnummer, "02-06-2025", "loopt nog", "14"],
    ]
    assert totalen(response)["Ziektedagen in de periode"] == "32"
    # DOMAIN §6 for one full-time employee: 32 sick days of 897 employed days = 3.6 %.
    assert totalen(response)["Verzuimpercentage"] == "3,6 %"
    assert totalen(response)["Ziekmeldingen in de periode"] == "3"

    jaar = eigenaar.get(
        reverse("overzichten:werknemer", args=[persoon.uuid]),
        {"begin": "2025-01-01", "einde": "2025-06-15"},
    )
    assert totalen(jaar)["Ziektedagen in de periode"] == "16"  # 2 in January + 14 in June
    assert totalen(jaar)["Ziekmeldingen in de periode"] == "1"

    xlsx = xlsx_rijen(
        eigenaar.get(reverse("overzichten:werknemer", args=[persoon.uuid]), {"formaat": "xlsx"})
    )
    assert [r[5] for r in xlsx[1:]] == [14, 4, 14]


@pytest.mark.klok("2028-02-29 12:00")
def test_werknemer_standaardperiode_op_schrikkeldag(werkgever_a, eigenaar):
    """Ten years before 29 February 2028 is 28 February 2018: the default period starts the day
    after, so it stays within the form's maximum of 10 years (and the page does not answer 500)."""
    persoon = werknemer_bij(werkgever_a, datum_in_dienst=date(2015, 1, 1))
    geval(werkgever_a, date(2028, 2, 28), werknemer=persoon)

    response = eigenaar.get(reverse("overzichten:werknemer", args=[persoon.uuid]))

    assert response.status_code == 200
    assert "Periode 01-03-2018 t/m 29-02-2028" in tekst(response)
    assert totalen(response)["Ziektedagen in de periode"] == "2"


def test_werknemer_van_andere_werkgever_404(werkgever_a, buitenstaander):
    adres = reverse("overzichten:werknemer", args=[werkgever_a.werknemer.uuid])
    assert buitenstaander.get(adres).status_code == 404
    assert buitenstaander.get(adres, {"formaat": "csv"}).status_code == 404


def test_werknemer_zonder_dienst_overzichten_403(werkgever_a):
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN)
    adres = reverse("overzichten:werknemer", args=[werkgever_a.werknemer.uuid])
    assert client.get(adres).status_code == 403


# --- 4. mutaties -----------------------------------------------------------------------------


@pytest.mark.klok(VANDAAG)
def test_mutaties_op_registratiedatum_met_wie(werkgever_a, eigenaar):
    g = geval(werkgever_a, date(2025, 3, 3))  # its ziekmelding is registered "now" (June)
    mutatie(
        g,
        "gedeeltelijk_hersteld",
        date(2025, 3, 31),
        60,
        door="Jan Jansen",
        op=datetime(2025, 4, 2, 8, 0, tzinfo=UTC),
    )
    mutatie(
        g,
        "gedeeltelijk_hersteld",
        date(2025, 4, 20),
        30,
        door="Eva de Wit",
        op=datetime(2025, 4, 22, 12, 0, tzinfo=UTC),
    )
    mutatie(
        g,
        "gedeeltelijk_hersteld",
        date(2025, 5, 1),
        20,
        door="Later",
        op=datetime(2025, 5, 2, 12, 0, tzinfo=UTC),
    )

    response = eigenaar.get(reverse("overzichten:mutaties"), APRIL)

    assert rijen(response) == [
        [
            "02-04-2025 10:00",
            "Jan Jansen",
            g.werknemer.sorteernaam,
            g.verzuimnummer,
            "Gedeeltelijk hersteld",
            "31-03-2025",
            "60 %",
        ],
        [
            "22-04-2025 14:00",
            "Eva de Wit",
            g.werknemer.sorteernaam,
            g.verzuimnummer,
            "Gedeeltelijk hersteld",
            "20-04-2025",
            "30 %",
        ],
    ]
    assert totalen(response)["Mutaties in de periode"] == "2"
    assert totalen(response)["Gedeeltelijk hersteld"] == "2"
    assert totalen(response)["Ziekmelding"] == "0"

    regels = csv_rijen(eigenaar.get(reverse("overzichten:mutaties"), APRIL | {"formaat": "csv"}))
    assert regels[1][:2] == ["02-04-2025 10:00", "Jan Jansen"]
    assert regels[1][5:] == ["Gedeeltelijk hersteld", "31-03-2025", "60", ""]


# --- index and werknemerslijst ---------------------------------------------------------------


def test_index_noemt_alle_zes_overzichten(werkgever_a, eigenaar):
    response = eigenaar.get(reverse("overzichten:index"))
    assert response.status_code == 200
    namen = [
        " ".join(n.text_content().split())
        for n in pagina(response).xpath("//*[contains(@class, 'vp-overzichten__naam')]")
    ]
    assert namen == [
        "Algemeen verzuimoverzicht",
        "Verzuimoverzicht verzekeraar",
        "Verzuimoverzicht per werknemer",
        "Mutatieoverzicht",
        "Verzuimstatistieken",
        "Managementrapport verzuim",
    ]
    links = set(pagina(response).xpath("//a[contains(@class, 'vp-overzichten__naam')]/@href"))
    verwacht = {
        reverse("overzichten:algemeen"),
        reverse("overzichten:verzekeraar"),
        reverse("overzichten:mutaties"),
    }
    for naam in ("statistiek:overzicht", "statistiek:managementrapport"):
        with contextlib.suppress(NoReverseMatch):
            verwacht.add(reverse(naam))
    assert links == verwacht


@pytest.mark.klok(VANDAAG)
def test_werknemerslijst_download(werkgever_a, werkgever_b, eigenaar):
    uit = werknemer_bij(werkgever_a, achternaam="Vertrokken", datum_uit_dienst=date(2025, 1, 31))
    response = eigenaar.get(reverse("overzichten:werknemerslijst"), {"formaat": "csv"})
    regels = csv_rijen(response)
    assert regels[0][:6] == [
        "Achternaam",
        "Tussenvoegsel",
        "Voornaam",
        "Voorletters",
        "BSN",
        "Loonheffingennummer",
    ]
    assert [r[4] for r in regels[1:]] == [werkgever_a.werknemer.bsn]
    assert regels[1][6:8] == ["14-03-1985", "01-01-2020"]

    alle = xlsx_rijen(
        eigenaar.get(reverse("overzichten:werknemerslijst"), {"formaat": "xlsx", "wie": "alle"})
    )
    assert sorted(r[0] for r in alle[1:]) == sorted(
        [werkgever_a.werknemer.achternaam, uit.achternaam]
    )
    assert werkgever_b.werknemer.bsn not in {r[4] for r in alle}
    pagina_ = eigenaar.get(reverse("overzichten:werknemerslijst"))
    assert "1 werknemer in dienst" in tekst(pagina_)


def test_werknemerslijst_vraagt_werknemersrecht(werkgever_a):
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.OVERZICHTEN)
    assert client.get(reverse("overzichten:werknemerslijst"), {"formaat": "csv"}).status_code == 403


# --- query counts ----------------------------------------------------------------------------


def _aantal_queries(client, adres, parameters) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(adres, parameters)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.klok(VANDAAG)
@pytest.mark.parametrize(
    "naam", ["overzichten:algemeen", "overzichten:verzekeraar", "overzichten:mutaties"]
)
@pytest.mark.parametrize("formaat", [None, "csv", "xlsx"])
def test_aantal_queries_hangt_niet_af_van_aantal_rijen(werkgever_a, eigenaar, naam, formaat):
    adres = reverse(naam)
    parameters = {"begin": "2025-01-01", "einde": VANDAAG} | (
        {"formaat": formaat} if formaat else {}
    )
    eigenaar.get(adres)  # chooses the werkgever
    for i in range(3):
        geval(
            werkgever_a,
            date(2025, 4, 1 + i),
            date(2025, 4, 20),
            deelherstel=[(date(2025, 4, 10), 50)],
        )
    drie = _aantal_queries(eigenaar, adres, parameters)
    for i in range(27):
        geval(
            werkgever_a,
            date(2025, 4, 1 + i % 9),
            date(2025, 4, 20),
            deelherstel=[(date(2025, 4, 10), 50)],
        )
    dertig = _aantal_queries(eigenaar, adres, parameters)
    assert dertig == drie


@pytest.mark.klok(VANDAAG)
def test_aantal_queries_werknemer(werkgever_a, eigenaar):
    persoon = werknemer_bij(werkgever_a, datum_in_dienst=date(2020, 1, 1))
    adres = reverse("overzichten:werknemer", args=[persoon.uuid])
    eigenaar.get(adres)

    def gevallen(van, tot):
        for i in range(van, tot):
            begin = date.fromordinal(date(2022, 1, 3).toordinal() + 10 * i)
            geval(werkgever_a, begin, date.fromordinal(begin.toordinal() + 5), werknemer=persoon)

    gevallen(0, 3)
    drie = _aantal_queries(eigenaar, adres, {})
    gevallen(3, 30)
    assert _aantal_queries(eigenaar, adres, {}) == drie
