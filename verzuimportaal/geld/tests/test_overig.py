"""DOMAIN §7.2, §7.3 (premium), §7.4 and §7.5 worked examples, and the payment date."""

from datetime import date
from decimal import Decimal

import pytest

from verzuimportaal.geld.arbofactuur import arbofactuur
from verzuimportaal.geld.bedragen import maanden_later, rond_af, uitkeringsdagen
from verzuimportaal.geld.betaaldatum import betaaldatum
from verzuimportaal.geld.premie import premie, premieafrekening
from verzuimportaal.geld.reintegratiekosten import (
    declaratietermijn,
    loonsanctie_melden_uiterlijk,
    uiterste_betaaldatum,
    vergoeding,
)
from verzuimportaal.geld.uitkering import Dienstverband
from verzuimportaal.geld.uwv import (
    Soort,
    dagloon_uit_jaarloon,
    maximumdagloon_op,
    percentage_voor,
    specificeer,
    totaal,
)


@pytest.mark.parametrize(
    ("maand", "verwacht"),
    [
        (date(2025, 3, 1), date(2025, 4, 16)),  # DOMAIN §7.3
        (date(2025, 4, 1), date(2025, 5, 19)),  # DOMAIN §7.3: Bevrijdingsdag skipped
        (date(2025, 12, 1), date(2026, 1, 19)),  # Nieuwjaarsdag skipped
    ],
)
def test_betaaldatum_twaalfde_werkdag(maand: date, verwacht: date) -> None:
    assert betaaldatum(maand=maand) == verwacht


def test_uwv_dagbedrag_afgerond() -> None:
    """DOMAIN §7.2: 123.45 × 70 % = 86.42 (86.415 half-up)."""
    [regel] = specificeer(
        dagloon=Decimal("123.45"),
        percentage=percentage_voor(Soort.ZIEKTEWET),
        van=date(2025, 3, 3),
        tot_en_met=date(2025, 3, 3),
    )
    assert regel.dagbedrag == Decimal("86.42")


def test_wazo_dagloon_boven_maximum_februari_2025() -> None:
    """DOMAIN §7.2: WAZO dagloon 320, Feb 2025: 20 × 290.67 = 5,813.40."""
    regels = specificeer(
        dagloon=Decimal(320),
        percentage=percentage_voor(Soort.WAZO),
        van=date(2025, 2, 1),
        tot_en_met=date(2025, 2, 28),
    )
    assert [(r.dagen, r.dagbedrag) for r in regels] == [(20, Decimal("290.67"))]
    assert totaal(regels) == Decimal("5813.40")


def test_maximumdagloon_gedateerd_en_periode_gesplitst() -> None:
    """DOMAIN §7.2: the maximum is set on 1 January and 1 July; a period splits there."""
    assert maximumdagloon_op(date(2025, 12, 31)) == Decimal("290.67")
    assert maximumdagloon_op(date(2026, 1, 1)) == Decimal("304.25")
    tabel = {date(2025, 1, 1): Decimal("290.67"), date(2025, 7, 1): Decimal("295.00")}
    regels = specificeer(
        dagloon=Decimal(400),
        percentage=Decimal(100),
        van=date(2025, 6, 16),
        tot_en_met=date(2025, 7, 13),
        tabel=tabel,
    )
    assert [(r.van, r.tot_en_met, r.dagen, r.dagbedrag) for r in regels] == [
        (date(2025, 6, 16), date(2025, 6, 30), 11, Decimal("290.67")),
        (date(2025, 7, 1), date(2025, 7, 13), 9, Decimal("295.00")),
    ]
    with pytest.raises(ValueError, match="maximumdagloon"):
        maximumdagloon_op(date(2024, 12, 31))


def test_dagloon_uit_sv_jaarloon() -> None:
    """DOMAIN §7.2: dagloon = SV-jaarloon / 261; 79,409 / 261 ≈ 304.25."""
    assert rond_af(dagloon_uit_jaarloon(Decimal(79409))) == Decimal("304.25")


