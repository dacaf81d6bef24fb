"""DOMAIN §7.1: every worked example, plus the refusals."""

from datetime import date

import pytest

from verzuimportaal.wazo.periode import (
    Tijdigheid,
    Verlofsoort,
    WazoFout,
    aanvraagvenster_aanvullend_geboorteverlof,
    aanvraagvenster_adoptie,
    aanvraagvenster_zwangerschap,
    aanvullend_geboorteverlof,
    adoptieverlof,
    dagen_in,
    ingangsvenster,
    melden_aan_werkgever_uiterlijk,
    zwangerschaps_en_bevallingsverlof,
)

# DOMAIN §7.1 example: E = Friday 2025-06-20, S = 2025-05-10.
E = date(2025, 6, 20)
S = date(2025, 5, 10)


def test_ingangsvenster_zes_tot_vier_weken_voor_a() -> None:
    assert ingangsvenster(uitgerekende_datum=E) == (date(2025, 5, 10), date(2025, 5, 24))


def test_ingangsvenster_meerling_tien_weken() -> None:
    assert ingangsvenster(uitgerekende_datum=E, meerling=True) == (
        date(2025, 4, 12),
        date(2025, 4, 26),
    )


def test_aanvraagvenster_voorbeeld() -> None:
    """DOMAIN §7.1: apply 04-12 … 04-26."""
    venster = aanvraagvenster_zwangerschap(ingangsdatum=S)
    assert (venster.van, venster.tot) == (date(2025, 4, 12), date(2025, 4, 26))
    assert venster.tijdigheid(date(2025, 4, 11)) is Tijdigheid.TE_VROEG
    assert venster.tijdigheid(date(2025, 4, 12)) is Tijdigheid.OP_TIJD
    assert venster.tijdigheid(date(2025, 4, 26)) is Tijdigheid.OP_TIJD
    assert venster.tijdigheid(date(2025, 4, 27)) is Tijdigheid.TE_LAAT
    assert melden_aan_werkgever_uiterlijk(ingangsdatum=S) == date(2025, 4, 19)


def test_geboren_op_uitgerekende_datum_zestien_weken() -> None:
    """DOMAIN §7.1: born on E → bv 06-21 … 08-29 (16 weeks in all)."""
    verlof = zwangerschaps_en_bevallingsverlof(
        uitgerekende_datum=E, ingangsdatum=S, geboortedatum=E
    )
    assert verlof.zwangerschapsverlof == (S, E)
    assert verlof.bevallingsverlof == (date(2025, 6, 21), date(2025, 8, 29))
    assert verlof.bevallingsverlof_dagen == 70
    assert (verlof.eerste_dag, verlof.laatste_dag) == (S, date(2025, 8, 29))
    assert verlof.dagen == 16 * 7


def test_geboren_na_uitgerekende_datum_schuift_op() -> None:
    """DOMAIN §7.1: born 06-30 → to 09-08 (zwangerschapsverlof runs on, bv stays 70)."""
    verlof = zwangerschaps_en_bevallingsverlof(
        uitgerekende_datum=E, ingangsdatum=S, geboortedatum=date(2025, 6, 30)
    )
    assert verlof.bevallingsverlof == (date(2025, 7, 1), date(2025, 9, 8))
    assert verlof.bevallingsverlof_dagen == 70


def test_geboren_voor_uitgerekende_datum_84_dagen() -> None:
    """DOMAIN §7.1: born 06-06 → 84 days, to 08-29 (the 14 untaken days are added)."""
    verlof = zwangerschaps_en_bevallingsverlof(
        uitgerekende_datum=E, ingangsdatum=S, geboortedatum=date(2025, 6, 6)
    )
    assert verlof.bevallingsverlof_dagen == 84
    assert verlof.bevallingsverlof == (date(2025, 6, 7), date(2025, 8, 29))


