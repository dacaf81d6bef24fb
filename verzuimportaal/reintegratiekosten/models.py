"""Re-integratiekosten and loonsanctie at the verzuimverzekering (DOMAIN §7.5, seed 004).

A declaratie starts as a request for approval beforehand. The casemanager approves an amount (or
refuses); the werkgever declares with the nota within one month of receiving it; the insurer pays
min(nota, approved) within one month of the declaration (ADR 0041). Dates are stored, deadlines
are derived from them by the pure rules in ``geld.reintegratiekosten``.
"""

import uuid
from datetime import date
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verzuimportaal.geld import reintegratiekosten as regels
from verzuimportaal.utils.opslag import prive_opslag
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Werkgever


class Status(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", _("Wacht op goedkeuring")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd, wacht op declaratie")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    GEDECLAREERD = "gedeclareerd", _("Gedeclareerd, wacht op betaling")
    BETAALD = "betaald", _("Betaald")


def _notapad(declaratie: "Declaratie", naam: str) -> str:
    return f"reintegratiekosten/{declaratie.werkgever_id}/{declaratie.uuid}/{naam}"


class Declaratie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkgever = models.ForeignKey(Werkgever, on_delete=models.PROTECT, related_name="+")
    verzuimgeval = models.ForeignKey(
        Verzuimgeval, on_delete=models.PROTECT, related_name="declaraties"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AANGEVRAAGD
    )
    omschrijving = models.CharField(_("omschrijving van de kosten"), max_length=200)
    aanbieder = models.CharField(_("aanbieder"), max_length=200)
    begroot_bedrag = models.DecimalField(
        _("begroot bedrag"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    aangevraagd_op = models.DateField(_("aangevraagd op"))
    aangevraagd_door_naam = models.CharField(_("aangevraagd door"), max_length=200)
    goedgekeurd_bedrag = models.DecimalField(
        _("goedgekeurd bedrag"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    beoordeeld_op = models.DateField(_("beoordeeld op"), null=True, blank=True)
    beoordeeld_door_naam = models.CharField(_("beoordeeld door"), max_length=200, blank=True)
    toelichting = models.TextField(_("toelichting bij de beoordeling"), blank=True)
    notabedrag = models.DecimalField(
        _("bedrag van de nota"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    nota_ontvangen_op = models.DateField(_("nota ontvangen op"), null=True, blank=True)
    gedeclareerd_op = models.DateField(_("gedeclareerd op"), null=True, blank=True)
    nota = models.FileField(_("nota"), storage=prive_opslag, upload_to=_notapad, blank=True)
    nota_naam = models.CharField(_("bestandsnaam van de nota"), max_length=120, blank=True)
    nota_content_type = models.CharField(max_length=100, blank=True)
    nota_sha256 = models.CharField(max_length=64, blank=True)
    betaald_op = models.DateField(_("betaald op"), null=True, blank=True)
    betaald_bedrag = models.DecimalField(
        _("betaald bedrag"), max_digits=10, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("declaratie re-integratiekosten")
        verbose_name_plural = _("declaraties re-integratiekosten")
        ordering = ["-aangevraagd_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(goedgekeurd_bedrag__isnull=True) | Q(goedgekeurd_bedrag__gte=0),
                name="declaratie_goedgekeurd_niet_negatief",
            ),
            models.CheckConstraint(
                condition=Q(notabedrag__isnull=True) | Q(notabedrag__gt=0),
                name="declaratie_nota_positief",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.get_status_display()})"

    @property
    def vergoeding(self) -> Decimal | None:
        """min(nota, approved); 0 while the casemanager has not decided (DOMAIN §7.5)."""
        if self.notabedrag is None:
            return None
        goedgekeurd = self.goedgekeurd_bedrag if self.beoordeeld_op is not None else None
        return regels.vergoeding(notabedrag=self.notabedrag, goedgekeurd=goedgekeurd)

    @property
    def declareren_uiterlijk(self) -> date | None:
        if self.nota_ontvangen_op is None:
            return None
        return regels.declaratietermijn(nota_ontvangen=self.nota_ontvangen_op)

    @property
    def betalen_uiterlijk(self) -> date | None:
        if self.gedeclareerd_op is None:
            return None
        return regels.uiterste_betaaldatum(gedeclareerd_op=self.gedeclareerd_op)


class AdviesOpgevolgd(models.TextChoices):
    JA = "ja", _("Ja, het advies van de arbodienst of casemanager is opgevolgd")
    NEE = "nee", _("Nee")
    ONBEKEND = "onbekend", _("Weet ik niet")


class Loonsanctiemelding(models.Model):
    """The werkgever tells the insurer of UWV's loonsanctie (DOMAIN §7.5)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkgever = models.ForeignKey(Werkgever, on_delete=models.PROTECT, related_name="+")
    verzuimgeval = models.ForeignKey(
        Verzuimgeval, on_delete=models.PROTECT, related_name="loonsanctiemeldingen"
    )
    besluit_ontvangen_op = models.DateField(_("besluit van UWV ontvangen op"))
    weken = models.PositiveSmallIntegerField(
        _("duur van de loonsanctie (weken)"),
        validators=[MinValueValidator(1), MaxValueValidator(52)],
    )
    advies_opgevolgd = models.CharField(
        _("advies opgevolgd"), max_length=10, choices=AdviesOpgevolgd.choices
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    gemeld_op = models.DateField(_("gemeld op"))
    gemeld_door_naam = models.CharField(_("gemeld door"), max_length=200)

    class Meta:
        verbose_name = _("melding loonsanctie")
        verbose_name_plural = _("meldingen loonsanctie")
        ordering = ["-gemeld_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weken__gte=1) & Q(weken__lte=52), name="loonsanctie_1_tot_52_weken"
            )
        ]

    def __str__(self) -> str:
        return f"Loonsanctie {self.weken} weken, gemeld {self.gemeld_op:%d-%m-%Y}"

    @property
    def melden_uiterlijk(self) -> date:
        return regels.loonsanctie_melden_uiterlijk(ontvangen_op=self.besluit_ontvangen_op)

    @property
    def te_laat(self) -> bool:
        return self.gemeld_op > self.melden_uiterlijk
