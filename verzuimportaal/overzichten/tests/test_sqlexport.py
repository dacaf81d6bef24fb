"""Exports formatted by PostgreSQL give the same bytes as the Python writers (ADR 0037)."""

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from conftest import Omgeving
from tests.factories import VerzuimgevalFactory, werknemer_bij
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.overzichten import export
from verzuimportaal.overzichten.sqlexport import (
    Kolom,
    _python_rijen,
    csv_uit_database,
    xlsx_uit_database,
)
from verzuimportaal.verzuim.models import EindeReden, Verzuimgeval

pytestmark = pytest.mark.klok("2026-11-23")
AMS = ZoneInfo("Europe/Amsterdam")
LASTIGE_TEKSTEN = [
    "=SOM(A1)",
    "-5",
    "+31",
    "@cel",
    "\tinspringen",
    "a;b",
    'met "aanhalingstekens"',
    "regel\nnieuwe regel",
    "",
    " spaties rondom ",
    "<&> en é ñ ß",
    "stuur\x01teken",
    "gewoon",
]


def _inhoud(response) -> bytes:
    return b"".join(d if isinstance(d, bytes) else d.encode() for d in response.streaming_content)


def _python_csv(queryset, kolommen) -> bytes:
    kop = [k.kop for k in kolommen]
    rijen = _python_rijen(queryset, kolommen)
    return _inhoud(export.csv_response(bestandsnaam="x", kop=kop, rijen=rijen))


def _blad(inhoud: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(inhoud)).read("xl/worksheets/sheet1.xml").decode()


@pytest.fixture
def auditregels(werkgever_a: Omgeving):
    for i, tekst in enumerate(LASTIGE_TEKSTEN):
        Auditregel.objects.create(
            tijdstip=datetime(2026, 3, 29, 1, 30 + i, 0, tzinfo=ZoneInfo("UTC")),
            werkgever=werkgever_a.werkgever,
            weergavenaam=tekst,
            actie=[Actie.INZIEN, Actie.EXPORTEREN][i % 2],
            object_type="werknemer",
            omschrijving=tekst,
            ip_adres=[None, "10.0.0.1", "2001:db8::1"][i % 3],
        )
    return Auditregel.objects.filter(werkgever=werkgever_a.werkgever).order_by("tijdstip", "pk")


KOLOMMEN_AUDIT = [
    Kolom("Tijdstip", "tijdstip"),
    Kolom("Naam", "weergavenaam"),
    Kolom("Actie", "actie", labels={w: str(label) for w, label in Actie.choices}),
    Kolom("Omschrijving", "omschrijving"),
    Kolom("IP-adres", "ip_adres"),
]


def test_csv_gelijk_aan_de_python_schrijver(auditregels):
    verwacht = _python_csv(auditregels, KOLOMMEN_AUDIT)
    response = csv_uit_database(bestandsnaam="x", kolommen=KOLOMMEN_AUDIT, queryset=auditregels)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    gekregen = _inhoud(response)
    assert gekregen == verwacht
    assert b"'=SOM(A1)" in gekregen  # formula escape (CSV injection)
    assert b"29-03-2026 03:30" in gekregen  # summer time starts that night


@pytest.fixture
def verzuimen(werkgever_a: Omgeving):
    for i in range(4):
        werknemer = werknemer_bij(werkgever_a)
        werknemer.achternaam = LASTIGE_TEKSTEN[i * 3]
        werknemer.deeltijdfactor = [Decimal("0.889"), Decimal("1.000")][i % 2]
        werknemer.save()
        VerzuimgevalFactory(
            werknemer=werknemer,
            eerste_ziektedag=date(2026, 1, 5 + i),
            einddatum=None if i % 2 else date(2026, 2, 1 + i),
            einde_reden="" if i % 2 else EindeReden.HERSTELD,
            arbeidsconflict=bool(i % 2),
        )
    return Verzuimgeval.objects.filter(
        werknemer__loonheffingennummer__werkgever=werkgever_a.werkgever
    ).order_by("pk")


KOLOMMEN_VERZUIM = [
    Kolom("Nummer", "verzuimnummer"),
    Kolom("Naam", "werknemer__achternaam"),
    Kolom("Deeltijd", "werknemer__deeltijdfactor"),
    Kolom("Ziek", "eerste_ziektedag"),
    Kolom("Einde", "einddatum"),
    Kolom("Reden", "einde_reden", labels={w: str(label) for w, label in EindeReden.choices}),
    Kolom("Conflict", "arbeidsconflict"),
    Kolom("Gemeld", "gemeld_op"),
]


def test_csv_met_datums_getallen_en_ja_nee(verzuimen):
    verwacht = _python_csv(verzuimen, KOLOMMEN_VERZUIM)
    gekregen = _inhoud(
        csv_uit_database(bestandsnaam="x", kolommen=KOLOMMEN_VERZUIM, queryset=verzuimen)
    )
    assert gekregen == verwacht
    assert b";0,889;05-01-2026;" in gekregen


@pytest.mark.parametrize("regels", ["auditregels", "verzuimen"])
def test_xlsx_werkblad_gelijk_aan_de_python_schrijver(regels, request):
    queryset = request.getfixturevalue(regels)
    kolommen = KOLOMMEN_AUDIT if regels == "auditregels" else KOLOMMEN_VERZUIM
    verwacht = _inhoud(
        export.xlsx_response(
            bestandsnaam="x",
            kop=[k.kop for k in kolommen],
            rijen=_python_rijen(queryset, kolommen),
            titel="Overzicht",
        )
    )
    gekregen = _inhoud(
        xlsx_uit_database(bestandsnaam="x", kolommen=kolommen, queryset=queryset, titel="Overzicht")
    )
    assert _blad(gekregen) == _blad(verwacht)
    boek = openpyxl.load_workbook(io.BytesIO(gekregen))
    rijen = list(boek.active.iter_rows(values_only=True))
    assert len(rijen) == queryset.count() + 1