def test_kind_in_ziekenhuis_verlengt() -> None:
    """DOMAIN §7.1: S = 05-17, child in hospital 06-21 … 07-25 → +21, to 09-26."""
    verlof = zwangerschaps_en_bevallingsverlof(
        uitgerekende_datum=E,
        ingangsdatum=date(2025, 5, 17),
        geboortedatum=E,
        ziekenhuisopnames=[(date(2025, 6, 21), date(2025, 7, 25))],
    )
    assert verlof.bevallingsverlof_dagen == 77
    assert verlof.verlenging_ziekenhuis == 21
    assert verlof.laatste_dag == date(2025, 9, 26)


def test_ziekenhuis_zeven_dagen_verlengt_niet() -> None:
    verlof = zwangerschaps_en_bevallingsverlof(
        uitgerekende_datum=E,
        ingangsdatum=S,
        geboortedatum=E,
        ziekenhuisopnames=[(date(2025, 6, 21), date(2025, 6, 27))],
    )
    assert verlof.verlenging_ziekenhuis == 0
    assert verlof.laatste_dag == date(2025, 8, 29)


def test_ziekenhuisverlenging_hoogstens_70_dagen() -> None:
    verlof = zwangerschaps_en_bevallingsverlof(
        uitgerekende_datum=E,
        ingangsdatum=S,
        geboortedatum=E,
        ziekenhuisopnames=[(date(2025, 6, 21), date(2025, 12, 31))],
    )
    assert verlof.verlenging_ziekenhuis == 63  # 70 days of bv, the first 7 admission days own
    verlof = zwangerschaps_en_bevallingsverlof(
        uitgerekende_datum=E,
        ingangsdatum=S,
        geboortedatum=E,
        ziekenhuisopnames=[(date(2025, 6, 14), date(2025, 12, 31))],
    )
    assert verlof.verlenging_ziekenhuis == 70


def test_geboren_voor_ingangsdatum_geen_zwangerschapsverlof() -> None:
    """DOMAIN §7.1: born before S → no zwangerschapsverlof, bv = 70 + N."""
    verlof = zwangerschaps_en_bevallingsverlof(
        uitgerekende_datum=E, ingangsdatum=S, geboortedatum=date(2025, 5, 1)
    )
    assert verlof.zwangerschapsverlof is None
    assert verlof.bevallingsverlof_dagen == 112
    assert verlof.eerste_dag == date(2025, 5, 2)
    assert verlof.laatste_dag == date(2025, 8, 21)


def test_ziektedagen_in_flexperiode_tellen_als_verlof() -> None:
    """DOMAIN §7.1: k sick days before S (S = 05-24, 14-day flex) reduce what is added to bv."""
    zonder = zwangerschaps_en_bevallingsverlof(
        uitgerekende_datum=E, ingangsdatum=date(2025, 5, 24), geboortedatum=E
    )
    assert zonder.bevallingsverlof_dagen == 84  # zvd 28: 14 added
    met = zwangerschaps_en_bevallingsverlof(
        uitgerekende_datum=E,
        ingangsdatum=date(2025, 5, 24),
        geboortedatum=E,
        ziektedagen_voor_ingang=10,
    )
    assert met.bevallingsverlof_dagen == 74


def test_meerling() -> None:
    verlof = zwangerschaps_en_bevallingsverlof(
        uitgerekende_datum=E, ingangsdatum=date(2025, 4, 12), meerling=True, geboortedatum=E
    )
    assert verlof.bevallingsverlof_dagen == 70
    assert verlof.dagen == 70 + 70


def test_geboorte_onbekend_rekent_met_uitgerekende_datum() -> None:
    verlof = zwangerschaps_en_bevallingsverlof(uitgerekende_datum=E, ingangsdatum=S)
    assert not verlof.geboorte_bekend
    assert verlof.laatste_dag == date(2025, 8, 29)


@pytest.mark.parametrize("ingang", [date(2025, 5, 9), date(2025, 5, 25)])
def test_ingangsdatum_buiten_venster_geweigerd(ingang: date) -> None:
    with pytest.raises(WazoFout, match="tussen 10-05-2025 en 24-05-2025"):
        zwangerschaps_en_bevallingsverlof(uitgerekende_datum=E, ingangsdatum=ingang)


