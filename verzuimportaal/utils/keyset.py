"""Keyset ("cursor") pagination: a page is the rows after, or before, a position in the list's
order, never "skip the first N rows" (ADR 0048).

The order of the queryset must end in the primary key, so that every row has its own position
(``("achternaam", "voornaam", "pk")``, ``("-eerste_ziektedag", "-pk")``). The position is the
sort values of the row at the edge of a page; the next page is the rows after the last row
(``(achternaam, voornaam, id) > (…)`` in one comparison when all columns sort the same way, which
an index in that order answers by seeking to the position), the previous page the rows before
the first row in reversed order. A page therefore costs the same at row 25 as at row 99 975, and
a row inserted or removed between two requests never makes a row appear twice or go missing
while a client walks the list in one direction.

A cursor is opaque to the client: the direction and the position, signed (``django.core.signing``)
with the name of the list and the order, so that a cursor of one list or sorting is refused by
another instead of giving a wrong page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Field, Func, Model, Q, QuerySet, Value
from django.db.models.lookups import GreaterThan, LessThan

VOORUIT = "v"  # the rows after the position
ACHTERUIT = "a"  # the rows before the position
LAATSTE = "l"  # the last page: the list from its end


class OngeldigeCursor(ValueError):
    """The cursor is not one this list gave out (other list or sorting, altered, or expired)."""


@dataclass(frozen=True)
class Kolom:
    veld: Field[Any, Any]
    aflopend: bool

    @property
    def naam(self) -> str:
        return self.veld.attname

    def waarde(self, rij: Model) -> Any:
        return getattr(rij, self.veld.attname)


@dataclass(frozen=True)
class Sleutelpagina[T]:
    """One page: its rows in the list's order and the cursors of the pages around it (``None``
    where there is none)."""

    rijen: list[T]
    volgende: str | None
    vorige: str | None
    is_eerste: bool
    is_laatste: bool

    def __iter__(self) -> Iterator[T]:
        return iter(self.rijen)

    def __len__(self) -> int:
        return len(self.rijen)


def kolommen(queryset: QuerySet[Any]) -> list[Kolom]:
    """The columns of the queryset's order; the last one must be the primary key."""
    volgorde: Sequence[Any] = queryset.query.order_by or queryset.model._meta.ordering
    meta = queryset.model._meta
    uitkomst: list[Kolom] = []
    for item in volgorde:
        if not isinstance(item, str) or "__" in item or item.lstrip("-") == "?":
            raise ValueError(f"keyset pagination needs plain column names, not {item!r}")
        naam = item.lstrip("-")
        try:
            veld = meta.pk if naam == "pk" else meta.get_field(naam)
        except FieldDoesNotExist as fout:
            raise ValueError(f"{naam!r} is not a column of {meta.label}") from fout
        if getattr(veld, "null", False):
            raise ValueError(f"{meta.label}.{naam} can be NULL: it cannot be a keyset column")
        uitkomst.append(Kolom(veld=veld, aflopend=item.startswith("-")))
    if not uitkomst or not uitkomst[-1].veld.primary_key:
        raise ValueError(f"the order of a keyset page must end in the primary key of {meta.label}")
    return uitkomst


def _zout(naam: str, kolommen: list[Kolom]) -> str:
    volgorde = ",".join(("-" if k.aflopend else "") + k.naam for k in kolommen)
    return f"verzuimportaal.keyset.{naam}.{hashlib.sha256(volgorde.encode()).hexdigest()[:12]}"


def _cursor(naam: str, ks: list[Kolom], richting: str, waarden: Sequence[Any] = ()) -> str:
    return signing.Signer(salt=_zout(naam, ks)).sign_object(
        [richting, [_naar_json(w) for w in waarden]], compress=True
    )


def laatste_pagina(queryset: QuerySet[Any], *, naam: str) -> str:
    """The cursor of the last page of the list."""
    return _cursor(naam, kolommen(queryset), LAATSTE)


def na(queryset: QuerySet[Any], rij: Model, *, naam: str) -> str:
    """The cursor of the page that starts after ``rij`` (as its page's link "next" would be)."""
    ks = kolommen(queryset)
    return _cursor(naam, ks, VOORUIT, [k.waarde(rij) for k in ks])


def _naar_json(waarde: Any) -> Any:
    if waarde is None or isinstance(waarde, str | int | bool):
        return waarde
    return DjangoJSONEncoder().default(waarde)  # dates, times, decimals, uuids as text


def _lees_cursor(cursor: str, naam: str, ks: list[Kolom]) -> tuple[str, list[Any]]:
    try:
        richting, waarden = signing.Signer(salt=_zout(naam, ks)).unsign_object(cursor)
    except (signing.BadSignature, TypeError, ValueError) as fout:
        raise OngeldigeCursor(cursor) from fout
    if richting == LAATSTE:
        return richting, []
    if richting not in (VOORUIT, ACHTERUIT) or len(waarden) != len(ks):
        raise OngeldigeCursor(cursor)
    try:
        return richting, [k.veld.to_python(w) for k, w in zip(ks, waarden, strict=True)]
    except ValidationError as fout:  # pragma: no cover - signed values are the list's own
        raise OngeldigeCursor(cursor) from fout


