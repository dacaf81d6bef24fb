from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from itertools import pairwise

import pytest

from verzuimportaal.poortwachter.feestdagen import is_werkdag
from verzuimportaal.poortwachter.termijnen import (
    EindeReden,
    Gevalfeiten,
    PeriodeId,
    Reintegratieverslag,
    SamengesteldGeval,
    StapSoort,
    Verantwoordelijke,
    WazoVerlof,
    Ziekteperiode,
    bereken_termijnen,
    open_stappen,
)

# The DOMAIN §5 worked example: first sick day Monday 6 January 2025.
D = date(2025, 1, 6)

S = StapSoort


def ziek(
    periode_id: PeriodeId,
    eerste_ziektedag: date,
    einddatum: date | None = None,
    reden: EindeReden | None = None,
    *,
    zelfde_oorzaak: bool = True,
) -> Ziekteperiode:
    return Ziekteperiode(
        id=periode_id,
        eerste_ziektedag=eerste_ziektedag,
        einddatum=einddatum,
        einde_reden=reden,
        zelfde_oorzaak=zelfde_oorzaak,
    )


def deadlines(geval: SamengesteldGeval, soort: StapSoort) -> list[date]:
    return [stap.deadline for stap in geval.stappen if stap.soort is soort]


def een_geval(gevallen: Sequence[SamengesteldGeval]) -> SamengesteldGeval:
    assert len(gevallen) == 1
    return gevallen[0]


def dag(offset: int, *, vanaf: date = D) -> date:
    return vanaf + timedelta(days=offset)


# --- The worked example of DOMAIN §5 ------------------------------------------------------------


@pytest.fixture(scope="module")
def voorbeeld() -> SamengesteldGeval:
    return een_geval(bereken_termijnen(perioden=[ziek(1, D)]))


@pytest.mark.parametrize(
    ("soort", "deadline", "venster_begin"),
    [
        (S.ZIEKMELDING_ARBODIENST, date(2025, 1, 12), None),
        (S.PROBLEEMANALYSE, date(2025, 2, 16), None),
        (S.PLAN_VAN_AANPAK, date(2025, 3, 2), None),
        (S.MELDING_42E_WEEK, date(2025, 10, 27), None),
        (S.EERSTEJAARSEVALUATIE, date(2026, 1, 4), date(2025, 11, 17)),
        (S.VERVROEGDE_IVA, date(2026, 4, 26), date(2025, 1, 27)),
        (S.UWV_BRIEF_WIA, date(2026, 9, 14), None),
        (S.EINDEVALUATIE, date(2026, 10, 4), None),
        (S.WIA_AANVRAAG, date(2026, 10, 18), None),
        (S.EINDE_LOONDOORBETALING, date(2027, 1, 3), None),
    ],
)
def test_voorbeeld_domain(
    voorbeeld: SamengesteldGeval, soort: StapSoort, deadline: date, venster_begin: date | None
) -> None:
    """DOMAIN §5 worked example (D = Monday 2025-01-06, 100 % sick), one row per listed date."""
    [stap] = [stap for stap in voorbeeld.stappen if stap.soort is soort]
    assert stap.deadline == deadline
    assert stap.venster_begin == venster_begin


def test_voorbeeld_evaluaties(voorbeeld: SamengesteldGeval) -> None:
    """DOMAIN §5: evaluations 2025-04-13, 2025-05-25, … every 42 days up to the last day of pay."""
    evaluaties = deadlines(voorbeeld, S.EVALUATIE)
    assert evaluaties[:2] == [date(2025, 4, 13), date(2025, 5, 25)]
    assert all(b - a == timedelta(days=42) for a, b in pairwise(evaluaties))
    assert evaluaties[-1] == date(2027, 1, 3)  # D+55+16*42 = D+727, the last day of pay
    assert len(evaluaties) == 16


def test_voorbeeld_geval(voorbeeld: SamengesteldGeval) -> None:
    """DOMAIN §5: the 42e-weeksmelding is on Monday 2025-10-27; the last day of pay 2027-01-03."""
    assert voorbeeld.eerste_ziektedag == D
    assert voorbeeld.einde_loondoorbetaling == date(2027, 1, 3)
    assert voorbeeld.is_open
    assert voorbeeld.einddatum is None
    assert voorbeeld.ziektedagen is None
    assert voorbeeld.reintegratieverslag is None
    assert date(2025, 10, 27).weekday() == 0


