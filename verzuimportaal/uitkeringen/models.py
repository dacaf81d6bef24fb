"""The monthly uitkering of the verzuimverzekering (DOMAIN §7.3): runs and their paid lines.

A line is never changed once written: a later correction of a melding, a wage or the polis gives a
correction line (the difference) in the next run (ADR 0030). The sum of a werknemer's lines for a
month is what was paid for that month.
"""

from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _

from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers.models import Werknemer


class RegelGewijzigd(Exception):
    """An attempt to change or remove a paid uitkeringsregel."""


class Uitkeringsrun(models.Model):
    """One computation after the end of ``maand``; one per month, so running twice pays once."""

    maand = models.DateField(_("maand"), unique=True)
    gestart_op = models.DateTimeField(_("gestart op"))
    voltooid_op = models.DateTimeField(_("voltooid op"), null=True, blank=True)
    betaaldatum = models.DateField(_("betaaldatum"))
    aantal_regels = models.PositiveIntegerField(_("aantal regels"), default=0)
    # Werknemers sick in a computed month without a wage or polis on the first sick day.
    overgeslagen = models.PositiveIntegerField(_("overgeslagen werknemers"), default=0)

    class Meta:
        verbose_name = _("uitkeringsrun")
        verbose_name_plural = _("uitkeringsruns")
        ordering = ["-maand"]

    def __str__(self) -> str:
        return f"{self.maand:%m-%Y}"


class Regelsoort(models.TextChoices):
    REGULIER = "regulier", _("Uitkering")
    CORRECTIE = "correctie", _("Correctie")


class UitkeringsregelQuerySet(models.QuerySet["Uitkeringsregel"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise RegelGewijzigd("Betaalde uitkeringsregels kunnen niet worden gewijzigd.")

    def delete(self) -> NoReturn:
        raise RegelGewijzigd("Betaalde uitkeringsregels kunnen niet worden verwijderd.")


class Uitkeringsregel(models.Model):
    """What one run pays for one werknemer for one ``maand`` (DOMAIN §7.3).

    ``bruto`` is the month total rounded once, ``aftrek_uwv`` the ZW benefits deducted and
    ``bedrag`` what is paid. For a correction the three are differences with what was paid before.
    ``dagen`` holds the day lines of the computation (van, tot en met, dagen, dagloon, dekking,
    % AO, dagbedrag) so page and exports show exactly the figures that were paid.
    """

    run = models.ForeignKey(Uitkeringsrun, on_delete=models.PROTECT, related_name="regels")
    werkgever = models.ForeignKey(Werkgever, on_delete=models.PROTECT, related_name="+")
    werknemer = models.ForeignKey(
        Werknemer, on_delete=models.PROTECT, related_name="uitkeringsregels"
    )
    maand = models.DateField(_("maand"))
    soort = models.CharField(_("soort"), max_length=10, choices=Regelsoort.choices)
    uitkeringsdagen = models.SmallIntegerField(_("uitkeringsdagen"))
    eigenrisicodagen = models.SmallIntegerField(_("dagen eigen risico"))
    bruto = models.DecimalField(_("bruto"), max_digits=12, decimal_places=2)
    aftrek_uwv = models.DecimalField(_("aftrek UWV-uitkering"), max_digits=12, decimal_places=2)
    bedrag = models.DecimalField(_("te betalen"), max_digits=12, decimal_places=2)
    betaaldatum = models.DateField(_("betaaldatum"))
    berekend_op = models.DateTimeField(_("berekend op"))
    dagen = models.JSONField(_("berekening per periode"), default=list)

    objects = UitkeringsregelQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitkeringsregel")
        verbose_name_plural = _("uitkeringsregels")
        ordering = ["maand", "werknemer", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["werknemer", "maand", "run"], name="uitkeringsregel_een_per_run"
            ),
        ]
        indexes = [
            models.Index(fields=["werkgever", "betaaldatum"], name="uitkeringsregel_werkgever"),
            models.Index(fields=["run", "werkgever"], name="uitkeringsregel_run"),
        ]

    def __str__(self) -> str:
        return f"{self.werknemer_id} {self.maand:%m-%Y} {self.bedrag}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RegelGewijzigd("Betaalde uitkeringsregels kunnen niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise RegelGewijzigd("Betaalde uitkeringsregels kunnen niet worden verwijderd.")
