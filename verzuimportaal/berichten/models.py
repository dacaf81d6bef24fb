"""The portal inbox: letters, reminders and announcements per werkgever (seed 003 art. 2.8).

The inbox leads; the notification e-mail is only a service (DOMAIN §8), so a message exists
whether or not its e-mail arrives. Documents live on the private storage and are only served
through the access-checked download view (DOMAIN §9).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.opslag import prive_opslag
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Werkgever


class Soort(models.TextChoices):
    BRIEF = "brief", _("Brief")
    HERINNERING = "herinnering", _("Herinnering")
    MEDEDELING = "mededeling", _("Mededeling")


def _documentpad(instance: "Bericht", filename: str) -> str:
    # The stored name never carries the user-visible name (that may hold a person's name).
    return f"berichten/{instance.werkgever_id}/{instance.uuid}.bin"


class Bericht(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkgever = models.ForeignKey(Werkgever, on_delete=models.CASCADE, related_name="berichten")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    tekst = models.TextField(_("tekst"), blank=True)
    document = models.FileField(
        _("document"),
        storage=prive_opslag,
        upload_to=_documentpad,
        blank=True,
    )
    documentnaam = models.CharField(_("naam van het document"), max_length=200, blank=True)
    verzuimgeval = models.ForeignKey(
        Verzuimgeval,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="berichten",
        verbose_name=_("verzuimgeval"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    # Set once the notification went out, so a retried or duplicated task never mails twice.
    notificatie_verstuurd_op = models.DateTimeField(
        _("notificatie verstuurd op"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-aangemaakt_op", "-pk"]
        indexes = [models.Index(fields=["werkgever", "-aangemaakt_op"], name="bericht_werkgever")]

    def __str__(self) -> str:
        return self.onderwerp


class Leesstatus(models.Model):
    """That ``gebruiker`` has read ``bericht``; unread is the absence of a row."""

    bericht = models.ForeignKey(Bericht, on_delete=models.CASCADE, related_name="leesstatussen")
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    gelezen_op = models.DateTimeField(_("gelezen op"), default=timezone.now)

    class Meta:
        verbose_name = _("leesstatus")
        verbose_name_plural = _("leesstatussen")
        constraints = [
            models.UniqueConstraint(
                fields=["bericht", "gebruiker"], name="leesstatus_uniek_per_gebruiker"
            )
        ]

    def __str__(self) -> str:
        return f"{self.bericht} gelezen door {self.gebruiker}"
