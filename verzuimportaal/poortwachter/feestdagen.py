"""Working days for Poortwachter deadlines (DOMAIN §5).

A working day is Monday to Friday except the generally recognised holidays of the Algemene
termijnenwet (art. 3): Nieuwjaarsdag, Tweede Paasdag, Koningsdag, Bevrijdingsdag (5 May, every
year), Hemelvaartsdag, Tweede Pinksterdag and Eerste and Tweede Kerstdag. Eerste Paasdag and Eerste
Pinksterdag are Sundays and therefore never working days anyway; Goede Vrijdag is not a holiday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

__all__ = [
    "Feestdag",
    "eerste_werkdag_vanaf",
    "feestdagen",
    "is_feestdag",
    "is_werkdag",
    "pasen",
]

_ZATERDAG = 5
_ZONDAG = 6
_EERSTE_JAAR_KONINGSDAG = 2014


@dataclass(frozen=True, slots=True)
class Feestdag:
    datum: date
    naam: str


def pasen(*, jaar: int) -> date:
    """Eerste Paasdag (Easter Sunday) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    maand, dag = divmod(h + ell - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


def _koningsdag(jaar: int) -> Feestdag:
    """DOMAIN §5: Koningsdag is 27 April, or 26 April when the 27th is a Sunday.

    Before 2014 the king's birthday holiday was Koninginnedag: 30 April, or 29 April when the 30th
    was a Sunday (the rule of 1980 to 2013, also used for earlier years).
    """
    if jaar >= _EERSTE_JAAR_KONINGSDAG:
        dag = date(jaar, 4, 27)
        naam = "Koningsdag"
    else:
        dag = date(jaar, 4, 30)
        naam = "Koninginnedag"
    if dag.weekday() == _ZONDAG:
        dag -= timedelta(days=1)
    return Feestdag(datum=dag, naam=naam)


@cache
def _feestdagen(jaar: int) -> tuple[Feestdag, ...]:
    paasdag = pasen(jaar=jaar)
    dagen = [
        Feestdag(datum=date(jaar, 1, 1), naam="Nieuwjaarsdag"),
        Feestdag(datum=paasdag + timedelta(days=1), naam="Tweede Paasdag"),
        _koningsdag(jaar),
        Feestdag(datum=date(jaar, 5, 5), naam="Bevrijdingsdag"),
        Feestdag(datum=paasdag + timedelta(days=39), naam="Hemelvaartsdag"),
        Feestdag(datum=paasdag + timedelta(days=50), naam="Tweede Pinksterdag"),
        Feestdag(datum=date(jaar, 12, 25), naam="Eerste Kerstdag"),
        Feestdag(datum=date(jaar, 12, 26), naam="Tweede Kerstdag"),
    ]
    # Sorted by date; Bevrijdingsdag and Hemelvaartsdag can fall on the same day (e.g. 2016).
    return tuple(sorted(dagen, key=lambda feestdag: feestdag.datum))


@cache
def _feestdatums(jaar: int) -> frozenset[date]:
    return frozenset(feestdag.datum for feestdag in _feestdagen(jaar))


def feestdagen(*, jaar: int) -> tuple[Feestdag, ...]:
    """The holidays of the Algemene termijnenwet in ``jaar``, in date order (DOMAIN §5)."""
    return _feestdagen(jaar)


def is_feestdag(*, dag: date) -> bool:
    """Whether ``dag`` is one of the holidays of the Algemene termijnenwet (DOMAIN §5)."""
    return dag in _feestdatums(dag.year)


def is_werkdag(*, dag: date) -> bool:
    """Monday to Friday and not a holiday of the Algemene termijnenwet (DOMAIN §5)."""
    return dag.weekday() < _ZATERDAG and dag not in _feestdatums(dag.year)


def eerste_werkdag_vanaf(*, dag: date) -> date:
    """``dag`` itself when it is a working day, otherwise the next working day (DOMAIN §5)."""
    while not is_werkdag(dag=dag):
        dag += timedelta(days=1)
    return dag
