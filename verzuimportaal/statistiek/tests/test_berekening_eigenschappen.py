"""The SQL aggregation equals a day-by-day count in plain Python (DOMAIN §6), on random populations.

The reference below walks every employee and every calendar day of P, literally as DOMAIN §6 reads;
it is slow and obvious. Hypothesis draws employees (entering/leaving, part-time), spells (partial
recovery steps, open, ziek uit dienst) and periods; both databases must agree with the reference.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    werknemersdagen = werknemers = zonder = meldingen = hersteld = duur = 0
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
        "verzuimpercentage": _q(teller, noemer),
        "meldingsfrequentie": _q(Decimal(meldingen * 365), Decimal(werknemersdagen)),
        "meldingsfrequentie_periode": _q(Decimal(meldingen * dagen_p), Decimal(werknemersdagen)),
        "gemiddelde_verzuimduur": _q(Decimal(duur), Decimal(hersteld)),
        "nulverzuim": _q(Decimal(100 * zonder), Decimal(werknemers)),
        "aantal_werknemers": werknemers,
        "aantal_ziekmeldingen": meldingen,
        **klassen,
    }


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

    s = pop.statistiek(begin, einde)

    verwacht = referentie(mensen, begin, einde)
    gekregen = {sleutel: getattr(s, sleutel) for sleutel in verwacht}
    assert gekregen == verwacht
