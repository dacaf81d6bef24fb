"""Who acts for the insurer: the operator's staff on the beheer pages, or the scheduled runs.

Their writes land in the werkgever's audit log like every other write (ADR 0013), under the name
of the staff member or of the portal's scheduled processing, with the request's address when
there is one.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from verzuimportaal.toegang.actor import Actor
from verzuimportaal.werkgevers.models import Werkgever

if TYPE_CHECKING:
    from django.contrib.auth.models import User

PLANNING = "Portaal (geplande verwerking)"


@dataclass(frozen=True)
class Uitvoerder:
    weergavenaam: str = PLANNING
    gebruiker: "User | None" = None
    ip: str | None = None
    user_agent: str = ""

    @classmethod
    def medewerker(cls, gebruiker: "User", *, ip: str | None, user_agent: str) -> "Uitvoerder":
        naam = gebruiker.get_full_name() or gebruiker.get_username()
        return cls(
            weergavenaam=f"Beheerder ({naam})", gebruiker=gebruiker, ip=ip, user_agent=user_agent
        )

    def actor_voor(self, werkgever: Werkgever) -> Actor:
        """The operator as an actor in this werkgever's audit log: no portal rights."""
        return Actor(
            werkgever=werkgever,
            rechten=frozenset(),
            route="",
            gebruiker=self.gebruiker,
            weergavenaam=self.weergavenaam,
            ip=self.ip,
            user_agent=self.user_agent,
        )
