"""The DOMAIN §7.3 worked examples of the verzuimverzekering uitkering, and its edges."""

from datetime import date
from decimal import Decimal

import pytest

from verzuimportaal.geld.uitkering import (
    Dienstverband,
    Loon,
    Maanduitkering,
    Polisvoorwaarden,
    UwvPeriode,
    Ziekmelding,
    bereken_maand,
    verzekerd_jaarloon,
)
from verzuimportaal.poortwachter.termijnen import EindeReden, WazoVerlof

# DOMAIN §7.3 example: dagloon 200 with the default deler 261 → verzekerd jaarloon 52,200.
LOON = (Loon(date(2020, 1, 1), Decimal(52200)),)
POLIS = (Polisvoorwaarden(ingangsdatum=date(2020, 1, 1)),)
IN_DIENST = Dienstverband(datum_in_dienst=date(2020, 1, 1))


def maand(
    dag: date,
    *meldingen: Ziekmelding,
    lonen: tuple[Loon, ...] = LOON,
    polissen: tuple[Polisvoorwaarden, ...] = POLIS,
    dienstverband: Dienstverband = IN_DIENST,
    verlof: tuple[WazoVerlof, ...] = (),
    uwv: tuple[UwvPeriode, ...] = (),
) -> Maanduitkering:
    return bereken_maand(
        maand=dag,
        meldingen=meldingen,
        lonen=lonen,
        polissen=polissen,
        dienstverband=dienstverband,
        verlof=verlof,
        uwv=uwv,
    )


def test_maart_eigen_risico_tien_dagen_dan_elf_dagen_betaald() -> None:
    """DOMAIN §7.3: sick Mon 2025-03-03: March 11 days €2,200.00, paid 2025-04-16."""
    melding = Ziekmelding(id=1, eerste_ziektedag=date(2025, 3, 3))
    uitkomst = maand(date(2025, 3, 1), melding)
    assert uitkomst.eigenrisicodagen == 10
    assert uitkomst.uitkeringsdagen == 11
    assert uitkomst.regels[0].van == date(2025, 3, 17)  # eigen risico 03-03 … 03-14
    assert uitkomst.bruto == Decimal("2200.00")
    assert uitkomst.te_betalen == Decimal("2200.00")
    assert uitkomst.betaaldatum == date(2025, 4, 16)


def test_april_half_arbeidsongeschikt_met_tweede_paasdag() -> None:
    """DOMAIN §7.3: April, 50 % from 04-14: 9 × 200 + 13 × 100 = €3,100.00, paid 2025-05-19."""
    melding = Ziekmelding(
        id=1, eerste_ziektedag=date(2025, 3, 3), percentages=((date(2025, 4, 14), 50),)
    )
    uitkomst = maand(date(2025, 4, 1), melding)
    assert [(r.dagen, r.dagbedrag) for r in uitkomst.regels] == [
        (9, Decimal(200)),
        (13, Decimal(100)),
    ]
    assert uitkomst.eigenrisicodagen == 0
    assert uitkomst.bruto == Decimal("3100.00")
    assert uitkomst.betaaldatum == date(2025, 5, 19)


def test_terugval_binnen_28_dagen_telt_eigen_risico_door() -> None:
    """DOMAIN §7.3: sick 01-06 … 01-12, again 02-03: Feb €3,000.00."""
    eerste = Ziekmelding(id=1, eerste_ziektedag=date(2025, 1, 6), einddatum=date(2025, 1, 13))
    tweede = Ziekmelding(id=2, eerste_ziektedag=date(2025, 2, 3))
    assert maand(date(2025, 1, 1), eerste, tweede).bruto == Decimal("0.00")
    februari = maand(date(2025, 2, 1), eerste, tweede)
    assert februari.eigenrisicodagen == 5
    assert februari.bruto == Decimal("3000.00")


def test_terugval_na_28_dagen_begint_opnieuw() -> None:
    """DOMAIN §7.3: sick 01-06 … 01-12, again 02-10 (gap 28): €1,000.00."""
    eerste = Ziekmelding(id=1, eerste_ziektedag=date(2025, 1, 6), einddatum=date(2025, 1, 13))
    tweede = Ziekmelding(id=2, eerste_ziektedag=date(2025, 2, 10))
    februari = maand(date(2025, 2, 1), eerste, tweede)
    assert februari.eigenrisicodagen == 10
    assert februari.bruto == Decimal("1000.00")


