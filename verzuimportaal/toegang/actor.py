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


@dataclass(frozen=True)
class Actor:
    werkgever: Werkgever
    rechten: frozenset[str]
    route: str
    gebruiker: "User | None"
    weergavenaam: str

    def heeft_recht(self, recht: str) -> bool:
        return Recht.ALLES in self.rechten or recht in self.rechten
