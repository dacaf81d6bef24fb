"""When money is paid or due, counted in §5 working days (DOMAIN §7.0)."""

from __future__ import annotations

from datetime import date, timedelta

from verzuimportaal.geld.bedragen import volgende_maand
from verzuimportaal.poortwachter.feestdagen import is_werkdag

__all__ = ["BETAALWERKDAG", "betaaldatum", "na_werkdagen"]

# DOMAIN §7.3: a month's uitkering is paid on the 12th werkdag of the next month.
BETAALWERKDAG = 12


def na_werkdagen(*, dag: date, werkdagen: int) -> date:
    """The ``werkdagen``-th working day after ``dag`` (``dag`` itself not counted, DOMAIN §5)."""
    if werkdagen < 1:
        raise ValueError(f"Tel minstens 1 werkdag, niet {werkdagen}.")
    geteld = 0
    while geteld < werkdagen:
        dag += timedelta(days=1)
        if is_werkdag(dag=dag):
            geteld += 1
    return dag


def betaaldatum(*, maand: date) -> date:
    """The payment date of the uitkering over ``maand``: 12th werkdag of the next month (§7.3)."""
    return na_werkdagen(dag=volgende_maand(maand) - timedelta(days=1), werkdagen=BETAALWERKDAG)