def test_voorbeeld_gedeeltelijk_herstel_verandert_niets(voorbeeld: SamengesteldGeval) -> None:
    """DOMAIN §4.3, §5: a 50 % partial recovery on 2025-02-03 changes none of the dates.

    A sick period has no percentage at all, so the partial recovery cannot be passed in and the
    example above already is the spell with the partial recovery. Recording it as an end and a
    new period on the same day would be a gap of 0 days, which is never a new case (DOMAIN §5.1),
    and gives exactly the same steps.
    """
    assert {veld.name for veld in fields(Ziekteperiode)} == {
        "id",
        "eerste_ziektedag",
        "einddatum",
        "einde_reden",
        "zelfde_oorzaak",
    }
    gesplitst = een_geval(
        bereken_termijnen(
            perioden=[ziek(1, D, date(2025, 2, 3)), ziek(2, date(2025, 2, 3))],
        )
    )
    assert gesplitst.stappen == voorbeeld.stappen
    assert gesplitst.einde_loondoorbetaling == voorbeeld.einde_loondoorbetaling


def test_voorbeeld_verantwoordelijken(voorbeeld: SamengesteldGeval) -> None:
    """DOMAIN §5 'Who' column."""
    wie = {stap.soort: stap.verantwoordelijken for stap in voorbeeld.stappen}
    werkgever, werknemer = Verantwoordelijke.WERKGEVER, Verantwoordelijke.WERKNEMER
    assert wie[S.ZIEKMELDING_ARBODIENST] == (werkgever,)
    assert wie[S.PROBLEEMANALYSE] == (Verantwoordelijke.BEDRIJFSARTS, werkgever)
    assert wie[S.PLAN_VAN_AANPAK] == (werkgever, werknemer)
    assert wie[S.EVALUATIE] == (werkgever, werknemer)
    assert wie[S.MELDING_42E_WEEK] == (werkgever,)
    assert wie[S.EERSTEJAARSEVALUATIE] == (werkgever, werknemer)
    assert wie[S.UWV_BRIEF_WIA] == (Verantwoordelijke.UWV,)
    assert wie[S.EINDEVALUATIE] == (werkgever, werknemer)
    assert wie[S.WIA_AANVRAAG] == (werknemer, werkgever)
    informatief = {stap.soort for stap in voorbeeld.stappen if stap.informatief}
    assert informatief == {S.UWV_BRIEF_WIA, S.VERVROEGDE_IVA, S.EINDE_LOONDOORBETALING}
    assert all(stap.omschrijving for stap in voorbeeld.stappen)


# --- Hand-computed cases -----------------------------------------------------------------------


@dataclass(frozen=True)
class Verwacht:
    """One expected combined case; ``stappen`` lists all deadlines of the named kinds."""

    periode_ids: tuple[PeriodeId, ...]
    eerste_ziektedag: date
    einde_loondoorbetaling: date | None
    stappen: Mapping[StapSoort, Sequence[date]] = field(default_factory=dict)
    reintegratieverslag: Reintegratieverslag | None = None


@dataclass(frozen=True)
class Rij:
    naam: str
    regel: str
    perioden: tuple[Ziekteperiode, ...]
    verwacht: tuple[Verwacht, ...]
    verlof: tuple[WazoVerlof, ...] = ()
    feiten: tuple[Gevalfeiten, ...] = ()


LEAVE_2025 = WazoVerlof(eerste_dag=date(2025, 2, 10), laatste_dag=date(2025, 6, 1))  # 112 days

