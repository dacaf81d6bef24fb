"""Reads of the werknemers list: search, filters and sorting on a queryset from
``toegang.access`` (so the actor's scope already applies)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet

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


def zoek(werknemers: QuerySet[Werknemer], vraag: Zoekvraag, vandaag: date) -> QuerySet[Werknemer]:
    """Every word of the text matches name or function, or exactly a personeelsnummer. A BSN is
    never searched here: this search is a GET, and a BSN must not be in a URL (DOMAIN §9)."""
    tekst = vraag.tekst.strip()
    if tekst:
        for deel in tekst.split():
            werknemers = werknemers.filter(
                Q(achternaam__icontains=deel)
                | Q(voornaam__icontains=deel)
                | Q(tussenvoegsel__icontains=deel)
                | Q(functie__icontains=deel)
                | Q(personeelsnummer__iexact=deel)
            )
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
