"""DOMAIN §6 statistics on small populations, numbers worked out by hand.

Every case runs on PostgreSQL (the ``default`` database in CI) and on SQLite (the ``sqlite`` alias
of ``conf/ci.py``, the demo database engine): the same ORM expressions must give the same numbers.

P is April 2025 (|P| = 30 days) unless stated otherwise. Notation: "04-07 → 04-10" is a spell with
first sick day 7 April and hersteldatum 10 April (sick 7, 8, 9 April = 3 days, DOMAIN §4.1).

WAZO leave (DOMAIN §4.4, §6: no sickness) is covered at the end of this module.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from verzuimportaal.statistiek.berekening import (
    bereken,
    bereken_perioden,
    maandperioden,
    per_maand,
)

from .populatie import Populatie

APRIL = (date(2025, 4, 1), date(2025, 4, 30))

pytestmark = pytest.mark.django_db(databases=["default", "sqlite"])


@pytest.fixture(params=["default", "sqlite"])
def pop(request) -> Populatie:
    return Populatie(request.param)


def d(tekst: str) -> Decimal:
    return Decimal(tekst)


def test_rekenvoorbeeld_uit_domain_6(pop):
    """DOMAIN §6 worked example, exactly."""
    a = pop.werknemer()
    pop.werknemer(factor="0.5")
    pop.verzuim(a, date(2025, 4, 7), hersteld=date(2025, 4, 10))

    s = pop.statistiek(*APRIL)

    # Verzuimpercentage = 100 × 3 ÷ (30 × 1 + 30 × 0.5) = 300 ÷ 45 = 6.6667 %
    assert s.verzuimpercentage == d("6.6667")
    # Meldingsfrequentie = 1 ÷ (60 days ÷ 30) × 365 ÷ 30 = 6.0833; un-annualised 1 ÷ 2 = 0.5
    assert s.meldingsfrequentie == d("6.0833")
    assert s.meldingsfrequentie_periode == d("0.5")
    assert s.gemiddeld_aantal_werknemers == 2
    # Gemiddelde verzuimduur = (04-10 − 04-07) ÷ 1 = 3
    assert s.gemiddelde_verzuimduur == 3
    # Nulverzuim = 100 × 1 (B) ÷ 2 = 50 %
    assert s.nulverzuim == 50
    assert (s.kort, s.middellang, s.lang, s.extra_lang) == (1, 0, 0, 0)
    assert (s.aantal_werknemers, s.aantal_ziekmeldingen, s.aantal_verzuimgevallen) == (2, 1, 1)


def test_gedeeltelijk_herstel_telt_het_percentage_per_dag(pop):
    """DOMAIN §4.3 step function inside DOMAIN §6 verzuimpercentage."""
    a = pop.werknemer()
    pop.werknemer()
    pop.verzuim(a, date(2025, 4, 1), hersteld=date(2025, 4, 21), stappen=((date(2025, 4, 11), 50),))

    s = pop.statistiek(*APRIL)

    # 04-01 … 04-10: 10 days × 100 %; 04-11 … 04-20: 10 days × 50 % → 15 sick days
    # Verzuimpercentage = 100 × 15 ÷ (30 + 30) = 25 %
    assert s.verzuimpercentage == 25
    assert s.verzuimdagen == 15
    # Full → partial is no new melding: 1 × 365 ÷ 60 = 6.0833
    assert s.aantal_ziekmeldingen == 1
    assert s.meldingsfrequentie == d("6.0833")
    # Duration 04-21 − 04-01 = 20 days → middellang (15–91)
    assert s.gemiddelde_verzuimduur == 20
    assert (s.kort, s.middellang) == (0, 1)
    assert s.nulverzuim == 50


def test_verzuim_over_het_begin_van_de_periode(pop):
    """A spell from before P: only the days in P count, but the gemiddelde duur is the whole one."""
    a = pop.werknemer()
    pop.verzuim(a, date(2025, 3, 20), hersteld=date(2025, 4, 5))

    s = pop.statistiek(*APRIL)

    # Sick in P: 04-01 … 04-04 = 4 days → 100 × 4 ÷ 30 = 13.3333 %
    assert s.verzuimpercentage == d("13.3333")
    # First sick day before P: no melding in P → frequency 0
    assert s.aantal_ziekmeldingen == 0
    assert s.meldingsfrequentie == 0
    # Hersteldatum 04-05 lies in P: duration 04-05 − 03-20 = 11 + 5 = 16 days (DOMAIN §6:
    # whole duration, also the days before P) → middellang
    assert s.gemiddelde_verzuimduur == 16
    assert (s.kort, s.middellang) == (0, 1)
    assert s.nulverzuim == 0


def test_verzuim_over_het_einde_van_de_periode(pop):
    """Open at the end of P: classed by the length up to end of P + 1 (DOMAIN §6)."""
    a = pop.werknemer()
    b = pop.werknemer()
    pop.verzuim(a, date(2025, 4, 25))  # still open
    pop.verzuim(b, date(2025, 4, 11), hersteld=date(2025, 5, 20))  # hersteld after P

    s = pop.statistiek(*APRIL)

    # A: 04-25 … 04-30 = 6 days; B: 04-11 … 04-30 = 20 days → 100 × 26 ÷ 60 = 43.3333 %
    assert s.verzuimpercentage == d("43.3333")
    # 2 meldingen × 365 ÷ 60 = 12.1667; un-annualised 2 × 30 ÷ 60 = 1
    assert s.meldingsfrequentie == d("12.1667")
    assert s.meldingsfrequentie_periode == 1
    # No hersteldatum in P → no gemiddelde duur
    assert s.gemiddelde_verzuimduur is None
    assert s.aantal_herstelmeldingen == 0
    # Classes up to 05-01: A 05-01 − 04-25 = 6 → kort; B 05-01 − 04-11 = 20 → middellang
    # (not its full 39 days)
    assert (s.kort, s.middellang, s.lang) == (1, 1, 0)
    assert s.nulverzuim == 0


def test_in_dienst_gekomen_tijdens_de_periode(pop):
    """Only days employed count, in both numerator and denominator (DOMAIN §6)."""
    a = pop.werknemer(in_dienst=date(2025, 4, 16))
    pop.werknemer()
    pop.verzuim(a, date(2025, 4, 21), hersteld=date(2025, 4, 24))

    s = pop.statistiek(*APRIL)

    # A employed 04-16 … 04-30 = 15 days, B 30 days → 45 employee days
    assert s.werknemersdagen == 45
    # 100 × 3 ÷ 45 = 6.6667 %
    assert s.verzuimpercentage == d("6.6667")
    # Average employees 45 ÷ 30 = 1.5; 1 ÷ 1.5 × 365 ÷ 30 = 365 ÷ 45 = 8.1111; un-annualised 0.6667
    assert s.gemiddeld_aantal_werknemers == d("1.5")
    assert s.meldingsfrequentie == d("8.1111")
    assert s.meldingsfrequentie_periode == d("0.6667")
    assert s.nulverzuim == 50


def test_uit_dienst_tijdens_de_periode_en_buiten_de_periode(pop):
    pop.werknemer(uit_dienst=date(2025, 4, 10))  # employed 04-01 … 04-10 = 10 days
    b = pop.werknemer()
    pop.werknemer(in_dienst=date(2025, 5, 1))  # after P: not counted
    pop.werknemer(uit_dienst=date(2025, 3, 31))  # before P: not counted
    pop.verzuim(b, date(2025, 4, 1), hersteld=date(2025, 4, 4))

    s = pop.statistiek(*APRIL)

    assert s.aantal_werknemers == 2
    assert s.werknemersdagen == 40
    # 100 × 3 ÷ (10 + 30) = 7.5 %; 1 × 365 ÷ 40 = 9.125
    assert s.verzuimpercentage == d("7.5")
    assert s.meldingsfrequentie == d("9.125")
    assert s.nulverzuim == 50


def test_ziek_uit_dienst_niet_in_gemiddelde_duur_en_geklasseerd_tot_einde_dienst(pop):
    a = pop.werknemer(uit_dienst=date(2025, 4, 14))
    b = pop.werknemer()
    pop.verzuim(a, date(2025, 4, 7), uit_dienst=True)  # einddatum 04-15
    pop.verzuim(b, date(2025, 4, 1), hersteld=date(2025, 4, 3))

    s = pop.statistiek(*APRIL)

    # A employed 14 days, sick 04-07 … 04-14 = 8 days; B 30 days, sick 2 days
    # 100 × (8 + 2) ÷ (14 + 30) = 22.7273 %
    assert s.verzuimpercentage == d("22.7273")
    # 2 meldingen × 365 ÷ 44 = 16.5909
    assert s.meldingsfrequentie == d("16.5909")
    # DOMAIN §6: spells ended by leaving employment are not in the gemiddelde duur: 2 ÷ 1
    assert s.gemiddelde_verzuimduur == 2
    assert s.aantal_herstelmeldingen == 1
    # A: employment end + 1 = 04-15; 04-15 − 04-07 = 8 → kort; B: 2 → kort
    assert s.kort == 2
    assert s.nulverzuim == 0


def test_lang_ziek_uit_dienst_wordt_geklasseerd_op_einde_dienst_plus_een(pop):
    a = pop.werknemer(uit_dienst=date(2025, 4, 20))
    pop.werknemer()
    pop.verzuim(a, date(2025, 1, 1), uit_dienst=True)  # einddatum 04-21

    s = pop.statistiek(*APRIL)

    # A employed and sick 04-01 … 04-20 = 20 days; B 30 days → 100 × 20 ÷ 50 = 40 %
    assert s.verzuimpercentage == 40
    # Length to employment end + 1: 04-21 − 01-01 = 31 + 28 + 31 + 20 = 110 → lang (92–365)
    assert (s.kort, s.middellang, s.lang, s.extra_lang) == (0, 0, 1, 0)
    assert s.gemiddelde_verzuimduur is None
    assert s.aantal_ziekmeldingen == 0
    assert s.nulverzuim == 50


def test_terugval_binnen_vier_weken_is_een_aparte_melding(pop):
    """DOMAIN §5.1: samentelling is for the 104-week clock only; §6 counts each ziekmelding."""
    a = pop.werknemer()
    pop.verzuim(a, date(2025, 4, 1), hersteld=date(2025, 4, 5))  # 4 days
    pop.verzuim(a, date(2025, 4, 10), hersteld=date(2025, 4, 13))  # gap 5 days < 28; 3 days

    s = pop.statistiek(*APRIL)

    # 100 × 7 ÷ 30 = 23.3333 %; 2 × 365 ÷ 30 = 24.3333; duur (4 + 3) ÷ 2 = 3.5
    assert s.aantal_ziekmeldingen == 2
    assert s.verzuimpercentage == d("23.3333")
    assert s.meldingsfrequentie == d("24.3333")
    assert s.meldingsfrequentie_periode == 2
    assert s.gemiddelde_verzuimduur == d("3.5")
    assert s.kort == 2
    assert s.nulverzuim == 0


def test_open_verzuim_langer_dan_een_jaar_is_extra_lang_en_telt_mee(pop):
    """DOMAIN §6: verzuimpercentage includes sickness longer than a year. P = 2025 (365 days)."""
    a = pop.werknemer()
    pop.werknemer(factor="0.8")
    pop.verzuim(a, date(2024, 3, 1))

    s = pop.statistiek(date(2025, 1, 1), date(2025, 12, 31))

    # 100 × 365 × 1 ÷ (365 × 1 + 365 × 0.8) = 100 ÷ 1.8 = 55.5556 %
    assert s.verzuimpercentage == d("55.5556")
    # 2026-01-01 − 2024-03-01 = 365 + 306 = 671 days > 365 → extra lang
    assert (s.kort, s.middellang, s.lang, s.extra_lang) == (0, 0, 0, 1)
    assert s.meldingsfrequentie == 0
    assert s.meldingsfrequentie == s.meldingsfrequentie_periode  # P is a year
    assert s.gemiddelde_verzuimduur is None


def test_deeltijdfactor_en_gedeeltelijk_herstel_van_voor_de_periode(pop):
    a = pop.werknemer(factor="0.6")
    pop.werknemer()
    pop.verzuim(a, date(2025, 3, 1), hersteld=date(2025, 4, 16), stappen=((date(2025, 3, 15), 40),))

    s = pop.statistiek(*APRIL)

    # In P only the 40 % step: 04-01 … 04-15 = 15 days × 0.40 × 0.6 = 3.6 FTE-days
    # Denominator 30 × 0.6 + 30 × 1 = 48 → 100 × 3.6 ÷ 48 = 7.5 %
    assert s.verzuimdagen == d("3.6")
    assert s.verzuimpercentage == d("7.5")
    # Duration 04-16 − 03-01 = 31 + 15 = 46 → middellang
    assert s.gemiddelde_verzuimduur == 46
    assert s.middellang == 1
    assert s.aantal_ziekmeldingen == 0


def test_herstel_op_de_eerste_dag_telt_alleen_in_de_gemiddelde_duur(pop):
    a = pop.werknemer()
    pop.verzuim(a, date(2025, 3, 25), hersteld=date(2025, 4, 1))  # last sick day 03-31

    s = pop.statistiek(*APRIL)

    # No sick day in P: percentage 0, nulverzuim 100, no class; hersteldatum 04-01 is in P → 7
    assert s.verzuimpercentage == 0
    assert s.nulverzuim == 100
    assert s.aantal_verzuimgevallen == 0
    assert s.gemiddelde_verzuimduur == 7


def test_lege_populatie_geeft_geen_deling_door_nul(pop):
    pop.werknemer(in_dienst=date(2025, 6, 1))

    s = pop.statistiek(*APRIL)

    assert s.aantal_werknemers == 0
    assert s.verzuimpercentage is None
    assert s.meldingsfrequentie is None
    assert s.nulverzuim is None
    assert s.gemiddelde_verzuimduur is None


def test_alleen_de_meegegeven_werknemers_tellen(pop):
    """Scope: another werkgever and another loonheffingennummer stay outside."""
    tweede = pop.nummer()
    pop.werknemer()
    b = pop.werknemer(loonheffingennummer=tweede)
    pop.verzuim(b, date(2025, 4, 1), hersteld=date(2025, 4, 16))
    ander = Populatie(pop.db)
    c = ander.werknemer()
    ander.verzuim(c, date(2025, 4, 1))

    alles = pop.statistiek(*APRIL)
    alleen_a = bereken(
        werknemers=pop.werknemers().filter(loonheffingennummer=pop.loonheffingennummer),
        begin=APRIL[0],
        einde=APRIL[1],
        using=pop.db,
    )

    # A + B: 100 × 15 ÷ 60 = 25 %; C of the other werkgever never counts
    assert (alles.aantal_werknemers, alles.verzuimpercentage) == (2, 25)
    assert (alleen_a.aantal_werknemers, alleen_a.verzuimpercentage) == (1, 0)
    assert alleen_a.aantal_ziekmeldingen == 0


def test_per_maand_geeft_kalendermaanden_tot_en_met_de_peildatum(pop):
    a = pop.werknemer()
    pop.verzuim(a, date(2025, 3, 30), hersteld=date(2025, 4, 3))

    maanden = per_maand(werknemers=pop.werknemers(), maanden=3, tot=date(2025, 4, 15), using=pop.db)

    assert [m for m, _ in maanden] == [date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1)]
    feb, maart, april = (s for _, s in maanden)
    assert (feb.begin, feb.einde, feb.verzuimpercentage) == (date(2025, 2, 1), date(2025, 2, 28), 0)
    # March: 03-30, 03-31 = 2 of 31 days → 6.4516 %; the melding falls in March
    assert maart.verzuimpercentage == d("6.4516")
    assert maart.aantal_ziekmeldingen == 1
    # April up to the 15th: 04-01 … 04-02 = 2 of 15 days → 13.3333 %; hersteld in April: 4 days
    assert (april.einde, april.dagen) == (date(2025, 4, 15), 15)
    assert april.verzuimpercentage == d("13.3333")
    assert april.gemiddelde_verzuimduur == 4


def test_veertien_perioden_in_drie_queries_gelijk_aan_elke_periode_apart(pop):
    """The statistics page: period, previous period and 12 trend months in one go."""
    a = pop.werknemer()
    pop.werknemer(factor="0.5", uit_dienst=date(2025, 2, 14))
    pop.verzuim(a, date(2024, 12, 20), hersteld=date(2025, 1, 9), stappen=((date(2025, 1, 2), 50),))
    pop.verzuim(a, date(2025, 4, 7), hersteld=date(2025, 4, 10))
    perioden = [APRIL, (date(2025, 3, 2), date(2025, 3, 31))]
    perioden += maandperioden(maanden=12, tot=APRIL[1])

    with CaptureQueriesContext(connections[pop.db]) as queries:
        samen = bereken_perioden(werknemers=pop.werknemers(), perioden=perioden, using=pop.db)

    assert len(queries) == 3
    assert samen == [pop.statistiek(*p) for p in perioden]
    # April appears twice (period and last trend month), in the order asked for
    assert samen[0] == samen[-1] and samen[0].verzuimpercentage == 10


def test_perioden_worden_apart_gehouden(pop):
    """Per period only its own days, meldingen and classes; a werknemer is sick once per period."""
    a = pop.werknemer()
    pop.werknemer()
    pop.verzuim(a, date(2025, 3, 3), hersteld=date(2025, 4, 1))  # last sick day 03-31
    pop.verzuim(a, date(2025, 4, 7), hersteld=date(2025, 4, 10))
    pop.verzuim(a, date(2025, 5, 5))  # open

    maart, april, mei, q2 = bereken_perioden(
        werknemers=pop.werknemers(),
        perioden=[
            (date(2025, 3, 1), date(2025, 3, 31)),
            APRIL,
            (date(2025, 5, 1), date(2025, 5, 31)),
            (date(2025, 4, 1), date(2025, 6, 30)),
        ],
        using=pop.db,
    )

    # March: 03-03 … 03-31 = 29 of 62 days; still open at the end: 04-01 − 03-03 = 29 → middellang
    assert (maart.verzuimpercentage, maart.aantal_ziekmeldingen) == (d("46.7742"), 1)
    assert (maart.kort, maart.middellang, maart.nulverzuim) == (0, 1, 50)
    # April: the first spell recovers on 04-01 (no sick day, but its duration 29 counts), the
    # second is 3 days → 100 × 3 ÷ 60 = 5 %; A is sick in April once
    assert (april.verzuimpercentage, april.aantal_ziekmeldingen) == (5, 1)
    assert (april.gemiddelde_verzuimduur, april.aantal_herstelmeldingen) == (d("16"), 2)
    assert (april.kort, april.middellang, april.nulverzuim) == (1, 0, 50)
    # May: 05-05 … 05-31 = 27 of 62 days; 06-01 − 05-05 = 27 → middellang
    assert (mei.verzuimpercentage, mei.aantal_verzuimgevallen, mei.middellang) == (
        d("43.5484"),
        1,
        1,
    )
    # Q2 (91 days): 3 + 57 sick days of 182; two spells, two meldingen, one sick werknemer
    assert q2.verzuimpercentage == d("32.9670")
    assert (q2.aantal_verzuimgevallen, q2.aantal_ziekmeldingen, q2.nulverzuim) == (2, 2, 50)
    # 07-01 − 05-05 = 57 → middellang; the April spell is kort
    assert (q2.kort, q2.middellang) == (1, 1)


@pytest.mark.parametrize(
    ("einde", "klasse"),
    [
        (date(2025, 1, 14), "kort"),  # 01-15 − 01-01 = 14
        (date(2025, 1, 15), "middellang"),  # 15
        (date(2025, 4, 1), "middellang"),  # 04-02 − 01-01 = 91
        (date(2025, 4, 2), "lang"),  # 92
        (date(2025, 12, 31), "lang"),  # 365
        (date(2026, 1, 1), "extra_lang"),  # 366
    ],
)
def test_open_verzuim_op_de_klassegrenzen(pop, einde, klasse):
    """DOMAIN §6: an open spell is classed by its length up to the end of P + 1."""
    a = pop.werknemer()
    pop.verzuim(a, date(2025, 1, 1))
    perioden = [(date(2025, 1, 1), einde), (date(2024, 12, 1), einde)]

    for s in bereken_perioden(werknemers=pop.werknemers(), perioden=perioden, using=pop.db):
        assert {k: n for k, _, n in s.klassen if n} == {klasse: 1}


def test_perioden_in_gevraagde_volgorde_met_herhaling(pop):
    a = pop.werknemer()
    pop.verzuim(a, date(2025, 4, 1), hersteld=date(2025, 4, 16))
    maart = (date(2025, 3, 1), date(2025, 3, 31))

    resultaat = bereken_perioden(
        werknemers=pop.werknemers(), perioden=[APRIL, maart, APRIL], using=pop.db
    )

    assert [(s.begin, s.einde) for s in resultaat] == [APRIL, maart, APRIL]
    assert [s.verzuimpercentage for s in resultaat] == [50, 0, 50]


def test_geen_perioden_geen_queries(pop):
    with CaptureQueriesContext(connections[pop.db]) as queries:
        assert bereken_perioden(werknemers=pop.werknemers(), perioden=[], using=pop.db) == []
    assert len(queries) == 0


def test_einde_voor_begin_wordt_geweigerd(pop):
    with pytest.raises(ValueError, match="einde ligt vóór begin"):
        bereken_perioden(
            werknemers=pop.werknemers(),
            perioden=[APRIL, (date(2025, 4, 2), date(2025, 4, 1))],
            using=pop.db,
        )


# --- WAZO leave (DOMAIN §4.4, §5.1, §6; ADR 0026) ------------------------------------------------


def test_verlofdagen_tellen_niet_als_ziektedagen_ook_als_het_verzuim_nog_open_staat(pop):
    """A spell still open in the data that runs into leave on 04-11: sick 04-01 … 04-10 only."""
    a = pop.werknemer()
    pop.werknemer()
    pop.verzuim(a, date(2025, 3, 24))
    pop.verlof(a, date(2025, 4, 11), date(2025, 7, 31))

    s = pop.statistiek(*APRIL)

    # 100 × 10 ÷ (30 + 30) = 16.6667 % (not 50 %: the 20 leave days are no sickness)
    assert s.verzuimpercentage == d("16.6667")
    # The spell lasted 03-24 … 04-10: 18 days, middellang; no recovery, so no gemiddelde duur.
    assert (s.kort, s.middellang, s.lang, s.extra_lang) == (0, 1, 0, 0)
    assert s.gemiddelde_verzuimduur is None
    assert s.nulverzuim == 50


def test_verzuim_beeindigd_door_verlof_is_geen_herstel_en_na_het_verlof_een_nieuwe_melding(pop):
    a = pop.werknemer()
    pop.verzuim(a, date(2025, 1, 6), verlof=date(2025, 2, 3))
    pop.verlof(a, date(2025, 2, 3), date(2025, 4, 10))
    pop.verzuim(a, date(2025, 4, 11), hersteld=date(2025, 4, 21))

    s = pop.statistiek(*APRIL)

    # Only the spell after the leave: 04-11 … 04-20 = 10 days of 30.
    assert s.verzuimpercentage == d("33.3333")
    assert (s.aantal_ziekmeldingen, s.aantal_herstelmeldingen) == (1, 1)
    assert s.gemiddelde_verzuimduur == 10
    maart = pop.statistiek(date(2025, 3, 1), date(2025, 3, 31))
    assert (maart.verzuimpercentage, maart.aantal_verzuimgevallen) == (0, 0)
    februari = pop.statistiek(date(2025, 2, 1), date(2025, 2, 28))
    # Sick on 1 and 2 February only; the spell ended by leave is no herstelmelding.
    assert februari.verzuimpercentage == d("7.1429")
    assert februari.aantal_herstelmeldingen == 0