def test_no_riskpolis_vraagt_percentage() -> None:
    assert percentage_voor(Soort.NO_RISKPOLIS, Decimal(85)) == Decimal(85)
    with pytest.raises(ValueError, match="70 tot en met 100"):
        percentage_voor(Soort.NO_RISKPOLIS)


def test_premie_voorschot_en_naverrekening() -> None:
    """DOMAIN §7.3: 3.25 % × 412,000 = 13,390.00; actual 430,500 → 13,991.25 (+601.25)."""
    assert premie(premiepercentage=Decimal("3.25"), loonsom=Decimal(412000)) == Decimal("13390.00")
    afrekening = premieafrekening(
        jaar=2025,
        premiepercentage=Decimal("3.25"),
        januarilonen=[Decimal(200000), Decimal(212000)],
        werkelijke_lonen=[Decimal(210000), Decimal(220500)],
    )
    assert afrekening.voorschot == Decimal("13390.00")
    assert afrekening.definitief == Decimal("13991.25")
    assert afrekening.naverrekening == Decimal("601.25")


def test_premie_met_werkgeverslasten() -> None:
    assert premie(
        premiepercentage=Decimal(2), loonsom=Decimal(100000), werkgeverslasten=Decimal(20)
    ) == Decimal("2400.00")


def test_arbofactuur_btw_over_totaal() -> None:
    """DOMAIN §7.4: 7 × 12.50 = 87.50 + 18.38 = 105.88 (not 7 × 15.13)."""
    in_dienst = [Dienstverband(datum_in_dienst=date(2024, 1, 1))] * 7
    later = [Dienstverband(datum_in_dienst=date(2025, 3, 2))]
    weg = [Dienstverband(datum_in_dienst=date(2024, 1, 1), laatste_dag=date(2025, 2, 28))]
    factuur = arbofactuur(
        maand=date(2025, 3, 15), dienstverbanden=in_dienst + later + weg, tarief=Decimal("12.50")
    )
    assert factuur.peildatum == date(2025, 3, 1)
    assert factuur.aantal == 7
    assert (factuur.subtotaal, factuur.btw, factuur.totaal) == (
        Decimal("87.50"),
        Decimal("18.38"),
        Decimal("105.88"),
    )
    assert factuur.totaal != 7 * Decimal("15.13")


def test_declaratietermijn_een_maand_zonder_verlenging() -> None:
    """DOMAIN §7.5: 31 Jan → 28 Feb."""
    assert declaratietermijn(nota_ontvangen=date(2025, 1, 31)) == date(2025, 2, 28)
    assert declaratietermijn(nota_ontvangen=date(2024, 1, 31)) == date(2024, 2, 29)
    assert uiterste_betaaldatum(gedeclareerd_op=date(2025, 2, 10)) == date(2025, 3, 10)


def test_vergoeding_minimum_van_nota_en_goedkeuring() -> None:
    """DOMAIN §7.5: min(nota, approved), 0 until decided."""
    assert vergoeding(notabedrag=Decimal(1200), goedgekeurd=Decimal(1000)) == Decimal(1000)
    assert vergoeding(notabedrag=Decimal(800), goedgekeurd=Decimal(1000)) == Decimal(800)
    assert vergoeding(notabedrag=Decimal(800), goedgekeurd=None) == Decimal(0)


def test_loonsanctie_binnen_vijf_werkdagen() -> None:
    """DOMAIN §7.5: 2025-05-01 → 05-09 (Bevrijdingsdag is no werkdag)."""
    assert loonsanctie_melden_uiterlijk(ontvangen_op=date(2025, 5, 1)) == date(2025, 5, 9)


def test_hulpfuncties() -> None:
    assert uitkeringsdagen(date(2025, 3, 1), date(2025, 4, 1)) == 21
    assert uitkeringsdagen(date(2025, 1, 1), date(2026, 1, 1)) == 261
    assert maanden_later(date(2025, 12, 31), 2) == date(2026, 2, 28)
    assert rond_af(Decimal("-0.005")) == Decimal("-0.01")
