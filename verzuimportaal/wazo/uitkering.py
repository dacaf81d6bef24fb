"""The WAZO uitkering (DOMAIN §7.2), without Django.

Dagbedrag = round(min(dagloon, maximumdagloon that day) × percentage), half-up to cents; the bruto
amount of a period is the sum of the dagbedragen over its uitkeringsdagen (Monday–Friday, holidays
included: 261 a year, DOMAIN §7.0). No wachtdagen (DOMAIN §7.2). Only the dagbedrag is rounded.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from verzuimportaal.wazo.periode import Verlofsoort

__all__ = [
    "MAXIMUMDAGLOON",
    "PERCENTAGE",
    "UITKERINGSDAGEN_PER_JAAR",
    "Uitkering",
    "bereken_uitkering",
    "dagbedrag",
    "dagloon_uit_jaarloon",
    "maximumdagloon_op",
    "uitkeringsdagen",
]

CENT = Decimal("0.01")
UITKERINGSDAGEN_PER_JAAR = 261

# DOMAIN §7.2 [13]: maximumdagloon, set on 1 January and 1 July (the 1 July values are entered from
# uwv.nl; until then the last known value applies).
MAXIMUMDAGLOON: Mapping[date, Decimal] = {
    date(2025, 1, 1): Decimal("290.67"),
    date(2026, 1, 1): Decimal("304.25"),
}

# DOMAIN §7.2 [11]: zwangerschap/bevalling 100 %, adoptie/pleegzorg (WAZO) 100 %, aanvullend
# geboorteverlof 70 %.
PERCENTAGE: Mapping[Verlofsoort, Decimal] = {
    Verlofsoort.ZWANGERSCHAP: Decimal(100),
    Verlofsoort.ADOPTIE: Decimal(100),
    Verlofsoort.PLEEGZORG: Decimal(100),
    Verlofsoort.AANVULLEND_GEBOORTEVERLOF: Decimal(70),
}


def dagloon_uit_jaarloon(sv_jaarloon: Decimal) -> Decimal:
    """DOMAIN §7.2: dagloon = SV-jaarloon / 261 (not rounded: only the dagbedrag is)."""
    return sv_jaarloon / UITKERINGSDAGEN_PER_JAAR


def maximumdagloon_op(dag: date, tabel: Mapping[date, Decimal] = MAXIMUMDAGLOON) -> Decimal:
    ingangen = sorted(tabel)
    if not ingangen:
        raise ValueError("Er is geen maximumdagloon vastgelegd; de beheerder legt het vast.")
    index = bisect_right(ingangen, dag) - 1
    if index < 0:
        raise ValueError(
            f"Er is geen maximumdagloon bekend op {dag:%d-%m-%Y}; de tabel begint op "
            f"{ingangen[0]:%d-%m-%Y}."
        )
    return tabel[ingangen[index]]


def dagbedrag(*, dagloon: Decimal, percentage: Decimal, maximum: Decimal) -> Decimal:
    """round(min(dagloon, maximum) × percentage), half-up to cents (DOMAIN §7.2)."""
    return (min(dagloon, maximum) * percentage / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def uitkeringsdagen(van: date, tot: date) -> list[date]:
    """Monday–Friday in ``van`` … ``tot`` inclusive, holidays included (DOMAIN §7.0)."""
    dagen: list[date] = []
    dag = van
    while dag <= tot:
        if dag.weekday() < 5:
            dagen.append(dag)
        dag += timedelta(days=1)
    return dagen


@dataclass(frozen=True, slots=True)
class Uitkering:
    dagen: int
    bruto: Decimal
    dagbedragen: tuple[tuple[date, Decimal], ...]  # per first day with a new dagbedrag


def bereken_uitkering(
    *,
    soort: Verlofsoort,
    dagloon: Decimal,
    van: date,
    tot: date,
    tabel: Mapping[date, Decimal] = MAXIMUMDAGLOON,
) -> Uitkering:
    """The bruto uitkering for the leave days ``van`` … ``tot`` (e.g. one month of the leave)."""
    if dagloon < 0:
        raise ValueError("Het dagloon kan niet negatief zijn.")
    percentage = PERCENTAGE[soort]
    bruto = Decimal("0.00")
    wissels: list[tuple[date, Decimal]] = []
    dagen = uitkeringsdagen(van, tot)
    for dag in dagen:
        bedrag = dagbedrag(
            dagloon=dagloon, percentage=percentage, maximum=maximumdagloon_op(dag, tabel)
        )
        if not wissels or wissels[-1][1] != bedrag:
            wissels.append((dag, bedrag))
        bruto += bedrag
    return Uitkering(dagen=len(dagen), bruto=bruto, dagbedragen=tuple(wissels))
