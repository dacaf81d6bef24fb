"""Re-integratiekosten and loonsanctie (DOMAIN §7.5)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from verzuimportaal.geld.bedragen import NUL, maanden_later
from verzuimportaal.geld.betaaldatum import na_werkdagen

__all__ = [
    "LOONSANCTIE_MELDTERMIJN_WERKDAGEN",
    "declaratietermijn",
    "loonsanctie_melden_uiterlijk",
    "uiterste_betaaldatum",
    "vergoeding",
]

# DOMAIN §7.5: tell the insurer within 5 werkdagen after receiving UWV's loonsanctie decision.
LOONSANCTIE_MELDTERMIJN_WERKDAGEN = 5


def declaratietermijn(*, nota_ontvangen: date) -> date:
    """Last day to declare: one month after receipt, no extension (31 Jan → 28 Feb, §7.5)."""
    return maanden_later(nota_ontvangen, 1)


def uiterste_betaaldatum(*, gedeclareerd_op: date) -> date:
    """The insurer pays within one month after the declaration (DOMAIN §7.5)."""
    return maanden_later(gedeclareerd_op, 1)


def vergoeding(*, notabedrag: Decimal, goedgekeurd: Decimal | None) -> Decimal:
    """min(nota, approved beforehand); 0 while the casemanager has not decided (DOMAIN §7.5)."""
    if notabedrag < NUL or (goedgekeurd is not None and goedgekeurd < NUL):
        raise ValueError("Bedragen van een nota of goedkeuring zijn niet negatief.")
    if goedgekeurd is None:
        return NUL
    return min(notabedrag, goedgekeurd)


def loonsanctie_melden_uiterlijk(*, ontvangen_op: date) -> date:
    """5 werkdagen after receipt of the loonsanctie (2025-05-01 → 2025-05-09, DOMAIN §7.5)."""
    return na_werkdagen(dag=ontvangen_op, werkdagen=LOONSANCTIE_MELDTERMIJN_WERKDAGEN)
