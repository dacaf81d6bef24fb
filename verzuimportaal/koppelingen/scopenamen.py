"""Scopes of API clients: one per service and level, ``<dienst>:bekijken`` or ``<dienst>:wijzigen``.

"wijzigen" includes "bekijken" (DOMAIN §3, seed 002). Only the services that have an API are
offered; a client never gets a scope outside them.
"""

from collections.abc import Iterable

from verzuimportaal.toegang.actor import Niveau
from verzuimportaal.toegang.diensten import Dienst

KOPPELBARE_DIENSTEN: tuple[Dienst, ...] = (
    Dienst.WERKNEMERSGEGEVENS,
    Dienst.VERZUIM_MELDEN,
    Dienst.OVERZICHTEN,
)


def scope(dienst: str, niveau: str) -> str:
    return f"{dienst}:{niveau}"


def alle_scopes() -> dict[str, str]:
    """Every scope with its Dutch description (for the authorization server)."""
    return {
        scope(dienst, niveau): f"{dienst.label} ({niveau.label.lower()})"
        for dienst in KOPPELBARE_DIENSTEN
        for niveau in (Niveau.BEKIJKEN, Niveau.WIJZIGEN)
    }


def rechten_uit_scopes(scopes: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The services held (``rechten``) and those held at "wijzigen", for an ``Actor``."""
    geldig = alle_scopes()
    rechten: set[str] = set()
    wijzigrechten: set[str] = set()
    for s in scopes:
        if s not in geldig:
            continue
        dienst, niveau = s.split(":")
        rechten.add(dienst)
        if niveau == Niveau.WIJZIGEN:
            wijzigrechten.add(dienst)
    return frozenset(rechten), frozenset(wijzigrechten)


def scopes_uit_niveaus(niveaus: dict[str, str]) -> list[str]:
    """``{dienst: niveau}`` (niveau "" = none) to the sorted scope list; "wijzigen" adds
    "bekijken", so a token asked for with only ``dienst:bekijken`` is allowed too."""
    scopes: set[str] = set()
    for dienst, niveau in niveaus.items():
        if niveau == Niveau.WIJZIGEN:
            scopes |= {scope(dienst, Niveau.BEKIJKEN), scope(dienst, Niveau.WIJZIGEN)}
        elif niveau == Niveau.BEKIJKEN:
            scopes.add(scope(dienst, Niveau.BEKIJKEN))
    return sorted(scopes)