def test_tweede_ziektejaar_zeventig_procent() -> None:
    """DOMAIN §7.3: dekking 100/70 by sick-day number; day 365 is in year 2."""
    melding = Ziekmelding(id=1, eerste_ziektedag=date(2025, 3, 3))
    # Day 1 is 2025-03-03, so day 365 is Monday 2026-03-02; Friday 02-27 is day 362.
    februari = maand(date(2026, 2, 1), melding)
    assert {(r.dekking, r.tot_en_met) for r in februari.regels} == {
        (Decimal(100), date(2026, 2, 27))
    }
    maart = maand(date(2026, 3, 1), melding)
    assert [(r.van, r.dekking, r.dagen) for r in maart.regels] == [
        (date(2026, 3, 2), Decimal(70), 22)
    ]
    assert maart.bruto == Decimal("3080.00")


def test_na_104_weken_geen_uitkering() -> None:
    """DOMAIN §7.3: n ≤ 728; day 729 of a spell from Monday 2025-03-03 is 2027-03-01."""
    melding = Ziekmelding(id=1, eerste_ziektedag=date(2025, 3, 3))
    februari = maand(date(2027, 2, 1), melding)
    assert februari.regels[-1].tot_en_met == date(2027, 2, 26)
    assert maand(date(2027, 3, 1), melding).bruto == 0


def test_jaarloon_boven_maximum_wordt_afgetopt() -> None:
    """DOMAIN §7.3: cap €110,000 → dagloon 110,000 / 261; none → the full wage."""
    melding = Ziekmelding(id=1, eerste_ziektedag=date(2025, 3, 3))
    hoog = (Loon(date(2020, 1, 1), Decimal(150000)),)
    uitkomst = maand(date(2025, 3, 1), melding, lonen=hoog)
    assert uitkomst.regels[0].dagloon == Decimal(110000) / 261
    assert uitkomst.bruto == Decimal("4636.02")  # 11 × 421.4559… = 4636.015…
    zonder = (Polisvoorwaarden(ingangsdatum=date(2020, 1, 1), maximum_jaarloon=None),)
    assert maand(date(2025, 3, 1), melding, lonen=hoog, polissen=zonder).bruto == Decimal("6321.84")


def test_uwv_uitkering_per_betaalde_dag_afgetrokken() -> None:
    """DOMAIN §7.3 with §7.2: sick Mon 2025-03-03, ZW vangnet 70 % of dagloon 200 = 140.00 a day
    for all of March. The insurer pays 03-17 … 03-31 (11 days, €2,200.00); only those days are
    deducted: 11 × 140.00 = €1,540.00, te betalen €660.00. The eigen-risico days deduct nothing."""
    melding = Ziekmelding(id=1, eerste_ziektedag=date(2025, 3, 3))
    zw = (UwvPeriode(date(2025, 3, 3), date(2025, 3, 31), Decimal("140.00")),)
    uitkomst = maand(date(2025, 3, 1), melding, uwv=zw)
    assert (uitkomst.bruto, uitkomst.aftrek_uwv, uitkomst.te_betalen) == (
        Decimal("2200.00"),
        Decimal("1540.00"),
        Decimal("660.00"),
    )


def test_uwv_aftrek_niet_onder_nul() -> None:
    """DOMAIN §7.3: "not below 0": a no-riskpolis at 100 % of a higher UWV dagloon (250.00)
    deducts at most the month's €2,200.00."""
    melding = Ziekmelding(id=1, eerste_ziektedag=date(2025, 3, 3))
    hoog = (UwvPeriode(date(2025, 3, 1), date(2025, 3, 31), Decimal("250.00")),)
    uitkomst = maand(date(2025, 3, 1), melding, uwv=hoog)
    assert (uitkomst.aftrek_uwv, uitkomst.te_betalen) == (Decimal("2200.00"), Decimal("0.00"))


def test_uwv_aftrek_alleen_op_dagen_met_betaling() -> None:
    """April, 50 % from 04-14 (€3,100.00): the UWV pays 04-01 … 04-11 only (9 days × 140.00);
    days outside the UWV period, weekends and days the insurer does not pay deduct nothing."""
    melding = Ziekmelding(
        id=1,
        eerste_ziektedag=date(2025, 3, 3),
        einddatum=date(2025, 4, 26),
        percentages=((date(2025, 4, 14), 50),),
    )
    zw = (
        UwvPeriode(date(2025, 4, 1), date(2025, 4, 11), Decimal("140.00")),
        UwvPeriode(date(2025, 4, 28), date(2025, 4, 30), Decimal("140.00")),  # after recovery
    )
    uitkomst = maand(date(2025, 4, 1), melding, uwv=zw)
    assert uitkomst.bruto == Decimal("2800.00")  # 9 × 200 + 10 × 100 (hersteld per 04-26)
    assert uitkomst.aftrek_uwv == Decimal("1260.00")
    assert uitkomst.te_betalen == Decimal("1540.00")


