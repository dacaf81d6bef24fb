"""The verzuimverzekering per werkgever (DOMAIN §7.3, §7.4), dated and set by the operator."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verzuimportaal.geld.uitkering import Polisvoorwaarden
from verzuimportaal.werkgevers.models import Werkgever


class Eigenrisicotermijn(models.IntegerChoices):
    """DOMAIN §7.3: default 10 werkdagen; 20, 30, 65, 130, 260."""

    TIEN = 10, _("10 dagen")
    TWINTIG = 20, _("20 dagen")
    DERTIG = 30, _("30 dagen")
    DRIE_MAANDEN = 65, _("65 dagen (3 maanden)")
    HALF_JAAR = 130, _("130 dagen (half jaar)")
    JAAR = 260, _("260 dagen (jaar)")


class Dekkingsperiode(models.IntegerChoices):
    JAAR = 364, _("per ziektejaar")
    HALF_JAAR = 182, _("per half jaar")


class Deler(models.IntegerChoices):
    D261 = 261, "261"
    D260 = 260, "260"


def _percentages(tekst: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(deel.strip()) for deel in tekst.split("/") if deel.strip())


class Polis(models.Model):
    """From ``ingangsdatum`` on these conditions hold for the werkgever's spells that start then."""

    werkgever = models.ForeignKey(Werkgever, on_delete=models.PROTECT, related_name="polissen")
    polisnummer = models.CharField(_("polisnummer"), max_length=30)
    ingangsdatum = models.DateField(_("ingangsdatum"))
    eigenrisicotermijn = models.PositiveSmallIntegerField(
        _("eigenrisicotermijn (uitkeringsdagen)"),
        choices=Eigenrisicotermijn.choices,
        default=Eigenrisicotermijn.TIEN,
    )
    dekking = models.CharField(
        _("dekking (%)"),
        max_length=30,
        default="100/70",
        help_text=_("Percentages per periode, gescheiden door '/': 100/70 of 95/90/85/70."),
    )
    dekkingsperiode = models.PositiveSmallIntegerField(
        _("dekking per"), choices=Dekkingsperiode.choices, default=Dekkingsperiode.JAAR
    )
    maximum_jaarloon = models.DecimalField(
        _("maximum verzekerd jaarloon"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        default=Decimal(110000),
        help_text=_("Leeg: geen maximum."),
    )
    deler = models.PositiveSmallIntegerField(_("deler"), choices=Deler.choices, default=261)
    premiepercentage = models.DecimalField(
        _("premiepercentage"),
        max_digits=6,
        decimal_places=3,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    werkgeverslasten_percentage = models.DecimalField(
        _("opslag werkgeverslasten (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    arbotarief = models.DecimalField(
        _("arbotarief per werknemer per maand, excl. btw"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"))
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("polis")
        verbose_name_plural = _("polissen")
        ordering = ["werkgever", "-ingangsdatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["werkgever", "ingangsdatum"], name="polis_een_per_ingangsdatum"
            ),
            models.CheckConstraint(
                condition=Q(maximum_jaarloon__isnull=True) | Q(maximum_jaarloon__gt=0),
                name="polis_maximum_positief",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.polisnummer} per {self.ingangsdatum:%d-%m-%Y}"

    @property
    def dekkingspercentages(self) -> tuple[Decimal, ...]:
        return _percentages(self.dekking)

    def voorwaarden(self) -> Polisvoorwaarden:
        """The pure conditions; raises ``ValueError`` with a Dutch message when inconsistent."""
        return Polisvoorwaarden(
            ingangsdatum=self.ingangsdatum,
            eigenrisicotermijn=self.eigenrisicotermijn,
            dekking=self.dekkingspercentages,
            dekkingsperiode_dagen=self.dekkingsperiode,
            maximum_jaarloon=self.maximum_jaarloon,
            deler=self.deler,
        )