def _voorbij(ks: list[Kolom], waarden: list[Any], *, achteruit: bool) -> Any:
    """The condition "after the position in the list's order" (``achteruit``: before it)."""
    groter = [k.aflopend == achteruit for k in ks]  # per column: later rows have greater values
    if all(groter) or not any(groter):
        # One row comparison: an index in this order starts reading right at the position.
        links = Func(*[k.naam for k in ks], function="", output_field=Field())
        rechts = Func(
            *[Value(w, output_field=k.veld) for k, w in zip(ks, waarden, strict=True)],
            function="",
            output_field=Field(),
        )
        return GreaterThan(links, rechts) if groter[0] else LessThan(links, rechts)
    # Mixed directions: (a > x) OR (a = x AND b < y) OR …, with a bound on the first column
    # so an index on it still narrows the scan.
    conditie = Q()
    for i, kolom in enumerate(ks):
        gelijk = {k.naam: w for k, w in zip(ks[:i], waarden[:i], strict=True)}
        stap = "gt" if groter[i] else "lt"
        conditie |= Q(**gelijk, **{f"{kolom.naam}__{stap}": waarden[i]})
    eerste = ks[0].naam + ("__gte" if groter[0] else "__lte")
    return Q(**{eerste: waarden[0]}) & conditie


def pagina[M: Model](
    queryset: QuerySet[M], *, cursor: str | None, per_pagina: int, naam: str
) -> Sleutelpagina[M]:
    """The page at ``cursor`` (``None``: the first page). ``naam`` names the list (cursors of
    another list are refused). Raises ``OngeldigeCursor`` for a cursor this list did not give.

    Reads ``per_pagina + 1`` rows to know whether there is a page beyond. A page keeps to its
    side of the position even when rows were removed meanwhile: the first page can then be
    shorter, and the page after the last row (or before the first) empty.
    """
    ks = kolommen(queryset)
    richting, waarden = (None, []) if not cursor else _lees_cursor(cursor, naam, ks)

    def cursor_van(richting: str, rij: M) -> str:
        return _cursor(naam, ks, richting, [k.waarde(rij) for k in ks])

    def eerste() -> Sleutelpagina[M]:
        rijen = list(queryset[: per_pagina + 1])
        meer = len(rijen) > per_pagina
        rijen = rijen[:per_pagina]
        return Sleutelpagina(
            rijen=rijen,
            volgende=cursor_van(VOORUIT, rijen[-1]) if meer else None,
            vorige=None,
            is_eerste=True,
            is_laatste=not meer,
        )

    def laatste() -> Sleutelpagina[M]:
        rijen = list(queryset.reverse()[: per_pagina + 1])
        meer = len(rijen) > per_pagina
        rijen = rijen[:per_pagina][::-1]
        return Sleutelpagina(
            rijen=rijen,
            volgende=None,
            vorige=cursor_van(ACHTERUIT, rijen[0]) if meer else None,
            is_eerste=not meer,
            is_laatste=True,
        )

    if richting is None:
        return eerste()
    if richting == LAATSTE:
        return laatste()
    if richting == VOORUIT:
        rijen = list(queryset.filter(_voorbij(ks, waarden, achteruit=False))[: per_pagina + 1])
        if not rijen:  # the rows after the position were removed: an empty last page
            return Sleutelpagina(
                rijen=[],
                volgende=None,
                vorige=_cursor(naam, ks, ACHTERUIT, waarden),
                is_eerste=False,
                is_laatste=True,
            )
        meer = len(rijen) > per_pagina
        rijen = rijen[:per_pagina]
        return Sleutelpagina(
            rijen=rijen,
            volgende=cursor_van(VOORUIT, rijen[-1]) if meer else None,
            vorige=cursor_van(ACHTERUIT, rijen[0]),
            is_eerste=False,
            is_laatste=not meer,
        )
    rijen = list(queryset.reverse().filter(_voorbij(ks, waarden, achteruit=True))[: per_pagina + 1])
    if not rijen:  # every row before the position was removed: an empty first page
        return Sleutelpagina(rijen=[], volgende=None, vorige=None, is_eerste=True, is_laatste=True)
    meer = len(rijen) > per_pagina  # else these rows are the first page (shorter if rows
    # before the position were removed: going back never shows a row of the later page again)
    rijen = rijen[:per_pagina][::-1]
    return Sleutelpagina(
        rijen=rijen,
        volgende=cursor_van(VOORUIT, rijen[-1]),
        vorige=cursor_van(ACHTERUIT, rijen[0]) if meer else None,
        is_eerste=not meer,
        is_laatste=False,
    )