RIJEN = [
    Rij(
        naam="onderbreking-27-dagen-samengesteld",
        regel="DOMAIN §5.1: gap < 28 days combines; deadlines after the gap shift by its 27 days",
        perioden=(ziek(1, D, date(2025, 1, 20)), ziek(2, date(2025, 2, 16))),
        verwacht=(
            Verwacht(
                periode_ids=(1, 2),
                eerste_ziektedag=D,
                einde_loondoorbetaling=date(2027, 1, 30),  # D+727+27
                stappen={
                    S.ZIEKMELDING_ARBODIENST: [date(2025, 1, 12)],  # in the first period
                    S.PROBLEEMANALYSE: [date(2025, 3, 15)],  # D+41+27
                    S.PLAN_VAN_AANPAK: [date(2025, 3, 29)],  # D+55+27
                    S.MELDING_42E_WEEK: [date(2025, 11, 24)],  # D+321 is a Sunday
                    S.EERSTEJAARSEVALUATIE: [date(2026, 1, 31)],
                },
            ),
        ),
    ),
    Rij(
        naam="onderbreking-28-dagen-nieuw-geval",
        regel="DOMAIN §5.1: gap >= 28 days starts a new case; the recovered first case is done",
        perioden=(ziek(1, D, date(2025, 1, 20)), ziek(2, date(2025, 2, 17))),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=None,
                stappen={
                    S.ZIEKMELDING_ARBODIENST: [date(2025, 1, 12)],
                    S.PROBLEEMANALYSE: [],
                },
            ),
            Verwacht(
                periode_ids=(2,),
                eerste_ziektedag=date(2025, 2, 17),
                einde_loondoorbetaling=date(2027, 2, 14),
                stappen={S.PROBLEEMANALYSE: [date(2025, 3, 30)]},
            ),
        ),
    ),
    Rij(
        naam="wazo-zelfde-oorzaak-ja",
        regel=(
            "DOMAIN §5.1: sickness before and after WAZO leave with the same cause combines; the "
            "112 leave days are no gap days (7 + 7 = 14), every later deadline moves 126 days"
        ),
        perioden=(
            ziek(1, D, date(2025, 2, 3)),
            ziek(2, date(2025, 6, 9), zelfde_oorzaak=True),
        ),
        verlof=(LEAVE_2025,),
        verwacht=(
            Verwacht(
                periode_ids=(1, 2),
                eerste_ziektedag=D,
                einde_loondoorbetaling=date(2027, 5, 9),  # D+727+126
                stappen={
                    S.PROBLEEMANALYSE: [date(2025, 6, 22)],
                    S.PLAN_VAN_AANPAK: [date(2025, 7, 6)],
                    S.MELDING_42E_WEEK: [date(2026, 3, 2)],
                },
            ),
        ),
    ),
    Rij(
        naam="wazo-zelfde-oorzaak-nee",
        regel="DOMAIN §5.1: with another cause the sickness after the leave is a new case",
        perioden=(
            ziek(1, D, date(2025, 2, 3)),
            ziek(2, date(2025, 6, 9), zelfde_oorzaak=False),
        ),
        verlof=(LEAVE_2025,),
        verwacht=(
            Verwacht(periode_ids=(1,), eerste_ziektedag=D, einde_loondoorbetaling=None),
            Verwacht(
                periode_ids=(2,),
                eerste_ziektedag=date(2025, 6, 9),
                einde_loondoorbetaling=date(2027, 6, 6),
                stappen={S.PROBLEEMANALYSE: [date(2025, 7, 20)]},
            ),
        ),
    ),
    Rij(
        naam="wazo-zelfde-oorzaak-maar-28-dagen-zonder-verlof",
        regel="DOMAIN §5.1: 7 days before and 28 after the leave are 35 gap days: a new case",
        perioden=(
            ziek(1, D, date(2025, 2, 3)),
            ziek(2, date(2025, 6, 30), zelfde_oorzaak=True),
        ),
        verlof=(LEAVE_2025,),
        verwacht=(
            Verwacht(periode_ids=(1,), eerste_ziektedag=D, einde_loondoorbetaling=None),
            Verwacht(
                periode_ids=(2,),
                eerste_ziektedag=date(2025, 6, 30),
                einde_loondoorbetaling=date(2027, 6, 27),
            ),
        ),
    ),
    Rij(
        naam="wazo-overlappende-verlofregistraties-tellen-eenmaal",
        regel="DOMAIN §5.1: leave recorded in two overlapping parts still is 112 leave days",
        perioden=(
            ziek(1, D, date(2025, 2, 3)),
            ziek(2, date(2025, 6, 30), zelfde_oorzaak=True),
        ),
        verlof=(
            WazoVerlof(eerste_dag=date(2025, 3, 1), laatste_dag=date(2025, 6, 1)),
            WazoVerlof(eerste_dag=date(2025, 2, 10), laatste_dag=date(2025, 3, 31)),
        ),
        verwacht=(
            Verwacht(periode_ids=(1,), eerste_ziektedag=D, einde_loondoorbetaling=None),
            Verwacht(
                periode_ids=(2,),
                eerste_ziektedag=date(2025, 6, 30),
                einde_loondoorbetaling=date(2027, 6, 27),
            ),
        ),
    ),
    Rij(
        naam="wazo-tijdens-open-ziekteperiode",
        regel="DOMAIN §4.4: leave days never count as sick days, also inside an open period",
        perioden=(ziek(1, D),),
        verlof=(WazoVerlof(eerste_dag=date(2025, 2, 1), laatste_dag=date(2025, 5, 23)),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=date(2027, 4, 25),  # D+727+112
                stappen={
                    S.ZIEKMELDING_ARBODIENST: [date(2025, 1, 12)],
                    S.PROBLEEMANALYSE: [date(2025, 6, 8)],  # 26 sick days before the leave
                    S.PLAN_VAN_AANPAK: [date(2025, 6, 22)],
                },
            ),
        ),
    ),
    Rij(
        naam="42e-week-op-zaterdag",
        regel="DOMAIN §5: D+294 on a Saturday -> the 42e-weeksmelding on Monday",
        perioden=(ziek(1, date(2025, 1, 4)),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=date(2025, 1, 4),
                einde_loondoorbetaling=date(2027, 1, 1),
                stappen={S.MELDING_42E_WEEK: [date(2025, 10, 27)]},
            ),
        ),
    ),
    Rij(
        naam="42e-week-op-koningsdag",
        regel="DOMAIN §5: D+294 on Koningsdag (Monday 2026-04-27) -> Tuesday",
        perioden=(ziek(1, date(2025, 7, 7)),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=date(2025, 7, 7),
                einde_loondoorbetaling=date(2027, 7, 4),
                stappen={S.MELDING_42E_WEEK: [date(2026, 4, 28)]},
            ),
        ),
    ),
    Rij(
        naam="42e-week-op-tweede-kerstdag",
        regel="DOMAIN §5: D+294 on Tweede Kerstdag (Friday 2025-12-26) -> Monday 29 December",
        perioden=(ziek(1, date(2025, 3, 7)),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=date(2025, 3, 7),
                einde_loondoorbetaling=date(2027, 3, 4),
                stappen={S.MELDING_42E_WEEK: [date(2025, 12, 29)]},
            ),
        ),
    ),
    Rij(
        naam="42e-week-op-eerste-kerstdag",
        regel="DOMAIN §5: D+294 on Eerste Kerstdag (Thursday) -> past both Kerstdagen and weekend",
        perioden=(ziek(1, date(2025, 3, 6)),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=date(2025, 3, 6),
                einde_loondoorbetaling=date(2027, 3, 3),
                stappen={S.MELDING_42E_WEEK: [date(2025, 12, 29)]},
            ),
        ),
    ),
    Rij(
        naam="loonsanctie-52-weken",
        regel=(
            "DOMAIN §5: loonsanctie of 52 weeks -> last day of pay D+1091; eindevaluatie and "
            "WIA-aanvraag move 364 days; the UWV letter stays; evaluations run on to the end"
        ),
        perioden=(ziek(1, D),),
        feiten=(Gevalfeiten(periode_id=1, loonsanctie_weken=52),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=date(2028, 1, 2),
                stappen={
                    S.EINDEVALUATIE: [date(2027, 10, 3)],
                    S.WIA_AANVRAAG: [date(2027, 10, 17)],
                    S.EINDE_LOONDOORBETALING: [date(2028, 1, 2)],
                    S.UWV_BRIEF_WIA: [date(2026, 9, 14)],
                    S.MELDING_42E_WEEK: [date(2025, 10, 27)],
                    S.EVALUATIE: [dag(55 + 42 * k) for k in range(1, 25)],  # last 2027-12-05
                },
            ),
        ),
    ),
    Rij(
        naam="vrijwillige-verlenging-13-weken",
        regel="DOMAIN §5: voluntary extension of 13 weeks moves the end and the WIA steps 91 days",
        perioden=(ziek(1, D),),
        feiten=(Gevalfeiten(periode_id=1, verlenging_weken=13),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=date(2027, 4, 4),  # D+818
                stappen={
                    S.EINDEVALUATIE: [date(2027, 1, 3)],
                    S.WIA_AANVRAAG: [date(2027, 1, 17)],
                    S.EINDE_LOONDOORBETALING: [date(2027, 4, 4)],
                },
            ),
        ),
    ),
    Rij(
        naam="loonsanctie-en-verlenging-samen",
        regel="DOMAIN §5: both extensions move the end: 727 + 7 * (26 + 13)",
        perioden=(ziek(1, D),),
        feiten=(Gevalfeiten(periode_id=1, loonsanctie_weken=26, verlenging_weken=13),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=dag(727 + 273),
                stappen={S.WIA_AANVRAAG: [dag(650 + 273)], S.EINDEVALUATIE: [dag(636 + 273)]},
            ),
        ),
    ),
    Rij(
        naam="probleemanalyse-vroeg",
        regel="DOMAIN §5: probleemanalyse on 2025-02-05 -> plan van aanpak at PA+14",
        perioden=(ziek(1, D),),
        feiten=(Gevalfeiten(periode_id=1, probleemanalyse_op=date(2025, 2, 5)),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=date(2027, 1, 3),
                stappen={
                    S.PROBLEEMANALYSE: [date(2025, 2, 16)],
                    S.PLAN_VAN_AANPAK: [date(2025, 2, 19)],
                    S.EVALUATIE: [date(2025, 2, 19) + timedelta(days=42 * k) for k in range(1, 17)],
                },
            ),
        ),
    ),
    Rij(
        naam="probleemanalyse-laat",
        regel="DOMAIN §5: probleemanalyse after D+41 -> plan van aanpak still by D+55",
        perioden=(ziek(1, D),),
        feiten=(Gevalfeiten(periode_id=1, probleemanalyse_op=date(2025, 2, 25)),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=date(2027, 1, 3),
                stappen={S.PLAN_VAN_AANPAK: [date(2025, 3, 2)]},
            ),
        ),
    ),
    Rij(
        naam="evaluaties-na-werkelijke-data",
        regel=(
            "DOMAIN §5: evaluation 42 days after the actual plan (2025-02-18), then 42 days after "
            "each actual evaluation (2025-03-25 early, 2025-05-10 late)"
        ),
        perioden=(ziek(1, D),),
        feiten=(
            Gevalfeiten(
                periode_id=1,
                probleemanalyse_op=date(2025, 2, 5),
                plan_van_aanpak_op=date(2025, 2, 18),
                evaluaties_op=(date(2025, 5, 10), date(2025, 3, 25)),
            ),
        ),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=date(2027, 1, 3),
                stappen={
                    S.EVALUATIE: [
                        date(2025, 4, 1),
                        date(2025, 5, 6),
                        *(date(2025, 5, 10) + timedelta(days=42 * k) for k in range(1, 15)),
                    ],
                },
            ),
        ),
    ),
    Rij(
        naam="ziek-uit-dienst-9-weken",
        regel="DOMAIN §4.5: 63 sick days at the last employment day -> short report, no eindeval.",
        perioden=(ziek(1, D, date(2025, 3, 10), EindeReden.UIT_DIENST),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=None,
                reintegratieverslag=Reintegratieverslag.KORT,
                stappen={
                    S.PLAN_VAN_AANPAK: [date(2025, 3, 2)],
                    S.EVALUATIE: [],
                    S.ZIEKMELDING_UWV_UIT_DIENST: [date(2025, 3, 9)],
                    S.EINDEVALUATIE_UIT_DIENST: [],
                },
            ),
        ),
    ),
    Rij(
        naam="ziek-uit-dienst-10-weken",
        regel="DOMAIN §4.5: 70 sick days -> full report, eindevaluatie on the last employment day",
        perioden=(ziek(1, D, date(2025, 3, 17), EindeReden.UIT_DIENST),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=None,
                reintegratieverslag=Reintegratieverslag.VOLLEDIG,
                stappen={
                    S.ZIEKMELDING_UWV_UIT_DIENST: [date(2025, 3, 16)],
                    S.EINDEVALUATIE_UIT_DIENST: [date(2025, 3, 16)],
                    S.EVALUATIE: [],
                    S.EINDEVALUATIE: [],
                },
            ),
        ),
    ),
    Rij(
        naam="ziek-uit-dienst-5-weken",
        regel="DOMAIN §4.5: 35 sick days -> no report; nothing after the last employment day",
        perioden=(ziek(1, D, date(2025, 2, 10), EindeReden.UIT_DIENST),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=None,
                reintegratieverslag=Reintegratieverslag.GEEN,
                stappen={
                    S.ZIEKMELDING_ARBODIENST: [date(2025, 1, 12)],
                    S.PROBLEEMANALYSE: [],
                    S.ZIEKMELDING_UWV_UIT_DIENST: [date(2025, 2, 9)],
                    S.EINDEVALUATIE_UIT_DIENST: [],
                },
            ),
        ),
    ),
    Rij(
        naam="ziek-uit-dienst-samengesteld",
        regel="DOMAIN §4.5, §5.1: the weeks at the last employment day are combined sick days",
        perioden=(
            ziek(1, D, date(2025, 2, 3)),  # 28 sick days
            ziek(2, date(2025, 2, 20), date(2025, 4, 3), EindeReden.UIT_DIENST),  # 42 sick days
        ),
        verwacht=(
            Verwacht(
                periode_ids=(1, 2),
                eerste_ziektedag=D,
                einde_loondoorbetaling=None,
                reintegratieverslag=Reintegratieverslag.VOLLEDIG,
                stappen={
                    S.PROBLEEMANALYSE: [date(2025, 3, 5)],  # D+41+17
                    S.EINDEVALUATIE_UIT_DIENST: [date(2025, 4, 2)],
                },
            ),
        ),
    ),
    Rij(
        naam="na-uit-dienst-nieuw-geval",
        regel="DOMAIN §4.5, §5.1: after ziek uit dienst a new case, even within 28 days",
        perioden=(
            ziek(1, D, date(2025, 3, 17), EindeReden.UIT_DIENST),
            ziek(2, date(2025, 3, 24)),
        ),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=None,
                reintegratieverslag=Reintegratieverslag.VOLLEDIG,
            ),
            Verwacht(
                periode_ids=(2,),
                eerste_ziektedag=date(2025, 3, 24),
                einde_loondoorbetaling=date(2027, 3, 21),
                stappen={S.PROBLEEMANALYSE: [date(2025, 5, 4)]},
            ),
        ),
    ),
    Rij(
        naam="hersteld-laat-latere-stappen-weg",
        regel="DOMAIN §5: a case recovered on 2025-03-01 keeps only steps due before that day",
        perioden=(ziek(1, D, date(2025, 3, 1)),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=None,
                stappen={
                    S.ZIEKMELDING_ARBODIENST: [date(2025, 1, 12)],
                    S.PROBLEEMANALYSE: [date(2025, 2, 16)],
                    S.PLAN_VAN_AANPAK: [],
                    S.EVALUATIE: [],
                    S.VERVROEGDE_IVA: [],
                    S.EINDE_LOONDOORBETALING: [],
                },
            ),
        ),
    ),
    Rij(
        naam="hersteld-op-d-294-geen-42e-weeksmelding",
        regel="DOMAIN §5: recovered on D+294 -> sick 42 weeks exactly, no 42e-weeksmelding due",
        perioden=(ziek(1, D, date(2025, 10, 27)),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=None,
                stappen={S.MELDING_42E_WEEK: [], S.PLAN_VAN_AANPAK: [date(2025, 3, 2)]},
            ),
        ),
    ),
    Rij(
        naam="hersteld-op-d-295-wel-42e-weeksmelding",
        regel="DOMAIN §5: recovered the day after D+294 -> the melding on D+294 is due",
        perioden=(ziek(1, D, date(2025, 10, 28)),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=D,
                einde_loondoorbetaling=None,
                stappen={S.MELDING_42E_WEEK: [date(2025, 10, 27)]},
            ),
        ),
    ),
    Rij(
        naam="hersteld-op-zondag-na-42e-zaterdag",
        regel=(
            "DOMAIN §5: D+294 a Saturday, fit on Sunday: the melding would be due on Monday, "
            "after the hersteldatum, so it is not due"
        ),
        perioden=(ziek(1, date(2025, 1, 4), date(2025, 10, 26)),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=date(2025, 1, 4),
                einde_loondoorbetaling=None,
                stappen={S.MELDING_42E_WEEK: []},
            ),
        ),
    ),
    Rij(
        naam="hersteld-op-de-dag-van-de-42e-weeksmelding",
        regel=(
            "DOMAIN §5: D+294 a Saturday, fit on Monday: the melding would be due on the "
            "hersteldatum itself, which is not before it, so it is not due"
        ),
        perioden=(ziek(1, date(2025, 1, 4), date(2025, 10, 27)),),
        verwacht=(
            Verwacht(
                periode_ids=(1,),
                eerste_ziektedag=date(2025, 1, 4),
                einde_loondoorbetaling=None,
                stappen={S.MELDING_42E_WEEK: []},
            ),
        ),
    ),
    Rij(
        naam="feiten-van-twee-perioden-in-een-geval",
        regel=(
            "DOMAIN §5.1: facts recorded on both periods of one combined case are merged: the "
            "earliest probleemanalyse counts"
        ),
        perioden=(ziek(1, D, date(2025, 1, 20)), ziek(2, date(2025, 1, 27))),
        feiten=(
            Gevalfeiten(periode_id=2, probleemanalyse_op=date(2025, 2, 20)),
            Gevalfeiten(periode_id=1, probleemanalyse_op=date(2025, 1, 15), loonsanctie_weken=13),
        ),
        verwacht=(
            Verwacht(
                periode_ids=(1, 2),
                eerste_ziektedag=D,
                einde_loondoorbetaling=dag(727 + 7 + 91),
                stappen={
                    # PA on sick day 9 -> plan on sick day 23, 9 days into the second period
                    S.PLAN_VAN_AANPAK: [date(2025, 2, 5)],
                },
            ),
        ),
    ),
]


