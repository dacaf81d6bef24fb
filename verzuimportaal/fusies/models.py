"""The record of a transfer of open meldingen after a takeover or merger (seed 001)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from verzuimportaal.werkgevers.models import Loonheffingennummer


class Overdracht(models.Model):
    """Written in the same transaction as the move itself; never changed afterwards."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    van = models.ForeignKey(
        Loonheffingennummer,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("van loonheffingennummer (niet actief)"),
    )
    naar = models.ForeignKey(
        Loonheffingennummer,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("naar loonheffingennummer (actief)"),
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uitgevoerd door"),
    )
    door_naam = models.CharField(_("uitgevoerd door (naam)"), max_length=200)
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now)
    aantal = models.PositiveIntegerField(_("aantal werknemers"))
    werknemer_uuids = models.JSONField(_("overgezette werknemers (uuid)"), default=list)

    class Meta:
        verbose_name = _("overdracht na overname of fusie")
        verbose_name_plural = _("overdrachten na overname of fusie")
        ordering = ["-tijdstip", "-pk"]

    def __str__(self) -> str:
        return f"{self.van} → {self.naar} ({self.aantal} werknemers)"
