"""Queries behind the overviews, on top of the ``toegang.access`` querysets (tenant filter there).

Every function takes a queryset the caller got from ``toegang.access`` and narrows or annotates it;
none of them widens the scope. Day counts are calendar days (DOMAIN §6) computed in the database,
so totals over many thousands of spells need no Python loop. A spell is sick from
``eerste_ziektedag`` up to ``einddatum`` (exclusive; the hersteldatum, DOMAIN §4.1, or the day
after leaving employment, DOMAIN §4.5); an open spell counts up to the end of the period.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import (
    Count,
    DateField,
    DurationField,
    Expression,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Greatest, Least
from django.utils import timezone

from verzuimportaal.verzuim.models import (
    MUTATIES_MET_PERCENTAGE,
    Verzuimgeval,
    Verzuimmutatie,
)
from verzuimportaal.werkgevers.models import Loonheffingennummer

from .periode import Periode

_DATUM = DateField()


def _datum(waarde: date) -> Value:
    return Value(waarde, output_field=_DATUM)


def _dagen(begin: Expression | F, einde: Expression | F) -> ExpressionWrapper:
    """``einde - begin`` in days (a duration); callers make sure einde >= begin."""
    return ExpressionWrapper(einde - begin, output_field=DurationField())


def _einde_in_periode(periode: Periode) -> Least:
    """Exclusive end of the sick days inside the period."""
    return Least(
        Coalesce("einddatum", _datum(periode.einde_exclusief)),
        _datum(periode.einde_exclusief),
        output_field=_DATUM,
    )


def _begin_in_periode(periode: Periode) -> Greatest:
    return Greatest("eerste_ziektedag", _datum(periode.begin), output_field=_DATUM)


def met_dagen_in_periode(
    gevallen: QuerySet[Verzuimgeval], periode: Periode
) -> QuerySet[Verzuimgeval]:
    """Spells with at least one sick day in the period, annotated with ``dagen_in_periode``
    and ``percentage_op_einde`` (the % unfit on the last sick day within the period)."""
    laatste_percentage = (
        Verzuimmutatie.objects.filter(
            verzuimgeval=OuterRef("pk"),
            soort__in=MUTATIES_MET_PERCENTAGE,
            ingangsdatum__lte=periode.einde,
        )
        .order_by("-ingangsdatum", "-pk")
        .values("percentage_arbeidsongeschikt")[:1]
    )
    return (
        gevallen.filter(eerste_ziektedag__lte=periode.einde)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gt=periode.begin))
        .annotate(
            dagen_in_periode=_dagen(_begin_in_periode(periode), _einde_in_periode(periode)),
            percentage_op_einde=Subquery(laatste_percentage),
        )
    )


def met_eigenrisicotermijn(
    gevallen: QuerySet[Verzuimgeval], periode: Periode, *, weken: int
) -> QuerySet[Verzuimgeval]:
    """Adds ``einde_eigen_risico`` (last day of the insurer's waiting period of ``weken`` weeks,
    counted per ziekmelding from the first sick day) and the period's sick days before and after
    it: ``dagen_eigen_risico`` + ``dagen_na_eigen_risico`` == ``dagen_in_periode``."""
    ert_einde = Cast(F("eerste_ziektedag") + Value(timedelta(days=7 * weken)), _DATUM)
    begin = _begin_in_periode(periode)
    einde = _einde_in_periode(periode)
    # Clamp in date space so an empty part is 0 days, never negative.
    binnen_einde = Greatest(
        Least(einde, ert_einde, output_field=_DATUM), begin, output_field=_DATUM
    )
    na_begin = Greatest(ert_einde, begin, output_field=_DATUM)
    na_einde = Greatest(einde, na_begin, output_field=_DATUM)
    return met_dagen_in_periode(gevallen, periode).annotate(
        einde_eigen_risico=Cast(
            F("eerste_ziektedag") + Value(timedelta(days=7 * weken - 1)), _DATUM
        ),
        dagen_eigen_risico=_dagen(begin, binnen_einde),
        dagen_na_eigen_risico=_dagen(na_begin, na_einde),
    )


def met_mutaties(gevallen: QuerySet[Verzuimgeval]) -> QuerySet[Verzuimgeval]:
    """Prefetch the percentage history in registration order (one query for all rows)."""
    return gevallen.prefetch_related(
        Prefetch(
            "mutaties",
            queryset=Verzuimmutatie.objects.order_by("ingangsdatum", "pk"),
            to_attr="mutatielijst",
        )
    )


@dataclass(frozen=True)
class Totalen:
    aantal: int
    dagen: int
    meldingen: int  # ziekmeldingen with the first sick day in the period
    dagen_eigen_risico: int | None = None
    dagen_na_eigen_risico: int | None = None


def _als_dagen(waarde: timedelta | int | None) -> int:
    if waarde is None:
        return 0
    return waarde.days if isinstance(waarde, timedelta) else int(waarde)


def totalen(gevallen: QuerySet[Verzuimgeval], periode: Periode) -> Totalen:
    """One aggregate query over an annotated queryset from the functions above."""
    velden = {
        "aantal": Count("pk"),
        "dagen": Sum("dagen_in_periode"),
        "meldingen": Count("pk", filter=Q(eerste_ziektedag__gte=periode.begin)),
    }
    eigen_risico = "dagen_eigen_risico" in gevallen.query.annotations
    if eigen_risico:
        velden["eigen"] = Sum("dagen_eigen_risico")
        velden["na"] = Sum("dagen_na_eigen_risico")
    uitkomst = gevallen.order_by().aggregate(**velden)
    return Totalen(
        aantal=uitkomst["aantal"],
        dagen=_als_dagen(uitkomst["dagen"]),
        meldingen=uitkomst["meldingen"],
        dagen_eigen_risico=_als_dagen(uitkomst["eigen"]) if eigen_risico else None,
        dagen_na_eigen_risico=_als_dagen(uitkomst["na"]) if eigen_risico else None,
    )


def geregistreerd_in(
    mutaties: QuerySet[Verzuimmutatie], periode: Periode
) -> QuerySet[Verzuimmutatie]:
    """Mutations registered (``geregistreerd_op``, Dutch local days) within the period."""
    zone = timezone.get_current_timezone()
    van = datetime.combine(periode.begin, time.min, tzinfo=zone)
    tot = datetime.combine(periode.einde_exclusief, time.min, tzinfo=zone)
    return mutaties.filter(geregistreerd_op__gte=van, geregistreerd_op__lt=tot).select_related(
        "verzuimgeval__werknemer__loonheffingennummer"
    )


def per_loonheffingennummer(
    queryset: QuerySet, nummer: Loonheffingennummer | None, pad: str
) -> QuerySet:
    """Narrow to one loonheffingennummer (chosen from ``access.loonheffingennummers``)."""
    return queryset if nummer is None else queryset.filter(**{pad: nummer})