@pytest.mark.parametrize("rij", RIJEN, ids=[rij.naam for rij in RIJEN])
def test_hand_berekende_gevallen(rij: Rij) -> None:
    """Each row cites the rule it checks in ``rij.regel``."""
    gevallen = bereken_termijnen(perioden=rij.perioden, verlof=rij.verlof, feiten=rij.feiten)
    assert [geval.periode_ids for geval in gevallen] == [v.periode_ids for v in rij.verwacht]
    for geval, verwacht in zip(gevallen, rij.verwacht, strict=True):
        assert geval.eerste_ziektedag == verwacht.eerste_ziektedag, rij.regel
        assert geval.einde_loondoorbetaling == verwacht.einde_loondoorbetaling, rij.regel
        assert geval.reintegratieverslag == verwacht.reintegratieverslag, rij.regel
        for soort, verwachte_deadlines in verwacht.stappen.items():
            assert deadlines(geval, soort) == list(verwachte_deadlines), (soort, rij.regel)


@pytest.mark.parametrize(
    ("ziektedagen", "verslag", "eindevaluatie"),
    [
        (1, Reintegratieverslag.GEEN, False),
        (41, Reintegratieverslag.GEEN, False),
        (42, Reintegratieverslag.KORT, False),
        (69, Reintegratieverslag.KORT, False),
        (70, Reintegratieverslag.VOLLEDIG, True),
        (400, Reintegratieverslag.VOLLEDIG, True),
    ],
)
def test_ziek_uit_dienst_grenzen(
    ziektedagen: int, verslag: Reintegratieverslag, eindevaluatie: bool
) -> None:
    """DOMAIN §4.5: < 6 weeks none, 6 to 10 weeks short, >= 10 weeks full incl. eindevaluatie."""
    geval = een_geval(
        bereken_termijnen(perioden=[ziek(1, D, dag(ziektedagen), EindeReden.UIT_DIENST)])
    )
    assert geval.reintegratieverslag is verslag
    assert geval.laatste_dienstdag == dag(ziektedagen - 1)
    assert geval.ziektedagen == ziektedagen
    assert deadlines(geval, S.EINDEVALUATIE_UIT_DIENST) == (
        [dag(ziektedagen - 1)] if eindevaluatie else []
    )
    assert deadlines(geval, S.ZIEKMELDING_UWV_UIT_DIENST) == [dag(ziektedagen - 1)]
    assert all(stap.deadline <= dag(ziektedagen - 1) for stap in geval.stappen)


