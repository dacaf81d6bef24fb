"""Wet verbetering poortwachter: the deadlines of a sick employee's history.

Input is one employee's history: sick periods (`Ziekteperiode`), WAZO leave (`WazoVerlof`) and,
per combined case, the facts that move deadlines (`Gevalfeiten`). `bereken_termijnen` adds the
periods up into combined cases (`SamengesteldGeval`, DOMAIN §5.1) and lists the steps (`Stap`) of
each case with their deadlines (DOMAIN §5, ziek uit dienst DOMAIN §4.5).

Counting (DOMAIN §5): D is the first sick day and a deadline "D+N" is the calendar date on which the
combined case reaches sick-day offset N, where only sick days count: the gaps between the periods of
a combined case and WAZO leave days are skipped (DOMAIN §5.1, §4.4). The offsets are mapped through
the list of sick intervals with arithmetic, so an open case of any length costs the same.

Partial recovery never changes a deadline (DOMAIN §4.3, §5.1), so percentages are no input here.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from verzuimportaal.poortwachter.feestdagen import eerste_werkdag_vanaf

__all__ = [
    "EindeReden",
    "Gevalfeiten",
    "PeriodeId",
    "Reintegratieverslag",
    "SamengesteldGeval",
    "Stap",
    "StapSoort",
    "Verantwoordelijke",
    "WazoVerlof",
    "Ziekteperiode",
    "bereken_termijnen",
    "hoort_bij_vorige",
    "laatste_keten",
    "open_stappen",
]

type PeriodeId = int | str

# DOMAIN §5.1: an interruption of fewer than 28 days (4 weeks) combines two periods.
SAMENTELLING_MAX_ONDERBREKING = 27

# DOMAIN §5: sick-day offsets from D ("end of week N" = D + 7N - 1).
EINDE_WEEK_1 = 6
PROBLEEMANALYSE = 41
PLAN_VAN_AANPAK = 55
PLAN_NA_PROBLEEMANALYSE = 14
EVALUATIE_INTERVAL = 42
MELDING_42E_WEEK = 294
EERSTEJAARSEVALUATIE_BEGIN = 315
EERSTEJAARSEVALUATIE_EINDE = 363
VERVROEGDE_IVA_BEGIN = 21
VERVROEGDE_IVA_EINDE = 475
UWV_BRIEF_WIA = 616
EINDEVALUATIE = 636
WIA_AANVRAAG = 650
LAATSTE_LOONDAG = 727

# DOMAIN §5 extensions: loonsanctie at most 52 weeks (last day at most D+1091); voluntary extension
# at least 13 weeks, no maximum.
MAX_LOONSANCTIE_WEKEN = 52
MIN_VERLENGING_WEKEN = 13

# DOMAIN §4.5: sick < 6 weeks at the last employment day: no re-integratieverslag; 6-10 weeks: a
# short one; >= 10 weeks: the full one including eindevaluatie.
KORT_VERSLAG_VANAF_DAGEN = 42
VOLLEDIG_VERSLAG_VANAF_DAGEN = 70


def gettext_noop(message: str) -> str:
    """Mark a text for translation (picked up by ``makemessages``); the UI translates it."""
    return message


class EindeReden(StrEnum):
    """Why a sick period ended; the values match ``verzuim.EindeReden``."""

    HERSTELD = "hersteld"
    UIT_DIENST = "uit_dienst"


class Verantwoordelijke(StrEnum):
    WERKGEVER = "werkgever"
    WERKNEMER = "werknemer"
    BEDRIJFSARTS = "bedrijfsarts"
    UWV = "uwv"


class StapSoort(StrEnum):
    """The Poortwachter steps of DOMAIN §5 and the ziek-uit-dienst steps of DOMAIN §4.5."""

    ZIEKMELDING_ARBODIENST = "ziekmelding_arbodienst"
    PROBLEEMANALYSE = "probleemanalyse"
    PLAN_VAN_AANPAK = "plan_van_aanpak"
    EVALUATIE = "evaluatie"
    VERVROEGDE_IVA = "vervroegde_iva"
    MELDING_42E_WEEK = "melding_42e_week"
    EERSTEJAARSEVALUATIE = "eerstejaarsevaluatie"
    UWV_BRIEF_WIA = "uwv_brief_wia"
    EINDEVALUATIE = "eindevaluatie"
    WIA_AANVRAAG = "wia_aanvraag"
    EINDE_LOONDOORBETALING = "einde_loondoorbetaling"
    ZIEKMELDING_UWV_UIT_DIENST = "ziekmelding_uwv_uit_dienst"
    EINDEVALUATIE_UIT_DIENST = "eindevaluatie_uit_dienst"


class Reintegratieverslag(StrEnum):
    """The re-integratieverslag owed at ziek uit dienst (DOMAIN §4.5)."""

    GEEN = "geen"
    KORT = "kort"
    VOLLEDIG = "volledig"


@dataclass(frozen=True, slots=True)
class Ziekteperiode:
    """One ziekmelding: sick from ``eerste_ziektedag`` up to ``einddatum`` (exclusive).

    ``einddatum`` is the hersteldatum, the first day fit (DOMAIN §4.1), or for ``UIT_DIENST`` the
    day after the last day of employment (DOMAIN §4.5); ``None`` while the period is open. Without
    an ``einde_reden`` an ended period counts as ``HERSTELD``.

    ``zelfde_oorzaak`` answers "zelfde oorzaak: ja/nee" for a period that follows WAZO leave
    (DOMAIN §5.1). It is only consulted when leave lies between this period and the previous one.
    The default ``True`` follows BW 7:629 lid 10, which combines such periods unless the unfitness
    cannot reasonably be held to come from the same cause.
    """

    id: PeriodeId
    eerste_ziektedag: date
    einddatum: date | None = None
    einde_reden: EindeReden | None = None
    zelfde_oorzaak: bool = True

    def __post_init__(self) -> None:
        if self.einddatum is None:
            if self.einde_reden is not None:
                raise ValueError(
                    f"Ziekteperiode {self.id!r} heeft een einde_reden maar geen einddatum; "
                    "geef beide of geen van beide."
                )
        elif self.einddatum <= self.eerste_ziektedag:
            raise ValueError(
                f"Ziekteperiode {self.id!r}: de einddatum ({self.einddatum}) moet na de eerste "
                f"ziektedag ({self.eerste_ziektedag}) liggen; de hersteldatum is de eerste dag "
                "dat de werknemer weer hersteld is."
            )

    @property
    def reden(self) -> EindeReden | None:
        """The effective end reason: ``None`` while open, ``HERSTELD`` unless stated otherwise."""
        if self.einddatum is None:
            return None
        return self.einde_reden or EindeReden.HERSTELD


@dataclass(frozen=True, slots=True)
class WazoVerlof:
    """Zwangerschaps- en bevallingsverlof from ``eerste_dag`` to ``laatste_dag`` (inclusive).

    Leave days never count as sick days (DOMAIN §4.4), nor as days of an interruption (DOMAIN §5.1).
    """

    eerste_dag: date
    laatste_dag: date

    def __post_init__(self) -> None:
        if self.laatste_dag < self.eerste_dag:
            raise ValueError(
                f"WAZO-verlof: de laatste dag ({self.laatste_dag}) ligt voor de eerste dag "
                f"({self.eerste_dag}); draai ze om."
            )


@dataclass(frozen=True, slots=True)
class Gevalfeiten:
    """What actually happened in a combined case, as far as it moves deadlines (DOMAIN §5).

    ``periode_id`` names any sick period of the case. When several `Gevalfeiten` land in the same
    combined case (for instance after a correction joined two cases) they are merged: the earliest
    probleemanalyse and plan van aanpak, all evaluation dates, and the largest loonsanctie and
    extension (both concern the single 104-week period of the case).
    """

    periode_id: PeriodeId
    probleemanalyse_op: date | None = None
    plan_van_aanpak_op: date | None = None
    evaluaties_op: tuple[date, ...] = ()
    loonsanctie_weken: int = 0
    verlenging_weken: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "evaluaties_op", tuple(sorted(set(self.evaluaties_op))))
        if not 0 <= self.loonsanctie_weken <= MAX_LOONSANCTIE_WEKEN:
            raise ValueError(
                f"Een loonsanctie duurt 0 tot en met {MAX_LOONSANCTIE_WEKEN} weken, "
                f"niet {self.loonsanctie_weken} (DOMAIN §5)."
            )
        if self.verlenging_weken != 0 and self.verlenging_weken < MIN_VERLENGING_WEKEN:
            raise ValueError(
                f"Een vrijwillige verlenging duurt minstens {MIN_VERLENGING_WEKEN} weken, "
                f"niet {self.verlenging_weken}; geef 0 als er geen verlenging is (DOMAIN §5)."
            )

    @property
    def verlenging_dagen(self) -> int:
        """Days by which the end of loondoorbetaling and the WIA steps move (DOMAIN §5)."""
        return 7 * (self.loonsanctie_weken + self.verlenging_weken)


@dataclass(frozen=True, slots=True)
class Stap:
    """One step of a case with its deadline.

    ``venster_begin`` is the first day of a window (eerstejaarsevaluatie, vervroegde IVA).
    ``informatief`` steps ask nothing of the employer side. ``uitgevoerd_op`` is the actual date
    when the step is known to be done (probleemanalyse, plan van aanpak, evaluations).
    """

    soort: StapSoort
    omschrijving: str
    deadline: date
    verantwoordelijken: tuple[Verantwoordelijke, ...]
    venster_begin: date | None = None
    informatief: bool = False
    uitgevoerd_op: date | None = None


@dataclass(frozen=True, slots=True)
class SamengesteldGeval:
    """A combined case: the sick periods that add up to one 104-week period (DOMAIN §5.1).

    ``eerste_ziektedag`` is D, the first counted sick day. ``einddatum`` and ``einde_reden`` are
    those of the last period (``None`` while open). ``einde_loondoorbetaling`` is the last day of
    loondoorbetaling including loonsanctie and extension (DOMAIN §5); ``None`` when the case ended
    before reaching it. ``ziektedagen`` counts the sick days of a closed case. ``intervallen`` are
    the sick days as half-open date ranges, gaps and leave left out (the last one open-ended while
    the case is open). ``reintegratieverslag`` is only set for ziek uit dienst (DOMAIN §4.5).
    """

    periode_ids: tuple[PeriodeId, ...]
    eerste_ziektedag: date
    einddatum: date | None
    einde_reden: EindeReden | None
    einde_loondoorbetaling: date | None
    stappen: tuple[Stap, ...]
    ziektedagen: int | None
    intervallen: tuple[tuple[date, date | None], ...]
    reintegratieverslag: Reintegratieverslag | None = None

    @property
    def is_open(self) -> bool:
        return self.einddatum is None

    @property
    def laatste_dienstdag(self) -> date | None:
        """For ziek uit dienst the last day of employment (DOMAIN §4.5), otherwise ``None``."""
        if self.einde_reden is EindeReden.UIT_DIENST and self.einddatum is not None:
            return self.einddatum - timedelta(days=1)
        return None

    def ziektedagen_voor(self, *, datum: date) -> int:
        """The number of counted sick days of this case before ``datum`` (DOMAIN §5.1).

        On a sick day this is its sick-day offset: 0 on D, 294 on the day of the 42-week rule.
        """
        dagen = 0
        for begin, einde in self.intervallen:
            if datum <= begin:
                break
            tot = datum if einde is None or datum < einde else einde
            dagen += (tot - begin).days
        return dagen


def open_stappen(*, geval: SamengesteldGeval, peildatum: date) -> list[Stap]:
    """The steps of ``geval`` not known to be done whose deadline is on or after ``peildatum``."""
    return [
        stap for stap in geval.stappen if stap.uitgevoerd_op is None and stap.deadline >= peildatum
    ]


def bereken_termijnen(
    *,
    perioden: Iterable[Ziekteperiode],
    verlof: Iterable[WazoVerlof] = (),
    feiten: Iterable[Gevalfeiten] = (),
) -> list[SamengesteldGeval]:
    """Add up one employee's sick periods into combined cases and compute their steps.

    Combining (DOMAIN §5.1), for each period after the previous one in date order:

    - interruption = its first sick day - the previous einddatum (hersteldatum); fewer than 28 days
      combines the two, whatever the cause;
    - WAZO leave days in the interruption are not interruption days: with leave in between and
      ``zelfde_oorzaak`` the periods combine when the interruption without the leave days is fewer
      than 28 days; with a different cause only the plain 28-day rule applies;
    - a period ended by ``UIT_DIENST`` ends its case: the employment, and with it this employer's
      loondoorbetaling, ended, so a later period (a new employment) starts a new case whatever
      the interruption;
    - a case whose first period starts during leave starts counting after the leave: D is the first
      counted sick day (DOMAIN §4.4).

    Steps and deadlines are those of DOMAIN §5; for a combined case every "date + N days" rule
    (plan van aanpak after the probleemanalyse, evaluation after the previous one) also counts sick
    days only. Steps not due are left out:

    - a closed case keeps only the steps whose deadline is before its einddatum, so a recovered
      employee has no later steps, even when a fact for them was recorded;
    - for ziek uit dienst that means no step after the last day of employment; the UWV ziekmelding
      and, at 70 sick days or more, the eindevaluatie are due on that day (DOMAIN §4.5).

    Steps are ordered by deadline. Cases are ordered by first sick day. Raises ``ValueError`` for
    overlapping periods, duplicate ids, or facts for an unknown period.
    """
    gesorteerd = sorted(perioden, key=lambda periode: periode.eerste_ziektedag)
    _controleer_perioden(gesorteerd)
    verlofblokken = _verlofblokken(verlof)
    groepen = _samentellen(gesorteerd, verlofblokken)
    feiten_per_groep = _feiten_per_groep(groepen, feiten)
    return [
        _bereken_geval(groep, verlofblokken, feiten_per_groep.get(index))
        for index, groep in enumerate(groepen)
    ]


# --- Combining periods (DOMAIN §5.1) -----------------------------------------------------------

type _Blok = tuple[int, int]  # half-open range of date ordinals


def _controleer_perioden(perioden: Sequence[Ziekteperiode]) -> None:
    ids: set[PeriodeId] = set()
    vorige: Ziekteperiode | None = None
    for periode in perioden:
        if periode.id in ids:
            raise ValueError(f"Ziekteperiode-id {periode.id!r} komt meer dan eens voor.")
        ids.add(periode.id)
        if vorige is not None and (
            vorige.einddatum is None or vorige.einddatum > periode.eerste_ziektedag
        ):
            raise ValueError(
                f"Ziekteperioden {vorige.id!r} en {periode.id!r} overlappen; een werknemer kan "
                "maar in een ziekteperiode tegelijk zitten. Corrigeer de data."
            )
        vorige = periode


def _verlofblokken(verlof: Iterable[WazoVerlof]) -> list[_Blok]:
    """The leave as sorted, merged half-open ranges of date ordinals."""
    blokken = sorted(
        (stuk.eerste_dag.toordinal(), stuk.laatste_dag.toordinal() + 1) for stuk in verlof
    )
    samengevoegd: list[_Blok] = []
    for begin, einde in blokken:
        if samengevoegd and begin <= samengevoegd[-1][1]:
            vorig_begin, vorig_einde = samengevoegd[-1]
            samengevoegd[-1] = (vorig_begin, max(vorig_einde, einde))
        else:
            samengevoegd.append((begin, einde))
    return samengevoegd


def _verlofdagen(verlofblokken: Sequence[_Blok], begin: int, einde: int) -> int:
    """Leave days in the half-open range ``begin`` … ``einde`` of ordinals."""
    dagen = 0
    for blok_begin, blok_einde in verlofblokken:
        if blok_begin >= einde:
            break
        dagen += max(0, min(blok_einde, einde) - max(blok_begin, begin))
    return dagen


def _hoort_bij_vorige(
    vorige: Ziekteperiode, periode: Ziekteperiode, verlofblokken: Sequence[_Blok]
) -> bool:
    if vorige.einddatum is None or vorige.reden is EindeReden.UIT_DIENST:
        return False
    herstel = vorige.einddatum.toordinal()
    begin = periode.eerste_ziektedag.toordinal()
    onderbreking = begin - herstel
    if onderbreking <= SAMENTELLING_MAX_ONDERBREKING:  # DOMAIN §5.1: whatever the cause
        return True
    if not periode.zelfde_oorzaak:
        return False
    # DOMAIN §5.1: around WAZO leave, same cause: the leave days are not interruption days.
    verlofdagen = _verlofdagen(verlofblokken, herstel, begin)
    return verlofdagen > 0 and onderbreking - verlofdagen <= SAMENTELLING_MAX_ONDERBREKING


def hoort_bij_vorige(
    *, vorige: Ziekteperiode, periode: Ziekteperiode, verlof: Iterable[WazoVerlof] = ()
) -> bool:
    """Whether ``periode`` counts together with the ``vorige`` one (DOMAIN §5.1).

    The one samentelling rule: `bereken_termijnen` and every caller that needs a chain of spells
    without computing the deadlines (dashboard, reminders) use it.
    """
    return _hoort_bij_vorige(vorige, periode, _verlofblokken(verlof))


def laatste_keten(
    *, perioden: Iterable[Ziekteperiode], verlof: Iterable[WazoVerlof] = ()
) -> list[Ziekteperiode]:
    """The latest period and the earlier ones that count together with it (DOMAIN §5.1), in date
    order: the last combined case of `bereken_termijnen`, found by walking back from the end."""
    gesorteerd = sorted(perioden, key=lambda periode: periode.eerste_ziektedag)
    if not gesorteerd:
        return []
    blokken = _verlofblokken(verlof)
    keten = [gesorteerd[-1]]
    for vorige in reversed(gesorteerd[:-1]):
        if not _hoort_bij_vorige(vorige, keten[-1], blokken):
            break
        keten.append(vorige)
    return keten[::-1]


def _samentellen(
    perioden: Sequence[Ziekteperiode], verlofblokken: Sequence[_Blok]
) -> list[list[Ziekteperiode]]:
    groepen: list[list[Ziekteperiode]] = []
    for periode in perioden:
        if groepen and _hoort_bij_vorige(groepen[-1][-1], periode, verlofblokken):
            groepen[-1].append(periode)
        else:
            groepen.append([periode])
    return groepen


def _feiten_per_groep(
    groepen: Sequence[Sequence[Ziekteperiode]], feiten: Iterable[Gevalfeiten]
) -> dict[int, Gevalfeiten]:
    groep_van: dict[PeriodeId, int] = {
        periode.id: index for index, groep in enumerate(groepen) for periode in groep
    }
    per_groep: dict[int, Gevalfeiten] = {}
    for feit in feiten:
        index = groep_van.get(feit.periode_id)
        if index is None:
            raise ValueError(
                f"Gevalfeiten noemen ziekteperiode {feit.periode_id!r}, die niet in de "
                "opgegeven perioden zit."
            )
        eerder = per_groep.get(index)
        per_groep[index] = feit if eerder is None else _voeg_feiten_samen(eerder, feit)
    return per_groep


def _vroegste(a: date | None, b: date | None) -> date | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def _voeg_feiten_samen(a: Gevalfeiten, b: Gevalfeiten) -> Gevalfeiten:
    return Gevalfeiten(
        periode_id=a.periode_id,
        probleemanalyse_op=_vroegste(a.probleemanalyse_op, b.probleemanalyse_op),
        plan_van_aanpak_op=_vroegste(a.plan_van_aanpak_op, b.plan_van_aanpak_op),
        evaluaties_op=a.evaluaties_op + b.evaluaties_op,
        loonsanctie_weken=max(a.loonsanctie_weken, b.loonsanctie_weken),
        verlenging_weken=max(a.verlenging_weken, b.verlenging_weken),
    )


# --- Sick-day offsets (DOMAIN §5, §5.1) --------------------------------------------------------


class _Tijdlijn:
    """The sick days of a combined case as half-open ranges of date ordinals.

    ``cum[i]`` is the sick-day offset of ``begins[i]``; the last range is open-ended (``None``)
    while the case is open.
    """

    __slots__ = ("begins", "cum", "eindes", "totaal")

    def __init__(self, groep: Sequence[Ziekteperiode], verlofblokken: Sequence[_Blok]) -> None:
        self.begins: list[int] = []
        self.eindes: list[int | None] = []
        self.cum: list[int] = []
        totaal = 0
        for periode in groep:
            begin = periode.eerste_ziektedag.toordinal()
            einde = None if periode.einddatum is None else periode.einddatum.toordinal()
            for stuk_begin, stuk_einde in _zonder_verlof(begin, einde, verlofblokken):
                self.begins.append(stuk_begin)
                self.eindes.append(stuk_einde)
                self.cum.append(totaal)
                if stuk_einde is not None:
                    totaal += stuk_einde - stuk_begin
        # Sick days of a closed case; meaningless (and unused) for an open one.
        self.totaal = totaal

    def datum(self, offset: int) -> int | None:
        """The ordinal of sick-day ``offset``, or ``None`` when the case never gets there."""
        index = bisect_right(self.cum, offset) - 1
        if index < 0:
            return None
        dag = self.begins[index] + offset - self.cum[index]
        einde = self.eindes[index]
        return dag if einde is None or dag < einde else None

    def offset(self, ordinaal: int) -> int:
        """The number of sick days before the day ``ordinaal``."""
        index = bisect_right(self.begins, ordinaal) - 1
        if index < 0:
            return 0
        einde = self.eindes[index]
        tot = ordinaal if einde is None or ordinaal < einde else einde
        return self.cum[index] + tot - self.begins[index]


def _zonder_verlof(
    begin: int, einde: int | None, verlofblokken: Sequence[_Blok]
) -> list[tuple[int, int | None]]:
    """The range ``begin`` … ``einde`` (open-ended when ``None``) minus the leave (DOMAIN §4.4)."""
    stukken: list[tuple[int, int | None]] = []
    dag = begin
    for blok_begin, blok_einde in verlofblokken:
        if blok_einde <= dag:
            continue
        if einde is not None and blok_begin >= einde:
            break
        if blok_begin > dag:
            stukken.append((dag, blok_begin))
        dag = blok_einde
        if einde is not None and dag >= einde:
            return stukken
    stukken.append((dag, einde))
    return stukken


# --- Steps (DOMAIN §5, §4.5) -------------------------------------------------------------------

_WG = Verantwoordelijke.WERKGEVER
_WN = Verantwoordelijke.WERKNEMER
_BA = Verantwoordelijke.BEDRIJFSARTS
_UWV = Verantwoordelijke.UWV

# soort -> (omschrijving, verantwoordelijken, informatief); DOMAIN §5 table and DOMAIN §4.5.
_SOORTEN: dict[StapSoort, tuple[str, tuple[Verantwoordelijke, ...], bool]] = {
    StapSoort.ZIEKMELDING_ARBODIENST: (
        gettext_noop("Ziekmelding aan de arbodienst of bedrijfsarts"),
        (_WG,),
        False,
    ),
    StapSoort.PROBLEEMANALYSE: (
        gettext_noop("Probleemanalyse door de bedrijfsarts, op verzoek van de werkgever"),
        (_BA, _WG),
        False,
    ),
    StapSoort.PLAN_VAN_AANPAK: (
        gettext_noop("Plan van aanpak opstellen, met de visie van werkgever en werknemer"),
        (_WG, _WN),
        False,
    ),
    StapSoort.EVALUATIE: (
        gettext_noop("Evaluatie en zo nodig bijstelling van het plan van aanpak"),
        (_WG, _WN),
        False,
    ),
    StapSoort.VERVROEGDE_IVA: (
        gettext_noop(
            "Vervroegde IVA-aanvraag mogelijk als er geen uitzicht is op herstel "
            "(met een verklaring van de bedrijfsarts)"
        ),
        (_WN,),
        True,
    ),
    StapSoort.MELDING_42E_WEEK: (
        gettext_noop("42e-weeksmelding: ziekmelding bij UWV"),
        (_WG,),
        False,
    ),
    StapSoort.EERSTEJAARSEVALUATIE: (
        gettext_noop("Eerstejaarsevaluatie, met de visie van werkgever en werknemer"),
        (_WG, _WN),
        False,
    ),
    StapSoort.UWV_BRIEF_WIA: (
        gettext_noop("UWV stuurt de werknemer een brief over de WIA-aanvraag"),
        (_UWV,),
        True,
    ),
    StapSoort.EINDEVALUATIE: (
        gettext_noop("Eindevaluatie, na het actueel oordeel van de bedrijfsarts"),
        (_WG, _WN),
        False,
    ),
    StapSoort.WIA_AANVRAAG: (
        gettext_noop(
            "WIA-aanvraag door de werknemer, met het re-integratieverslag van de werkgever"
        ),
        (_WN, _WG),
        False,
    ),
    StapSoort.EINDE_LOONDOORBETALING: (
        gettext_noop("Laatste dag van de loondoorbetaling bij ziekte"),
        (_WG,),
        True,
    ),
    StapSoort.ZIEKMELDING_UWV_UIT_DIENST: (
        gettext_noop("Ziek uit dienst: ziekmelding bij UWV, uiterlijk op de laatste dienstdag"),
        (_WG,),
        False,
    ),
    StapSoort.EINDEVALUATIE_UIT_DIENST: (
        gettext_noop(
            "Ziek uit dienst: eindevaluatie voor het volledige re-integratieverslag, "
            "uiterlijk op de laatste dag van het dienstverband"
        ),
        (_WG, _WN, _BA),
        False,
    ),
}

# Tie-break for steps with the same deadline: the order of the DOMAIN §5 table.
_VOLGORDE: dict[StapSoort, int] = {soort: index for index, soort in enumerate(StapSoort)}


def _stap(
    soort: StapSoort,
    deadline: int,
    venster_begin: int | None = None,
    uitgevoerd_op: date | None = None,
) -> Stap:
    omschrijving, verantwoordelijken, informatief = _SOORTEN[soort]
    return Stap(
        soort=soort,
        omschrijving=omschrijving,
        deadline=date.fromordinal(deadline),
        verantwoordelijken=verantwoordelijken,
        venster_begin=None if venster_begin is None else date.fromordinal(venster_begin),
        informatief=informatief,
        uitgevoerd_op=uitgevoerd_op,
    )


def _sorteersleutel(stap: Stap) -> tuple[date, int]:
    return stap.deadline, _VOLGORDE[stap.soort]


_GEEN_FEITEN = Gevalfeiten(periode_id="")
_ONBEREIKBAAR = sys.maxsize


def _bereken_geval(
    groep: Sequence[Ziekteperiode],
    verlofblokken: Sequence[_Blok],
    feit: Gevalfeiten | None,
) -> SamengesteldGeval:
    tijdlijn = _Tijdlijn(groep, verlofblokken)
    datum = tijdlijn.datum
    laatste = groep[-1]
    einddatum = laatste.einddatum
    if feit is None:
        feit = _GEEN_FEITEN
    verlenging = feit.verlenging_dagen
    # Offsets from `bereik` on are never reached by a closed case; most cases are short.
    bereik = _ONBEREIKBAAR if einddatum is None else tijdlijn.totaal
    stappen: list[Stap] = []

    def voeg_toe(
        soort: StapSoort,
        offset: int,
        venster_offset: int | None = None,
        uitgevoerd_op: date | None = None,
    ) -> None:
        if offset < bereik:
            deadline = datum(offset)
            if deadline is not None:
                venster = None if venster_offset is None else datum(venster_offset)
                stappen.append(_stap(soort, deadline, venster, uitgevoerd_op))

    # DOMAIN §5: ziekmelding within week 1 (soft), probleemanalyse by the end of week 6.
    voeg_toe(StapSoort.ZIEKMELDING_ARBODIENST, EINDE_WEEK_1)
    voeg_toe(StapSoort.PROBLEEMANALYSE, PROBLEEMANALYSE, uitgevoerd_op=feit.probleemanalyse_op)

    # DOMAIN §5: plan van aanpak by min(probleemanalyse + 14, D+55).
    plan_offset = PLAN_VAN_AANPAK
    if feit.probleemanalyse_op is not None:
        plan_offset = min(
            tijdlijn.offset(feit.probleemanalyse_op.toordinal()) + PLAN_NA_PROBLEEMANALYSE,
            PLAN_VAN_AANPAK,
        )
    voeg_toe(StapSoort.PLAN_VAN_AANPAK, plan_offset, uitgevoerd_op=feit.plan_van_aanpak_op)

    # DOMAIN §5: an evaluation 42 days after the plan (its actual date, else its deadline), then 42
    # days after each actual evaluation, repeating up to the end of loondoorbetaling.
    laatste_evaluatie = LAATSTE_LOONDAG + verlenging
    vorige = plan_offset
    if feit.plan_van_aanpak_op is not None:
        vorige = tijdlijn.offset(feit.plan_van_aanpak_op.toordinal())
    for evaluatie_op in feit.evaluaties_op:
        if vorige + EVALUATIE_INTERVAL <= laatste_evaluatie:
            voeg_toe(StapSoort.EVALUATIE, vorige + EVALUATIE_INTERVAL, uitgevoerd_op=evaluatie_op)
        vorige = tijdlijn.offset(evaluatie_op.toordinal())
    volgende = vorige + EVALUATIE_INTERVAL
    while volgende <= laatste_evaluatie and volgende < bereik:
        deadline = datum(volgende)
        if deadline is None:
            break
        stappen.append(_stap(StapSoort.EVALUATIE, deadline))
        volgende += EVALUATIE_INTERVAL

    # DOMAIN §5: vervroegde IVA can be requested from D+21 up to D+475 (information).
    voeg_toe(StapSoort.VERVROEGDE_IVA, VERVROEGDE_IVA_EINDE, VERVROEGDE_IVA_BEGIN)

    # DOMAIN §5: 42e-weeksmelding on the first working day on or after D+294.
    dag_294 = datum(MELDING_42E_WEEK) if bereik > MELDING_42E_WEEK else None
    if dag_294 is not None:
        melding = eerste_werkdag_vanaf(dag=date.fromordinal(dag_294))
        stappen.append(_stap(StapSoort.MELDING_42E_WEEK, melding.toordinal()))

    # DOMAIN §5: eerstejaarsevaluatie in weeks 46-52; the UWV letter about the WIA after 88 weeks
    # is information and stays put; loonsanctie and extension move the WIA steps and the end.
    voeg_toe(StapSoort.EERSTEJAARSEVALUATIE, EERSTEJAARSEVALUATIE_EINDE, EERSTEJAARSEVALUATIE_BEGIN)
    voeg_toe(StapSoort.UWV_BRIEF_WIA, UWV_BRIEF_WIA)
    voeg_toe(StapSoort.EINDEVALUATIE, EINDEVALUATIE + verlenging)
    voeg_toe(StapSoort.WIA_AANVRAAG, WIA_AANVRAAG + verlenging)
    laatste_loondag = (
        datum(LAATSTE_LOONDAG + verlenging) if LAATSTE_LOONDAG + verlenging < bereik else None
    )
    if laatste_loondag is not None:
        stappen.append(_stap(StapSoort.EINDE_LOONDOORBETALING, laatste_loondag))

    # DOMAIN §4.5: ziek uit dienst.
    verslag: Reintegratieverslag | None = None
    if einddatum is not None and laatste.reden is EindeReden.UIT_DIENST:
        laatste_dienstdag = einddatum.toordinal() - 1
        stappen.append(_stap(StapSoort.ZIEKMELDING_UWV_UIT_DIENST, laatste_dienstdag))
        if tijdlijn.totaal >= VOLLEDIG_VERSLAG_VANAF_DAGEN:
            verslag = Reintegratieverslag.VOLLEDIG
            stappen.append(_stap(StapSoort.EINDEVALUATIE_UIT_DIENST, laatste_dienstdag))
        elif tijdlijn.totaal >= KORT_VERSLAG_VANAF_DAGEN:
            verslag = Reintegratieverslag.KORT
        else:
            verslag = Reintegratieverslag.GEEN

    if einddatum is not None:
        # A closed case keeps only the steps due before its einddatum (see bereken_termijnen).
        stappen = [stap for stap in stappen if stap.deadline < einddatum]
    stappen.sort(key=_sorteersleutel)

    eerste_dag = datum(0)
    return SamengesteldGeval(
        periode_ids=tuple(periode.id for periode in groep),
        eerste_ziektedag=(
            groep[0].eerste_ziektedag if eerste_dag is None else date.fromordinal(eerste_dag)
        ),
        einddatum=einddatum,
        einde_reden=laatste.reden,
        einde_loondoorbetaling=(
            None if laatste_loondag is None else date.fromordinal(laatste_loondag)
        ),
        stappen=tuple(stappen),
        ziektedagen=None if einddatum is None else tijdlijn.totaal,
        intervallen=tuple(
            (date.fromordinal(begin), None if einde is None else date.fromordinal(einde))
            for begin, einde in zip(tijdlijn.begins, tijdlijn.eindes, strict=True)
        ),
        reintegratieverslag=verslag,
    )
