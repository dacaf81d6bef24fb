"""A streaming XLSX writer: one worksheet, written row by row into a zip that is itself streamed.

An XLSX file is a zip of XML parts. openpyxl's write-only mode keeps memory flat but writes the
whole sheet to a temporary file and only zips it at the end, so the first byte of a large export
came after the last row (minutes for a million rows), and at ~40 µs per cell. Here the sheet XML
is produced per row and fed to ``zipfile`` writing to an unseekable sink (sizes and checksum go in
a data descriptor after the data), so the download starts with the first rows and a cell costs
about a microsecond. Memory stays flat: only the compressor's window and the current chunk.

What the writer produces (ECMA-376, read back by openpyxl, Excel and LibreOffice):

- text as inline strings (``t="inlineStr"``): text starting with ``=`` stays text, never a formula;
  characters XML 1.0 does not allow are removed;
- numbers (int, float, Decimal) as numbers, booleans as booleans, ``None`` as an empty cell;
- dates and date-times as serial numbers with the format ``dd-mm-yyyy`` / ``dd-mm-yyyy hh:mm``;
- a bold header row that stays in view when scrolling (frozen pane), an autofilter over all rows,
  and column widths from the header (the data is not known in advance when streaming).

A sheet holds at most 1,048,576 rows (Excel's limit); more rows are not written and
``Werkblad.afgekapt`` tells the caller.
"""

import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from django.utils import timezone
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

MAX_RIJEN = 1_048_576  # Excel's rows per sheet, the header included
_BLOK = 64 * 1024  # bytes handed to the response at a time
_NUL = date(1899, 12, 30)  # Excel's day 0 in the 1900 date system, valid from 1 March 1900
_EERSTE_GEWONE_DAG = date(1900, 3, 1)

# Style indexes into cellXfs of styles.xml below.
_KOP, _DATUM, _DATUMTIJD = 1, 2, 3

_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_KOPREGEL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_CONTENT_TYPES = (
    f'{_KOPREGEL}<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SML}.styles+xml"/>'
    "</Types>"
)
_RELS = (
    f'{_KOPREGEL}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    f'{_KOPREGEL}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd-mm-yyyy"/>'
    '<numFmt numFmtId="165" formatCode="dd-mm-yyyy hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _workbook(titel: str, kolommen: int, rijen: int) -> str:
    bereik = f"'{titel.replace(chr(39), chr(39) * 2)}'!$A$1:${get_column_letter(kolommen)}${rijen}"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name={quoteattr(titel)} sheetId="1" r:id="rId1"/></sheets>'
        '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"{escape(bereik)}</definedName></definedNames>"
        "</workbook>"
    )


def _tekst(waarde: str) -> str:
    tekst = escape(ILLEGAL_CHARACTERS_RE.sub("", waarde))
    if tekst != tekst.strip():
        return f'<c t="inlineStr"><is><t xml:space="preserve">{tekst}</t></is></c>'
    return f'<c t="inlineStr"><is><t>{tekst}</t></is></c>'


def _dagnummer(dag: date) -> int | float:
    if dag >= _EERSTE_GEWONE_DAG:
        return (dag - _NUL).days
    return to_excel(dag)  # openpyxl handles Excel's 1900 leap-year quirk


def _datum(waarde: date) -> str:
    return f'<c s="{_DATUM}"><v>{_dagnummer(waarde)}</v></c>'


def _datumtijd(waarde: datetime) -> str:
    if waarde.tzinfo is not None:
        waarde = timezone.localtime(waarde)  # shown as the portal's local time, like the pages
    seconden = waarde.hour * 3600 + waarde.minute * 60 + waarde.second + waarde.microsecond / 1e6
    return f'<c s="{_DATUMTIJD}"><v>{_dagnummer(waarde.date()) + seconden / 86400!r}</v></c>'


def _getal(waarde: object) -> str:
    return f"<c><v>{waarde}</v></c>"


def _float(waarde: float) -> str:
    if waarde != waarde or waarde in (float("inf"), float("-inf")):
        return "<c/>"  # NaN and infinity have no cell value in XLSX
    return f"<c><v>{waarde!r}</v></c>"


def _bool(waarde: bool) -> str:
    return f'<c t="b"><v>{int(waarde)}</v></c>'


def _leeg(waarde: object) -> str:
    return "<c/>"


# Per exact type; a subclass (e.g. a TextChoices member) goes through ``_cel``.
_PER_TYPE = {
    str: _tekst,
    int: _getal,
    Decimal: _getal,
    float: _float,
    bool: _bool,
    date: _datum,
    datetime: _datumtijd,
    type(None): _leeg,
}


