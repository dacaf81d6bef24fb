"""DOMAIN §7.6 worked examples: the bezwaar deadline and the compensatie window (Atw)."""

from datetime import date

import pytest

from verzuimportaal.aanvragen.termijnen import bezwaartermijn, compensatievenster, plus_maanden


def test_bezwaar_voorbeeld_kerst_en_weekend():
    """DOMAIN §7.6: decision 2025-11-13 → 2025-12-29 (12-25/26 holidays, then a weekend)."""
    assert bezwaartermijn(besluitdatum=date(2025, 11, 13)) == date(2025, 12, 29)


def test_bezwaar_zw_geschiktheid_twee_weken():
    assert bezwaartermijn(besluitdatum=date(2025, 11, 13), zw_geschiktheid=True) == date(
        2025, 11, 27
    )


def test_bezwaar_op_werkdag_niet_verlengd():
    assert bezwaartermijn(besluitdatum=date(2025, 10, 1)) == date(2025, 11, 12)


def test_compensatie_voorbeeld():
    """DOMAIN §7.6: paid 2025-08-31 → by 2026-03-02 (2026-02-28 is a Saturday)."""
    venster = compensatievenster(betaald_op=date(2025, 8, 31))
    assert (venster.van, venster.tot) == (date(2025, 8, 31), date(2026, 3, 2))
    assert not venster.bevat(date(2025, 8, 30))  # earlier is refused
    assert venster.bevat(date(2026, 3, 2))
    assert not venster.bevat(date(2026, 3, 3))


@pytest.mark.parametrize(
    ("dag", "verwacht"),
    [
        (date(2025, 8, 31), date(2026, 2, 28)),
        (date(2023, 8, 31), date(2024, 2, 29)),
        (date(2025, 1, 15), date(2025, 7, 15)),
        (date(2025, 7, 31), date(2026, 1, 31)),
    ],
)
def test_plus_maanden(dag, verwacht):
    assert plus_maanden(dag, 6) == verwacht
