"""Premium of the verzuimverzekering: voorschot and naverrekening (DOMAIN §7.3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from verzuimportaal.geld.bedragen import HONDERD, NUL, rond_af

__all__ = ["Premieafrekening", "premie", "premieafrekening"]


def premie(
    *, premiepercentage: Decimal, loonsom: Decimal, werkgeverslasten: Decimal = NUL
) -> Decimal:
    """Premium = % × insured wage sum (+ werkgeverslasten as % on top), rounded once (§7.3).

    3.25 % × 412,000 = 13,390.00.
    """
    grondslag = loonsom + loonsom * werkgeverslasten / HONDERD
    return rond_af(grondslag * premiepercentage / HONDERD)


@dataclass(frozen=True, slots=True)
class Premieafrekening:
    jaar: int
    voorschot: Decimal
    definitief: Decimal

    @property
    def naverrekening(self) -> Decimal:
        """Positive: the werkgever pays more; negative: it gets money back."""
        return self.definitief - self.voorschot


def premieafrekening(
    *,
    jaar: int,
    premiepercentage: Decimal,
    januarilonen: Iterable[Decimal],
    werkelijke_lonen: Iterable[Decimal],
    werkgeverslasten: Decimal = NUL,
) -> Premieafrekening:
    """Voorschot on the January jaarlonen, definitief on actual wages (DOMAIN §7.3)."""
    return Premieafrekening(
        jaar=jaar,
        voorschot=premie(
            premiepercentage=premiepercentage,
            loonsom=sum(januarilonen, NUL),
            werkgeverslasten=werkgeverslasten,
        ),
        definitief=premie(
            premiepercentage=premiepercentage,
            loonsom=sum(werkelijke_lonen, NUL),
            werkgeverslasten=werkgeverslasten,
        ),
    )