def _cel(waarde: object) -> str:
    schrijf = _PER_TYPE.get(type(waarde))
    if schrijf is not None:
        return schrijf(waarde)  # type: ignore[operator]
    if isinstance(waarde, bool):
        return _bool(waarde)
    if isinstance(waarde, datetime):
        return _datumtijd(waarde)
    if isinstance(waarde, date):
        return _datum(waarde)
    if isinstance(waarde, int | Decimal):
        return _getal(waarde)
    if isinstance(waarde, float):
        return _float(waarde)
    return _tekst(str(waarde))


_MINIMALE_KOLOMBREEDTE = 14  # "dd-mm-yyyy hh:mm" and amounts fit
_MAXIMALE_KOLOMBREEDTE = 60


def _breedte(kop: str) -> int:
    """Wide enough for the heading and a date (the rows are not known yet when streaming)."""
    return min(max(len(kop) + 4, _MINIMALE_KOLOMBREEDTE), _MAXIMALE_KOLOMBREEDTE)


class _Emmer:
    """The zip's output: collects what ``zipfile`` writes until the generator hands it on. No
    ``seek``/``tell``, so ``zipfile`` writes data descriptors instead of seeking back."""

    def __init__(self) -> None:
        self.delen: list[bytes] = []
        self.grootte = 0

    def write(self, data: bytes, /) -> int:
        self.delen.append(bytes(data))
        self.grootte += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def leeg(self) -> bytes:
        data = b"".join(self.delen)
        self.delen.clear()
        self.grootte = 0
        return data


class Werkblad:
    """Streams one workbook; iterate over ``bytes()`` to get the file in chunks."""

    def __init__(
        self,
        *,
        titel: str,
        kop: Sequence[str],
        rijen: Iterable[Sequence[object]],
        compressie: int = 1,
        opgemaakte_rijen: Iterable[str] | None = None,
    ) -> None:
        """``opgemaakte_rijen``: instead of ``rijen``, each row's ``<c>`` elements already
        written (by the database, ``sqlexport``); the sheet numbers and zips them."""
        self.titel = titel
        self.kop = list(kop)
        self.rijen = rijen
        self.opgemaakte_rijen = opgemaakte_rijen
        self.compressie = compressie
        self.aantal = 0  # data rows written
        self.afgekapt = False

    def _blad_begin(self) -> str:
        breedtes = "".join(
            f'<col min="{i}" max="{i}" width="{_breedte(k)}" customWidth="1"/>'
            for i, k in enumerate(self.kop, start=1)
        )
        kop = "".join(
            f'<c t="inlineStr" s="{_KOP}"><is><t>{escape(ILLEGAL_CHARACTERS_RE.sub("", k))}'
            "</t></is></c>"
            for k in self.kop
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetViews><sheetView workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
            "</sheetView></sheetViews>"
            f"{f'<cols>{breedtes}</cols>' if breedtes else ''}"
            f'<sheetData><row r="1">{kop}</row>'
        )

    def _blad_einde(self) -> str:
        einde = "</sheetData>"
        if self.kop:
            laatste = get_column_letter(len(self.kop))
            einde += f'<autoFilter ref="A1:{laatste}{self.aantal + 1}"/>'
        return einde + "</worksheet>"

    def __iter__(self) -> Iterator[bytes]:
        emmer = _Emmer()
        with zipfile.ZipFile(
            emmer, mode="w", compression=zipfile.ZIP_DEFLATED, compresslevel=self.compressie
        ) as archief:
            archief.writestr("[Content_Types].xml", _CONTENT_TYPES)
            archief.writestr("_rels/.rels", _RELS)
            archief.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
            archief.writestr("xl/styles.xml", _STYLES)
            with archief.open("xl/worksheets/sheet1.xml", mode="w") as blad:
                blad.write(self._blad_begin().encode())
                buffer: list[str] = []
                tekens = 0
                nummer = 1
                cellen: Iterable[str] = (
                    self.opgemaakte_rijen
                    if self.opgemaakte_rijen is not None
                    else ("".join(map(_cel, rij)) for rij in self.rijen)
                )
                for rij in cellen:
                    if nummer >= MAX_RIJEN:
                        self.afgekapt = True
                        break
                    nummer += 1
                    regel = f'<row r="{nummer}">{rij}</row>'
                    buffer.append(regel)
                    tekens += len(regel)
                    if tekens >= _BLOK:
                        blad.write("".join(buffer).encode())
                        buffer.clear()
                        tekens = 0
                        if emmer.grootte >= _BLOK // 4:
                            yield emmer.leeg()
                self.aantal = nummer - 1
                blad.write(("".join(buffer) + self._blad_einde()).encode())
            archief.writestr(
                "xl/workbook.xml", _workbook(self.titel, max(1, len(self.kop)), self.aantal + 1)
            )
        yield emmer.leeg()
