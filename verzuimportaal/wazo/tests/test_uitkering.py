"""DOMAIN §7.2: the WAZO uitkering, Decimal, rounded only per dagbedrag."""

from datetime import date
from decimal import Decimal

import pytest

from verzuimportaal.wazo.periode import Verlofsoort
from verzuimportaal.wazo.uitkering import (
    bereken_uitkering,
    dagbedrag,
    dagloon_uit_jaarloon,
    maximumdagloon_op,
    uitkeringsdagen,
)


def test_dagbedrag_70_procent_half_up() -> None:
    """DOMAIN §7.2: 123.45 × 70% = 86.42 (86.415 rounded half-up)."""
    assert dagbedrag(
        dagloon=Decimal("123.45"), percentage=Decimal(70), maximum=Decimal("290.67")
    ) == Decimal("86.42")


def test_wazo_februari_2025_gemaximeerd() -> None:
    """DOMAIN §7.2: WAZO dagloon 320, Feb 2025: 20 × 290.67 = 5,813.40."""
    uitkering = bereken_uitkering(
        soort=Verlofsoort.ZWANGERSCHAP,
        dagloon=Decimal(320),
        van=date(2025, 2, 1),
        tot=date(2025, 2, 28),
    )
    assert uitkering.dagen == 20
    assert uitkering.bruto == Decimal("5813.40")


def test_aanvullend_geboorteverlof_70_procent() -> None:
    uitkering = bereken_uitkering(
        soort=Verlofsoort.AANVULLEND_GEBOORTEVERLOF,
        dagloon=Decimal("123.45"),
        van=date(2025, 3, 3),
        tot=date(2025, 3, 9),
    )
    assert (uitkering.dagen, uitkering.bruto) == (5, Decimal("432.10"))


def test_maximumdagloon_wisselt_op_1_januari() -> None:
    assert maximumdagloon_op(date(2025, 12, 31)) == Decimal("290.67")
    assert maximumdagloon_op(date(2026, 1, 1)) == Decimal("304.25")
    uitkering = bereken_uitkering(
        soort=Verlofsoort.ZWANGERSCHAP,
        dagloon=Decimal(400),
        van=date(2025, 12, 29),
        tot=date(2026, 1, 2),
    )
    assert uitkering.bruto == 3 * Decimal("290.67") + 2 * Decimal("304.25")
    assert [d for d, _ in uitkering.dagbedragen] == [date(2025, 12, 29), date(2026, 1, 1)]
    with pytest.raises(ValueError, match="geen maximumdagloon"):
        maximumdagloon_op(date(2024, 12, 31))


def test_uitkeringsdagen_met_feestdagen() -> None:
    """DOMAIN §7.0: Mon–Fri incl. holidays (Eerste Kerstdag 2025 is a Thursday)."""
    assert len(uitkeringsdagen(date(2025, 12, 22), date(2025, 12, 28))) == 5


def test_dagloon_uit_jaarloon() -> None:
    assert dagloon_uit_jaarloon(Decimal("79409")) * 261 == Decimal("79409")
