"""The monthly arbofactuur (DOMAIN §7.4)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from verzuimportaal.geld.bedragen import HONDERD, eerste_van_maand, rond_af
from verzuimportaal.geld.uitkering import Dienstverband

__all__ = ["BTW_PERCENTAGE", "Arbofactuur", "arbofactuur", "peildatum"]

# DOMAIN §7.4: btw 21 %, computed once on the invoice total ("per factuur").
BTW_PERCENTAGE = Decimal(21)


@dataclass(frozen=True, slots=True)
class Arbofactuur:
    maand: date
    peildatum: date
    aantal: int
    tarief: Decimal
    subtotaal: Decimal
    btw_percentage: Decimal
    btw: Decimal

    @property
    def totaal(self) -> Decimal:
        return self.subtotaal + self.btw


def peildatum(maand: date) -> date:
    """The first day of the month invoiced (DOMAIN §7.4)."""
    return eerste_van_maand(maand)


def arbofactuur(
    *,
    maand: date,
    dienstverbanden: Iterable[Dienstverband],
    tarief: Decimal,
    btw_percentage: Decimal = BTW_PERCENTAGE,
) -> Arbofactuur:
    """aantal in dienst on the peildatum × tarief excl. btw; btw rounded once on the subtotal.

    7 × 12.50 = 87.50 + 18.38 = 105.88, never 7 × 15.13 (DOMAIN §7.4).
    """
    peil = peildatum(maand)
    aantal = sum(1 for dienstverband in dienstverbanden if dienstverband.omvat(peil))
    subtotaal = rond_af(tarief * aantal)
    return Arbofactuur(
        maand=peil,
        peildatum=peil,
        aantal=aantal,
        tarief=tarief,
        subtotaal=subtotaal,
        btw_percentage=btw_percentage,
        btw=rond_af(subtotaal * btw_percentage / HONDERD),
    )
