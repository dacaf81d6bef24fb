"""Reads of the werknemers list: search, filters and sorting on a queryset from
``toegang.access`` (so the actor's scope already applies)."""

from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import BooleanField, Exists, F, Func, OuterRef, Q, QuerySet

from verzuimportaal.utils.elfproef import is_bsn, normaliseer_nummer
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Loonheffingennummer

from .forms import SORTERINGEN, Dienstverband
from .models import Werknemer


@dataclass(frozen=True)
class Zoekvraag:
    tekst: str = ""
    dienstverband: str = Dienstverband.IN_DIENST
    loonheffingennummer: Loonheffingennummer | None = None
    alleen_ziek: bool = False
    sorteer: str = "naam"


def als_bsn(tekst: str) -> str | None:
    """The BSN the search text is, if it is one (9 digits passing the elfproef), else None."""
    nummer = normaliseer_nummer(tekst)
    return nummer if is_bsn(nummer) else None


def met_bsn(werknemers: QuerySet[Werknemer], bsn: str) -> QuerySet[Werknemer]:
    """Exactly this BSN (never a part of it, so the list cannot be fished with partial numbers),
    in or out of service; the caller logs the lookup (ADR 0024)."""
    return werknemers.filter(bsn=bsn).order_by("achternaam", "voornaam", "pk")


# Up to this many matches a name search reads its matches through the trigram indexes first and
# sorts them (ADR 0048); beyond it the matches lie dense in the name order and reading the name
# index until a page is full is quicker.
TREFFERS_EERST_TOT = 20_000


def _tekstfilter(tekst: str) -> Q:
    filter_ = Q()
    for deel in tekst.split():
        filter_ &= (
            Q(achternaam__icontains=deel)
            | Q(voornaam__icontains=deel)
            | Q(tussenvoegsel__icontains=deel)
            | Q(functie__icontains=deel)
            | Q(personeelsnummer__iexact=deel)
        )
    return filter_


def zoek(
    werknemers: QuerySet[Werknemer],
    vraag: Zoekvraag,
    vandaag: date,
    *,
    aantal_treffers: int | None = None,
) -> QuerySet[Werknemer]:
    """Every word of the text matches name or function, or exactly a personeelsnummer. A BSN is
    never searched here: this search is a GET, and a BSN must not be in a URL (DOMAIN §9).

    ``aantal_treffers``: the number of rows this search finds, when known (the list keeps it in
    the scopecache). Up to ``TREFFERS_EERST_TOT`` the matches are read first, through the trigram
    indexes, as one array (``id = ANY(ARRAY(…))``), and then sorted: PostgreSQL would otherwise
    assume they lie evenly spread over the name order and read the name index from the top until
    a page is full, while the matches of the start of a name lie together, possibly after tens
    of thousands of other rows (docs/performance.md). Same rows either way."""
    tekst = vraag.tekst.strip()
    if tekst:
        treffers_eerst = (
            aantal_treffers is not None
            and aantal_treffers <= TREFFERS_EERST_TOT
            and connection.vendor == "postgresql"
        )
        if treffers_eerst:
            # the actor's scope inside the array too: only this werkgever's matches
            ids = werknemers.filter(_tekstfilter(tekst)).order_by().values("pk")
            werknemers = werknemers.filter(
                Func(
                    F("pk"),
                    ArraySubquery(ids),
                    template="(%(expressions)s))",
                    arg_joiner=" = ANY(",
                    output_field=BooleanField(),
                )
            )
        else:
            werknemers = werknemers.filter(_tekstfilter(tekst))
    in_dienst = Q(datum_uit_dienst__isnull=True) | Q(datum_uit_dienst__gte=vandaag)
    if vraag.dienstverband == Dienstverband.IN_DIENST:
        werknemers = werknemers.filter(in_dienst)
    elif vraag.dienstverband == Dienstverband.UIT_DIENST:
        werknemers = werknemers.exclude(in_dienst)
    if vraag.loonheffingennummer is not None:
        werknemers = werknemers.filter(loonheffingennummer=vraag.loonheffingennummer)
    if vraag.alleen_ziek:
        werknemers = werknemers.filter(
            Exists(Verzuimgeval.objects.filter(werknemer=OuterRef("pk"), einddatum__isnull=True))
        )
    _, volgorde = SORTERINGEN.get(vraag.sorteer, SORTERINGEN["naam"])
    return werknemers.order_by(*volgorde)
