"""A werknemers import of one file: the rows read, the column mapping, the dry run per row and
the outcome (ADR 0023 is about webhooks; the import follows the werknemers rules, DOMAIN §1)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from verzuimportaal.werkgevers.models import Werkgever


class Status(models.TextChoices):
    GELEZEN = "gelezen", _("Gelezen, kolommen kiezen")
    GECONTROLEERD = "gecontroleerd", _("Gecontroleerd (proefdraai)")
    BEZIG = "bezig", _("Wordt verwerkt")
    KLAAR = "klaar", _("Verwerkt")
    MISLUKT = "mislukt", _("Niet verwerkt")


class Werknemerimport(models.Model):
    """``rijen`` hold BSNs: the import is removed with its werkgever's retention, and the rows
    are emptied once it is processed (the report keeps what the werkgever needs)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkgever = models.ForeignKey(Werkgever, on_delete=models.CASCADE, related_name="+")
    bestandsnaam = models.CharField(max_length=200)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.GELEZEN)
    koppen = models.JSONField(default=list)
    rijen = models.JSONField(default=list)
    koppeling = models.JSONField(default=dict)  # veld -> column index
    uitkomsten = models.JSONField(default=list)  # per row: actie, reden, werknemer
    aantallen = models.JSONField(default=dict)
    fout = models.CharField(max_length=500, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door_naam = models.CharField(max_length=200)
    # Who started it, for the audit row the task writes (the task has no request).
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    route = models.CharField(max_length=20, blank=True)
    # The rest of the starter's context (address, browser, API client, loonheffingennummers of
    # a limited actor), so the task acts with the same limits and audits like the request.
    starter = models.JSONField(default=dict, blank=True)
    verwerkt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("werknemerimport")
        verbose_name_plural = _("werknemerimports")
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self) -> str:
        return self.bestandsnaam
