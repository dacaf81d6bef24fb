from datetime import date, timedelta

import pytest

from verzuimportaal.poortwachter.feestdagen import (
    Feestdag,
    eerste_werkdag_vanaf,
    feestdagen,
    is_feestdag,
    is_werkdag,
    pasen,
)


@pytest.mark.parametrize(
    ("jaar", "paasdag"),
    [
        (1818, date(1818, 3, 22)),  # earliest possible
        (1943, date(1943, 4, 25)),  # latest possible
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2011, date(2011, 4, 24)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),
    ],
)
def test_pasen_bekende_jaren(jaar: int, paasdag: date) -> None:
    """DOMAIN §5: Easter by the anonymous Gregorian algorithm."""
    assert pasen(jaar=jaar) == paasdag


def test_pasen_altijd_een_zondag_tussen_22_maart_en_25_april() -> None:
    for jaar in range(1583, 2500):
        paasdag = pasen(jaar=jaar)
        assert paasdag.weekday() == 6, jaar
        assert date(jaar, 3, 22) <= paasdag <= date(jaar, 4, 25), jaar


def test_feestdagen_2025() -> None:
    """DOMAIN §5: Easter 20 April, Hemelvaart 29 May, Pinksteren 8 June; 27 April is a Sunday."""
    assert feestdagen(jaar=2025) == (
        Feestdag(date(2025, 1, 1), "Nieuwjaarsdag"),
        Feestdag(date(2025, 4, 21), "Tweede Paasdag"),
        Feestdag(date(2025, 4, 26), "Koningsdag"),
        Feestdag(date(2025, 5, 5), "Bevrijdingsdag"),
        Feestdag(date(2025, 5, 29), "Hemelvaartsdag"),
        Feestdag(date(2025, 6, 9), "Tweede Pinksterdag"),
        Feestdag(date(2025, 12, 25), "Eerste Kerstdag"),
        Feestdag(date(2025, 12, 26), "Tweede Kerstdag"),
    )


def test_feestdagen_2026() -> None:
    """DOMAIN §5: Easter 5 April 2026; Koningsdag on Monday 27 April."""
    assert [feestdag.datum for feestdag in feestdagen(jaar=2026)] == [
        date(2026, 1, 1),
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 5),
        date(2026, 5, 14),
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]


@pytest.mark.parametrize(
    ("jaar", "koningsdag"),
    [
        (2014, date(2014, 4, 26)),  # 27 April 2014 was a Sunday
        (2024, date(2024, 4, 27)),
        (2025, date(2025, 4, 26)),  # 27 April 2025 is a Sunday
        (2026, date(2026, 4, 27)),
        (2031, date(2031, 4, 26)),  # Sunday again
        (2013, date(2013, 4, 30)),  # Koninginnedag
        (2006, date(2006, 4, 29)),  # 30 April 2006 was a Sunday
    ],
)
def test_koningsdag(jaar: int, koningsdag: date) -> None:
    """DOMAIN §5: Koningsdag 27 April, 26 April when the 27th is a Sunday."""
    namen = {feestdag.naam: feestdag.datum for feestdag in feestdagen(jaar=jaar)}
    assert namen.get("Koningsdag", namen.get("Koninginnedag")) == koningsdag
    assert is_feestdag(dag=koningsdag)


def test_bevrijdingsdag_en_hemelvaart_op_dezelfde_dag() -> None:
    """DOMAIN §5: 5 May counts every year; in 2016 it was also Hemelvaartsdag."""
    dagen = feestdagen(jaar=2016)
    assert [feestdag.naam for feestdag in dagen if feestdag.datum == date(2016, 5, 5)] == [
        "Bevrijdingsdag",
        "Hemelvaartsdag",
    ]
    assert not is_werkdag(dag=date(2016, 5, 5))


@pytest.mark.parametrize(
    ("dag", "werkdag"),
    [
        (date(2025, 1, 6), True),  # Monday
        (date(2025, 1, 4), False),  # Saturday
        (date(2025, 1, 5), False),  # Sunday
        (date(2025, 1, 1), False),  # Nieuwjaarsdag
        (date(2025, 4, 18), True),  # Goede Vrijdag is no holiday of the Algemene termijnenwet
        (date(2025, 4, 21), False),  # Tweede Paasdag
        (date(2026, 4, 27), False),  # Koningsdag
        (date(2025, 5, 5), False),  # Bevrijdingsdag on a Monday
        (date(2025, 5, 29), False),  # Hemelvaartsdag
        (date(2025, 5, 30), True),  # the Friday after
        (date(2025, 6, 9), False),  # Tweede Pinksterdag
        (date(2025, 12, 25), False),
        (date(2025, 12, 26), False),
        (date(2025, 12, 31), True),
    ],
)
def test_is_werkdag(dag: date, werkdag: bool) -> None:
    """DOMAIN §5: Monday to Friday except the holidays of the Algemene termijnenwet."""
    assert is_werkdag(dag=dag) is werkdag


@pytest.mark.parametrize(
    ("dag", "werkdag"),
    [
        (date(2025, 1, 6), date(2025, 1, 6)),  # a working day itself
        (date(2025, 10, 25), date(2025, 10, 27)),  # Saturday -> Monday
        (date(2025, 12, 25), date(2025, 12, 29)),  # Thu, Fri Kerstdagen, weekend -> Monday
        (date(2026, 4, 27), date(2026, 4, 28)),  # Koningsdag -> Tuesday
        (date(2025, 5, 29), date(2025, 5, 30)),  # Hemelvaartsdag -> Friday
        (date(2027, 1, 1), date(2027, 1, 4)),  # Nieuwjaarsdag on a Friday -> Monday
        (date(2025, 6, 7), date(2025, 6, 10)),  # Saturday before Pinksteren -> Tuesday
    ],
)
def test_eerste_werkdag_vanaf(dag: date, werkdag: date) -> None:
    """DOMAIN §5: the first working day on or after a date."""
    assert eerste_werkdag_vanaf(dag=dag) == werkdag


def test_acht_feestdagen_per_jaar_en_verder_geen() -> None:
    """DOMAIN §5: the eight holidays exist in every year and nothing else is a holiday."""
    for jaar in (1990, 2013, 2014, 2025, 2026, 2040, 2100):
        assert len(feestdagen(jaar=jaar)) == 8
        dag = date(jaar, 1, 1)
        aantal = 0
        while dag.year == jaar:
            aantal += is_feestdag(dag=dag)
            dag += timedelta(days=1)
        assert aantal == len({feestdag.datum for feestdag in feestdagen(jaar=jaar)})
