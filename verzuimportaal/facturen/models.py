"""Arbofacturen per werkgever per month (DOMAIN §7.4), numbered without gaps per year."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from verzuimportaal.werkgevers.models import Werkgever


class Arbofactuur(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkgever = models.ForeignKey(Werkgever, on_delete=models.PROTECT, related_name="arbofacturen")
    factuurnummer = models.CharField(_("factuurnummer"), max_length=20, unique=True)
    maand = models.DateField(_("maand"))
    peildatum = models.DateField(_("peildatum"))
    aantal = models.PositiveIntegerField(_("werknemers in dienst op de peildatum"))
    tarief = models.DecimalField(_("tarief excl. btw"), max_digits=8, decimal_places=2)
    subtotaal = models.DecimalField(_("subtotaal"), max_digits=12, decimal_places=2)
    btw_percentage = models.DecimalField(_("btw %"), max_digits=5, decimal_places=2)
    btw = models.DecimalField(_("btw"), max_digits=12, decimal_places=2)
    totaal = models.DecimalField(_("totaal"), max_digits=12, decimal_places=2)
    gemaakt_op = models.DateTimeField(_("gemaakt op"))

    class Meta:
        verbose_name = _("arbofactuur")
        verbose_name_plural = _("arbofacturen")
        ordering = ["-maand", "werkgever"]
        constraints = [
            models.UniqueConstraint(fields=["werkgever", "maand"], name="arbofactuur_een_per_maand")
        ]

    def __str__(self) -> str:
        return self.factuurnummer
