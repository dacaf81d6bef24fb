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


class Premiesoort(models.TextChoices):
    VOORSCHOT = "voorschot", _("Voorschotpremie")
    NAVERREKENING = "naverrekening", _("Naverrekening")


class Premiefactuur(models.Model):
    """Premium of the verzuimverzekering for one year (DOMAIN §7.3), numbered ``PF-YYYY-NNNNN``.

    The voorschot is computed on the insured wages of 1 January; after the year the definitive
    premium on the actual wages, invoiced as the difference (naverrekening, may be negative).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.PROTECT, related_name="premiefacturen"
    )
    factuurnummer = models.CharField(_("factuurnummer"), max_length=20, unique=True)
    jaar = models.PositiveSmallIntegerField(_("premiejaar"))
    soort = models.CharField(_("soort"), max_length=20, choices=Premiesoort.choices)
    loonsom = models.DecimalField(_("verzekerde loonsom"), max_digits=16, decimal_places=2)
    premiepercentage = models.DecimalField(_("premiepercentage"), max_digits=6, decimal_places=3)
    werkgeverslasten_percentage = models.DecimalField(
        _("opslag werkgeverslasten (%)"), max_digits=5, decimal_places=2
    )
    premie = models.DecimalField(_("premie"), max_digits=14, decimal_places=2)
    eerder_gefactureerd = models.DecimalField(
        _("eerder gefactureerd (voorschot)"), max_digits=14, decimal_places=2
    )
    bedrag = models.DecimalField(_("te betalen"), max_digits=14, decimal_places=2)
    gemaakt_op = models.DateTimeField(_("gemaakt op"))

    class Meta:
        verbose_name = _("premiefactuur")
        verbose_name_plural = _("premiefacturen")
        ordering = ["-jaar", "soort", "werkgever"]
        constraints = [
            models.UniqueConstraint(
                fields=["werkgever", "jaar", "soort"], name="premiefactuur_een_per_jaar_en_soort"
            )
        ]

    def __str__(self) -> str:
        return self.factuurnummer