def test_hersteld_geval_heeft_geen_verslag() -> None:
    """DOMAIN §4.5: the re-integratieverslag kind only applies to ziek uit dienst."""
    geval = een_geval(bereken_termijnen(perioden=[ziek(1, D, dag(100))]))
    assert geval.einde_reden is EindeReden.HERSTELD
    assert geval.reintegratieverslag is None
    assert geval.laatste_dienstdag is None
    assert deadlines(geval, S.ZIEKMELDING_UWV_UIT_DIENST) == []


# --- Corrections (DOMAIN §4.6) -----------------------------------------------------------------


def test_correctie_eerste_ziektedag_herberekent() -> None:
    """DOMAIN §4.6: moving the first sick day a week later moves every deadline a week."""
    voor = een_geval(bereken_termijnen(perioden=[ziek(1, D)]))
    na = een_geval(bereken_termijnen(perioden=[ziek(1, D + timedelta(days=7))]))
    assert [stap.soort for stap in na.stappen] == [stap.soort for stap in voor.stappen]
    assert [stap.deadline for stap in na.stappen] == [
        stap.deadline + timedelta(days=7) for stap in voor.stappen
    ]
    assert na.einde_loondoorbetaling == date(2027, 1, 10)


def test_correctie_voegt_gevallen_samen() -> None:
    """DOMAIN §4.6, §5.1: a correction that shrinks the gap below 28 days joins two cases."""
    eerste = ziek(1, D, date(2025, 1, 20))
    voor = bereken_termijnen(perioden=[eerste, ziek(2, date(2025, 3, 3))])
    na = bereken_termijnen(perioden=[eerste, ziek(2, date(2025, 2, 3))])
    assert [geval.periode_ids for geval in voor] == [(1,), (2,)]
    assert [geval.periode_ids for geval in na] == [(1, 2)]
    assert na[0].einde_loondoorbetaling == dag(727 + 14)
    assert voor[1].einde_loondoorbetaling == date(2027, 2, 28)


