"""Verzuimstatistiek computed in the database (DOMAIN §6, CBS 1996 calendar-day method).

Everything is aggregated by the database in three queries (employees, spells, the percentage
step function), for one period or many at once (``bereken_perioden``: each query aggregates every
period under its own filter); nothing loops over rows in Python. The same SQL expressions run on
PostgreSQL (production, CI) and SQLite (demo): date arithmetic goes through the portable
``DagenTussen`` and ``PlusDagen`` functions below, and ``Greatest``/``Least`` only ever see
non-NULL arguments (SQLite's MAX()/MIN() return NULL where PostgreSQL ignores it; an open end is
``ONEINDIG``).

Periods are inclusive ``begin … einde``; internally ``pe = einde + 1`` is the exclusive end, like
``Verzuimgeval.einddatum`` (hersteldatum, DOMAIN §4.1) and ``datum_uit_dienst + 1``.

Weighting is exact integer arithmetic: the deeltijdfactor has three decimals, so the database sums
``days × percentage × deeltijdfactor·1000`` as integers and Python divides with ``Decimal``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    RowRange,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce, Greatest, Lead, Least, Round
from django.utils.translation import gettext_lazy

from verzuimportaal.verzuim.models import EindeReden, Verzuimgeval, Verzuimmutatie
from verzuimportaal.wazo.models import Soort as WazoSoort
from verzuimportaal.wazo.models import Wazoverlof
from verzuimportaal.werknemers.models import Werknemer

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

VIER_DECIMALEN = Decimal("0.0001")
# Periods sharing one set of three queries (the statistics page needs 14). The SQL grows with every
# period, and PostgreSQL's JIT compile time faster: 120 periods in one query took minutes.
PERIODEN_PER_QUERY = 16
# Stands for "no end" in date comparisons, so Greatest/Least never see NULL (see above).
ONEINDIG = date(9999, 12, 31)

# DOMAIN §6 duration classes (Vernet benchmark), in days from the first sick day.
KLASSEN: tuple[tuple[str, StrOrPromise, int, int | None], ...] = (
    ("kort", gettext_lazy("Kort (1–14 dagen)"), 1, 14),
    ("middellang", gettext_lazy("Middellang (15–91 dagen)"), 15, 91),
    ("lang", gettext_lazy("Lang (92–365 dagen)"), 92, 365),
    ("extra_lang", gettext_lazy("Extra lang (meer dan 365 dagen)"), 366, None),
)

# The classes follow each other without gaps from 1 day (the least a spell with a sick day in P
# can last), so a class counts the spells of at least its lowest length minus those of at least
# the next class's lowest length.
_ONDERGRENZEN = tuple(laagste for _, _, laagste, _ in KLASSEN[1:])
assert KLASSEN[0][2] == 1 and all(
    hoogste is not None and hoogste + 1 == volgende[2]
    for (*_, hoogste), volgende in pairwise(KLASSEN)
), "KLASSEN moeten op elkaar aansluiten"


class DagenTussen(Func):
    """Whole days from ``a`` to ``b`` (``b − a``), as an integer, on SQLite and PostgreSQL."""

    output_field = IntegerField()
    arity = 2

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        a_sql, a_params = compiler.compile(self.source_expressions[0])
        b_sql, b_params = compiler.compile(self.source_expressions[1])
        sql = f"CAST(ROUND(julianday({b_sql}) - julianday({a_sql})) AS INTEGER)"
        return sql, (*b_params, *a_params)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        a_sql, a_params = compiler.compile(self.source_expressions[0])
        b_sql, b_params = compiler.compile(self.source_expressions[1])
        return f"(({b_sql})::date - ({a_sql})::date)", (*b_params, *a_params)


class PlusDagen(Func):
    """``datum + n`` days as a date (NULL stays NULL), on SQLite and PostgreSQL."""

    output_field = DateField()
    arity = 1

    def __init__(self, expressie: Any, dagen: int, **extra: Any) -> None:
        self.dagen = int(dagen)
        super().__init__(expressie, **extra)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, '{self.dagen:+d} days')", params

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(({sql})::date + {self.dagen:d})", params


def _datum(d: date) -> Value:
    return Value(d, output_field=DateField())


def _promille(veld: str) -> Cast:
    """deeltijdfactor × 1000 as an exact integer (the field has three decimals)."""
    return Cast(
        Round(ExpressionWrapper(F(veld) * 1000, output_field=BigIntegerField())), BigIntegerField()
    )


@dataclass(frozen=True)
class Verzuimstatistiek:
    """The DOMAIN §6 figures for one population and period ``begin … einde`` (inclusive)."""

    begin: date
    einde: date
    dagen: int  # |P|
    aantal_werknemers: int  # employed at least one day in P
    gemiddeld_aantal_werknemers: Decimal  # Σ days employed ÷ |P| (persons)
    werknemersdagen: int  # Σ days employed in P
    verzuimpercentage: Decimal | None  # None without employees
    meldingsfrequentie: Decimal | None  # annualised (× 365 / |P|)
    meldingsfrequentie_periode: Decimal | None  # un-annualised
    aantal_ziekmeldingen: int  # first sick day in P while employed
    gemiddelde_verzuimduur: Decimal | None  # None when no spell recovered in P
    aantal_herstelmeldingen: int  # spells with hersteldatum in P (the divisor above)
    nulverzuim: Decimal | None  # percentage of employees without a sick day in P
    aantal_zonder_verzuim: int
    aantal_verzuimgevallen: int  # spells with at least one sick day in P while employed
    kort: int
    middellang: int
    lang: int
    extra_lang: int
    # Exact sums behind the percentage: Σ days × % × factor·1000 and Σ days × factor·1000.
    verzuimdagen_gewogen: int
    werknemersdagen_gewogen: int

    @property
    def klassen(self) -> list[tuple[str, str, int]]:
        """(key, label in the active language, number of spells) per duration class."""
        return [(sleutel, str(label), getattr(self, sleutel)) for sleutel, label, *_ in KLASSEN]

    @property
    def verzuimdagen(self) -> Decimal:
        """Sick days weighted by share unfit and deeltijdfactor (FTE-days)."""
        return _deel(self.verzuimdagen_gewogen, 100_000) or Decimal(0)


def _deel(teller: int | Decimal, noemer: int | Decimal) -> Decimal | None:
    if not noemer:
        return None
    return (Decimal(teller) / Decimal(noemer)).quantize(VIER_DECIMALEN, rounding=ROUND_HALF_UP)


def bereken(
    *,
    werknemers: QuerySet[Werknemer],
    begin: date,
    einde: date,
    using: str | None = None,
) -> Verzuimstatistiek:
    """DOMAIN §6 statistics of ``werknemers`` over ``begin … einde`` (inclusive).

    ``werknemers`` is already scoped by the caller (``toegang.access.werknemers(actor)``, maybe
    filtered per loonheffingennummer). ``using`` defaults to the queryset's database.
    """
    [statistiek] = bereken_perioden(werknemers=werknemers, perioden=[(begin, einde)], using=using)
    return statistiek


def bereken_perioden(
    *,
    werknemers: QuerySet[Werknemer],
    perioden: Sequence[tuple[date, date]],
    using: str | None = None,
) -> list[Verzuimstatistiek]:
    """DOMAIN §6 statistics of ``werknemers`` for each ``(begin, einde)`` of ``perioden``, in order.

    Up to ``PERIODEN_PER_QUERY`` periods take the same three queries as one: each query reads the
    rows that overlap the window from the earliest begin to the latest einde once and aggregates
    every period under its own filter (``COUNT(…) FILTER (WHERE …)``, keys ``p0_``, ``p1_``…).
    More periods are computed in batches of neighbouring periods.
    """
    for begin, einde in perioden:
        if einde < begin:
            raise ValueError("einde ligt vóór begin")
    uniek = sorted({(begin, einde) for begin, einde in perioden})
    db = using or werknemers.db
    scope = werknemers.using(db).order_by().values("pk")
    statistieken: dict[tuple[date, date], Verzuimstatistiek] = {}
    for start in range(0, len(uniek), PERIODEN_PER_QUERY):
        batch = [
            _Periode(f"p{i}_", begin, einde)
            for i, (begin, einde) in enumerate(uniek[start : start + PERIODEN_PER_QUERY])
        ]
        venster = _Periode("", min(p.begin for p in batch), max(p.einde for p in batch))
        personen = _personen(scope, db, venster, batch)
        gevallen = _gevallen(scope, db, venster, batch)
        gewogen = _verzuimdagen_gewogen(scope, db, venster, batch)
        for p in batch:
            statistieken[(p.begin, p.einde)] = _statistiek(p, personen, gevallen, gewogen)
    return [statistieken[(begin, einde)] for begin, einde in perioden]


@dataclass(frozen=True)
class _Periode:
    """One period of a batch; ``sleutel`` prefixes its aggregate keys."""

    sleutel: str
    begin: date
    einde: date

    @property
    def pe(self) -> date:
        """Exclusive end."""
        return self.einde + timedelta(days=1)

    @property
    def dagen(self) -> int:
        return (self.pe - self.begin).days


def _statistiek(
    p: _Periode, personen: dict[str, Any], gevallen: dict[str, Any], gewogen: dict[str, Any]
) -> Verzuimstatistiek:
    def geheel(rij: dict[str, Any], naam: str) -> int:
        return int(rij[p.sleutel + naam] or 0)

    werknemersdagen = geheel(personen, "dagen")
    werknemersdagen_gewogen = geheel(personen, "gewogen")
    aantal = geheel(personen, "aantal")
    zonder = aantal - geheel(gevallen, "zieke_werknemers")
    meldingen = geheel(gevallen, "meldingen")
    hersteld = geheel(gevallen, "hersteld")
    verzuimdagen_gewogen = geheel(gewogen, "totaal")
    # Spells with at least the lowest length of each class, then of the next class, …
    vanaf = [
        geheel(gevallen, "gevallen"),
        *(geheel(gevallen, f"vanaf_{laagste}") for laagste in _ONDERGRENZEN),
        0,
    ]
    klassen = {sleutel: vanaf[k] - vanaf[k + 1] for k, (sleutel, *_) in enumerate(KLASSEN)}
    return Verzuimstatistiek(
        begin=p.begin,
        einde=p.einde,
        dagen=p.dagen,
        aantal_werknemers=aantal,
        gemiddeld_aantal_werknemers=_deel(werknemersdagen, p.dagen) or Decimal(0),
        werknemersdagen=werknemersdagen,
        # DOMAIN §6: 100 × Σ(factor × share unfit) ÷ Σ factor; the 100 of "share" cancels here.
        verzuimpercentage=_deel(verzuimdagen_gewogen, werknemersdagen_gewogen),
        # meldingen ÷ (Σ days employed ÷ |P|) × 365 ÷ |P| = meldingen × 365 ÷ Σ days employed
        meldingsfrequentie=_deel(meldingen * 365, werknemersdagen),
        meldingsfrequentie_periode=_deel(meldingen * p.dagen, werknemersdagen),
        aantal_ziekmeldingen=meldingen,
        gemiddelde_verzuimduur=_deel(geheel(gevallen, "duur"), hersteld),
        aantal_herstelmeldingen=hersteld,
        nulverzuim=_deel(100 * zonder, aantal),
        aantal_zonder_verzuim=zonder,
        aantal_verzuimgevallen=geheel(gevallen, "gevallen"),
        **klassen,
        verzuimdagen_gewogen=verzuimdagen_gewogen,
        werknemersdagen_gewogen=werknemersdagen_gewogen,
    )


def _dienst(prefix: str, p: _Periode) -> tuple[Greatest, Least]:
    """Employment clipped to P: ``[dienst_begin, dienst_einde)``; ``prefix`` leads to Werknemer."""
    dienst_begin = Greatest(F(f"{prefix}datum_in_dienst"), _datum(p.begin))
    dienst_einde = Least(
        Coalesce(PlusDagen(F(f"{prefix}datum_uit_dienst"), 1), _datum(p.pe)), _datum(p.pe)
    )
    return dienst_begin, dienst_einde


def _in_dienst_in_p(prefix: str, p: _Periode) -> Q:
    return Q(**{f"{prefix}datum_in_dienst__lte": p.einde}) & (
        Q(**{f"{prefix}datum_uit_dienst__isnull": True})
        | Q(**{f"{prefix}datum_uit_dienst__gte": p.begin})
    )


def _personen(
    scope: QuerySet[Any], db: str, venster: _Periode, batch: list[_Periode]
) -> dict[str, Any]:
    aggregaten: dict[str, Any] = {}
    for p in batch:
        in_dienst = _in_dienst_in_p("", p)
        dienstdagen = DagenTussen(*_dienst("", p))
        aggregaten |= {
            f"{p.sleutel}aantal": Count("pk", filter=in_dienst),
            f"{p.sleutel}dagen": Sum(dienstdagen, filter=in_dienst),
            f"{p.sleutel}gewogen": Sum(
                ExpressionWrapper(
                    Cast(dienstdagen, BigIntegerField()) * _promille("deeltijdfactor"),
                    output_field=BigIntegerField(),
                ),
                filter=in_dienst,
            ),
        }
    return (
        Werknemer.objects.using(db)
        .filter(_in_dienst_in_p("", venster), pk__in=scope)
        .aggregate(**aggregaten)
    )


def _ziek_tot(prefix: str, *verder: Any) -> Least:
    """End (exclusive) of a spell while employed; ``ONEINDIG`` when open and still employed.

    ``prefix`` leads to the Verzuimgeval; ``verder`` are more exclusive ends (e.g. the next
    mutation) that may be NULL for "none".
    """
    return Least(
        *(Coalesce(einde, _datum(ONEINDIG)) for einde in verder),
        Coalesce(F(f"{prefix}einddatum"), _datum(ONEINDIG)),
        Coalesce(PlusDagen(F(f"{prefix}werknemer__datum_uit_dienst"), 1), _datum(ONEINDIG)),
    )


def _verlofbegin(prefix: str) -> Case:
    """The start of the first zwangerschaps- en bevallingsverlof after the spell's first sick day
    (NULL: none). WAZO leave is no sickness (DOMAIN §4.4, §6): a spell that runs into leave ends
    at its start (ADR 0026), also while the stored spell is still open. ``prefix`` leads to the
    Verzuimgeval."""
    eerste = Subquery(
        Wazoverlof.objects.filter(
            werknemer_id=OuterRef(f"{prefix}werknemer_id"),
            soort=WazoSoort.ZWANGERSCHAP,
            eerste_dag__gt=OuterRef(f"{prefix}eerste_ziektedag"),
        )
        .order_by("eerste_dag")
        .values("eerste_dag")[:1],
        output_field=DateField(),
    )
    # Only employees with such leave run the correlated lookup: the IN list is one hashed set
    # per query, so the other rows (nearly all) skip an index probe each.
    met_verlof = Wazoverlof.objects.filter(soort=WazoSoort.ZWANGERSCHAP).values("werknemer_id")
    return Case(
        When(**{f"{prefix}werknemer_id__in": met_verlof}, then=eerste),
        default=None,
        output_field=DateField(),
    )


def _ziek_in_p(van: str, tot: str, p: _Periode) -> Q:
    """``[van, tot)`` has a day in P: ``max(van, begin) < min(tot, pe)``."""
    return Q(**{f"{van}__lt": F(tot)}) & Q(**{f"{van}__lt": p.pe}) & Q(**{f"{tot}__gt": p.begin})


def _gevallen(
    scope: QuerySet[Any], db: str, venster: _Periode, batch: list[_Periode]
) -> dict[str, Any]:
    """Counts per period over spells, from per-spell values computed once.

    ``ziek_van`` … ``ziek_tot`` is the spell clipped to the employment (``ziek_tot`` =
    ``ONEINDIG`` when open and employed), so in P = ``[begin, pe)``: sick days while employed =
    ``min(ziek_tot, pe) − max(ziek_van, begin)`` and the DOMAIN §6 class length (to the
    hersteldatum or, open at end of P / ziek uit dienst, to the earlier of pe and employment end
    + 1) = ``min(ziek_tot, pe) − eerste_ziektedag`` = ``min(duur_tot_einde, pe − eerste)``.

    ``eerder_tot`` is the latest ``ziek_tot`` of the werknemer's earlier spells (by ``ziek_van``)
    that have a day while employed: an earlier spell has a sick day in P exactly when it ends
    after begin, so a werknemer is sick in P once, at the first such spell. The window also makes
    Django aggregate over a subquery, which keeps the database from recomputing these per period.
    """

    def in_p(p: _Periode) -> Q:
        """The rows a one-period query reads: the spell has a day in P, employed or not."""
        return (Q(einddatum__isnull=True) | Q(einddatum__gte=p.begin)) & Q(
            eerste_ziektedag__lte=p.einde
        )

    qs = (
        Verzuimgeval.objects.using(db)
        .filter(in_p(venster), werknemer__in=scope)
        .annotate(
            ziek_van=Greatest(F("eerste_ziektedag"), F("werknemer__datum_in_dienst")),
            ziek_tot=_ziek_tot("", _verlofbegin("")),
        )
        .annotate(
            duur_tot_einde=DagenTussen(F("eerste_ziektedag"), F("ziek_tot")),
            eerder_tot=Window(
                Max(Case(When(ziek_van__lt=F("ziek_tot"), then=F("ziek_tot")))),
                partition_by=[F("werknemer_id")],
                order_by=[F("ziek_van").asc(), F("pk").asc()],
                frame=RowRange(start=None, end=-1),
            ),
            # DOMAIN §6 meldingsfrequentie: first sick day while employed (and in P, below).
            melding_in_dienst=ExpressionWrapper(
                Q(eerste_ziektedag__gte=F("werknemer__datum_in_dienst"))
                & (
                    Q(werknemer__datum_uit_dienst__isnull=True)
                    | Q(eerste_ziektedag__lte=F("werknemer__datum_uit_dienst"))
                ),
                output_field=BooleanField(),
            ),
            # DOMAIN §6 gemiddelde verzuimduur: the whole duration, also the days before P.
            geval_duur=DagenTussen(F("eerste_ziektedag"), F("einddatum")),
        )
    )
    aggregaten: dict[str, Any] = {}
    for p in batch:
        met_ziekdagen = in_p(p) & _ziek_in_p("ziek_van", "ziek_tot", p)
        # Spells whose hersteldatum lies in P (not ziek uit dienst).
        hersteld = in_p(p) & Q(
            einde_reden=EindeReden.HERSTELD, einddatum__gte=p.begin, einddatum__lte=p.einde
        )
        aggregaten |= {
            f"{p.sleutel}gevallen": Count("pk", filter=met_ziekdagen),
            # DOMAIN §6 nulverzuim: employees with a sick day in P while employed.
            f"{p.sleutel}zieke_werknemers": Count(
                "pk",
                filter=met_ziekdagen & (Q(eerder_tot__isnull=True) | Q(eerder_tot__lte=p.begin)),
            ),
            f"{p.sleutel}meldingen": Count(
                "pk",
                filter=in_p(p) & Q(eerste_ziektedag__gte=p.begin, melding_in_dienst=True),
            ),
            f"{p.sleutel}hersteld": Count("pk", filter=hersteld),
            f"{p.sleutel}duur": Sum("geval_duur", filter=hersteld),
        }
        for laagste in _ONDERGRENZEN:
            # class length min(duur_tot_einde, pe − eerste_ziektedag) ≥ laagste
            aggregaten[f"{p.sleutel}vanaf_{laagste}"] = Count(
                "pk",
                filter=met_ziekdagen
                & Q(duur_tot_einde__gte=laagste)
                & Q(eerste_ziektedag__lte=p.pe - timedelta(days=laagste)),
            )
    return qs.aggregate(**aggregaten)


def _verzuimdagen_gewogen(
    scope: QuerySet[Any], db: str, venster: _Periode, batch: list[_Periode]
) -> dict[str, Any]:
    """Per period Σ over mutation intervals ∩ P ∩ employment of days × % unfit × factor·1000.

    Each mutation holds from its ingangsdatum to the next mutation of the spell (SQL window LEAD)
    or to the end of the spell (DOMAIN §4.3 step function). The rows are filtered per spell, so
    LEAD sees every mutation of a spell and one window serves all periods. The window makes
    Django aggregate over a subquery: ``van``, ``tot`` (the interval while employed) and
    ``gewicht`` are computed once per mutation there; per period only ``min(tot, pe) −
    max(van, begin)`` remains.
    """

    def in_p(p: _Periode) -> Q:
        return (
            Q(verzuimgeval__einddatum__isnull=True) | Q(verzuimgeval__einddatum__gt=p.begin)
        ) & Q(verzuimgeval__eerste_ziektedag__lte=p.einde)

    qs = (
        Verzuimmutatie.objects.using(db)
        .filter(in_p(venster), verzuimgeval__werknemer__in=scope)
        .annotate(
            volgende=Window(
                Lead("ingangsdatum"),
                partition_by=[F("verzuimgeval_id")],
                order_by=F("ingangsdatum").asc(),
            )
        )
        .annotate(
            van=Greatest(F("ingangsdatum"), F("verzuimgeval__werknemer__datum_in_dienst")),
            tot=_ziek_tot("verzuimgeval__", F("volgende"), _verlofbegin("verzuimgeval__")),
            gewicht=ExpressionWrapper(
                Coalesce(F("percentage_arbeidsongeschikt"), 0)
                * _promille("verzuimgeval__werknemer__deeltijdfactor"),
                output_field=BigIntegerField(),
            ),
        )
    )
    aggregaten: dict[str, Any] = {}
    for p in batch:
        dagen = DagenTussen(Greatest(F("van"), _datum(p.begin)), Least(F("tot"), _datum(p.pe)))
        aggregaten[f"{p.sleutel}totaal"] = Sum(
            ExpressionWrapper(
                Cast(dagen, BigIntegerField()) * F("gewicht"), output_field=BigIntegerField()
            ),
            filter=in_p(p) & _ziek_in_p("van", "tot", p),
        )
    return qs.aggregate(**aggregaten)


def maandbegin(d: date) -> date:
    return d.replace(day=1)


def vorige_maand(d: date) -> date:
    return (d.replace(day=1) - timedelta(days=1)).replace(day=1)


def maandperioden(*, maanden: int, tot: date) -> list[tuple[date, date]]:
    """The last ``maanden`` calendar months as ``(begin, einde)``, oldest first.

    The last month is the month of ``tot``, counted up to and including ``tot``.
    """
    perioden: list[tuple[date, date]] = []
    begin = maandbegin(tot)
    einde = tot
    for _ in range(maanden):
        perioden.append((begin, einde))
        einde = begin - timedelta(days=1)
        begin = vorige_maand(begin)
    perioden.reverse()
    return perioden


def per_maand(
    *,
    werknemers: QuerySet[Werknemer],
    maanden: int,
    tot: date,
    using: str | None = None,
) -> list[tuple[date, Verzuimstatistiek]]:
    """Trend: the statistics of each month of ``maandperioden`` (one ``bereken_perioden``)."""
    perioden = maandperioden(maanden=maanden, tot=tot)
    statistieken = bereken_perioden(werknemers=werknemers, perioden=perioden, using=using)
    return [(begin, s) for (begin, _), s in zip(perioden, statistieken, strict=True)]