def test_te_veel_ziektedagen_geweigerd() -> None:
    with pytest.raises(WazoFout, match="0 tot en met 0 ziektedagen"):
        zwangerschaps_en_bevallingsverlof(
            uitgerekende_datum=E, ingangsdatum=S, ziektedagen_voor_ingang=1
        )


def test_dagen_in_telt_overlap_eenmaal() -> None:
    perioden = [(date(2025, 5, 1), date(2025, 5, 15)), (date(2025, 5, 10), None)]
    assert dagen_in(perioden, van=date(2025, 5, 10), tot=date(2025, 5, 23)) == 14
    assert dagen_in(perioden[:1], van=date(2025, 5, 10), tot=date(2025, 5, 23)) == 5


def test_aanvullend_geboorteverlof() -> None:
    b = date(2025, 6, 20)
    verlof = aanvullend_geboorteverlof(
        geboortedatum=b,
        einde_geboorteverlof=date(2025, 6, 27),
        ingangsdatum=date(2025, 7, 1),
        weken=5,
    )
    assert (verlof.eerste_dag, verlof.laatste_dag) == (date(2025, 7, 1), date(2025, 8, 4))
    venster = aanvraagvenster_aanvullend_geboorteverlof(periode=verlof)
    assert (venster.van, venster.tot) == (date(2025, 6, 3), date(2025, 9, 1))
    with pytest.raises(WazoFout, match="na het geboorteverlof"):
        aanvullend_geboorteverlof(
            geboortedatum=b,
            einde_geboorteverlof=date(2025, 6, 27),
            ingangsdatum=date(2025, 6, 27),
            weken=1,
        )
    with pytest.raises(WazoFout, match="1 tot en met 5 weken"):
        aanvullend_geboorteverlof(
            geboortedatum=b,
            einde_geboorteverlof=date(2025, 6, 27),
            ingangsdatum=date(2025, 7, 1),
            weken=6,
        )
    # Within 6 months after the birth: the last day at most 2025-12-19.
    aanvullend_geboorteverlof(
        geboortedatum=b,
        einde_geboorteverlof=date(2025, 6, 27),
        ingangsdatum=date(2025, 12, 13),
        weken=1,
    )
    with pytest.raises(WazoFout, match="uiterlijk op 19-12-2025"):
        aanvullend_geboorteverlof(
            geboortedatum=b,
            einde_geboorteverlof=date(2025, 6, 27),
            ingangsdatum=date(2025, 12, 14),
            weken=1,
        )


def test_adoptieverlof() -> None:
    komst = date(2025, 9, 1)
    verlof = adoptieverlof(
        soort=Verlofsoort.ADOPTIE, datum_komst=komst, ingangsdatum=date(2025, 8, 4), weken=6
    )
    assert verlof.laatste_dag == date(2025, 9, 14)
    venster = aanvraagvenster_adoptie(ingangsdatum=date(2025, 8, 4))
    assert (venster.van, venster.tot) == (date(2025, 7, 7), date(2025, 7, 21))
    with pytest.raises(WazoFout, match="4 weken voor de komst"):
        adoptieverlof(
            soort=Verlofsoort.PLEEGZORG, datum_komst=komst, ingangsdatum=date(2025, 8, 3), weken=1
        )
    # 22 weeks after the arrival: the last day is 2026-02-01.
    adoptieverlof(
        soort=Verlofsoort.PLEEGZORG, datum_komst=komst, ingangsdatum=date(2026, 1, 26), weken=1
    )
    with pytest.raises(WazoFout, match="22 weken erna"):
        adoptieverlof(
            soort=Verlofsoort.PLEEGZORG, datum_komst=komst, ingangsdatum=date(2026, 1, 27), weken=1
        )
    with pytest.raises(WazoFout, match="1 tot en met 6 weken"):
        adoptieverlof(
            soort=Verlofsoort.ADOPTIE, datum_komst=komst, ingangsdatum=date(2025, 8, 4), weken=7
        )