def test_zelfde_invoer_zelfde_uitkomst() -> None:
    """DOMAIN §4.6: recalculating is deterministic and ignores the order of the input."""
    perioden = [ziek("a", D, date(2025, 1, 20)), ziek("b", date(2025, 2, 3), date(2025, 9, 1))]
    verlof = [WazoVerlof(eerste_dag=date(2025, 3, 1), laatste_dag=date(2025, 3, 31))]
    eerst = bereken_termijnen(perioden=perioden, verlof=verlof)
    daarna = bereken_termijnen(perioden=list(reversed(perioden)), verlof=verlof)
    assert eerst == daarna


# --- Helpers and validation --------------------------------------------------------------------


def test_open_stappen() -> None:
    """DOMAIN §5: steps still to do from a reference date; done steps are not open."""
    geval = een_geval(
        bereken_termijnen(
            perioden=[ziek(1, D)],
            feiten=[Gevalfeiten(periode_id=1, probleemanalyse_op=date(2025, 2, 10))],
        )
    )
    open_ = open_stappen(geval=geval, peildatum=date(2025, 2, 16))
    assert S.PROBLEEMANALYSE not in {stap.soort for stap in open_}  # done on 2025-02-10
    assert open_[0].soort is S.PLAN_VAN_AANPAK
    assert open_[0].deadline == date(2025, 2, 24)
    assert all(stap.deadline >= date(2025, 2, 16) for stap in open_)
    assert open_stappen(geval=geval, peildatum=date(2027, 1, 4)) == []
    pa = next(stap for stap in geval.stappen if stap.soort is S.PROBLEEMANALYSE)
    assert pa.uitgevoerd_op == date(2025, 2, 10)


