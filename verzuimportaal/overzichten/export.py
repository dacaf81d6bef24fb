"""Downloads of overviews as CSV (Dutch Excel) and XLSX, streamed so memory stays flat.

Shared by every overview (also the statistics app). Callers pass rows as an iterable, preferably
a ``QuerySet.iterator()`` or a generator, so a million rows never sit in memory at once.

CSV: ``;`` separator, UTF-8 with BOM and decimal comma, because Dutch Excel opens such a file
correctly with a double click. Dates as dd-mm-jjjj. Text starting with ``= + - @`` (or a tab /
carriage return) gets a leading ``'`` so a spreadsheet never runs it as a formula (OWASP CSV
injection). XLSX: an openpyxl write-only workbook (rows go straight to a temporary file), text
cells are stored as text (never formulas), dates as real dates shown as dd-mm-jjjj.
"""

import csv
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

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


def csv_waarde(waarde: object) -> str:
    """One cell as Dutch-Excel text; only free text is escaped, our own numbers never are."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, datetime):
        return _lokaal(waarde).strftime(DATUMTIJDFORMAAT)
    if isinstance(waarde, date):
        return waarde.strftime(DATUMFORMAAT)
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, Decimal | float):
        return str(waarde).replace(".", ",")
    return _tekst_veilig(str(waarde))


class _Echo:
    """File-like object whose write returns the line, for csv.writer inside a generator."""

    def write(self, waarde: str) -> str:
        return waarde


def _csv_regels(kop: list[str], rijen: Iterable[Sequence[object]]) -> Iterator[str]:
    schrijver = csv.writer(_Echo(), delimiter=";", lineterminator="\r\n")
    yield BOM + schrijver.writerow([csv_waarde(k) for k in kop])
    for rij in rijen:
        yield schrijver.writerow([csv_waarde(w) for w in rij])


def csv_response(
    *, bestandsnaam: str, kop: list[str], rijen: Iterable[Sequence[object]]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        _csv_regels(kop, rijen), content_type="text/csv; charset=utf-8"
    )
    naam = veilige_bestandsnaam(bestandsnaam, "csv")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    response["Cache-Control"] = "no-store"  # personal data: never kept in shared caches
    return response


def _xlsx_cel(blad: Any, waarde: object) -> object:
    if waarde is None or isinstance(waarde, bool | int | float | Decimal):
        return waarde
    if isinstance(waarde, datetime):
        cel = WriteOnlyCell(blad, value=_lokaal(waarde).replace(tzinfo=None))
        cel.number_format = "dd-mm-yyyy hh:mm"
        return cel
    if isinstance(waarde, date):
        cel = WriteOnlyCell(blad, value=waarde)
        cel.number_format = "dd-mm-yyyy"
        return cel
    cel = WriteOnlyCell(blad, value=ILLEGAL_CHARACTERS_RE.sub("", str(waarde)))
    cel.data_type = "s"  # text starting with "=" stays text, never a formula
    return cel


_MINIMALE_KOLOMBREEDTE = 14  # "dd-mm-yyyy hh:mm" and amounts fit
_MAXIMALE_KOLOMBREEDTE = 60


def _bladtitel(titel: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "-", titel).strip("'")[:31] or "Overzicht"


def xlsx_response(
    *, bestandsnaam: str, kop: list[str], rijen: Iterable[Sequence[object]], titel: str
) -> FileResponse:
    werkboek = Workbook(write_only=True)
    blad = werkboek.create_sheet(title=_bladtitel(titel))
    # Set before the first row (a write-only sheet writes its header then): the header row stays
    # in view while scrolling, and each column is wide enough for its heading and a date.
    blad.freeze_panes = "A2"
    for nummer, k in enumerate(kop, start=1):
        blad.column_dimensions[get_column_letter(nummer)].width = min(
            max(len(k) + 4, _MINIMALE_KOLOMBREEDTE), _MAXIMALE_KOLOMBREEDTE
        )
    vet = Font(bold=True)
    koprij = []
    for k in kop:
        cel = WriteOnlyCell(blad, value=k)
        cel.font = vet
        cel.data_type = "s"
        koprij.append(cel)
    blad.append(koprij)
    aantal = 0
    for rij in rijen:
        blad.append([_xlsx_cel(blad, w) for w in rij])
        aantal += 1
    if kop:  # a filter button on every heading, over all rows (written when the sheet closes)
        blad.auto_filter.ref = f"A1:{get_column_letter(len(kop))}{aantal + 1}"
    bestand = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
    werkboek.save(bestand)
    bestand.seek(0)
    response = FileResponse(
        bestand,
        as_attachment=True,
        filename=veilige_bestandsnaam(bestandsnaam, "xlsx"),
        content_type=_XLSX_MIME,
    )
    response["Cache-Control"] = "no-store"
    return response