def test_twee_uwv_uitkeringen_op_een_dag_tellen_op() -> None:
    melding = Ziekmelding(id=1, eerste_ziektedag=date(2025, 3, 3))
    twee = (
        UwvPeriode(date(2025, 3, 17), date(2025, 3, 17), Decimal("100.00")),
        UwvPeriode(date(2025, 3, 17), date(2025, 3, 18), Decimal("20.00")),
    )
    assert maand(date(2025, 3, 1), melding, uwv=twee).aftrek_uwv == Decimal("140.00")


def test_alleen_dagen_in_dienst() -> None:
    melding = Ziekmelding(
        id=1,
        eerste_ziektedag=date(2025, 3, 3),
        einddatum=date(2025, 3, 22),
        einde_reden=EindeReden.UIT_DIENST,
    )
    dienst = Dienstverband(datum_in_dienst=date(2020, 1, 1), laatste_dag=date(2025, 3, 21))
    uitkomst = maand(date(2025, 3, 1), melding, dienstverband=dienst)
    assert uitkomst.uitkeringsdagen == 5  # 03-17 … 03-21
    assert maand(date(2025, 4, 1), melding, dienstverband=dienst).bruto == 0


def test_halfjaarlijkse_dekking() -> None:
    """DOMAIN §7.3: dekking per half-year, e.g. 95/90/85/70; day 183 starts the second."""
    polis = (
        Polisvoorwaarden(
            ingangsdatum=date(2020, 1, 1),
            dekking=(Decimal(95), Decimal(90), Decimal(85), Decimal(70)),
            dekkingsperiode_dagen=182,
            eigenrisicotermijn=0,
        ),
    )
    melding = Ziekmelding(id=1, eerste_ziektedag=date(2025, 3, 3))
    # Day 183 is 2025-09-01 (Monday).
    uitkomst = maand(date(2025, 9, 1), melding, polissen=polis)
    assert {r.dekking for r in uitkomst.regels} == {Decimal(90)}
    augustus = maand(date(2025, 8, 1), melding, polissen=polis)
    assert {r.dekking for r in augustus.regels} == {Decimal(95)}


def test_loon_en_polis_van_eerste_ziektedag() -> None:
    """ADR 0029: the wage valid on the first sick day applies to the whole spell."""
    lonen = (Loon(date(2020, 1, 1), Decimal(52200)), Loon(date(2025, 3, 10), Decimal(104400)))
    melding = Ziekmelding(id=1, eerste_ziektedag=date(2025, 3, 3))
    assert maand(date(2025, 3, 1), melding, lonen=lonen).bruto == Decimal("2200.00")


def test_zonder_loon_geweigerd() -> None:
    melding = Ziekmelding(id=1, eerste_ziektedag=date(2019, 3, 4))
    polis = (Polisvoorwaarden(ingangsdatum=date(2010, 1, 1)),)
    with pytest.raises(ValueError, match="loongegevens"):
        maand(date(2019, 3, 1), melding, polissen=polis)
    with pytest.raises(ValueError, match="polis"):
        maand(date(2019, 3, 1), melding)


def test_wazo_verlof_telt_niet_mee() -> None:
    """DOMAIN §5.1: leave days are neither sick days nor uitkeringsdagen."""
    melding = Ziekmelding(id=1, eerste_ziektedag=date(2025, 3, 3))
    verlof = (WazoVerlof(eerste_dag=date(2025, 3, 17), laatste_dag=date(2025, 3, 23)),)
    uitkomst = maand(date(2025, 3, 1), melding, verlof=verlof)
    assert uitkomst.uitkeringsdagen == 6  # 11 minus the leave week 03-17 … 03-21


def test_verzekerd_jaarloon() -> None:
    """DOMAIN §7.3: gross + 8 % vakantiegeld + fixed parts."""
    assert verzekerd_jaarloon(
        bruto_jaarloon=Decimal(48000), vaste_onderdelen=Decimal(1200)
    ) == Decimal("53040.00")


def test_polis_vraagt_dekking_voor_104_weken() -> None:
    with pytest.raises(ValueError, match="4 perioden"):
        Polisvoorwaarden(
            ingangsdatum=date(2020, 1, 1),
            dekking=(Decimal(95), Decimal(90)),
            dekkingsperiode_dagen=182,
        )
