"""Incident and maintenance notices (seed 003 art. 4.2, 4.3; DOMAIN §8).

A notice is shown from ``aangekondigd_vanaf`` (or ``begin``) until ``einde``. With
``onderbreking`` the portal is interrupted between ``begin`` and ``einde``: logins and writes are
refused (``OnderbrekingMiddleware``). ``einde`` is empty until the operator lifts the notice, or
set in advance for planned maintenance.
"""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StoringsmeldingQuerySet(models.QuerySet["Storingsmelding"]):
    def zichtbaar(self, *, op: datetime | None = None) -> "StoringsmeldingQuerySet":
        moment = op or timezone.now()
        return (
            self.alias(zichtbaar_vanaf=Coalesce("aangekondigd_vanaf", "begin"))
            .filter(Q(einde__isnull=True) | Q(einde__gt=moment), zichtbaar_vanaf__lte=moment)
            .order_by("-onderbreking", "begin", "pk")
        )

    def onderbrekend(self, *, op: datetime | None = None) -> "StoringsmeldingQuerySet":
        moment = op or timezone.now()
        return self.filter(
            Q(einde__isnull=True) | Q(einde__gt=moment), onderbreking=True, begin__lte=moment
        ).order_by("begin", "pk")


class Storingsmelding(models.Model):
    titel = models.CharField(
        _("aard van de storing"), max_length=200, help_text=_("Bijvoorbeeld 'Gepland onderhoud'.")
    )
    tekst = models.TextField(_("toelichting"), blank=True)
    begin = models.DateTimeField(_("begin"), default=timezone.now)
    verwacht_einde = models.DateTimeField(_("verwacht einde"), null=True, blank=True)
    verwachte_duur = models.CharField(
        _("verwachte duur"),
        max_length=100,
        blank=True,
        help_text=_("Als het einde nog niet bekend is, bijvoorbeeld 'enkele uren'."),
    )
    einde = models.DateTimeField(
        _("einde"),
        null=True,
        blank=True,
        help_text=_(
            "Leeg tot de melding wordt opgeheven; bij gepland onderhoud vooraf in te vullen."
        ),
    )
    onderbreking = models.BooleanField(
        _("portaal onderbreken"),
        default=False,
        help_text=_(
            "Tijdens de storing kan niemand inloggen of gegevens versturen (alleen lezen)."
        ),
    )
    aangekondigd_vanaf = models.DateTimeField(
        _("tonen vanaf"),
        null=True,
        blank=True,
        help_text=_("Leeg: vanaf het begin. Eerder: vooraf aankondigen (art. 4.3)."),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    opgeheven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = StoringsmeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("storingsmelding")
        verbose_name_plural = _("storingsmeldingen")
        ordering = ["-begin", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="storing_einde_na_begin",
                condition=Q(einde__isnull=True) | Q(einde__gt=models.F("begin")),
            ),
            models.CheckConstraint(
                name="storing_aankondiging_voor_begin",
                condition=Q(aangekondigd_vanaf__isnull=True)
                | Q(aangekondigd_vanaf__lte=models.F("begin")),
            ),
        ]
        indexes = [models.Index(fields=["einde", "begin"], name="storing_einde_begin")]

    def __str__(self) -> str:
        return f"{self.titel} ({timezone.localtime(self.begin):%d-%m-%Y %H:%M})"

    def is_onderbrekend(self, *, op: datetime | None = None) -> bool:
        moment = op or timezone.now()
        return (
            self.onderbreking
            and self.begin <= moment
            and (self.einde is None or self.einde > moment)
        )

    @property
    def is_begonnen(self) -> bool:
        return self.begin <= timezone.now()
