"""Amounts in euro: ``Decimal`` throughout, rounded half-up to cents only where DOMAIN §7 says."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "CENT",
    "HONDERD",
    "NUL",
    "eerste_van_maand",
    "laatste_van_maand",
    "maanden_later",
    "rond_af",
    "uitkeringsdagen",
    "volgende_maand",
]

CENT = Decimal("0.01")
NUL = Decimal(0)
HONDERD = Decimal(100)
_ZATERDAG = 5


def rond_af(bedrag: Decimal) -> Decimal:
    """Half-up to whole cents (DOMAIN §7.0): 86.415 → 86.42, -0.005 → -0.01."""
    return bedrag.quantize(CENT, rounding=ROUND_HALF_UP)


def eerste_van_maand(dag: date) -> date:
    return dag.replace(day=1)


def laatste_van_maand(dag: date) -> date:
    return dag.replace(day=monthrange(dag.year, dag.month)[1])


def volgende_maand(maand: date) -> date:
    """The first day of the month after the one ``maand`` lies in."""
    return laatste_van_maand(maand) + timedelta(days=1)


def maanden_later(dag: date, maanden: int) -> date:
    """The same day ``maanden`` calendar months later, clamped to the month's last day.

    31 January + 1 month = 28 February (29 in a leap year), as DOMAIN §7.5 counts "one month".
    """
    index = dag.year * 12 + dag.month - 1 + maanden
    jaar, maand = divmod(index, 12)
    laatste = monthrange(jaar, maand + 1)[1]
    return date(jaar, maand + 1, min(dag.day, laatste))


def uitkeringsdagen(begin: date, einde: date) -> int:
    """Uitkeringsdagen (Monday to Friday, holidays included; DOMAIN §7.0) in ``begin`` … ``einde``.

    ``einde`` is exclusive. Counted with arithmetic, so a range of years costs the same as a week.
    """
    dagen = (einde - begin).days
    if dagen <= 0:
        return 0
    weken, rest = divmod(dagen, 7)
    start = begin.weekday()
    extra = sum(1 for stap in range(rest) if (start + stap) % 7 < _ZATERDAG)
    return weken * 5 + extra
