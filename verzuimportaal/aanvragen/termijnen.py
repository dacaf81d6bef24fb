"""Deadlines of submissions (DOMAIN §7.6), without Django.

Algemene termijnenwet (Atw): a term that ends on a Saturday, Sunday or generally recognised holiday
runs on to the next day that is none of these (``poortwachter.feestdagen``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from verzuimportaal.poortwachter.feestdagen import eerste_werkdag_vanaf

__all__ = [
    "BEZWAARTERMIJN_WEKEN",
    "BEZWAARTERMIJN_ZW_GESCHIKTHEID_WEKEN",
    "COMPENSATIE_MAANDEN",
    "Venster",
    "bezwaartermijn",
    "compensatievenster",
    "plus_maanden",
]

# DOMAIN §7.6 [27]: 6 weeks, 2 for a Ziektewet fitness decision, from the day after the decision.
BEZWAARTERMIJN_WEKEN = 6
BEZWAARTERMIJN_ZW_GESCHIKTHEID_WEKEN = 2
# DOMAIN §7.6 [25,26]: compensatie transitievergoeding from the (last) payment up to 6 months after.
COMPENSATIE_MAANDEN = 6


@dataclass(frozen=True, slots=True)
class Venster:
    """The days on which something may be submitted (inclusive)."""

    van: date
    tot: date

    def bevat(self, dag: date) -> bool:
        return self.van <= dag <= self.tot


def plus_maanden(dag: date, maanden: int) -> date:
    """The same day ``maanden`` later, or the month's last day when it has no such day."""
    maand = dag.month - 1 + maanden
    jaar, maand = dag.year + maand // 12, maand % 12 + 1
    volgende = date(jaar + maand // 12, maand % 12 + 1, 1)
    return min(date(jaar, maand, 1) + timedelta(days=dag.day - 1), volgende - timedelta(days=1))


def bezwaartermijn(*, besluitdatum: date, zw_geschiktheid: bool = False) -> date:
    """The last day to object: N weeks from the day after the decision date, Atw extension."""
    weken = BEZWAARTERMIJN_ZW_GESCHIKTHEID_WEKEN if zw_geschiktheid else BEZWAARTERMIJN_WEKEN
    laatste = besluitdatum + timedelta(weeks=weken)
    return eerste_werkdag_vanaf(dag=laatste)


def compensatievenster(*, betaald_op: date) -> Venster:
    """From the (last) payment of the transitievergoeding to 6 months later, Atw extension."""
    return Venster(
        van=betaald_op,
        tot=eerste_werkdag_vanaf(dag=plus_maanden(betaald_op, COMPENSATIE_MAANDEN)),
    )
