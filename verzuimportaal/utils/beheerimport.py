"""An upload by the operator's staff (ADR 0040): first a proefdraai (checked, nothing changed),
then vastgelegd, all or nothing; a proefdraai not taken can lapse.

The actor is the operator's staff member as a ``Portaalactor`` (``toegang.actor.beheerder``): its
audit row is in the portal's own log, where an operator action belongs to no werkgever;
``beheeraccount`` is the account that the import records; ``lees_tabel`` reads an uploaded CSV
or XLSX file with the werknemer import's reader.
"""

import uuid

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from verzuimportaal.imports.lezen import lees
from verzuimportaal.toegang.actor import Portaalactor


class Importstatus(models.TextChoices):
    PROEF = "proef", gettext_lazy("Proefdraai")
    VASTGELEGD = "vastgelegd", gettext_lazy("Vastgelegd")
    VERVANGEN = "vervangen", gettext_lazy("Vervallen: een andere stand is vastgelegd")


class Beheerimport(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bestandsnaam = models.CharField(gettext_lazy("bestandsnaam"), max_length=200)
    fouten = models.JSONField(gettext_lazy("fouten"), default=list, blank=True)
    status = models.CharField(
        gettext_lazy("status"),
        max_length=12,
        choices=Importstatus.choices,
        default=Importstatus.PROEF,
    )
    aangemaakt_op = models.DateTimeField(gettext_lazy("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(gettext_lazy("vastgelegd op"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-aangemaakt_op", "-pk"]


def beheeraccount(door: Portaalactor) -> User:
    """The staff account behind ``door``; an import is always made by a person of the operator."""
    if door.gebruiker is None:
        raise ValueError("Een import wordt altijd door een medewerker van de beheerder geladen.")
    return door.gebruiker


def afgekapt(fouten: list[str], maximum: int = 100) -> list[str]:
    """At most ``maximum`` errors for the page, and a last line saying how many more there are."""
    if len(fouten) <= maximum:
        return fouten
    meer = _("… en %(n)d fouten meer.") % {"n": len(fouten) - maximum}
    return [*fouten[:maximum], meer]


def lees_tabel(naam: str, inhoud: bytes, *, max_rijen: int) -> tuple[list[str], list[list[str]]]:
    """Column names (lower case) and rows of an uploaded CSV/XLSX; ValidationError if unreadable."""
    koppen, rijen = lees(naam, inhoud, max_rijen=max_rijen)
    return [k.strip().lower() for k in koppen], rijen
