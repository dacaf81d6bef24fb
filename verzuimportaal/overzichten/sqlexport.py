"""Exports whose cells PostgreSQL formats itself (ADR 0032, 0037): CSV and XLSX at database speed.

For an export of plain columns (a field, or a code shown as its label) Python only has to hand
the bytes on. The same ``SELECT`` the ORM builds is wrapped in one that formats every cell the
way ``export.csv_waarde`` and ``xlsx.Werkblad`` do:

- CSV: each row arrives as its finished line — dates ``dd-mm-jjjj``, date-times in the portal's
  time zone ``dd-mm-jjjj hh:mm``, decimal comma, ``ja``/``nee``, text starting with ``= + - @``
  (tab, carriage return) behind a ``'`` (CSV injection), quoting as Python's ``csv`` module;
- XLSX: each row arrives as its ``<c>`` elements (inline text escaped for XML, date serial
  numbers with their style, numbers, booleans); ``Werkblad`` numbers the rows and zips them.

Rows come from a server-side cursor in batches, so the download starts with the first rows
(``_regels``).

The header, BOM, file names and streaming are those of ``export``; the caller writes the audit
row first, as for every export. On a database other than PostgreSQL the rows go through
``export.csv_response`` / ``xlsx_response`` (same output, Python speed).
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connections, models, transaction
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone

from . import export
from .xlsx import _DATUM, _DATUMTIJD, Werkblad

_REGELS_PER_KEER = 2000  # rows per round trip of the cursor


@dataclass(frozen=True)
class Kolom:
    """One column: its heading, the ``values_list`` lookup, and for a code its labels."""

    kop: str
    veld: str
    labels: Mapping[Any, str] = field(default_factory=dict)


_TEKST, _DATUM_SOORT, _DATUMTIJD_SOORT, _GETAL, _DECIMAAL, _BOOL, _IP = range(7)


def _soort(uitvoer: "models.Field[Any, Any]", kolom: Kolom) -> int:
    if kolom.labels:
        return _TEKST
    if isinstance(uitvoer, models.DateTimeField):
        return _DATUMTIJD_SOORT
    if isinstance(uitvoer, models.DateField):
        return _DATUM_SOORT
    if isinstance(uitvoer, models.BooleanField):
        return _BOOL
    if isinstance(uitvoer, models.DecimalField | models.FloatField):
        return _DECIMAAL
    if isinstance(uitvoer, models.IntegerField | models.AutoField):
        return _GETAL
    if isinstance(uitvoer, models.GenericIPAddressField):
        return _IP
    return _TEKST


@dataclass(frozen=True)
class _Selectie:
    sql: str
    params: tuple[Any, ...]
    soorten: list[int]
    alias: str


def _selectie(queryset: QuerySet[Any], kolommen: Sequence[Kolom]) -> _Selectie:
    rijen = queryset.values_list(*(k.veld for k in kolommen))
    compiler = rijen.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    soorten = [
        _soort(expressie.output_field, kolom)
        for (expressie, _, _), kolom in zip(compiler.select, kolommen, strict=True)
    ]
    return _Selectie(sql=sql, params=tuple(params), soorten=soorten, alias=queryset.db)


def _tekst_sql(kolom: str, labels: Mapping[Any, str], params: list[Any], *, csv: bool) -> str:
    """The text of a cell (a code as its label); for CSV an empty text as NULL (an unquoted
    empty field, as Python's ``csv`` writes it; PostgreSQL would write ``""``)."""
    if labels:
        gevallen = []
        for code, label in labels.items():
            gevallen.append("WHEN %s THEN %s")
            params.extend([code, str(label)])
        kolom = f"(CASE {kolom} {' '.join(gevallen)} ELSE {kolom}::text END)"
    return f"NULLIF({kolom}::text, '')" if csv else f"{kolom}::text"


_GEVAARLIJK = "('=', '+', '-', '@', E'\\t', E'\\r')"


def _csv_cel(soort: int, kolom: str, params: list[Any]) -> str:
    if soort == _DATUM_SOORT:
        return f"to_char({kolom}, 'DD-MM-YYYY')"
    if soort == _DATUMTIJD_SOORT:
        params.append(timezone.get_current_timezone_name())
        return f"to_char({kolom} AT TIME ZONE %s, 'DD-MM-YYYY HH24:MI')"
    if soort == _BOOL:
        return f"CASE WHEN {kolom} THEN 'ja' WHEN NOT {kolom} THEN 'nee' END"
    if soort == _DECIMAAL:
        return f"replace({kolom}::text, '.', ',')"
    if soort == _GETAL:
        return f"{kolom}::text"
    if soort == _IP:
        return f"host({kolom})"
    return f"CASE WHEN left({kolom}, 1) IN {_GEVAARLIJK} THEN '''' || {kolom} ELSE {kolom} END"


def _xml_tekst(tekst: str) -> str:
    """XML-escaped text (``&``, ``<``, ``>``, as ``saxutils.escape``), control characters
    that XML 1.0 does not allow removed (as openpyxl's ``ILLEGAL_CHARACTERS_RE``)."""
    zonder = f"regexp_replace({tekst}, '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f]', '', 'g')"
    return f"replace(replace(replace({zonder}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"


def _xlsx_cel(soort: int, kolom: str, params: list[Any]) -> str:
    """One ``<c>`` element, as ``xlsx._cel`` writes it; NULL gives ``<c/>``."""
    if soort == _DATUM_SOORT:
        waarde = f"({kolom} - DATE '1899-12-30')::text"
        return f"COALESCE('<c s=\"{_DATUM}\"><v>' || {waarde} || '</v></c>', '<c/>')"
    if soort == _DATUMTIJD_SOORT:
        params.extend([timezone.get_current_timezone_name()] * 2)  # two uses below
        lokaal = f"({kolom} AT TIME ZONE %s)"
        waarde = (
            f"(({lokaal}::date - DATE '1899-12-30') "
            f"+ extract(epoch FROM {lokaal}::time)::float8 / 86400)::text"
        )
        return f"COALESCE('<c s=\"{_DATUMTIJD}\"><v>' || {waarde} || '</v></c>', '<c/>')"
    if soort == _BOOL:
        return f"COALESCE('<c t=\"b\"><v>' || {kolom}::int::text || '</v></c>', '<c/>')"
    if soort in (_GETAL, _DECIMAAL):
        return f"COALESCE('<c><v>' || {kolom}::text || '</v></c>', '<c/>')"
    tekst = f"host({kolom})" if soort == _IP else kolom
    inhoud = _xml_tekst(tekst)
    # Leading or trailing white space is kept only with xml:space="preserve".
    return (
        f"CASE WHEN {tekst} IS NULL THEN '<c/>' "
        f"WHEN {tekst} <> btrim({tekst}, E' \\t\\n\\r') "
        f"THEN '<c t=\"inlineStr\"><is><t xml:space=\"preserve\">' || {inhoud} || '</t></is></c>' "
        f"ELSE '<c t=\"inlineStr\"><is><t>' || {inhoud} || '</t></is></c>' END"
    )


def _csv_regel(namen: list[str]) -> str:
    """The CSV line of the formatted cells: ``;`` between them, a cell with ``;``, ``"``, CR
    or LF quoted with ``"`` doubled (``csv.QUOTE_MINIMAL``), NULL as an empty field."""
    cellen = [
        f"coalesce(CASE WHEN {n} ~ '[;\"\\r\\n]' "
        f"THEN '\"' || replace({n}, '\"', '\"\"') || '\"' ELSE {n} END, '')"
        for n in namen
    ]
    return " || ';' || ".join(cellen) if cellen else "''"


def _xlsx_regel(namen: list[str]) -> str:
    return " || ".join(namen) if namen else "''"


def _regel_sql(
    queryset: QuerySet[Any], kolommen: Sequence[Kolom], *, csv: bool
) -> tuple[str, list[Any], str]:
    """One text per row over the ORM's own ``SELECT`` (its order kept): the statement, its
    parameters and the database. Three layers, so every value is computed once: codes to
    labels (and for CSV an empty text to NULL), then the cells, then the line."""
    selectie = _selectie(queryset, kolommen)
    namen = [f"k{i}" for i in range(len(kolommen))]
    label_params: list[Any] = []
    labels = [
        (
            _tekst_sql(f"q.{naam}", kolom.labels, label_params, csv=csv)
            if soort == _TEKST
            else f"q.{naam}"
        )
        + f" AS {naam}"
        for soort, naam, kolom in zip(selectie.soorten, namen, kolommen, strict=True)
    ]
    cel = _csv_cel if csv else _xlsx_cel
    cel_params: list[Any] = []
    cellen = [
        cel(soort, f"m.{naam}", cel_params) + f" AS {naam}"
        for soort, naam in zip(selectie.soorten, namen, strict=True)
    ]
    regel = (_csv_regel if csv else _xlsx_regel)([f"c.{naam}" for naam in namen])
    # Identifiers are our own (k0, k1, …); values stay parameters.
    sql = (
        f"SELECT {regel} FROM (SELECT {', '.join(cellen)} FROM (SELECT {', '.join(labels)} "  # noqa: S608
        f"FROM ({selectie.sql}) AS q({', '.join(namen)})) AS m) AS c"
    )
    return sql, [*cel_params, *label_params, *selectie.params], selectie.alias


def _python_rijen(queryset: QuerySet[Any], kolommen: Sequence[Kolom]) -> Iterator[list[Any]]:
    for rij in queryset.values_list(*(k.veld for k in kolommen)).iterator(chunk_size=2000):
        yield [
            (k.labels.get(w, w) if k.labels and w is not None else w)
            for k, w in zip(kolommen, rij, strict=True)
        ]


def _regels(sql: str, params: list[Any], alias: str) -> Iterator[str]:
    """The rows of a server-side cursor inside a transaction: without one the cursor would be
    ``WITH HOLD`` and PostgreSQL would compute every row before the first (no streaming); in
    one, it plans for the first rows (``cursor_tuple_fraction``) and sends them at once. The
    transaction only reads and ends with the download (also when it is broken off)."""
    with transaction.atomic(using=alias), connections[alias].chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while regels := cursor.fetchmany(_REGELS_PER_KEER):
            for (regel,) in regels:
                yield regel


def _csv_stroom(queryset: QuerySet[Any], kolommen: Sequence[Kolom]) -> Iterator[bytes]:
    yield "".join(export._csv_regels([k.kop for k in kolommen], [])).encode()
    blok: list[str] = []
    grootte = 0
    for regel in _regels(*_regel_sql(queryset, kolommen, csv=True)):
        blok.append(regel)
        grootte += len(regel) + 2
        if grootte >= export._CSV_BLOK:
            yield ("\r\n".join(blok) + "\r\n").encode()
            blok.clear()
            grootte = 0
    if blok:
        yield ("\r\n".join(blok) + "\r\n").encode()


def _postgresql(queryset: QuerySet[Any]) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def csv_uit_database(
    *, bestandsnaam: str, kolommen: Sequence[Kolom], queryset: QuerySet[Any]
) -> StreamingHttpResponse:
    """``export.csv_response`` of these columns, the lines made by PostgreSQL."""
    if not _postgresql(queryset):
        return export.csv_response(
            bestandsnaam=bestandsnaam,
            kop=[k.kop for k in kolommen],
            rijen=_python_rijen(queryset, kolommen),
        )
    return export.download(_csv_stroom(queryset, kolommen), bestandsnaam, "csv")


def xlsx_uit_database(
    *, bestandsnaam: str, kolommen: Sequence[Kolom], queryset: QuerySet[Any], titel: str
) -> StreamingHttpResponse:
    """``export.xlsx_response`` of these columns, the cells formatted by PostgreSQL."""
    if not _postgresql(queryset):
        return export.xlsx_response(
            bestandsnaam=bestandsnaam,
            kop=[k.kop for k in kolommen],
            rijen=_python_rijen(queryset, kolommen),
            titel=titel,
        )
    werkblad = Werkblad(
        titel=export.bladtitel(titel),
        kop=[k.kop for k in kolommen],
        rijen=(),
        opgemaakte_rijen=_regels(*_regel_sql(queryset, kolommen, csv=False)),
    )
    return export.download(iter(werkblad), bestandsnaam, "xlsx")
