"""UWV benefits paid to the employer and the verzamelspecificatie (DOMAIN §7.2).

The dagloon, maximumdagloon table and dagbedrag rounding are those of ``wazo.uitkering``; this
module adds the other soorten (ZW vangnet, no-riskpolis, orgaandonatie) and the lines of the
verzamelspecificatie per betaalperiode.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from verzuimportaal.geld.bedragen import HONDERD, NUL
from verzuimportaal.wazo.uitkering import (
    MAXIMUMDAGLOON,
    dagbedrag,
    dagloon_uit_jaarloon,
    maximumdagloon_op,
)

__all__ = [
    "MAXIMUMDAGLOON",
    "STANDAARD_PERCENTAGES",
    "Betaalperiode",
    "Soort",
    "dagloon_uit_jaarloon",
    "maximumdagloon_op",
    "percentage_voor",
    "specificeer",
    "totaal",
]

_ZATERDAG = 5
_EEN_DAG = timedelta(days=1)


class Soort(StrEnum):
    """The kinds of UWV benefit the portal specifies (DOMAIN §7.2)."""

    ZIEKTEWET = "zw"
    ZWANGERSCHAP = "zwangerschap"
    ORGAANDONATIE = "orgaandonatie"
    NO_RISKPOLIS = "no_riskpolis"
    WAZO = "wazo"
    AANVULLEND_GEBOORTEVERLOF = "aanvullend_geboorteverlof"


# DOMAIN §7.2: the percentage per soort; for the no-riskpolis it is entered (70–100, per cao).
STANDAARD_PERCENTAGES: dict[Soort, Decimal | None] = {
    Soort.ZIEKTEWET: Decimal(70),
    Soort.ZWANGERSCHAP: Decimal(100),
    Soort.ORGAANDONATIE: Decimal(100),
    Soort.NO_RISKPOLIS: None,
    Soort.WAZO: Decimal(100),
    Soort.AANVULLEND_GEBOORTEVERLOF: Decimal(70),
}


@dataclass(frozen=True, slots=True)
class Betaalperiode:
    """One line of the verzamelspecificatie: a betaalperiode with one dagbedrag."""

    van: date
    tot_en_met: date
    dagloon: Decimal
    percentage: Decimal
    maximumdagloon: Decimal
    dagbedrag: Decimal
    dagen: int
    bruto: Decimal


def percentage_voor(soort: Soort, ingevoerd: Decimal | None = None) -> Decimal:
    """The benefit percentage of ``soort``; the no-riskpolis needs the entered 70–100 (§7.2)."""
    standaard = STANDAARD_PERCENTAGES[soort]
    if standaard is not None:
        return standaard
    if ingevoerd is None or not Decimal(70) <= ingevoerd <= HONDERD:
        raise ValueError(
            "Vul voor de no-riskpolis het percentage uit de cao in: 70 tot en met 100."
        )
    return ingevoerd


def specificeer(
    *,
    dagloon: Decimal,
    percentage: Decimal,
    van: date,
    tot_en_met: date,
    tabel: Mapping[date, Decimal] = MAXIMUMDAGLOON,
) -> list[Betaalperiode]:
    """The lines of one betaalperiode ``van`` … ``tot_en_met`` (DOMAIN §7.2).

    Dagbedrag = round(min(dagloon, maximum that day) × %); bruto = dagbedrag × uitkeringsdagen
    (Monday to Friday, no wachtdagen). The period splits where the maximum changes (1 January,
    1 July), so every line has one dagbedrag.
    """
    if tot_en_met < van:
        raise ValueError("De betaalperiode eindigt voor zij begint; draai de data om.")
    regels: list[Betaalperiode] = []
    dag = van
    while dag <= tot_en_met:
        maximum = maximumdagloon_op(dag, tabel)
        bedrag = dagbedrag(dagloon=dagloon, percentage=percentage, maximum=maximum)
        begin = dag
        dagen = 0
        while dag <= tot_en_met and maximumdagloon_op(dag, tabel) == maximum:
            if dag.weekday() < _ZATERDAG:
                dagen += 1
            dag += _EEN_DAG
        regels.append(
            Betaalperiode(
                van=begin,
                tot_en_met=dag - _EEN_DAG,
                dagloon=dagloon,
                percentage=percentage,
                maximumdagloon=maximum,
                dagbedrag=bedrag,
                dagen=dagen,
                bruto=bedrag * dagen,
            )
        )
    return regels


def totaal(regels: Iterable[Betaalperiode]) -> Decimal:
    return sum((regel.bruto for regel in regels), NUL)