def test_ziektedagen_voor() -> None:
    """DOMAIN §5.1: sick-day offsets skip gap days and leave days."""
    geval = een_geval(
        bereken_termijnen(
            perioden=[ziek(1, D, date(2025, 1, 20)), ziek(2, date(2025, 2, 1))],
            verlof=[WazoVerlof(eerste_dag=date(2025, 3, 1), laatste_dag=date(2025, 3, 10))],
        )
    )
    assert geval.intervallen == (
        (D, date(2025, 1, 20)),
        (date(2025, 2, 1), date(2025, 3, 1)),
        (date(2025, 3, 11), None),
    )
    assert geval.ziektedagen_voor(datum=D) == 0
    assert geval.ziektedagen_voor(datum=date(2025, 1, 19)) == 13
    assert geval.ziektedagen_voor(datum=date(2025, 1, 25)) == 14  # in the gap
    assert geval.ziektedagen_voor(datum=date(2025, 2, 1)) == 14
    assert geval.ziektedagen_voor(datum=date(2025, 3, 5)) == 14 + 28  # during leave
    assert geval.ziektedagen_voor(datum=date(2025, 3, 12)) == 14 + 28 + 1
    assert geval.ziektedagen_voor(datum=date(2024, 12, 1)) == 0


def test_geval_dat_begint_in_verlof_telt_vanaf_einde_verlof() -> None:
    """DOMAIN §4.4: a sick period starting during leave counts from the first day after it."""
    geval = een_geval(
        bereken_termijnen(
            perioden=[ziek(1, D)],
            verlof=[WazoVerlof(eerste_dag=date(2024, 12, 1), laatste_dag=date(2025, 1, 31))],
        )
    )
    assert geval.eerste_ziektedag == date(2025, 2, 1)
    assert deadlines(geval, S.PROBLEEMANALYSE) == [date(2025, 3, 14)]


