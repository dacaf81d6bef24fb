"""WAZO leave of an employee (DOMAIN §4.4, §7.1): the melding and the period computed from it.

The facts the employer reports are stored; ``eerste_dag`` and ``laatste_dag`` are the period
computed by ``wazo.periode`` and are recomputed by the service on every change (the birth reported
later, a hospital admission), so the Poortwachter engine and the statistics can read them in SQL.
No medical data: the expected date, the birth and an admission of the child are leave facts.
"""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from verzuimportaal.aanvragen.models import Zaak
from verzuimportaal.werknemers.models import Werknemer

from .periode import Verlofsoort


class Soort(models.TextChoices):
    ZWANGERSCHAP = Verlofsoort.ZWANGERSCHAP.value, _("Zwangerschaps- en bevallingsverlof")
    AANVULLEND_GEBOORTEVERLOF = (
        Verlofsoort.AANVULLEND_GEBOORTEVERLOF.value,
        _("Aanvullend geboorteverlof (partner)"),
    )
    ADOPTIE = Verlofsoort.ADOPTIE.value, _("Adoptieverlof")
    PLEEGZORG = Verlofsoort.PLEEGZORG.value, _("Pleegzorgverlof")


class UitkeringAan(models.TextChoices):
    """DOMAIN §7.1 [5,6]: UWV pays the employer by default, or the employee."""

    WERKGEVER = "werkgever", _("Werkgever (loon doorbetalen)")
    WERKNEMER = "werknemer", _("Werknemer")


class Wazoverlof(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werknemer = models.ForeignKey(Werknemer, on_delete=models.PROTECT, related_name="wazoverloven")
    soort = models.CharField(_("soort verlof"), max_length=30, choices=Soort.choices)
    # Zwangerschaps- en bevallingsverlof.
    uitgerekende_datum = models.DateField(_("uitgerekende datum"), null=True, blank=True)
    meerling = models.BooleanField(_("meerlingzwangerschap"), default=False)
    geboortedatum = models.DateField(_("geboortedatum kind"), null=True, blank=True)
    ziekenhuis_van = models.DateField(_("opname kind in ziekenhuis vanaf"), null=True, blank=True)
    ziekenhuis_tot = models.DateField(
        _("opname kind in ziekenhuis tot en met"), null=True, blank=True
    )
    # Aanvullend geboorteverlof: the last day of the employer-paid week of geboorteverlof.
    einde_geboorteverlof = models.DateField(
        _("laatste dag geboorteverlof (eerste week)"), null=True, blank=True
    )
    # Adoptie- en pleegzorgverlof.
    datum_komst = models.DateField(_("datum komst kind"), null=True, blank=True)
    weken = models.PositiveSmallIntegerField(_("aantal weken"), null=True, blank=True)
    ingangsdatum = models.DateField(_("ingangsdatum verlof"))
    uitkering_aan = models.CharField(
        _("uitkering betalen aan"),
        max_length=10,
        choices=UitkeringAan.choices,
        default=UitkeringAan.WERKGEVER,
    )
    # Computed (wazo.periode), recomputed on every change.
    eerste_dag = models.DateField(_("eerste verlofdag"))
    laatste_dag = models.DateField(_("laatste verlofdag"))
    bevallingsverlof_dagen = models.PositiveSmallIntegerField(default=0)
    verlenging_ziekenhuis = models.PositiveSmallIntegerField(default=0)
    ziektedagen_voor_ingang = models.PositiveSmallIntegerField(default=0)
    # The application: when, by whom, and whether it was late (DOMAIN §7.1 windows).
    aangevraagd_op = models.DateField(_("aangevraagd op"))
    te_laat = models.BooleanField(_("na de aanvraagtermijn ingediend"), default=False)
    aangemaakt_op = models.DateTimeField(_("gemeld op"))
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"))
    # The application as a case at the operator (ontvangen → in behandeling → besluit, ADR 0027).
    zaak = models.OneToOneField(
        Zaak, on_delete=models.PROTECT, null=True, blank=True, related_name="wazoverlof"
    )

    class Meta:
        verbose_name = _("WAZO-verlof")
        verbose_name_plural = _("WAZO-verloven")
        ordering = ["-eerste_dag", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(laatste_dag__gte=F("eerste_dag")), name="wazoverlof_einde_na_begin"
            ),
            models.CheckConstraint(
                condition=~Q(soort=Soort.ZWANGERSCHAP) | Q(uitgerekende_datum__isnull=False),
                name="wazoverlof_zwangerschap_met_uitgerekende_datum",
            ),
            models.CheckConstraint(
                condition=Q(ziekenhuis_van__isnull=True, ziekenhuis_tot__isnull=True)
                | Q(ziekenhuis_tot__gte=F("ziekenhuis_van")),
                name="wazoverlof_ziekenhuis_van_tot",
            ),
        ]
        indexes = [models.Index(fields=["werknemer", "eerste_dag"])]

    def __str__(self) -> str:
        soort = self.get_soort_display()
        return f"{soort} {self.eerste_dag:%d-%m-%Y} – {self.laatste_dag:%d-%m-%Y}"

    @property
    def is_zwangerschap(self) -> bool:
        return self.soort == Soort.ZWANGERSCHAP

    @property
    def dagen(self) -> int:
        return (self.laatste_dag - self.eerste_dag).days + 1

    def omvat(self, dag: date) -> bool:
        return self.eerste_dag <= dag <= self.laatste_dag
