"""WAZO leave periods and application windows (DOMAIN §7.1), without Django.

Zwangerschaps- en bevallingsverlof, aanvullend geboorteverlof and adoptie-/pleegzorgverlof: which
start dates are allowed, when the employer applies, and which days the leave covers. Every date is
inclusive unless a name says otherwise. Callers pass facts (expected date, birth, admissions); the
functions return a `Verlofperiode` or raise `WazoFout` with a Dutch message that says what is wrong
and what to do.

Notation of DOMAIN §7.1: E = uitgerekende datum, A = E + 1, N = 42 days (70 for a meerling),
S = leave start, B = date of birth.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

__all__ = [
    "Aanvraagvenster",
    "Tijdigheid",
    "Verlofperiode",
    "Verlofsoort",
    "WazoFout",
    "aanvraagvenster_aanvullend_geboorteverlof",
    "aanvraagvenster_adoptie",
    "aanvraagvenster_zwangerschap",
    "aanvullend_geboorteverlof",
    "adoptieverlof",
    "controleer_ingangsdatum",
    "dagen_in",
    "ingangsvenster",
    "melden_aan_werkgever_uiterlijk",
    "zwangerschaps_en_bevallingsverlof",
]

DAG = timedelta(days=1)

# DOMAIN §7.1: N = 42 days before A, 70 for a multiple pregnancy; the start may be chosen up to
# 14 days later (6 to 4 weeks before A).
N_EENLING = 42
N_MEERLING = 70
KEUZERUIMTE = 14
BEVALLINGSVERLOF_MINIMUM = 70
# DOMAIN §7.1: the employer applies S-28 ... S-14; the employee tells the employer by S-21.
AANVRAAG_VANAF = 28
AANVRAAG_TOT = 14
MELDEN_AAN_WERKGEVER_VOOR = 21
# DOMAIN §7.1 [3]: a hospital stay of the child of more than 7 days extends the leave; the first 7
# admission days do not count; the extension is 0 ... 70 days.
ZIEKENHUIS_EIGEN_DAGEN = 7
ZIEKENHUIS_MAX_VERLENGING = 70
# DOMAIN §7.1 [9]: aanvullend geboorteverlof 1-5 weeks within 6 months after the birth; apply from
# 4 weeks before the start up to 4 weeks after the last day.
AANVULLEND_MIN_WEKEN = 1
AANVULLEND_MAX_WEKEN = 5
AANVULLEND_BINNEN_MAANDEN = 6
AANVULLEND_AANVRAAG_VOOR = 28
AANVULLEND_AANVRAAG_NA = 28
# DOMAIN §7.1 [10]: adoptie-/pleegzorgverlof at most 6 weeks, from 4 weeks before to 22 weeks
# after the arrival of the child; apply 4 to 2 weeks before the start.
ADOPTIE_MAX_WEKEN = 6
ADOPTIE_VANAF_VOOR_KOMST = 28
ADOPTIE_TOT_NA_KOMST = 22 * 7
ADOPTIE_AANVRAAG_VANAF = 28
ADOPTIE_AANVRAAG_TOT = 14


def gettext_noop(melding: str) -> str:
    """Marks a message for the translation catalogue; this module has no Django, the service
    translates ``WazoFout.melding`` into the active language."""
    return melding


class WazoFout(ValueError):
    """A melding that the rules of DOMAIN §7.1 refuse; the message says what to do.

    ``melding`` is the Dutch text with named placeholders (the catalogue's msgid), ``waarden``
    fills them in; ``str()`` is the Dutch sentence.
    """

    def __init__(self, melding: str, **waarden: object) -> None:
        self.melding = melding
        self.waarden = waarden
        super().__init__(melding % waarden if waarden else melding)


class Verlofsoort(StrEnum):
    ZWANGERSCHAP = "zwangerschap"
    AANVULLEND_GEBOORTEVERLOF = "aanvullend_geboorteverlof"
    ADOPTIE = "adoptie"
    PLEEGZORG = "pleegzorg"


class Tijdigheid(StrEnum):
    """Where an application date lies relative to its window."""

    TE_VROEG = "te_vroeg"
    OP_TIJD = "op_tijd"
    TE_LAAT = "te_laat"


def _d(datum: date) -> str:
    return datum.strftime("%d-%m-%Y")


@dataclass(frozen=True, slots=True)
class Aanvraagvenster:
    """The days on which the employer may apply (inclusive)."""

    van: date
    tot: date

    def tijdigheid(self, datum: date) -> Tijdigheid:
        if datum < self.van:
            return Tijdigheid.TE_VROEG
        if datum > self.tot:
            return Tijdigheid.TE_LAAT
        return Tijdigheid.OP_TIJD


@dataclass(frozen=True, slots=True)
class Verlofperiode:
    """The leave as computed: ``eerste_dag`` … ``laatste_dag`` inclusive.

    For zwangerschaps- en bevallingsverlof ``zwangerschapsverlof`` is S … B (``None`` when the
    child was born before S or the birth is not known yet: then S … E is shown as expected),
    ``bevallingsverlof`` is B+1 … B+bv and ``verlenging_ziekenhuis`` the extension appended to it.
    """

    soort: Verlofsoort
    eerste_dag: date
    laatste_dag: date
    zwangerschapsverlof: tuple[date, date] | None = None
    bevallingsverlof: tuple[date, date] | None = None
    bevallingsverlof_dagen: int = 0
    verlenging_ziekenhuis: int = 0
    geboorte_bekend: bool = True

    @property
    def dagen(self) -> int:
        return (self.laatste_dag - self.eerste_dag).days + 1


def dagen_in(perioden: Iterable[tuple[date, date | None]], *, van: date, tot: date) -> int:
    """Days of ``perioden`` (half-open: first day, day after the last or ``None`` while open) that
    lie in ``van`` … ``tot`` inclusive. Overlapping periods count each day once."""
    dagen: set[int] = set()
    grens = tot.toordinal() + 1
    for begin, einde in perioden:
        eind = grens if einde is None else min(einde.toordinal(), grens)
        dagen.update(range(max(begin.toordinal(), van.toordinal()), eind))
    return len(dagen)


# --- Zwangerschaps- en bevallingsverlof --------------------------------------------------------


def _n(meerling: bool) -> int:
    return N_MEERLING if meerling else N_EENLING


def ingangsvenster(*, uitgerekende_datum: date, meerling: bool = False) -> tuple[date, date]:
    """DOMAIN §7.1: S ∈ [A−N, A−N+14], A = E + 1."""
    a = uitgerekende_datum + DAG
    vroegst = a - timedelta(days=_n(meerling))
    return vroegst, vroegst + timedelta(days=KEUZERUIMTE)


def aanvraagvenster_zwangerschap(*, ingangsdatum: date) -> Aanvraagvenster:
    """DOMAIN §7.1: the employer applies in S−28 … S−14."""
    return Aanvraagvenster(
        van=ingangsdatum - timedelta(days=AANVRAAG_VANAF),
        tot=ingangsdatum - timedelta(days=AANVRAAG_TOT),
    )


def melden_aan_werkgever_uiterlijk(*, ingangsdatum: date) -> date:
    """DOMAIN §7.1: the employee tells the employer by S−21."""
    return ingangsdatum - timedelta(days=MELDEN_AAN_WERKGEVER_VOOR)


def controleer_ingangsdatum(
    *, uitgerekende_datum: date, ingangsdatum: date, meerling: bool = False
) -> None:
    vroegst, laatst = ingangsvenster(uitgerekende_datum=uitgerekende_datum, meerling=meerling)
    if not vroegst <= ingangsdatum <= laatst:
        weken_van, weken_tot = (10, 8) if meerling else (6, 4)
        raise WazoFout(
            gettext_noop(
                "Het zwangerschapsverlof moet ingaan tussen %(vroegst)s en %(laatst)s "
                "(%(weken_van)s tot %(weken_tot)s weken voor de dag na de uitgerekende datum), "
                "niet op %(ingangsdatum)s. Kies een ingangsdatum in die periode."
            ),
            vroegst=_d(vroegst),
            laatst=_d(laatst),
            weken_van=weken_van,
            weken_tot=weken_tot,
            ingangsdatum=_d(ingangsdatum),
        )


def _ziekenhuisverlenging(
    opnames: Iterable[tuple[date, date]], *, bevalling_van: date, bevalling_tot: date, bv: int
) -> int:
    """DOMAIN §7.1 [3]: total admission days, drop the first 7, keep those within the
    bevallingsverlof, subtract bv − 70; 0 … 70 days."""
    opnamedagen: set[int] = set()
    for van, tot in opnames:
        if tot < van:
            raise WazoFout(
                gettext_noop(
                    "De ziekenhuisopname eindigt (%(tot)s) voor zij begint (%(van)s); draai de "
                    "data om."
                ),
                tot=_d(tot),
                van=_d(van),
            )
        opnamedagen.update(range(van.toordinal(), tot.toordinal() + 1))
    if len(opnamedagen) <= ZIEKENHUIS_EIGEN_DAGEN:
        return 0
    tellend = sorted(opnamedagen)[ZIEKENHUIS_EIGEN_DAGEN:]
    binnen = sum(
        1 for dag in tellend if bevalling_van.toordinal() <= dag <= bevalling_tot.toordinal()
    )
    return max(0, min(ZIEKENHUIS_MAX_VERLENGING, binnen - (bv - BEVALLINGSVERLOF_MINIMUM)))


def zwangerschaps_en_bevallingsverlof(
    *,
    uitgerekende_datum: date,
    ingangsdatum: date,
    meerling: bool = False,
    geboortedatum: date | None = None,
    ziektedagen_voor_ingang: int = 0,
    ziekenhuisopnames: Iterable[tuple[date, date]] = (),
) -> Verlofperiode:
    """The leave of DOMAIN §7.1.

    Zwangerschapsverlof S … B; bevallingsverlof B+1 … B+bv with bv = 70 + max(0, N − zvd − k),
    zvd = days in [S, min(B, E)], k = ``ziektedagen_voor_ingang``: sick days in the flex period
    A−N … S−1, which count as leave. Born before S: no zwangerschapsverlof, bv = 70 + N. Before the
    birth is known the period is computed as if the child is born on E (recomputed when reported).
    ``ziekenhuisopnames`` are the child's admissions (first and last day) after the birth.
    """
    controleer_ingangsdatum(
        uitgerekende_datum=uitgerekende_datum, ingangsdatum=ingangsdatum, meerling=meerling
    )
    n = _n(meerling)
    vroegst, _ = ingangsvenster(uitgerekende_datum=uitgerekende_datum, meerling=meerling)
    max_k = (ingangsdatum - vroegst).days
    if not 0 <= ziektedagen_voor_ingang <= max_k:
        raise WazoFout(
            gettext_noop(
                "Er kunnen 0 tot en met %(max_k)s ziektedagen liggen tussen %(vroegst)s en de "
                "ingangsdatum, niet %(ziektedagen_voor_ingang)s. Controleer de ziekmeldingen."
            ),
            max_k=max_k,
            vroegst=_d(vroegst),
            ziektedagen_voor_ingang=ziektedagen_voor_ingang,
        )
    geboorte_bekend = geboortedatum is not None
    b = uitgerekende_datum if geboortedatum is None else geboortedatum
    if b < ingangsdatum:
        zwanger: tuple[date, date] | None = None
        bv = BEVALLINGSVERLOF_MINIMUM + n
        eerste = b + DAG
    else:
        zwanger = (ingangsdatum, b)
        zvd = (min(b, uitgerekende_datum) - ingangsdatum).days + 1
        bv = BEVALLINGSVERLOF_MINIMUM + max(0, n - zvd - ziektedagen_voor_ingang)
        eerste = ingangsdatum
    bevalling_van = b + DAG
    bevalling_tot = b + timedelta(days=bv)
    verlenging = _ziekenhuisverlenging(
        ziekenhuisopnames, bevalling_van=bevalling_van, bevalling_tot=bevalling_tot, bv=bv
    )
    return Verlofperiode(
        soort=Verlofsoort.ZWANGERSCHAP,
        eerste_dag=eerste,
        laatste_dag=bevalling_tot + timedelta(days=verlenging),
        zwangerschapsverlof=zwanger,
        bevallingsverlof=(bevalling_van, bevalling_tot),
        bevallingsverlof_dagen=bv,
        verlenging_ziekenhuis=verlenging,
        geboorte_bekend=geboorte_bekend,
    )


# --- Aanvullend geboorteverlof (partner) -------------------------------------------------------


def _plus_maanden(datum: date, maanden: int) -> date:
    maand = datum.month - 1 + maanden
    jaar, maand = datum.year + maand // 12, maand % 12 + 1
    for dag in (datum.day, 30, 29, 28):
        try:
            return date(jaar, maand, dag)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def aanvullend_geboorteverlof(
    *, geboortedatum: date, einde_geboorteverlof: date, ingangsdatum: date, weken: int
) -> Verlofperiode:
    """DOMAIN §7.1 [9]: 1–5 weeks, after the employer-paid week of geboorteverlof (which ends on
    ``einde_geboorteverlof``), within 6 months after the birth."""
    if not AANVULLEND_MIN_WEKEN <= weken <= AANVULLEND_MAX_WEKEN:
        raise WazoFout(
            gettext_noop(
                "Aanvullend geboorteverlof duurt 1 tot en met 5 weken, niet %(weken)s. Vul een "
                "aantal weken van 1 tot en met 5 in."
            ),
            weken=weken,
        )
    if einde_geboorteverlof < geboortedatum:
        raise WazoFout(
            gettext_noop(
                "De laatste dag van het (door de werkgever betaalde) geboorteverlof ligt voor de "
                "geboorte. Controleer beide data."
            )
        )
    if ingangsdatum <= einde_geboorteverlof:
        raise WazoFout(
            gettext_noop(
                "Aanvullend geboorteverlof gaat pas in na het geboorteverlof van een week, dus "
                "na %(einde_geboorteverlof)s. Kies een latere ingangsdatum."
            ),
            einde_geboorteverlof=_d(einde_geboorteverlof),
        )
    laatste = ingangsdatum + timedelta(days=7 * weken - 1)
    grens = _plus_maanden(geboortedatum, AANVULLEND_BINNEN_MAANDEN) - DAG
    if laatste > grens:
        raise WazoFout(
            gettext_noop(
                "Aanvullend geboorteverlof moet binnen 6 maanden na de geboorte zijn opgenomen, "
                "dus uiterlijk op %(grens)s; met deze ingangsdatum loopt het tot %(laatste)s. "
                "Kies een eerdere ingangsdatum of minder weken."
            ),
            grens=_d(grens),
            laatste=_d(laatste),
        )
    return Verlofperiode(
        soort=Verlofsoort.AANVULLEND_GEBOORTEVERLOF, eerste_dag=ingangsdatum, laatste_dag=laatste
    )


def aanvraagvenster_aanvullend_geboorteverlof(*, periode: Verlofperiode) -> Aanvraagvenster:
    """DOMAIN §7.1 [9]: from 4 weeks before the start to 4 weeks after the last day. Later is
    accepted, but UWV pays only for the year before the application."""
    return Aanvraagvenster(
        van=periode.eerste_dag - timedelta(days=AANVULLEND_AANVRAAG_VOOR),
        tot=periode.laatste_dag + timedelta(days=AANVULLEND_AANVRAAG_NA),
    )


# --- Adoptie- en pleegzorgverlof ---------------------------------------------------------------


def adoptieverlof(
    *, soort: Verlofsoort, datum_komst: date, ingangsdatum: date, weken: int
) -> Verlofperiode:
    """DOMAIN §7.1 [10]: at most 6 weeks, within 4 weeks before to 22 weeks after the arrival."""
    if soort not in (Verlofsoort.ADOPTIE, Verlofsoort.PLEEGZORG):
        raise WazoFout(gettext_noop("%(soort)s is geen adoptie- of pleegzorgverlof."), soort=soort)
    if not 1 <= weken <= ADOPTIE_MAX_WEKEN:
        raise WazoFout(
            gettext_noop(
                "Adoptie- en pleegzorgverlof duurt 1 tot en met 6 weken, niet %(weken)s. Vul een "
                "aantal weken van 1 tot en met 6 in."
            ),
            weken=weken,
        )
    vroegst = datum_komst - timedelta(days=ADOPTIE_VANAF_VOOR_KOMST)
    laatst = datum_komst + timedelta(days=ADOPTIE_TOT_NA_KOMST - 1)
    laatste = ingangsdatum + timedelta(days=7 * weken - 1)
    if ingangsdatum < vroegst or laatste > laatst:
        raise WazoFout(
            gettext_noop(
                "Het verlof moet liggen tussen %(vroegst)s (4 weken voor de komst van het kind) "
                "en %(laatst)s (22 weken erna); met deze keuze loopt het van %(ingangsdatum)s "
                "tot en met %(laatste)s. Kies een andere ingangsdatum of minder weken."
            ),
            vroegst=_d(vroegst),
            laatst=_d(laatst),
            ingangsdatum=_d(ingangsdatum),
            laatste=_d(laatste),
        )
    return Verlofperiode(soort=soort, eerste_dag=ingangsdatum, laatste_dag=laatste)


def aanvraagvenster_adoptie(*, ingangsdatum: date) -> Aanvraagvenster:
    """DOMAIN §7.1 [10]: apply 4 to 2 weeks before the start."""
    return Aanvraagvenster(
        van=ingangsdatum - timedelta(days=ADOPTIE_AANVRAAG_VANAF),
        tot=ingangsdatum - timedelta(days=ADOPTIE_AANVRAAG_TOT),
    )
