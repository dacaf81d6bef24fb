"""Compensatie transitievergoeding (DOMAIN §7.6), without Django.

The compensation is the lowest of three amounts [25,26]: what the werkgever paid (the
transitievergoeding plus the transitie- and inzetbaarheidskosten it deducted), the
transitievergoeding that was due on the day after the opzegverbod ended (after 104 weeks of
sickness), and the wage paid during those 104 weeks less the ZW or no-risk benefit received.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Compensatieberekening", "bereken_compensatie"]

NUL = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class Compensatieberekening:
    betaald: Decimal  # paid transitievergoeding + deducted transitiekosten
    verschuldigd_na_opzegverbod: Decimal
    loon_min_uitkering: Decimal
    compensatie: Decimal

    @property
    def grondslag(self) -> str:
        """Which of the three amounts set the compensation (the first when equal)."""
        if self.compensatie == self.betaald:
            return "betaald"
        if self.compensatie == self.verschuldigd_na_opzegverbod:
            return "verschuldigd_na_opzegverbod"
        return "loon_min_uitkering"


def bereken_compensatie(
    *,
    betaalde_transitievergoeding: Decimal,
    transitiekosten: Decimal,
    verschuldigd_na_opzegverbod: Decimal,
    loon_104_weken: Decimal,
    uitkeringen_104_weken: Decimal,
) -> Compensatieberekening:
    """DOMAIN §7.6: min(paid + deducted costs, TV due after the opzegverbod, wage less benefits).

    All amounts in euros with cents; nothing is rounded (the inputs are cents already). A wage
    below the benefits gives 0, never a negative amount.
    """
    for naam, bedrag in (
        ("betaalde transitievergoeding", betaalde_transitievergoeding),
        ("transitiekosten", transitiekosten),
        ("verschuldigde transitievergoeding", verschuldigd_na_opzegverbod),
        ("loon", loon_104_weken),
        ("uitkeringen", uitkeringen_104_weken),
    ):
        if bedrag < 0:
            raise ValueError(f"Het bedrag {naam} kan niet negatief zijn ({bedrag}).")
    betaald = betaalde_transitievergoeding + transitiekosten
    loon_min_uitkering = max(NUL, loon_104_weken - uitkeringen_104_weken)
    return Compensatieberekening(
        betaald=betaald,
        verschuldigd_na_opzegverbod=verschuldigd_na_opzegverbod,
        loon_min_uitkering=loon_min_uitkering,
        compensatie=min(betaald, verschuldigd_na_opzegverbod, loon_min_uitkering),
    )
