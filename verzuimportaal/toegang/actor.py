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


class Route(models.TextChoices):
    LOKAAL = "lokaal", _("Lokaal account")
    EHERKENNING = "eherkenning", _("eHerkenning")
    KETENMACHTIGING = "ketenmachtiging", _("eHerkenning met ketenmachtiging")


@dataclass(frozen=True)
class Actor:
    """Who acts, for which werkgever, with which rights or services (``Dienst`` values)."""

    werkgever: Werkgever
    rechten: frozenset[str]
    route: str
    gebruiker: "User | None"
    weergavenaam: str
    pseudoniem: str | None = None
    intermediair_kvk_nummer: str | None = None
    niveau: str | None = None

    def heeft_recht(self, recht: str) -> bool:
        return Recht.ALLES in self.rechten or recht in self.rechten

    def heeft_een_van(self, rechten: tuple[str, ...]) -> bool:
        return any(self.heeft_recht(recht) for recht in rechten)
