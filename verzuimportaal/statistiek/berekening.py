"""Verzuimstatistiek computed in the database (DOMAIN §6, CBS 1996 calendar-day method).

Everything is aggregated by the database in three queries per period (employees, spells, the
percentage step function); nothing loops over rows in Python. The same SQL expressions run on
PostgreSQL (production, CI) and SQLite (demo): date arithmetic goes through the portable
``DagenTussen`` and ``PlusDagen`` functions below, and ``Greatest``/``Least`` only ever see
non-NULL arguments (SQLite's MAX()/MIN() return NULL where PostgreSQL ignores it).

Periods are inclusive ``begin … einde``; internally ``pe = einde + 1`` is the exclusive end, like
``Verzuimgeval.einddatum`` (hersteldatum, DOMAIN §4.1) and ``datum_uit_dienst + 1``.

Weighting is exact integer arithmetic: the deeltijdfactor has three decimals, so the database sums
``days × percentage × deeltijdfactor·1000`` as integers and Python divides with ``Decimal``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import (
    BigIntegerField,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Cast, Coalesce, Greatest, Lead, Least, Round

from verzuimportaal.verzuim.models import EindeReden, Verzuimgeval, Verzuimmutatie
from verzuimportaal.werknemers.models import Werknemer

VIER_DECIMALEN = Decimal("0.0001")

# DOMAIN §6 duration classes (Vernet benchmark), in days from the first sick day.
KLASSEN: tuple[tuple[str, str, int, int | None], ...] = (
    ("kort", "Kort (1–14 dagen)", 1, 14),
    ("middellang", "Middellang (15–91 dagen)", 15, 91),
    ("lang", "Lang (92–365 dagen)", 92, 365),
    ("extra_lang", "Extra lang (meer dan 365 dagen)", 366, None),
)


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
        return [(sleutel, label, getattr(self, sleutel)) for sleutel, label, *_ in KLASSEN]

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
    if einde < begin:
        raise ValueError("einde ligt vóór begin")
    db = using or werknemers.db
    scope = werknemers.using(db).order_by().values("pk")
    pe = einde + timedelta(days=1)
    dagen_p = (pe - begin).days

    personen = _personen(scope, db, begin, einde, pe)
    gevallen = _gevallen(scope, db, begin, einde, pe)
    gewogen = _verzuimdagen_gewogen(scope, db, begin, einde, pe)

    werknemersdagen = int(personen["dagen"] or 0)
    werknemersdagen_gewogen = int(personen["gewogen"] or 0)
    aantal = int(personen["aantal"] or 0)
    zonder = int(personen["zonder"] or 0)
    meldingen = int(gevallen["meldingen"] or 0)
    hersteld = int(gevallen["hersteld"] or 0)
    return Verzuimstatistiek(
        begin=begin,
        einde=einde,
        dagen=dagen_p,
        aantal_werknemers=aantal,
        gemiddeld_aantal_werknemers=_deel(werknemersdagen, dagen_p) or Decimal(0),
        werknemersdagen=werknemersdagen,
        # DOMAIN §6: 100 × Σ(factor × share unfit) ÷ Σ factor; the 100 of "share" cancels here.
        verzuimpercentage=_deel(gewogen, werknemersdagen_gewogen),
        # meldingen ÷ (Σ days employed ÷ |P|) × 365 ÷ |P| = meldingen × 365 ÷ Σ days employed
        meldingsfrequentie=_deel(meldingen * 365, werknemersdagen),
        meldingsfrequentie_periode=_deel(meldingen * dagen_p, werknemersdagen),
        aantal_ziekmeldingen=meldingen,
        gemiddelde_verzuimduur=_deel(int(gevallen["duur"] or 0), hersteld),
        aantal_herstelmeldingen=hersteld,
        nulverzuim=_deel(100 * zonder, aantal),
        aantal_zonder_verzuim=zonder,
        aantal_verzuimgevallen=int(gevallen["gevallen"] or 0),
        kort=int(gevallen["kort"] or 0),
        middellang=int(gevallen["middellang"] or 0),
        lang=int(gevallen["lang"] or 0),
        extra_lang=int(gevallen["extra_lang"] or 0),
        verzuimdagen_gewogen=gewogen,
        werknemersdagen_gewogen=werknemersdagen_gewogen,
    )


def _dienst(prefix: str, begin: date, pe: date, ref: Any = F) -> tuple[Greatest, Least]:
    """Employment clipped to P: ``[dienst_begin, dienst_einde)``; ``prefix`` leads to Werknemer."""
    dienst_begin = Greatest(ref(f"{prefix}datum_in_dienst"), _datum(begin))
    dienst_einde = Least(
        Coalesce(PlusDagen(ref(f"{prefix}datum_uit_dienst"), 1), _datum(pe)), _datum(pe)
    )
    return dienst_begin, dienst_einde


def _in_dienst_in_p(prefix: str, begin: date, einde: date) -> Q:
    return Q(**{f"{prefix}datum_in_dienst__lte": einde}) & (
        Q(**{f"{prefix}datum_uit_dienst__isnull": True})
        | Q(**{f"{prefix}datum_uit_dienst__gte": begin})
    )


def _personen(scope: QuerySet[Any], db: str, begin: date, einde: date, pe: date) -> dict[str, Any]:
    dienst_begin, dienst_einde = _dienst("", begin, pe)
    buiten_begin, buiten_einde = _dienst("", begin, pe, ref=OuterRef)
    # A sick day in P while employed: the spell [eerste_ziektedag, einddatum) meets the
    # clipped employment [dienst_begin, dienst_einde) (DOMAIN §6 nulverzuim).
    ziek = Verzuimgeval.objects.using(db).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gt=buiten_begin),
        werknemer=OuterRef("pk"),
        eerste_ziektedag__lt=buiten_einde,
    )
    return (
        Werknemer.objects.using(db)
        .filter(_in_dienst_in_p("", begin, einde), pk__in=scope)
        .annotate(dienst_begin=dienst_begin, dienst_einde=dienst_einde)
        .annotate(dienstdagen=DagenTussen(F("dienst_begin"), F("dienst_einde")))
        .aggregate(
            aantal=Count("pk"),
            dagen=Sum("dienstdagen"),
            gewogen=Sum(
                ExpressionWrapper(
                    Cast(F("dienstdagen"), BigIntegerField()) * _promille("deeltijdfactor"),
                    output_field=BigIntegerField(),
                )
            ),
            zonder=Count("pk", filter=~Exists(ziek)),
        )
    )


def _gevallen(scope: QuerySet[Any], db: str, begin: date, einde: date, pe: date) -> dict[str, Any]:
    dienst_begin, dienst_einde = _dienst("werknemer__", begin, pe)
    eind_of_pe = Coalesce(F("einddatum"), _datum(pe))
    qs = (
        Verzuimgeval.objects.using(db)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=begin), werknemer__in=scope)
        .filter(eerste_ziektedag__lte=einde)
        .annotate(dienst_begin=dienst_begin, dienst_einde=dienst_einde)
        .annotate(
            # sick days in P while employed
            ziekdagen=DagenTussen(
                Greatest(F("eerste_ziektedag"), F("dienst_begin")),
                Least(eind_of_pe, F("dienst_einde")),
            ),
            # DOMAIN §6 class length: to the hersteldatum, or (open at end of P / ziek uit
            # dienst) to the earlier of end of P + 1 and employment end + 1.
            klasseduur=DagenTussen(
                F("eerste_ziektedag"),
                Least(
                    eind_of_pe,
                    _datum(pe),
                    Coalesce(PlusDagen(F("werknemer__datum_uit_dienst"), 1), _datum(pe)),
                ),
            ),
            geval_duur=DagenTussen(F("eerste_ziektedag"), eind_of_pe),
        )
    )
    met_ziekdagen = Q(ziekdagen__gt=0)
    # DOMAIN §6 meldingsfrequentie: first sick day in P while employed.
    melding = (
        Q(eerste_ziektedag__gte=begin)
        & Q(eerste_ziektedag__gte=F("werknemer__datum_in_dienst"))
        & (
            Q(werknemer__datum_uit_dienst__isnull=True)
            | Q(eerste_ziektedag__lte=F("werknemer__datum_uit_dienst"))
        )
    )
    # DOMAIN §6 gemiddelde verzuimduur: spells whose hersteldatum lies in P (not ziek uit dienst).
    hersteld = Q(einde_reden=EindeReden.HERSTELD, einddatum__gte=begin, einddatum__lte=einde)
    klassen = {
        sleutel: Count(
            "pk",
            filter=met_ziekdagen
            & Q(klasseduur__gte=laagste)
            & (Q(klasseduur__lte=hoogste) if hoogste is not None else Q()),
        )
        for sleutel, _, laagste, hoogste in KLASSEN
    }
    return qs.aggregate(
        gevallen=Count("pk", filter=met_ziekdagen),
        meldingen=Count("pk", filter=melding),
        hersteld=Count("pk", filter=hersteld),
        duur=Sum("geval_duur", filter=hersteld),
        **klassen,
    )


def _verzuimdagen_gewogen(scope: QuerySet[Any], db: str, begin: date, einde: date, pe: date) -> int:
    """Σ over mutation intervals ∩ P ∩ employment of days × % unfit × deeltijdfactor·1000.

    Each mutation holds from its ingangsdatum to the next mutation of the spell (SQL window LEAD)
    or to the end of the spell (DOMAIN §4.3 step function).
    """
    dienst_begin, dienst_einde = _dienst("verzuimgeval__werknemer__", begin, pe)
    eind_of_pe = Coalesce(F("verzuimgeval__einddatum"), _datum(pe))
    qs = (
        Verzuimmutatie.objects.using(db)
        .filter(
            Q(verzuimgeval__einddatum__isnull=True) | Q(verzuimgeval__einddatum__gt=begin),
            verzuimgeval__eerste_ziektedag__lte=einde,
            verzuimgeval__werknemer__in=scope,
        )
        .annotate(
            volgende=Window(
                Lead("ingangsdatum"),
                partition_by=[F("verzuimgeval_id")],
                order_by=F("ingangsdatum").asc(),
            )
        )
        .annotate(
            van=Greatest(F("ingangsdatum"), dienst_begin),
            tot=Least(Coalesce(F("volgende"), eind_of_pe), eind_of_pe, dienst_einde),
        )
        .annotate(dagen=DagenTussen(F("van"), F("tot")))
    )
    product = ExpressionWrapper(
        Cast(F("dagen"), BigIntegerField())
        * Coalesce(F("percentage_arbeidsongeschikt"), 0)
        * _promille("verzuimgeval__werknemer__deeltijdfactor"),
        output_field=BigIntegerField(),
    )
    resultaat = qs.aggregate(totaal=Sum(product, filter=Q(dagen__gt=0)))
    return int(resultaat["totaal"] or 0)


def maandbegin(d: date) -> date:
    return d.replace(day=1)


def vorige_maand(d: date) -> date:
    return (d.replace(day=1) - timedelta(days=1)).replace(day=1)


def per_maand(
    *,
    werknemers: QuerySet[Werknemer],
    maanden: int,
    tot: date,
    using: str | None = None,
) -> list[tuple[date, Verzuimstatistiek]]:
    """Trend: the statistics of each of the last ``maanden`` calendar months, oldest first.

    The last month is the month of ``tot``, counted up to and including ``tot``.
    """
    resultaat: list[tuple[date, Verzuimstatistiek]] = []
    begin = maandbegin(tot)
    einde = tot
    for _ in range(maanden):
        resultaat.append(
            (begin, bereken(werknemers=werknemers, begin=begin, einde=einde, using=using))
        )
        einde = begin - timedelta(days=1)
        begin = vorige_maand(begin)
    resultaat.reverse()
    return resultaat
