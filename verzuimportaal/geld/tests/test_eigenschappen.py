"""Properties of the uitkering (DOMAIN §7.3), checked on random histories."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from verzuimportaal.geld.bedragen import rond_af, uitkeringsdagen, volgende_maand
from verzuimportaal.geld.uitkering import (
    MAXIMALE_ZIEKTEDAG,
    Dienstverband,
    Loon,
    Polisvoorwaarden,
    UwvPeriode,
    Ziekmelding,
    bereken_maand,
)

DEKKINGEN = st.sampled_from(
    [
        ((Decimal(100), Decimal(70)), 364),
        ((Decimal(70), Decimal(70)), 364),
        ((Decimal(95), Decimal(90), Decimal(85), Decimal(70)), 182),
    ]
)


@st.composite
def polissen(draw: st.DrawFn) -> Polisvoorwaarden:
    dekking, periode = draw(DEKKINGEN)
    return Polisvoorwaarden(
        ingangsdatum=date(2000, 1, 1),
        eigenrisicotermijn=draw(st.sampled_from([0, 10, 20, 30, 65, 130, 260])),
        dekking=dekking,
        dekkingsperiode_dagen=periode,
        maximum_jaarloon=draw(st.sampled_from([Decimal(110000), None])),
        deler=draw(st.sampled_from([261, 260])),
    )


@st.composite
def meldingen(draw: st.DrawFn) -> tuple[Ziekmelding, ...]:
    dag = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)))
    uitkomst = []
    for index in range(draw(st.integers(1, 4))):
        open_einde = draw(st.booleans()) and index > 0
        lengte = draw(st.integers(1, 900))
        einde = None if open_einde else dag + timedelta(days=lengte)
        stappen = tuple(
            (dag + timedelta(days=draw(st.integers(1, 400))), draw(st.integers(1, 100)))
            for _ in range(draw(st.integers(0, 3)))
        )
        uitkomst.append(
            Ziekmelding(id=index, eerste_ziektedag=dag, einddatum=einde, percentages=stappen)
        )
        if einde is None:
            break
        dag = einde + timedelta(days=draw(st.integers(1, 60)))
    return tuple(uitkomst)


@settings(max_examples=150, deadline=None)
@given(
    polis=polissen(),
    historie=meldingen(),
    jaarloon=st.decimals(min_value=1000, max_value=250000, places=2),
    maandindex=st.integers(0, 40),
)
def test_maand_nooit_meer_dan_dekking_maal_dagloon_maal_dagen(
    polis: Polisvoorwaarden,
    historie: tuple[Ziekmelding, ...],
    jaarloon: Decimal,
    maandindex: int,
) -> None:
    """DOMAIN §7.3: a month never pays more than max dekking × capped dagloon × uitkeringsdagen."""
    begin = historie[0].eerste_ziektedag.replace(day=1)
    maand = date(
        begin.year + (begin.month - 1 + maandindex) // 12,
        (begin.month - 1 + maandindex) % 12 + 1,
        1,
    )
    kwargs = {
        "maand": maand,
        "meldingen": historie,
        "lonen": (Loon(date(2000, 1, 1), jaarloon),),
        "polissen": (polis,),
        "dienstverband": Dienstverband(datum_in_dienst=date(2000, 1, 1)),
    }
    uitkomst = bereken_maand(**kwargs)
    grens = (
        max(polis.dekking)
        / 100
        * polis.dagloon(jaarloon)
        * uitkeringsdagen(maand, volgende_maand(maand))
    )
    assert 0 <= uitkomst.bruto <= rond_af(grens)
    assert uitkomst.te_betalen == uitkomst.bruto
    assert all(r.eerste_ziektedag_nummer <= MAXIMALE_ZIEKTEDAG for r in uitkomst.regels)
    # Re-running the month changes nothing.
    assert bereken_maand(**kwargs) == uitkomst


@settings(max_examples=100, deadline=None)
@given(
    eerste=st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)),
    lengte=st.integers(1, 1000),
    eigen_risico=st.sampled_from([0, 10, 20, 30, 65, 130, 260]),
)
def test_eigen_risico_precies_eenmaal_over_alle_maanden(
    eerste: date, lengte: int, eigen_risico: int
) -> None:
    """DOMAIN §7.3: over a whole spell the paid days are its uitkeringsdagen (≤ day 728) minus
    the eigenrisicotermijn, however the months cut it; 100 % dekking pays dagloon per day."""
    einde = eerste + timedelta(days=lengte)
    melding = Ziekmelding(id=1, eerste_ziektedag=eerste, einddatum=einde)
    polis = Polisvoorwaarden(
        ingangsdatum=date(2000, 1, 1),
        eigenrisicotermijn=eigen_risico,
        dekking=(Decimal(100), Decimal(100)),
    )
    betaald = 0
    eigen = 0
    maand = eerste.replace(day=1)
    while maand < einde:
        uitkomst = bereken_maand(
            maand=maand,
            meldingen=(melding,),
            lonen=(Loon(date(2000, 1, 1), Decimal(52200)),),
            polissen=(polis,),
            dienstverband=Dienstverband(datum_in_dienst=date(2000, 1, 1)),
        )
        assert uitkomst.bruto == 200 * uitkomst.uitkeringsdagen
        betaald += uitkomst.uitkeringsdagen
        eigen += uitkomst.eigenrisicodagen
        maand = volgende_maand(maand)
    gedekt = uitkeringsdagen(eerste, min(einde, eerste + timedelta(days=MAXIMALE_ZIEKTEDAG)))
    assert eigen == min(eigen_risico, gedekt)
    assert betaald == max(0, gedekt - eigen_risico)


@st.composite
def uwv_perioden(draw: st.DrawFn, rond: date) -> tuple[UwvPeriode, ...]:
    perioden = []
    for _ in range(draw(st.integers(0, 3))):
        van = rond + timedelta(days=draw(st.integers(-40, 40)))
        perioden.append(
            UwvPeriode(
                van=van,
                tot_en_met=van + timedelta(days=draw(st.integers(0, 60))),
                dagbedrag=draw(st.decimals(min_value=0, max_value=400, places=2)),
            )
        )
    return tuple(perioden)


@settings(max_examples=150, deadline=None)
@given(
    polis=polissen(),
    historie=meldingen(),
    jaarloon=st.decimals(min_value=1000, max_value=250000, places=2),
    maandindex=st.integers(0, 30),
    data=st.data(),
)
def test_uwv_aftrek_nooit_negatief_en_nooit_meer_dan_de_grens(
    polis: Polisvoorwaarden,
    historie: tuple[Ziekmelding, ...],
    jaarloon: Decimal,
    maandindex: int,
    data: st.DataObject,
) -> None:
    """DOMAIN §7.3: with UWV benefits deducted a month still never pays more than max dekking ×
    capped dagloon × uitkeringsdagen, never less than 0, deducts at most the UWV dagbedragen of
    the month, and re-running it changes nothing."""
    begin = historie[0].eerste_ziektedag.replace(day=1)
    index = begin.year * 12 + begin.month - 1 + maandindex
    maand = date(index // 12, index % 12 + 1, 1)
    uwv = data.draw(uwv_perioden(maand))
    kwargs = {
        "maand": maand,
        "meldingen": historie,
        "lonen": (Loon(date(2000, 1, 1), jaarloon),),
        "polissen": (polis,),
        "dienstverband": Dienstverband(datum_in_dienst=date(2000, 1, 1)),
        "uwv": uwv,
    }
    uitkomst = bereken_maand(**kwargs)
    einde = volgende_maand(maand)
    grens = max(polis.dekking) / 100 * polis.dagloon(jaarloon) * uitkeringsdagen(maand, einde)
    uwv_in_maand = sum(
        (
            p.dagbedrag
            * uitkeringsdagen(max(p.van, maand), min(p.tot_en_met + timedelta(1), einde))
            for p in uwv
        ),
        Decimal(0),
    )
    assert 0 <= uitkomst.te_betalen <= uitkomst.bruto <= rond_af(grens)
    assert uitkomst.aftrek_uwv <= uwv_in_maand
    assert uitkomst.te_betalen == uitkomst.bruto - uitkomst.aftrek_uwv
    if not uwv:
        assert uitkomst.aftrek_uwv == 0
    assert bereken_maand(**kwargs) == uitkomst