def test_ziekteperiode_geheel_in_verlof_heeft_geen_stappen() -> None:
    """DOMAIN §4.4: sickness entirely within leave has no sick days and no steps."""
    geval = een_geval(
        bereken_termijnen(
            perioden=[ziek(1, date(2025, 1, 10), date(2025, 1, 20))],
            verlof=[WazoVerlof(eerste_dag=D, laatste_dag=date(2025, 3, 1))],
        )
    )
    assert geval.ziektedagen == 0
    assert geval.stappen == ()
    assert geval.eerste_ziektedag == date(2025, 1, 10)


def test_geen_perioden_geen_gevallen() -> None:
    assert bereken_termijnen(perioden=[]) == []


@pytest.mark.parametrize(
    ("maak", "fout"),
    [
        (lambda: ziek(1, D, D), "na de eerste ziektedag"),
        (lambda: ziek(1, D, None, EindeReden.HERSTELD), "geen einddatum"),
        (lambda: Gevalfeiten(periode_id=1, loonsanctie_weken=53), "loonsanctie"),
        (lambda: Gevalfeiten(periode_id=1, loonsanctie_weken=-1), "loonsanctie"),
        (lambda: Gevalfeiten(periode_id=1, verlenging_weken=12), "minstens 13"),
        (lambda: WazoVerlof(eerste_dag=D, laatste_dag=D - timedelta(days=1)), "draai"),
    ],
)
def test_ongeldige_invoer(maak: Callable[[], object], fout: str) -> None:
    """DOMAIN §4.1, §5: what the engine refuses, with a message that says what to do."""
    with pytest.raises(ValueError, match=fout):
        maak()


def test_overlappende_perioden_geweigerd() -> None:
    with pytest.raises(ValueError, match="overlappen"):
        bereken_termijnen(perioden=[ziek(1, D, dag(10)), ziek(2, dag(9))])
    with pytest.raises(ValueError, match="overlappen"):
        bereken_termijnen(perioden=[ziek(1, D), ziek(2, dag(30))])


def test_dubbele_id_geweigerd() -> None:
    with pytest.raises(ValueError, match="meer dan eens"):
        bereken_termijnen(perioden=[ziek(1, D, dag(10)), ziek(1, dag(40))])


def test_feiten_voor_onbekende_periode_geweigerd() -> None:
    with pytest.raises(ValueError, match="niet in de opgegeven perioden"):
        bereken_termijnen(perioden=[ziek(1, D)], feiten=[Gevalfeiten(periode_id=2)])


def test_einde_zonder_reden_is_hersteld() -> None:
    """DOMAIN §4.1: an ended period without a reason is a recovery."""
    assert ziek(1, D, dag(5)).reden is EindeReden.HERSTELD
    assert ziek(1, D).reden is None


def test_melding_42e_week_altijd_werkdag_in_2025_en_2026() -> None:
    """DOMAIN §5: for every first sick day in two years the melding is the first working day."""
    for offset in range(730):
        eerste = date(2025, 1, 1) + timedelta(days=offset)
        geval = een_geval(bereken_termijnen(perioden=[ziek(1, eerste)]))
        [melding] = deadlines(geval, S.MELDING_42E_WEEK)
        d294 = eerste + timedelta(days=294)
        assert is_werkdag(dag=melding)
        assert melding >= d294
        assert all(
            not is_werkdag(dag=d294 + timedelta(days=i)) for i in range((melding - d294).days)
        )
