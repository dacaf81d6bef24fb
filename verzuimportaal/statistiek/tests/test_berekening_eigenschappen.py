"""The SQL aggregation equals a day-by-day count in plain Python (DOMAIN §6), on random populations.

The reference below walks every employee and every calendar day of P, literally as DOMAIN §6 reads;
it is slow and obvious and gives every field of ``Verzuimstatistiek``. Hypothesis draws employees
(entering/leaving, part-time), spells (partial recovery steps, open, ziek uit dienst) and periods;
both databases must agree with the reference, for one period and for many at once.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verzuimportaal.statistiek import berekening
from verzuimportaal.statistiek.berekening import Verzuimstatistiek, bereken_perioden

from .populatie import Populatie

BASIS = date(2024, 1, 1)
VIER = Decimal("0.0001")


@dataclass
class Geval:
    ziek: date
    einde: date | None  # exclusive
    uit_dienst: bool
    stappen: list[tuple[date, int]]


@dataclass
class Persoon:
    factor: Decimal
    in_dienst: date
    uit_dienst: date | None
    gevallen: list[Geval]


@st.composite
def personen(draw) -> list[Persoon]:
    resultaat = []
    for _ in range(draw(st.integers(1, 4))):
        in_dienst = BASIS + timedelta(days=draw(st.integers(0, 200)))
        factor = draw(
            st.sampled_from([Decimal("1"), Decimal("0.5"), Decimal("0.8"), Decimal("0.333")])
        )
        dag = in_dienst + timedelta(days=draw(st.integers(0, 60)))
        gevallen: list[Geval] = []
        uit_dienst = None
        for _ in range(draw(st.integers(0, 3))):
            lengte = draw(st.integers(1, 400))
            stappen: list[tuple[date, int]] = []
            for _ in range(draw(st.integers(0, 2))):
                stap = draw(st.integers(1, lengte))
                if stap < lengte and all(s[0] != dag + timedelta(days=stap) for s in stappen):
                    stappen.append((dag + timedelta(days=stap), draw(st.integers(1, 99))))
            stappen.sort()
            afloop = draw(st.sampled_from(["hersteld", "hersteld", "open", "uit_dienst"]))
            einde = dag + timedelta(days=lengte)
            if afloop == "hersteld":
                gevallen.append(Geval(dag, einde, False, stappen))
                dag = einde + timedelta(days=draw(st.integers(0, 60)))
                continue
            if afloop == "uit_dienst":
                uit_dienst = einde - timedelta(days=1)
                gevallen.append(Geval(dag, einde, True, stappen))
            else:
                gevallen.append(Geval(dag, None, False, stappen))
            break
        else:
            if draw(st.booleans()):
                uit_dienst = dag + timedelta(days=draw(st.integers(0, 100)))
        resultaat.append(Persoon(factor, in_dienst, uit_dienst, gevallen))
    return resultaat


def _q(teller: Decimal, noemer: Decimal) -> Decimal | None:
    return (teller / noemer).quantize(VIER, rounding=ROUND_HALF_UP) if noemer else None


def referentie(mensen: list[Persoon], begin: date, einde: date) -> dict[str, object]:
    dagen_p = (einde - begin).days + 1
    pe = einde + timedelta(days=1)
    alle_dagen = [begin + timedelta(days=i) for i in range(dagen_p)]
    teller = noemer = Decimal(0)
    werknemersdagen = werknemers = zonder = meldingen = hersteld = duur = gevallen = 0
    klassen = {"kort": 0, "middellang": 0, "lang": 0, "extra_lang": 0}
    for p in mensen:
        in_dienst = [
            d
            for d in alle_dagen
            if p.in_dienst <= d and (p.uit_dienst is None or d <= p.uit_dienst)
        ]
        if not in_dienst:
            continue
        werknemers += 1
        werknemersdagen += len(in_dienst)
        noemer += p.factor * len(in_dienst)
        ziek_in_p = False
        for g in p.gevallen:
            ziekdagen = [d for d in in_dienst if g.ziek <= d and (g.einde is None or d < g.einde)]
            for d in ziekdagen:
                percentage = 100
                for stap, pct in g.stappen:
                    if stap <= d:
                        percentage = pct
                teller += p.factor * percentage
            if ziekdagen:
                ziek_in_p = True
                gevallen += 1
                uit_plus_een = p.uit_dienst + timedelta(days=1) if p.uit_dienst else pe
                lengte = (min(g.einde or pe, pe, uit_plus_een) - g.ziek).days
                klasse = (
                    "kort"
                    if lengte <= 14
                    else "middellang"
                    if lengte <= 91
                    else "lang"
                    if lengte <= 365
                    else "extra_lang"
                )
                klassen[klasse] += 1
            if g.ziek in in_dienst:
                meldingen += 1
        if not ziek_in_p:
            zonder += 1
    for p in mensen:  # gemiddelde duur: hersteldatum in P, whatever the employment
        for g in p.gevallen:
            if g.einde and not g.uit_dienst and begin <= g.einde <= einde:
                hersteld += 1
                duur += (g.einde - g.ziek).days
    return {
        "begin": begin,
        "einde": einde,
        "dagen": dagen_p,
        "verzuimpercentage": _q(teller, noemer),
        "meldingsfrequentie": _q(Decimal(meldingen * 365), Decimal(werknemersdagen)),
        "meldingsfrequentie_periode": _q(Decimal(meldingen * dagen_p), Decimal(werknemersdagen)),
        "gemiddelde_verzuimduur": _q(Decimal(duur), Decimal(hersteld)),
        "nulverzuim": _q(Decimal(100 * zonder), Decimal(werknemers)),
        "aantal_werknemers": werknemers,
        "gemiddeld_aantal_werknemers": _q(Decimal(werknemersdagen), Decimal(dagen_p)),
        "werknemersdagen": werknemersdagen,
        "aantal_ziekmeldingen": meldingen,
        "aantal_herstelmeldingen": hersteld,
        "aantal_zonder_verzuim": zonder,
        "aantal_verzuimgevallen": gevallen,
        **klassen,
        # factor has three decimals, so × 1000 is exact
        "verzuimdagen_gewogen": int(teller * 1000),
        "werknemersdagen_gewogen": int(noemer * 1000),
    }


def bevolk(db: str, mensen: list[Persoon]) -> Populatie:
    pop = Populatie(db)
    for p in mensen:
        werknemer = pop.werknemer(
            factor=str(p.factor), in_dienst=p.in_dienst, uit_dienst=p.uit_dienst
        )
        for g in p.gevallen:
            pop.verzuim(
                werknemer,
                g.ziek,
                hersteld=None if g.uit_dienst else g.einde,
                uit_dienst=g.uit_dienst,
                stappen=tuple(g.stappen),
            )
    return pop


@pytest.mark.django_db(databases=["default", "sqlite"])
@pytest.mark.parametrize("db", ["default", "sqlite"])
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    mensen=personen(),
    begin_offset=st.integers(0, 500),
    lengte=st.sampled_from([1, 28, 30, 31, 90, 365, 366]),
)
def test_sql_gelijk_aan_dag_voor_dag_telling(db, mensen, begin_offset, lengte):
    begin = BASIS + timedelta(days=begin_offset)
    einde = begin + timedelta(days=lengte - 1)
    pop = bevolk(db, mensen)

    s = pop.statistiek(begin, einde)

    verwacht = referentie(mensen, begin, einde)
    gekregen = {sleutel: getattr(s, sleutel) for sleutel in verwacht}
    assert gekregen == verwacht


@st.composite
def personen_ook_ziek_buiten_dienst(draw) -> list[Persoon]:
    """``personen()``, but some enter employment after their first sick day: spells partly or
    wholly before employment (only the days employed count)."""
    mensen = draw(personen())
    for p in mensen:
        if p.gevallen and draw(st.booleans()):
            later = p.in_dienst + timedelta(days=draw(st.integers(1, 300)))
            if p.uit_dienst is None or later <= p.uit_dienst:
                p.in_dienst = later
    return mensen


BIJZONDERE_PERIODEN = [
    (date(2024, 2, 29), date(2024, 2, 29)),  # leap day
    (date(2024, 2, 1), date(2024, 2, 29)),
    (date(2024, 1, 1), date(2024, 12, 31)),  # 366 days
    (date(2023, 1, 1), date(2023, 12, 31)),  # before anyone is employed
    (date(2025, 3, 1), date(2025, 3, 1)),
]
periode = st.one_of(
    st.sampled_from(BIJZONDERE_PERIODEN),
    st.builds(
        lambda begin, lengte: (begin, begin + timedelta(days=lengte - 1)),
        st.dates(date(2023, 10, 1), date(2025, 12, 31)),
        st.sampled_from([1, 2, 28, 29, 31, 92, 365, 400]),
    ),
)


def rond_de_populatie(data: st.DataObject, mensen: list[Persoon]) -> tuple[date, date]:
    """A period at the population's own dates: starting on, just before or after a sick day,
    recovery, step or employment date, and ending there too or at a class boundary of a spell."""
    ankers = sorted(
        {p.in_dienst for p in mensen}
        | {p.uit_dienst for p in mensen if p.uit_dienst}
        | {g.ziek for p in mensen for g in p.gevallen}
        | {g.einde for p in mensen for g in p.gevallen if g.einde}
        | {d for p in mensen for g in p.gevallen for d, _ in g.stappen}
    )
    schuif = st.sampled_from([-1, 0, 1]).map(lambda n: timedelta(days=n))
    begin = data.draw(st.sampled_from(ankers)) + data.draw(schuif)
    if data.draw(st.booleans()):
        einde = data.draw(st.sampled_from(ankers)) + data.draw(schuif)
    else:  # a spell started at an anchor is exactly 14, 15, 91, 92, 365 or 366 days at pe
        lengte = data.draw(st.sampled_from([14, 15, 91, 92, 365, 366]))
        einde = data.draw(st.sampled_from(ankers)) + timedelta(days=lengte - 1)
    return (begin, einde) if begin <= einde else (einde, begin)


@pytest.mark.django_db(databases=["default", "sqlite"])
@pytest.mark.parametrize("db", ["default", "sqlite"])
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    mensen=personen_ook_ziek_buiten_dienst(),
    vrij=st.lists(periode, max_size=4),
    aantal_rond=st.integers(0, 6),
    per_query=st.sampled_from([1, 3, berekening.PERIODEN_PER_QUERY]),
    data=st.data(),
)
def test_meerdere_perioden_tegelijk_gelijk_aan_elke_periode_apart(
    db, mensen, vrij, aantal_rond, per_query, data
):
    """Overlapping, repeated, single-day and empty periods, also split over several batches."""
    perioden = vrij + [rond_de_populatie(data, mensen) for _ in range(aantal_rond)]
    if not perioden:
        perioden = [BIJZONDERE_PERIODEN[0]]
    pop = bevolk(db, mensen)

    with mock.patch.object(berekening, "PERIODEN_PER_QUERY", per_query):
        samen = bereken_perioden(werknemers=pop.werknemers(), perioden=perioden, using=db)

    verwacht = [Verzuimstatistiek(**referentie(mensen, begin, einde)) for begin, einde in perioden]
    assert samen == verwacht
    assert samen == [pop.statistiek(begin, einde) for begin, einde in perioden]
