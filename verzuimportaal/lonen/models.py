"""Wage data per werknemer with dated history (DOMAIN §7.3, seed 004).

Each row holds the wage from ``ingangsdatum`` on; the row valid on a spell's first sick day gives
the verzekerd jaarloon of that spell (ADR 0029). Rows are shown at every ziekmelding for checking.
"""

import uuid
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verzuimportaal.geld.uitkering import verzekerd_jaarloon
from verzuimportaal.werknemers.models import Werknemer


class Loongegeven(models.Model):
    werknemer = models.ForeignKey(Werknemer, on_delete=models.PROTECT, related_name="loongegevens")
    ingangsdatum = models.DateField(_("ingangsdatum"))
    bruto_jaarloon = models.DecimalField(
        _("bruto jaarloon"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    vakantiegeld_percentage = models.DecimalField(
        _("vakantiegeld (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(8),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    vaste_onderdelen = models.DecimalField(
        _("vaste looncomponenten per jaar"),
        max_digits=12,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Bijvoorbeeld een vaste eindejaarsuitkering of een vaste toeslag."),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"))
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    vastgelegd_door_naam = models.CharField(_("vastgelegd door"), max_length=200)

    class Meta:
        verbose_name = _("loongegeven")
        verbose_name_plural = _("loongegevens")
        ordering = ["werknemer", "-ingangsdatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["werknemer", "ingangsdatum"], name="loongegeven_een_per_ingangsdatum"
            ),
            models.CheckConstraint(
                condition=Q(bruto_jaarloon__gte=0) & Q(vaste_onderdelen__gte=0),
                name="loongegeven_niet_negatief",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bruto_jaarloon} per {self.ingangsdatum:%d-%m-%Y}"

    @property
    def verzekerd_jaarloon(self) -> Decimal:
        """Gross + vakantiegeld + fixed parts (DOMAIN §7.3), not rounded."""
        return verzekerd_jaarloon(
            bruto_jaarloon=self.bruto_jaarloon,
            vakantiegeld_percentage=self.vakantiegeld_percentage,
            vaste_onderdelen=self.vaste_onderdelen,
        )


class Loonactualisatie(models.Model):
    """The January update (seed 004, DOMAIN §7.3): each year the werkgever confirms or updates the
    wage of every werknemer in dienst on 1 January, before ``uiterlijk``; afterwards the premium
    invoices follow (ADR 0042)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkgever = models.ForeignKey(
        "werkgevers.Werkgever", on_delete=models.PROTECT, related_name="loonactualisaties"
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    geopend_op = models.DateTimeField(_("geopend op"))
    uiterlijk = models.DateField(_("uiterlijk afronden op"))
    afgerond_op = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    afgerond_door_naam = models.CharField(_("afgerond door"), max_length=200, blank=True)
    laatste_herinnering = models.DateField(_("laatste herinnering"), null=True, blank=True)

    class Meta:
        verbose_name = _("loonactualisatie")
        verbose_name_plural = _("loonactualisaties")
        ordering = ["-jaar", "werkgever"]
        constraints = [
            models.UniqueConstraint(
                fields=["werkgever", "jaar"], name="loonactualisatie_een_per_jaar"
            )
        ]

    def __str__(self) -> str:
        return f"Loonactualisatie {self.jaar}"

    @property
    def peildatum(self) -> date:
        return date(self.jaar, 1, 1)
