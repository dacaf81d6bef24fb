"""Premium of the verzuimverzekering: voorschot and naverrekening (DOMAIN §7.3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from verzuimportaal.geld.bedragen import HONDERD, NUL, rond_af

__all__ = ["Premieafrekening", "premie", "premieafrekening", "tijdsevenredig"]


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


def tijdsevenredig(
    *, jaar: int, perioden: Iterable[tuple[date, date, Decimal]], maximum: Decimal | None
) -> Decimal:
    """The insured wage actually earned in ``jaar`` (DOMAIN §7.3 "definitief on actual wages").

    Each period (van, tot en met, verzekerd jaarloon) counts for its calendar days within the year,
    the jaarloon capped at ``maximum``; not rounded (the premium is rounded once).
    """
    begin, einde = date(jaar, 1, 1), date(jaar, 12, 31)
    dagen_in_jaar = Decimal((einde - begin).days + 1)
    totaal = NUL
    for van, tot, jaarloon in perioden:
        van, tot = max(van, begin), min(tot, einde)
        if tot < van:
            continue
        loon = jaarloon if maximum is None else min(jaarloon, maximum)
        totaal += loon * Decimal((tot - van).days + 1) / dagen_in_jaar
    return totaal
