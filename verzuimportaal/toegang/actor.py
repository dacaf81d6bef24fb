"""The acting context of a request: who acts, for which werkgever, with which rights."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

from verzuimportaal.werkgevers.models import Werkgever

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class Recht(models.TextChoices):
    """Rights of a local account. For now one right that opens everything of the werkgever."""

    ALLES = "alles", _("Alles")


class Niveau(models.TextChoices):
    """Level of a right where a service has two (DOMAIN §3, seed 002)."""

    BEKIJKEN = "bekijken", _("Bekijken")
    WIJZIGEN = "wijzigen", _("Bekijken en wijzigen")


class Route(models.TextChoices):
    LOKAAL = "lokaal", _("Lokaal account")
    EHERKENNING = "eherkenning", _("eHerkenning")
    KETENMACHTIGING = "ketenmachtiging", _("eHerkenning met ketenmachtiging")
    ADVISEUR = "adviseur", _("Toegang verleend aan adviseur (route B)")
    CASEMANAGER = "casemanager", _("Casemanager")
    API_CLIENT = "api_client", _("API-koppeling")


@dataclass(frozen=True)
class Actor:
    """Who acts, for which werkgever, with which rights or services (``Dienst`` values).

    ``rechten`` are the services held at least at level "bekijken". ``wijzigrechten`` are those
    held at "bekijken en wijzigen"; ``None`` means every held service may also be changed (an
    eHerkenning machtiging or a local right has no view-only variant). ``loonheffingennummer_ids``
    limits the actor to some of the werkgever's numbers (route B); ``None`` means all of them.
    """

    werkgever: Werkgever
    rechten: frozenset[str]
    route: str
    gebruiker: "User | None"
    weergavenaam: str
    pseudoniem: str | None = None
    intermediair_kvk_nummer: str | None = None
    niveau: str | None = None  # eHerkenning assurance level, e.g. "loa3"
    wijzigrechten: frozenset[str] | None = None
    loonheffingennummer_ids: frozenset[int] | None = None
    api_client: str | None = None  # client id of a system koppeling (route API_CLIENT)

    def heeft_recht(self, recht: str, *, wijzigen: bool = False) -> bool:
        if Recht.ALLES not in self.rechten and recht not in self.rechten:
            return False
        if not wijzigen or self.wijzigrechten is None:
            return True
        return Recht.ALLES in self.wijzigrechten or recht in self.wijzigrechten

    def heeft_een_van(self, rechten: tuple[str, ...], *, wijzigen: bool = False) -> bool:
        return any(self.heeft_recht(recht, wijzigen=wijzigen) for recht in rechten)
