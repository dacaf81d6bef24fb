"""Verzuimverzekering: the monthly uitkering to the werkgever (DOMAIN §7.3).

Per uitkeringsdag d (Monday to Friday, holidays included) of the month the insurer pays

    verzekerd jaarloon / deler × dekking(n) × % arbeidsongeschikt(d)

when the employee is sick and employed on d, n (the sick-day number) ≤ 728 and the spell has had
more uitkeringsdagen than the eigenrisicotermijn. Relapses are combined with DOMAIN §5.1 through the
Poortwachter engine, so the 28-day rule (and WAZO leave in between) is the same everywhere: a
relapse within 28 days continues both n and the eigen-risico count, a later one restarts them.

The month total is rounded once, then the UWV benefits for those days are deducted, not below 0:
for every uitkeringsdag the insurer pays, the dagbedrag of each UWV benefit (ZW vangnet, WAZO;
DOMAIN §7.2) covering that day; days of eigen risico or without payment deduct nothing (ADR 0046).
Wages and polis conditions are dated; the ones valid on the first sick day of
the combined spell apply to all of it (ADR 0029).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from verzuimportaal.geld.bedragen import (
    HONDERD,
    NUL,
    eerste_van_maand,
    rond_af,
    uitkeringsdagen,
    volgende_maand,
)
from verzuimportaal.geld.betaaldatum import betaaldatum
from verzuimportaal.poortwachter.termijnen import (
    EindeReden,
    PeriodeId,
    SamengesteldGeval,
    WazoVerlof,
    Ziekteperiode,
    bereken_termijnen,
)

__all__ = [
    "MAXIMALE_ZIEKTEDAG",
    "Dienstverband",
    "Loon",
    "Maanduitkering",
    "Polisvoorwaarden",
    "Uitkeringsregel",
    "UwvPeriode",
    "Ziekmelding",
    "bereken_maand",
    "verzekerd_jaarloon",
]

# DOMAIN §7.3: the insurer pays up to sick-day 728 (104 weeks).
MAXIMALE_ZIEKTEDAG = 728
_ZATERDAG = 5
_EEN_DAG = timedelta(days=1)


def verzekerd_jaarloon(
    *,
    bruto_jaarloon: Decimal,
    vakantiegeld_percentage: Decimal = Decimal(8),
    vaste_onderdelen: Decimal = NUL,
) -> Decimal:
    """Gross yearly wage + vakantiegeld (default 8 %) + fixed parts (DOMAIN §7.3), not rounded."""
    return bruto_jaarloon + bruto_jaarloon * vakantiegeld_percentage / HONDERD + vaste_onderdelen


@dataclass(frozen=True, slots=True)
class Polisvoorwaarden:
    """The conditions of one verzuimverzekering (DOMAIN §7.3), dated by ``ingangsdatum``.

    ``dekking`` holds the percentage per period of ``dekkingsperiode_dagen`` sick days: 364 for
    "per sick year" (100/70), 182 for "per half-year" (e.g. 95/90/85/70). ``maximum_jaarloon``
    ``None`` means no cap.
    """

    ingangsdatum: date
    eigenrisicotermijn: int = 10
    dekking: tuple[Decimal, ...] = (Decimal(100), Decimal(70))
    dekkingsperiode_dagen: int = 364
    maximum_jaarloon: Decimal | None = Decimal(110000)
    deler: int = 261

    def __post_init__(self) -> None:
        if self.eigenrisicotermijn < 0:
            raise ValueError("De eigenrisicotermijn kan niet negatief zijn; geef 0 of meer dagen.")
        if self.dekkingsperiode_dagen not in (182, 364):
            raise ValueError(
                "De dekking geldt per ziektejaar (364 dagen) of per half jaar (182 dagen), "
                f"niet per {self.dekkingsperiode_dagen} dagen."
            )
        if len(self.dekking) * self.dekkingsperiode_dagen < MAXIMALE_ZIEKTEDAG:
            nodig = -(-MAXIMALE_ZIEKTEDAG // self.dekkingsperiode_dagen)
            raise ValueError(
                f"Geef een dekkingspercentage voor elk van de {nodig} perioden van 104 weken, "
                f"niet {len(self.dekking)}."
            )
        if any(not NUL <= pct <= HONDERD for pct in self.dekking):
            raise ValueError("Een dekkingspercentage ligt tussen 0 en 100.")
        if self.deler <= 0:
            raise ValueError("De deler is een positief aantal dagen, zoals 261 of 260.")
        if self.maximum_jaarloon is not None and self.maximum_jaarloon <= NUL:
            raise ValueError("Het maximum jaarloon is positief, of leeg voor geen maximum.")

    def dekking_op(self, ziektedag: int) -> Decimal:
        """The dekking percentage for sick-day number ``ziektedag`` (1-based)."""
        return self.dekking[(ziektedag - 1) // self.dekkingsperiode_dagen]

    def dagloon(self, jaarloon: Decimal) -> Decimal:
        """Verzekerd jaarloon, capped, divided by the deler; not rounded (DOMAIN §7.3)."""
        if self.maximum_jaarloon is not None:
            jaarloon = min(jaarloon, self.maximum_jaarloon)
        return jaarloon / self.deler


@dataclass(frozen=True, slots=True)
class Loon:
    """The verzekerd jaarloon (gross + vakantiegeld + fixed parts) from ``ingangsdatum`` on."""

    ingangsdatum: date
    jaarloon: Decimal


@dataclass(frozen=True, slots=True)
class Dienstverband:
    """Employed from ``datum_in_dienst`` up to and including ``laatste_dag`` (``None``: still)."""

    datum_in_dienst: date
    laatste_dag: date | None = None

    def omvat(self, dag: date) -> bool:
        return self.datum_in_dienst <= dag and (self.laatste_dag is None or dag <= self.laatste_dag)


@dataclass(frozen=True, slots=True)
class Ziekmelding:
    """One ziekmelding with its percentage history (DOMAIN §4.3).

    ``percentages`` are (ingangsdatum, % arbeidsongeschikt) steps; without a step on the first sick
    day the employee is 100 % unfit from it. ``einddatum`` is exclusive (the hersteldatum).
    """

    id: PeriodeId
    eerste_ziektedag: date
    einddatum: date | None = None
    einde_reden: EindeReden | None = None
    percentages: tuple[tuple[date, int], ...] = ()
    zelfde_oorzaak: bool = True
    _ingangen: tuple[date, ...] = field(init=False, repr=False, compare=False)
    _waarden: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        stappen = dict(self.percentages)
        stappen.setdefault(self.eerste_ziektedag, 100)
        gesorteerd = sorted(stappen.items())
        if any(not 0 <= pct <= 100 for _, pct in gesorteerd):
            raise ValueError(
                f"Ziekmelding {self.id!r}: een percentage arbeidsongeschikt ligt tussen 0 en 100."
            )
        object.__setattr__(self, "_ingangen", tuple(dag for dag, _ in gesorteerd))
        object.__setattr__(self, "_waarden", tuple(pct for _, pct in gesorteerd))

    def percentage_op(self, dag: date) -> int:
        index = bisect_right(self._ingangen, dag) - 1
        return self._waarden[index] if index >= 0 else 0

    def als_periode(self) -> Ziekteperiode:
        return Ziekteperiode(
            id=self.id,
            eerste_ziektedag=self.eerste_ziektedag,
            einddatum=self.einddatum,
            einde_reden=self.einde_reden,
            zelfde_oorzaak=self.zelfde_oorzaak,
        )


@dataclass(frozen=True, slots=True)
class UwvPeriode:
    """A line of the UWV verzamelspecificatie (DOMAIN §7.2): one dagbedrag on each uitkeringsdag
    (Monday to Friday) of ``van`` … ``tot_en_met``, paid by the UWV to the werkgever."""

    van: date
    tot_en_met: date
    dagbedrag: Decimal


@dataclass(frozen=True, slots=True)
class Uitkeringsregel:
    """Consecutive uitkeringsdagen of one spell with the same daily amount.

    ``dagbedrag`` = dagloon × dekking × % AO, not rounded; ``bedrag`` = dagen × dagbedrag, not
    rounded. Only the month total is rounded (DOMAIN §7.3).
    """

    periode_id: PeriodeId
    van: date
    tot_en_met: date
    dagen: int
    eerste_ziektedag_nummer: int
    dagloon: Decimal
    dekking: Decimal
    percentage_arbeidsongeschikt: int
    dagbedrag: Decimal
    bedrag: Decimal


@dataclass(frozen=True, slots=True)
class Maanduitkering:
    """The uitkering over one month for one employee (DOMAIN §7.3)."""

    maand: date
    regels: tuple[Uitkeringsregel, ...]
    eigenrisicodagen: int
    bruto: Decimal
    aftrek_uwv: Decimal
    te_betalen: Decimal
    betaaldatum: date

    @property
    def uitkeringsdagen(self) -> int:
        return sum(regel.dagen for regel in self.regels)


def _geldig_op[T: (Loon, Polisvoorwaarden)](reeks: Sequence[T], dag: date) -> T | None:
    geldig = None
    for item in reeks:
        if item.ingangsdatum <= dag:
            geldig = item
        else:
            break
    return geldig


def _uitkeringsdagen_voor(geval: SamengesteldGeval, dag: date) -> int:
    """Uitkeringsdagen among the sick days of ``geval`` before ``dag`` (eigen risico count)."""
    dagen = 0
    for begin, einde in geval.intervallen:
        if dag <= begin:
            break
        tot = dag if einde is None or dag < einde else einde
        dagen += uitkeringsdagen(begin, tot)
    return dagen


def bereken_maand(
    *,
    maand: date,
    meldingen: Iterable[Ziekmelding],
    lonen: Iterable[Loon],
    polissen: Iterable[Polisvoorwaarden],
    dienstverband: Dienstverband,
    verlof: Iterable[WazoVerlof] = (),
    uwv: Iterable[UwvPeriode] = (),
) -> Maanduitkering:
    """The uitkering over the month of ``maand`` for one employee's history (DOMAIN §7.3).

    ``meldingen`` are all the employee's ziekmeldingen (earlier months matter for relapses and the
    eigen-risico count). A spell without a wage or polis valid on its first sick day earns nothing
    and raises ``ValueError``, since paying 0 silently would hide missing data. ``uwv`` are the
    UWV benefits of the employee; their dagbedragen on the days paid here are deducted.
    """
    maand = eerste_van_maand(maand)
    einde_maand = volgende_maand(maand)
    meldingen = sorted(meldingen, key=lambda melding: melding.eerste_ziektedag)
    per_id = {melding.id: melding for melding in meldingen}
    lonen = sorted(lonen, key=lambda loon: loon.ingangsdatum)
    polissen = sorted(polissen, key=lambda polis: polis.ingangsdatum)
    gevallen = bereken_termijnen(perioden=[m.als_periode() for m in meldingen], verlof=verlof)
    uwv_per_dag = _uwv_per_dag(uwv, maand, einde_maand)

    regels: list[Uitkeringsregel] = []
    eigenrisicodagen = 0
    aftrek_dagen = NUL
    for geval in gevallen:
        if geval.eerste_ziektedag >= einde_maand or not _raakt(geval, maand):
            continue
        polis = _geldig_op(polissen, geval.eerste_ziektedag)
        loon = _geldig_op(lonen, geval.eerste_ziektedag)
        if polis is None or loon is None:
            ontbreekt = "polis" if polis is None else "loongegevens"
            raise ValueError(
                f"Er is geen {ontbreekt} geldig op de eerste ziektedag "
                f"{geval.eerste_ziektedag:%d-%m-%Y}; leg die eerst vast."
            )
        dagloon = polis.dagloon(loon.jaarloon)
        eigen_risico_over = polis.eigenrisicotermijn - _uitkeringsdagen_voor(geval, maand)
        melding_per_dag = _meldingen_per_interval(geval, per_id)
        for (begin, einde), melding in zip(geval.intervallen, melding_per_dag, strict=True):
            dag = max(begin, maand, dienstverband.datum_in_dienst)
            laatste = einde_maand if einde is None else min(einde, einde_maand)
            if dienstverband.laatste_dag is not None:
                laatste = min(laatste, dienstverband.laatste_dag + _EEN_DAG)
            while dag < laatste:
                if dag.weekday() >= _ZATERDAG:
                    dag += _EEN_DAG
                    continue
                ziektedag = geval.ziektedagen_voor(datum=dag) + 1
                if ziektedag > MAXIMALE_ZIEKTEDAG:
                    break
                if eigen_risico_over > 0:
                    eigen_risico_over -= 1
                    eigenrisicodagen += 1
                elif melding.percentage_op(dag) > 0:
                    aftrek_dagen += uwv_per_dag.get(dag, NUL)
                    _voeg_toe(
                        regels,
                        periode_id=melding.id,
                        dag=dag,
                        ziektedag=ziektedag,
                        dagloon=dagloon,
                        dekking=polis.dekking_op(ziektedag),
                        percentage=melding.percentage_op(dag),
                    )
                dag += _EEN_DAG

    bruto = rond_af(sum((regel.bedrag for regel in regels), NUL))
    # DOMAIN §7.3: deduct the benefits received for those days, not below 0. The dagbedragen are
    # whole cents (DOMAIN §7.2), so the sum needs no rounding.
    aftrek = min(aftrek_dagen, bruto)
    return Maanduitkering(
        maand=maand,
        regels=tuple(regels),
        eigenrisicodagen=eigenrisicodagen,
        bruto=bruto,
        aftrek_uwv=aftrek,
        te_betalen=bruto - aftrek,
        betaaldatum=betaaldatum(maand=maand),
    )


def _uwv_per_dag(
    perioden: Iterable[UwvPeriode], maand: date, einde_maand: date
) -> dict[date, Decimal]:
    """The UWV dagbedragen per uitkeringsdag of the month (several benefits on one day add up)."""
    per_dag: dict[date, Decimal] = {}
    for periode in perioden:
        if periode.dagbedrag < NUL:
            raise ValueError("Een dagbedrag van het UWV is niet negatief.")
        dag = max(periode.van, maand)
        laatste = min(periode.tot_en_met + _EEN_DAG, einde_maand)
        while dag < laatste:
            if dag.weekday() < _ZATERDAG:
                per_dag[dag] = per_dag.get(dag, NUL) + periode.dagbedrag
            dag += _EEN_DAG
    return per_dag


def _raakt(geval: SamengesteldGeval, maand: date) -> bool:
    return geval.einddatum is None or geval.einddatum > maand


def _meldingen_per_interval(
    geval: SamengesteldGeval, per_id: dict[PeriodeId, Ziekmelding]
) -> list[Ziekmelding]:
    """The ziekmelding each sick interval of ``geval`` belongs to (leave may split one melding)."""
    meldingen = sorted(
        (per_id[periode_id] for periode_id in geval.periode_ids),
        key=lambda melding: melding.eerste_ziektedag,
    )
    uitkomst = []
    for begin, _ in geval.intervallen:
        index = 0
        for positie, melding in enumerate(meldingen):
            if melding.eerste_ziektedag <= begin:
                index = positie
        uitkomst.append(meldingen[index])
    return uitkomst


def _voeg_toe(
    regels: list[Uitkeringsregel],
    *,
    periode_id: PeriodeId,
    dag: date,
    ziektedag: int,
    dagloon: Decimal,
    dekking: Decimal,
    percentage: int,
) -> None:
    if percentage == 0:
        return
    vorige = regels[-1] if regels else None
    if (
        vorige is not None
        and vorige.periode_id == periode_id
        and vorige.dekking == dekking
        and vorige.percentage_arbeidsongeschikt == percentage
        and vorige.dagloon == dagloon
    ):
        regels[-1] = Uitkeringsregel(
            periode_id=periode_id,
            van=vorige.van,
            tot_en_met=dag,
            dagen=vorige.dagen + 1,
            eerste_ziektedag_nummer=vorige.eerste_ziektedag_nummer,
            dagloon=dagloon,
            dekking=dekking,
            percentage_arbeidsongeschikt=percentage,
            dagbedrag=vorige.dagbedrag,
            bedrag=vorige.dagbedrag * (vorige.dagen + 1),
        )
        return
    dagbedrag = dagloon * dekking / HONDERD * percentage / HONDERD
    regels.append(
        Uitkeringsregel(
            periode_id=periode_id,
            van=dag,
            tot_en_met=dag,
            dagen=1,
            eerste_ziektedag_nummer=ziektedag,
            dagloon=dagloon,
            dekking=dekking,
            percentage_arbeidsongeschikt=percentage,
            dagbedrag=dagbedrag,
            bedrag=dagbedrag,
        )
    )
