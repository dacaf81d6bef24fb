import pytest
from hypothesis import given
from hypothesis import strategies as st

from verzuimportaal.utils.elfproef import (
    is_bsn,
    is_kvk_nummer,
    is_loonheffingennummer,
    normaliseer_nummer,
)


@pytest.mark.parametrize(
    ("nummer", "geldig"),
    [
        ("111222333", True),  # 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*3 = 66 = 6*11
        ("123456782", True),
        ("123456789", False),
        ("000000000", False),
        ("12345678", False),
        ("1234567820", False),
        ("12345678a", False),
        ("١٢٣٤٥٦٧٨٢", False),  # non-ASCII digits are refused
    ],
)
def test_bsn_elfproef(nummer: str, geldig: bool) -> None:
    """DOMAIN §1: BSN = 9 digits passing the 11-check."""
    assert is_bsn(nummer) is geldig


@pytest.mark.parametrize(
    ("nummer", "geldig"),
    [
        ("123456782L01", True),  # the example in DOMAIN §1
        ("123456782L1", False),
        ("123456782l01", False),
        ("123456789L01", False),
        ("123456782X01", False),
    ],
)
def test_loonheffingennummer(nummer: str, geldig: bool) -> None:
    assert is_loonheffingennummer(nummer) is geldig


def test_kvk_nummer() -> None:
    assert is_kvk_nummer("12345678")
    assert not is_kvk_nummer("1234567")
    assert not is_kvk_nummer("1234567a")


def test_normaliseer_nummer() -> None:
    assert normaliseer_nummer(" 1234.56-782 l01 ") == "123456782L01"


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_een_cijfer_wijzigen_breekt_de_elfproef(nummer: str) -> None:
    """Changing any single digit of a valid number always breaks the check (weights < 11)."""
    if not is_bsn(nummer):
        return
    for i in range(9):
        ander = str((int(nummer[i]) + 1) % 10)
        gewijzigd = nummer[:i] + ander + nummer[i + 1 :]
        assert not is_bsn(gewijzigd)
