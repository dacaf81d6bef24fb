"""One-time verificatiecodes sent by letter to activate a loonheffingennummer (seed 003 art. 1).

Only an HMAC of the code is stored (``code_hash``); the letter PDF is kept on the private storage
until the code is used, blocked or replaced, so the operator can print it (DOMAIN §8).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.opslag import prive_opslag
from verzuimportaal.werkgevers.models import Loonheffingennummer

MAX_FOUTE_POGINGEN = 5


def _briefpad(instance: "Verificatiecode", filename: str) -> str:
    return f"verificatie/{instance.uuid}.pdf"


class Verificatiecode(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loonheffingennummer = models.ForeignKey(
        Loonheffingennummer,
        on_delete=models.CASCADE,
        related_name="verificatiecodes",
        verbose_name=_("loonheffingennummer"),
    )
    code_hash = models.CharField(_("code (HMAC-SHA256)"), max_length=64, editable=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    verloopt_op = models.DateTimeField(_("verloopt op"))
    gebruikt_op = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(
        _("vervangen door een nieuwe brief op"), null=True, blank=True
    )
    foute_pogingen = models.PositiveSmallIntegerField(_("foute pogingen"), default=0)
    geblokkeerd = models.BooleanField(_("geblokkeerd"), default=False)
    brief = models.FileField(
        _("brief (PDF)"),
        storage=prive_opslag,
        upload_to=_briefpad,
        blank=True,
    )
    verstuurd_op = models.DateTimeField(_("brief verstuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("verificatiecode")
        verbose_name_plural = _("verificatiecodes")
        ordering = ["-aangemaakt_op", "-pk"]
        constraints = [
            # At most one code per number can be in play; a new letter withdraws the old one.
            models.UniqueConstraint(
                fields=["loonheffingennummer"],
                condition=Q(ingetrokken_op__isnull=True, gebruikt_op__isnull=True),
                name="verificatiecode_een_lopende_per_nummer",
            ),
        ]

    def __str__(self) -> str:
        return f"Verificatiecode voor {self.loonheffingennummer} ({self.status})"

    @property
    def status(self) -> str:
        if self.gebruikt_op:
            return "gebruikt"
        if self.ingetrokken_op:
            return "vervangen"
        if self.geblokkeerd:
            return "geblokkeerd"
        if self.verloopt_op <= timezone.now():
            return "verlopen"
        return "geldig"


class NummerVoorBrief(Loonheffingennummer):
    """Operator's view of the numbers that still need activation ("brieven te versturen")."""

    class Meta:
        proxy = True
        verbose_name = _("loonheffingennummer om te activeren")
        verbose_name_plural = _("loonheffingennummers om te activeren (brieven)")
