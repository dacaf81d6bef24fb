"""DOMAIN §7.6: the compensatie transitievergoeding is the lowest of the three amounts."""

from decimal import Decimal

import pytest

from verzuimportaal.ontslag.compensatie import bereken_compensatie


def _bereken(**bedragen: str):
    standaard = {
        "betaalde_transitievergoeding": "10000.00",
        "transitiekosten": "500.00",
        "verschuldigd_na_opzegverbod": "12000.00",
        "loon_104_weken": "80000.00",
        "uitkeringen_104_weken": "20000.00",
    }
    standaard.update(bedragen)
    return bereken_compensatie(**{k: Decimal(v) for k, v in standaard.items()})


def test_betaald_met_kosten_is_het_laagste():
    berekening = _bereken()
    assert berekening.compensatie == Decimal("10500.00")
    assert berekening.grondslag == "betaald"


def test_verschuldigd_na_opzegverbod_is_het_laagste():
    berekening = _bereken(verschuldigd_na_opzegverbod="9876.54")
    assert berekening.compensatie == Decimal("9876.54")
    assert berekening.grondslag == "verschuldigd_na_opzegverbod"


def test_loon_min_uitkering_is_het_laagste():
    berekening = _bereken(loon_104_weken="25000.00", uitkeringen_104_weken="17000.01")
    assert berekening.compensatie == Decimal("7999.99")
    assert berekening.grondslag == "loon_min_uitkering"


def test_uitkering_hoger_dan_loon_geeft_nul_nooit_negatief():
    assert _bereken(uitkeringen_104_weken="90000.00").compensatie == Decimal("0.00")


def test_negatief_bedrag_geweigerd():
    with pytest.raises(ValueError, match="negatief"):
        _bereken(transitiekosten="-1.00")
