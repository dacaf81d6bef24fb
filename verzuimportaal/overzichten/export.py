"""Downloads of overviews as CSV (Dutch Excel) and XLSX, streamed so memory stays flat.

Shared by every overview (also the statistics app). Callers pass rows as an iterable, preferably
a ``QuerySet.iterator()`` or a generator, so a million rows never sit in memory at once.

CSV: ``;`` separator, UTF-8 with BOM and decimal comma, because Dutch Excel opens such a file
correctly with a double click. Dates as dd-mm-jjjj. Text starting with ``= + - @`` (or a tab /
carriage return) gets a leading ``'`` so a spreadsheet never runs it as a formula (OWASP CSV
injection). XLSX: streamed by ``xlsx.Werkblad`` while the rows are read; text cells are stored
as text (never formulas), dates as real dates shown as dd-mm-jjjj.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import StreamingHttpResponse
from django.utils import timezone

from .xlsx import Werkblad

BOM = "\ufeff"
DATUMFORMAAT = "%d-%m-%Y"
DATUMTIJDFORMAAT = "%d-%m-%Y %H:%M"
_GEVAARLIJK_BEGIN = ("=", "+", "-", "@", "\t", "\r")
_XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def veilige_bestandsnaam(bestandsnaam: str, extensie: str) -> str:
    """ASCII letters, digits, ``.-_`` only; no path parts; always the given extension."""
    stam = bestandsnaam.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    if stam.lower().endswith(f".{extensie}"):
        stam = stam[: -len(extensie) - 1]
    stam = re.sub(r"[^A-Za-z0-9._-]+", "-", stam).strip(".-_")[:100] or "overzicht"
    return f"{stam}.{extensie}"


def _tekst_veilig(tekst: str) -> str:
    return f"'{tekst}" if tekst.startswith(_GEVAARLIJK_BEGIN) else tekst


def _lokaal(moment: datetime) -> datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def _csv_datum(waarde: date) -> str:
    return f"{waarde.day:02d}-{waarde.month:02d}-{waarde.year:04d}"  # DATUMFORMAAT, faster


def _csv_datumtijd(waarde: datetime) -> str:
    return _lokaal(waarde).strftime(DATUMTIJDFORMAAT)


def _csv_getal(waarde: object) -> str:
    return str(waarde).replace(".", ",")


# Per exact type, the common case of a million-row export; anything else goes the long way.
_CSV_PER_TYPE: dict[type, Any] = {
    str: _tekst_veilig,
    int: str,
    date: _csv_datum,
    datetime: _csv_datumtijd,
    Decimal: _csv_getal,
    float: _csv_getal,
    bool: lambda waarde: "ja" if waarde else "nee",
    type(None): lambda waarde: "",
}


def csv_waarde(waarde: object) -> str:
    """One cell as Dutch-Excel text; only free text is escaped, our own numbers never are."""
    schrijf = _CSV_PER_TYPE.get(type(waarde))
    if schrijf is not None:
        return str(schrijf(waarde))
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, datetime):
        return _csv_datumtijd(waarde)
    if isinstance(waarde, date):
        return _csv_datum(waarde)
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, Decimal | float):
        return _csv_getal(waarde)
    return _tekst_veilig(str(waarde))


_CSV_BLOK = 64 * 1024  # characters handed to the response at a time, not one line at a time


def _csv_regels(kop: list[str], rijen: Iterable[Sequence[object]]) -> Iterator[str]:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    buffer.write(BOM)
    schrijver.writerow([csv_waarde(k) for k in kop])
    for rij in rijen:
        schrijver.writerow([csv_waarde(w) for w in rij])
        if buffer.tell() >= _CSV_BLOK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def download(
    stroom: Iterator[bytes] | Iterator[str], bestandsnaam: str, extensie: str
) -> StreamingHttpResponse:
    """A streamed download: content type, a safe file name, never kept in shared caches."""
    soort = "text/csv; charset=utf-8" if extensie == "csv" else _XLSX_MIME
    response = StreamingHttpResponse(stroom, content_type=soort)
    naam = veilige_bestandsnaam(bestandsnaam, extensie)
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    response["Cache-Control"] = "no-store"  # personal data: never kept in shared caches
    return response


def csv_response(
    *, bestandsnaam: str, kop: list[str], rijen: Iterable[Sequence[object]]
) -> StreamingHttpResponse:
    return download(_csv_regels(kop, rijen), bestandsnaam, "csv")


def bladtitel(titel: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "-", titel).strip("'")[:31] or "Overzicht"


def xlsx_response(
    *, bestandsnaam: str, kop: list[str], rijen: Iterable[Sequence[object]], titel: str
) -> StreamingHttpResponse:
    """The workbook streamed while the rows are read (``xlsx.Werkblad``): the download starts
    at once, whatever the number of rows, and memory stays flat."""
    return download(
        iter(Werkblad(titel=bladtitel(titel), kop=kop, rijen=rijen)), bestandsnaam, "xlsx"
    )
