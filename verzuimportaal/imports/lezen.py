"""Reading a payroll export: CSV (UTF-8, ``;`` or ``,``) or XLSX, first row the column names.

Returns the column names and the rows as strings (dates from XLSX as ``YYYY-MM-DD``); refuses
what is not a table (wrong type by content, too many rows) with a Dutch message.
"""

import csv
import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook

MAX_BYTES = 10 * 1024 * 1024


def _tekst(waarde: object) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime):
        return waarde.date().isoformat()
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, float):
        return str(Decimal(str(waarde)))
    return str(waarde).strip()


def _csv(inhoud: bytes) -> list[list[str]]:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = inhoud.decode("cp1252")
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    return [[c.strip() for c in rij] for rij in csv.reader(io.StringIO(tekst), delimiter=scheiding)]


def _xlsx(inhoud: bytes) -> list[list[str]]:
    try:
        boek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as fout:
        raise ValidationError(
            _("Dit Excel-bestand is niet te lezen. Sla het opnieuw op als .xlsx.")
        ) from fout
    blad = boek.worksheets[0]
    rijen = [[_tekst(c) for c in rij] for rij in blad.iter_rows(values_only=True)]
    boek.close()
    return rijen


def lees(naam: str, inhoud: bytes, *, max_rijen: int) -> tuple[list[str], list[list[str]]]:
    if len(inhoud) > MAX_BYTES:
        raise ValidationError(_("Het bestand is groter dan 10 MB. Splits het in delen."))
    if inhoud[:4] == b"PK\x03\x04":
        rijen = _xlsx(inhoud)
    elif naam.lower().endswith((".csv", ".txt")) and b"\x00" not in inhoud[:4096]:
        rijen = _csv(inhoud)
    else:
        raise ValidationError(_("Kies een CSV- of Excel-bestand (.csv of .xlsx)."))
    rijen = [r for r in rijen if any(c for c in r)]
    if not rijen:
        raise ValidationError(_("Het bestand is leeg. Zet de kolomnamen op de eerste regel."))
    koppen, data = rijen[0], rijen[1:]
    if not data:
        raise ValidationError(_("Het bestand heeft alleen kolomnamen en geen werknemers."))
    if len(data) > max_rijen:
        raise ValidationError(
            _("Het bestand heeft meer dan %(max_rijen)s regels. Splits het in delen.")
            % {"max_rijen": max_rijen}
        )
    breedte = len(koppen)
    return koppen, [(r + [""] * breedte)[:breedte] for r in data]
