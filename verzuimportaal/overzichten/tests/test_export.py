"""CSV/XLSX downloads: Dutch Excel format, formula-injection safe, streamed, names sanitised."""

import io
import tracemalloc
from datetime import UTC, date, datetime
from decimal import Decimal

import openpyxl
import pytest
from django.http import StreamingHttpResponse
from django.utils import timezone

from verzuimportaal.overzichten.export import (
    csv_response,
    csv_waarde,
    veilige_bestandsnaam,
    xlsx_response,
)


def _csv_tekst(response: StreamingHttpResponse) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_puntkomma_bom_en_nederlandse_datums():
    response = csv_response(
        bestandsnaam="verzuim.csv",
        kop=["Naam", "Eerste ziektedag", "Dagen", "Percentage"],
        rijen=[["Jansen; Piet", date(2025, 3, 7), 12, Decimal("50.5")]],
    )
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="verzuim.csv"'
    tekst = _csv_tekst(response)
    assert tekst.startswith("\ufeffNaam;Eerste ziektedag;Dagen;Percentage\r\n")
    assert tekst.endswith('"Jansen; Piet";07-03-2025;12;50,5\r\n')


@pytest.mark.parametrize("begin", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_formule_injectie_krijgt_apostrof(begin):
    assert csv_waarde(f"{begin}HYPERLINK(1)") == f"'{begin}HYPERLINK(1)"


def test_csv_eigen_getallen_niet_geescaped():
    assert csv_waarde(-3) == "-3"
    assert csv_waarde(Decimal("-1.25")) == "-1,25"
    assert csv_waarde(None) == ""
    assert csv_waarde(True) == "ja"
    assert csv_waarde("gewone tekst") == "gewone tekst"


def test_csv_datumtijd_in_nederlandse_tijd():
    # 2025-07-01 22:30 UTC is 2025-07-02 00:30 in Amsterdam (summer time).
    assert csv_waarde(datetime(2025, 7, 1, 22, 30, tzinfo=UTC)) == "02-07-2025 00:30"


def test_csv_wordt_gestreamd_uit_een_generator():
    gelezen = []

    def rijen():
        for i in range(3):
            gelezen.append(i)
            yield [i]

    response = csv_response(bestandsnaam="x", kop=["i"], rijen=rijen())
    assert gelezen == []  # nothing read before the response body is consumed
    assert _csv_tekst(response).splitlines()[1:] == ["0", "1", "2"]


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        ("verzuim 2025.csv", "verzuim-2025.csv"),
        ('../../etc/passwd"\r\n', "passwd.csv"),
        ("overzicht", "overzicht.csv"),
        ("Überzicht é", "berzicht.csv"),
        ("", "overzicht.csv"),
    ],
)
def test_bestandsnaam_opgeschoond(invoer, verwacht):
    assert veilige_bestandsnaam(invoer, "csv") == verwacht


def test_xlsx_leest_terug_met_datums_en_tekst_geen_formules():
    response = xlsx_response(
        bestandsnaam="mutaties 2025",
        kop=["Naam", "Datum", "Dagen", "Notitie"],
        rijen=[
            ["Jansen", date(2025, 3, 7), 12, "=1+1"],
            ["de Vries", None, Decimal("2.5"), "kop\x07pen"],
        ],
        titel="Mutatieoverzicht: 2025/1",
    )
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == 'attachment; filename="mutaties-2025.xlsx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    inhoud = b"".join(response.streaming_content)
    werkboek = openpyxl.load_workbook(io.BytesIO(inhoud))
    blad = werkboek.active
    assert blad.title == "Mutatieoverzicht- 2025-1"
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0] == ("Naam", "Datum", "Dagen", "Notitie")
    assert rijen[1] == ("Jansen", datetime(2025, 3, 7), 12, "=1+1")
    assert blad["D2"].data_type == "s"  # stored as text, Excel will not evaluate it
    assert blad["B2"].number_format == "dd-mm-yyyy"
    assert rijen[2] == ("de Vries", None, 2.5, "koppen")
    # Issue: the export opened as a bare grid. Frozen heading, a filter on every column, and
    # columns wide enough for heading and date.
    assert blad.freeze_panes == "A2"
    assert blad.auto_filter.ref == "A1:D3"
    assert all(blad.column_dimensions[k].width >= 14 for k in "ABCD")


def test_xlsx_geheugen_blijft_vlak_bij_veel_rijen():
    """50 000 rows must not be held in memory: the workbook is streamed while it is written."""

    def rijen(n):
        for i in range(n):
            yield [f"Werknemer {i}", date(2025, 1, 1), i, "tekst"]

    def piek(n):
        tracemalloc.start()
        response = xlsx_response(
            bestandsnaam="x", kop=["a", "b", "c", "d"], rijen=rijen(n), titel="t"
        )
        for _ in response.streaming_content:
            pass
        _, hoogste = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return hoogste

    klein, groot = piek(1_000), piek(50_000)
    assert groot < klein * 3  # 50x the rows, not 50x the memory


def test_xlsx_begint_te_streamen_voordat_alle_rijen_gelezen_zijn():
    """The first bytes leave before the rows are all read: a large export starts at once."""
    gelezen = 0

    def rijen():
        nonlocal gelezen
        for i in range(200_000):
            gelezen += 1
            yield [f"Werknemer {i}", date(2025, 1, 1), i, "tekst"]

    response = xlsx_response(bestandsnaam="x", kop=["a", "b", "c", "d"], rijen=rijen(), titel="t")
    eerste = next(iter(response.streaming_content))
    assert eerste.startswith(b"PK\x03\x04")  # a zip's first local header
    assert 0 < gelezen < 200_000


def test_xlsx_kop_vast_autofilter_en_alle_soorten_waarden():
    moment = timezone.make_aware(datetime(2025, 3, 7, 14, 30))
    response = xlsx_response(
        bestandsnaam="x",
        kop=["Tekst", "Getal", "Bedrag", "Ja/nee", "Moment", "Leeg", "Spaties"],
        rijen=[["a & <b>", 3, Decimal("-1.25"), True, moment, None, " rand "]],
        titel="T",
    )
    werkboek = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    blad = werkboek.active
    assert list(blad.iter_rows(values_only=True)) == [
        ("Tekst", "Getal", "Bedrag", "Ja/nee", "Moment", "Leeg", "Spaties"),
        ("a & <b>", 3, -1.25, True, datetime(2025, 3, 7, 14, 30), None, " rand "),
    ]
    assert blad.freeze_panes == "A2"
    assert blad.auto_filter.ref == "A1:G2"
    assert blad["A1"].font.b
    assert blad["E2"].number_format == "dd-mm-yyyy hh:mm"
