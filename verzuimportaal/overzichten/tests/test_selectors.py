"""Day counts per spell in the database, checked by hand on small cases (DOMAIN §4.1, §6)."""

from datetime import UTC, date, datetime

import pytest

from verzuimportaal.overzichten import selectors
from verzuimportaal.overzichten.periode import Periode
from verzuimportaal.toegang import access
from verzuimportaal.verzuim.models import EindeReden

from .factories import geval, mutatie

APRIL = Periode(begin=date(2025, 4, 1), einde=date(2025, 4, 30))


def _rijen(omgeving, periode=APRIL):
    gevallen = access.verzuimgevallen(omgeving.actor).exclude(pk=omgeving.verzuimgeval.pk)
    return {g.pk: g for g in selectors.met_dagen_in_periode(gevallen, periode)}


@pytest.mark.parametrize(
    ("begin", "einde", "dagen"),
    [
        # DOMAIN §6 worked example: sick 7 April, hersteld 10 April -> 3 days.
        (date(2025, 4, 7), date(2025, 4, 10), 3),
        # Started before the period: counted from 1 April.
        (date(2025, 3, 20), date(2025, 4, 3), 2),
        # Open spell: up to and including 30 April.
        (date(2025, 4, 25), None, 6),
        # Whole period.
        (date(2025, 1, 1), date(2025, 6, 1), 30),
        # Hersteld on 1 April: last sick day 31 March, nothing in April.
        (date(2025, 3, 1), date(2025, 4, 1), None),
        # Starts after the period.
        (date(2025, 5, 1), None, None),
        # Last day of the period only.
        (date(2025, 4, 30), date(2025, 5, 2), 1),
    ],
)
def test_dagen_in_periode(werkgever_a, begin, einde, dagen):
    g = geval(werkgever_a, begin, einde)
    rijen = _rijen(werkgever_a)
    if dagen is None:
        assert g.pk not in rijen
    else:
        assert rijen[g.pk].dagen_in_periode.days == dagen


def test_percentage_op_einde_periode(werkgever_a):
    g = geval(werkgever_a, date(2025, 3, 3), None, deelherstel=[(date(2025, 4, 14), 50)])
    mutatie(g, "gedeeltelijk_hersteld", date(2025, 5, 5), 20)  # after April: not shown
    hersteld = geval(werkgever_a, date(2025, 4, 2), date(2025, 4, 9))
    rijen = _rijen(werkgever_a)
    assert rijen[g.pk].percentage_op_einde == 50
    assert rijen[hersteld.pk].percentage_op_einde == 100  # last % while sick, not the 0 of herstel


@pytest.mark.parametrize(
    ("begin", "einde", "weken", "eigen", "na", "laatste_dag_eigen_risico"),
    [
        # 2 weeks: eigen risico 1..14 April, after it 15..30 April.
        (date(2025, 4, 1), None, 2, 14, 16, date(2025, 4, 14)),
        # Started 20 March: eigen risico 20 March..2 April, 2 days of it in April.
        (date(2025, 3, 20), date(2025, 4, 11), 2, 2, 8, date(2025, 4, 2)),
        # Short spell inside the eigen risico: nothing after it.
        (date(2025, 4, 7), date(2025, 4, 10), 2, 3, 0, date(2025, 4, 20)),
        # Eigen risico ended before April: all April days are after it.
        (date(2025, 1, 6), None, 4, 0, 30, date(2025, 2, 2)),
        # No eigen risico.
        (date(2025, 4, 7), date(2025, 4, 10), 0, 0, 3, date(2025, 4, 6)),
    ],
)
def test_dagen_binnen_en_na_eigenrisicotermijn(
    werkgever_a, begin, einde, weken, eigen, na, laatste_dag_eigen_risico
):
    g = geval(werkgever_a, begin, einde)
    rij = selectors.met_eigenrisicotermijn(
        access.verzuimgevallen(werkgever_a.actor).filter(pk=g.pk), APRIL, weken=weken
    ).get()
    assert (rij.dagen_eigen_risico.days, rij.dagen_na_eigen_risico.days) == (eigen, na)
    assert rij.einde_eigen_risico == laatste_dag_eigen_risico
    assert eigen + na == rij.dagen_in_periode.days


def test_totalen(werkgever_a):
    geval(werkgever_a, date(2025, 4, 7), date(2025, 4, 10))  # 3 days, melding in April
    geval(werkgever_a, date(2025, 3, 20), date(2025, 4, 3))  # 2 days, melding in March
    geval(werkgever_a, date(2025, 4, 25))  # 6 days, melding in April
    gevallen = selectors.met_eigenrisicotermijn(
        access.verzuimgevallen(werkgever_a.actor).exclude(pk=werkgever_a.verzuimgeval.pk),
        APRIL,
        weken=2,
    )
    totaal = selectors.totalen(gevallen, APRIL)
    assert totaal == selectors.Totalen(
        aantal=3, dagen=11, meldingen=2, dagen_eigen_risico=3 + 2 + 6, dagen_na_eigen_risico=0
    )


def test_totalen_zonder_gevallen(werkgever_a):
    leeg = selectors.met_dagen_in_periode(access.verzuimgevallen(werkgever_a.actor).none(), APRIL)
    assert selectors.totalen(leeg, APRIL) == selectors.Totalen(aantal=0, dagen=0, meldingen=0)


def test_geregistreerd_in_gebruikt_nederlandse_kalenderdagen(werkgever_a, settings):
    g = geval(werkgever_a, date(2025, 3, 3), None)
    # 31 March 22:30 UTC is already 1 April 00:30 in Amsterdam (summer time).
    binnen = mutatie(
        g,
        "gedeeltelijk_hersteld",
        date(2025, 4, 1),
        50,
        op=datetime(2025, 3, 31, 22, 30, tzinfo=UTC),
    )
    mutatie(
        g,
        "gedeeltelijk_hersteld",
        date(2025, 3, 31),
        60,
        op=datetime(2025, 3, 31, 21, 30, tzinfo=UTC),
    )  # 23:30 on 31 March
    buiten = mutatie(
        g,
        "gedeeltelijk_hersteld",
        date(2025, 5, 1),
        40,
        op=datetime(2025, 4, 30, 22, 0, tzinfo=UTC),
    )  # 00:00 on 1 May
    gevonden = set(selectors.geregistreerd_in(access.mutaties(werkgever_a.actor), APRIL))
    assert binnen in gevonden
    assert buiten not in gevonden
    assert len(gevonden) == 1


def test_ziek_uit_dienst_telt_tot_einde_dienstverband(werkgever_a):
    g = geval(werkgever_a, date(2025, 4, 1), date(2025, 4, 16), reden=EindeReden.UIT_DIENST)
    assert _rijen(werkgever_a)[g.pk].dagen_in_periode.days == 15
