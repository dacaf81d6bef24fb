"""Fetchers for the eigenrisicodrager pages (DOMAIN §3 services 4, 5, 7; ADR 0040), built on
``toegang.access`` (one tenant filter, deny by default; ADR 0050)."""

from uuid import UUID

from django.db.models import QuerySet

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.ophalen import een_of_404

from .models import DIENST_PER_SOORT, Erddocument, Erdstatus, soorten_voor

ERD_DIENSTEN: tuple[str, ...] = (
    Dienst.CONTROLE_ERD,
    Dienst.FINANCIEEL_ERD,
    Dienst.REINTEGRATIE_ERD_WW,
)


def erdstatussen(actor: Actor) -> QuerySet[Erdstatus]:
    """The ERD status per own loonheffingennummer, for an actor with one of the ERD services."""
    access.vereis_recht(actor, *ERD_DIENSTEN)
    return Erdstatus.objects.filter(
        access.nummerfilter(actor, "loonheffingennummer__")
    ).select_related("loonheffingennummer")


def erddocumenten(actor: Actor, *, dienst: str) -> QuerySet[Erddocument]:
    """The documents of the kinds that ``dienst`` shows (DOMAIN §3), of the own numbers."""
    access.vereis_recht(actor, dienst)
    return Erddocument.objects.filter(
        access.nummerfilter(actor, "loonheffingennummer__"), soort__in=soorten_voor(dienst)
    ).select_related("loonheffingennummer")


def erddocument(actor: Actor, *, uuid: UUID | str) -> Erddocument:
    """One document, only with the service of its kind; 404 for any other (deny by default)."""
    soorten = [s for s, d in DIENST_PER_SOORT.items() if actor.heeft_recht(d)]
    gevonden = een_of_404(
        Erddocument.objects.filter(
            access.nummerfilter(actor, "loonheffingennummer__"), soort__in=soorten
        ).select_related("loonheffingennummer"),
        "Document",
        uuid=uuid,
    )
    access.gelezen(actor, gevonden)
    return gevonden
