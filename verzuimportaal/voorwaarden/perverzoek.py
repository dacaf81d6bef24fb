"""All versions of the terms, read once per request (issue: every page ≤ 15 queries).

The middleware (is a version in force?) and the announcement banner (context processor) both need
them; the table holds a handful of rows, so one query for all versions (without their text) serves
both. The list is kept on the request, never across requests: a version the operator publishes
counts from the next request on.
"""

from datetime import date

from django.db.models import QuerySet
from django.http import HttpRequest

from .models import WEIGERTERMIJN, Voorwaardenversie

_ATTRIBUUT = "_voorwaardenversies"


def alle_versies() -> QuerySet[Voorwaardenversie]:
    """What ``versies`` reads: every version without its text, oldest in force first."""
    return Voorwaardenversie.objects.defer("tekst").order_by("ingangsdatum")


def bewaar(request: HttpRequest, gelezen: list[Voorwaardenversie]) -> None:
    """Keep ``alle_versies()`` read by someone else for this request (``utils.gebundeld``)."""
    setattr(request, _ATTRIBUUT, gelezen)


def versies(request: HttpRequest | None) -> list[Voorwaardenversie]:
    """Every version, oldest in force first, loaded at most once for ``request``."""
    bewaard = getattr(request, _ATTRIBUUT, None)
    if bewaard is None:
        bewaard = list(alle_versies())
        if request is not None:
            bewaar(request, bewaard)
    return bewaard


def van_kracht(alle: list[Voorwaardenversie], *, op: date) -> Voorwaardenversie | None:
    """The version in force on ``op``: the latest whose ingangsdatum is not after it."""
    geldend = [v for v in alle if v.ingangsdatum <= op]
    return geldend[-1] if geldend else None


def aankondiging(alle: list[Voorwaardenversie], *, vandaag: date) -> Voorwaardenversie | None:
    """A changed version from its publication until it is in force and the six-week rejection
    term has passed (art. 6.1, 6.2). The very first version is not a change."""
    kandidaten = [
        v
        for v in alle[1:]
        if v.gepubliceerd_op <= vandaag
        and (v.gepubliceerd_op >= vandaag - WEIGERTERMIJN or v.ingangsdatum > vandaag)
    ]
    return kandidaten[-1] if kandidaten else None
