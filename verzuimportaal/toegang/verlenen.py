"""Grant only what you hold (DOMAIN §3, ADR 0016): the one rule for every way rights are given.

Whoever gives rights to someone else — a rechtenbeheerder creating a local account or changing
its rights, a werkgever requesting route-B access for an advisor or changing its level, the
operator assigning a casemanager, an API client being registered — may only give (or take away)
services they hold themselves, at the level they hold them. Every writer of rights calls
``vereis_eigen_rechten`` before it writes; nothing else decides this.

A "verlener" is anything that can answer ``heeft_recht(dienst, wijzigen=...)``: the ``Actor`` of
the request, or an operator (``Beheerder``) for the assignments that only the operator makes.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.core.exceptions import ValidationError

from .diensten import Dienst

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User


class Verlener(Protocol):
    def heeft_recht(self, recht: str, *, wijzigen: bool = False) -> bool: ...


def _label(dienst: str) -> str:
    return Dienst(dienst).label if dienst in Dienst.values else dienst


def niet_gehouden(door: Verlener, diensten: Iterable[str], *, wijzigen: bool) -> list[str]:
    """The services in ``diensten`` that ``door`` does not hold at the level asked, in order."""
    gezien: list[str] = []
    for dienst in diensten:
        if dienst not in gezien and not door.heeft_recht(dienst, wijzigen=wijzigen):
            gezien.append(dienst)
    return gezien


def vereis_eigen_rechten(
    *,
    door: Verlener,
    diensten: Iterable[str],
    wijzigen: bool,
    veld: str = "diensten",
    labels: dict[str, str] | None = None,
) -> None:
    """Refuse (``ValidationError`` on ``veld``) when ``door`` gives or takes away a service it
    does not hold itself, or gives "bekijken en wijzigen" while holding only "bekijken".

    ``diensten`` are the services changed by the grant (for a change: those added, removed or
    whose level changes). ``wijzigen`` is the level given (or taken away): True for "bekijken en
    wijzigen". ``labels`` names the services as the page does (e.g. the local rights' names).
    """
    ontbrekend = niet_gehouden(door, diensten, wijzigen=wijzigen)
    if not ontbrekend:
        return
    namen = ", ".join((labels or {}).get(d) or _label(d) for d in ontbrekend)
    # Held, but only at "bekijken": say that the level is what is missing.
    alleen_bekijken = wijzigen and any(door.heeft_recht(d) for d in ontbrekend)
    niveau = " op het niveau 'bekijken en wijzigen'" if alleen_bekijken else ""
    raise ValidationError(
        {
            veld: f"U kunt alleen rechten toekennen of afnemen die u zelf heeft{niveau}. "
            f"Niet toegestaan: {namen}."
        },
        code="niet_zelf_gehouden",
    )


@dataclass(frozen=True)
class Beheerder:
    """The operator (functioneel beheer) as a verlener: it holds exactly the services its Django
    permission ``permissie`` lets it hand out, at level "bekijken" only. Used for casemanager
    assignments, which the operator makes in the admin."""

    gebruiker: "User | AnonymousUser"
    permissie: str
    diensten: frozenset[str]

    def heeft_recht(self, recht: str, *, wijzigen: bool = False) -> bool:
        if wijzigen or recht not in self.diensten:
            return False
        gebruiker = self.gebruiker
        return bool(
            gebruiker.is_active and gebruiker.is_staff and gebruiker.has_perm(self.permissie)
        )
