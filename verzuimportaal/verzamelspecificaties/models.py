"""UWV benefits paid to the werkgever and the verzamelspecificatie (DOMAIN §7.2, ADR 0045).

``Specificatieregel`` is one line of the verzamelspecificatie: per werknemer and soort (ZW or WAZO)
one betaalperiode with its dagloon, percentage, maximumdagloon, dagbedrag and bruto. The portal
computes the lines it can (WAZO leave paid to the werkgever, vangnet ZW cases with a recorded
``Vangnetuitkering``); the uitvoerder's feed delivers the rest (``Specificatieimport``). A line is
never changed once written; the monthly uitkering run deducts the dagbedragen (DOMAIN §7.3).

``Maximumdagloon`` is the dated table of the maximum (1 January and 1 July), kept by the operator.
"""

import uuid
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verzuimportaal.geld.uwv import Soort as UwvSoort
from verzuimportaal.utils.beheerimport import Beheerimport
from verzuimportaal.utils.beheerimport import Importstatus as Importstatus
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.wazo.models import Wazoverlof
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers.models import Werknemer


class RegelGewijzigd(Exception):
    """An attempt to change or remove a line of the verzamelspecificatie."""


class Maximumdagloon(models.Model):
    """The maximumdagloon from ``ingangsdatum`` on (DOMAIN §7.2 [13]); set 1 January and 1 July."""

    ingangsdatum = models.DateField(_("ingangsdatum"), unique=True)
    bedrag = models.DecimalField(_("maximumdagloon"), max_digits=8, decimal_places=2)
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"))
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("maximumdagloon")
        verbose_name_plural = _("maximumdaglonen")
        ordering = ["-ingangsdatum"]
        permissions = [("beheren", _("Kan UWV-specificaties en het maximumdagloon beheren"))]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gt=0), name="maximumdagloon_positief"),
            models.CheckConstraint(
                condition=Q(ingangsdatum__day=1, ingangsdatum__month__in=[1, 7]),
                name="maximumdagloon_1_januari_of_1_juli",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bedrag} per {self.ingangsdatum:%d-%m-%Y}"


class Grondslag(models.TextChoices):
    """Why the UWV pays (DOMAIN §7.2); the soort on the verzamelspecificatie follows from it."""

    ZIEKTEWET = UwvSoort.ZIEKTEWET.value, _("Ziektewet (vangnet)")
    ZWANGERSCHAP = UwvSoort.ZWANGERSCHAP.value, _("Ziektewet, ziek door zwangerschap of bevalling")
    ORGAANDONATIE = UwvSoort.ORGAANDONATIE.value, _("Ziektewet, orgaandonatie")
    NO_RISKPOLIS = UwvSoort.NO_RISKPOLIS.value, _("Ziektewet, no-riskpolis")
    WAZO = UwvSoort.WAZO.value, _("WAZO-verlof")
    AANVULLEND_GEBOORTEVERLOF = (
        UwvSoort.AANVULLEND_GEBOORTEVERLOF.value,
        _("WAZO, aanvullend geboorteverlof"),
    )


WAZO_GRONDSLAGEN = frozenset({Grondslag.WAZO, Grondslag.AANVULLEND_GEBOORTEVERLOF})
VANGNET_GRONDSLAGEN = tuple(g for g in Grondslag if g not in WAZO_GRONDSLAGEN)


class Uitkeringssoort(models.TextChoices):
    ZW = "zw", _("ZW")
    WAZO = "wazo", _("WAZO")


def uitkeringssoort(grondslag: str) -> Uitkeringssoort:
    return Uitkeringssoort.WAZO if grondslag in WAZO_GRONDSLAGEN else Uitkeringssoort.ZW


class Bron(models.TextChoices):
    BEREKEND = "berekend", _("Berekend door het portaal")
    UITVOERDER = "uitvoerder", _("Aangeleverd door de uitvoerder")


class Vangnetuitkering(models.Model):
    """The UWV's decision that a spell is a vangnet ZW case (DOMAIN §7.2), recorded by the
    operator: the grondslag and, for the no-riskpolis, the percentage of the cao."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    verzuimgeval = models.OneToOneField(
        Verzuimgeval, on_delete=models.PROTECT, related_name="vangnetuitkering"
    )
    grondslag = models.CharField(
        _("grondslag"), max_length=30, choices=[(g.value, g.label) for g in VANGNET_GRONDSLAGEN]
    )
    percentage = models.DecimalField(_("percentage"), max_digits=5, decimal_places=2)
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"))

    class Meta:
        verbose_name = _("vangnetuitkering Ziektewet")
        verbose_name_plural = _("vangnetuitkeringen Ziektewet")
        constraints = [
            models.CheckConstraint(
                condition=Q(percentage__gte=0) & Q(percentage__lte=100),
                name="vangnetuitkering_percentage",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_grondslag_display()} {self.percentage} %"


class Specificatieimport(Beheerimport):
    """One file of the uitvoerder's feed (CSV or JSON): first a proefdraai, then vastgelegd."""

    # The checked lines of a proefdraai until vastgelegd; emptied afterwards.
    regels = models.JSONField(_("regels"), default=list, blank=True)
    aantal = models.PositiveIntegerField(_("aantal regels"), default=0)

    class Meta(Beheerimport.Meta):
        verbose_name = _("import UWV-specificaties")
        verbose_name_plural = _("imports UWV-specificaties")

    def __str__(self) -> str:
        return self.bestandsnaam


class SpecificatieregelQuerySet(models.QuerySet["Specificatieregel"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise RegelGewijzigd("Regels van een verzamelspecificatie worden niet gewijzigd.")

    def delete(self) -> NoReturn:
        raise RegelGewijzigd("Regels van een verzamelspecificatie worden niet verwijderd.")


class Specificatieregel(models.Model):
    """One betaalperiode of one UWV benefit for one werknemer (DOMAIN §7.2).

    ``dagbedrag`` = round(min(dagloon, maximumdagloon) × percentage); ``bruto`` = dagbedrag ×
    ``uitkeringsdagen`` (Monday to Friday of ``van`` … ``tot_en_met``). ``dagloon`` is shown to
    the cent; the dagbedrag of a computed line is taken from the unrounded dagloon (ADR 0045).
    """

    werkgever = models.ForeignKey(Werkgever, on_delete=models.PROTECT, related_name="+")
    werknemer = models.ForeignKey(
        Werknemer, on_delete=models.PROTECT, related_name="specificatieregels"
    )
    grondslag = models.CharField(_("grondslag"), max_length=30, choices=Grondslag.choices)
    van = models.DateField(_("van"))
    tot_en_met = models.DateField(_("tot en met"))
    dagloon = models.DecimalField(_("dagloon"), max_digits=10, decimal_places=2)
    percentage = models.DecimalField(_("percentage"), max_digits=5, decimal_places=2)
    maximumdagloon = models.DecimalField(_("maximumdagloon"), max_digits=8, decimal_places=2)
    dagbedrag = models.DecimalField(_("dagbedrag"), max_digits=10, decimal_places=2)
    uitkeringsdagen = models.SmallIntegerField(_("uitkeringsdagen"))
    bruto = models.DecimalField(_("bruto"), max_digits=12, decimal_places=2)
    bron = models.CharField(_("bron"), max_length=10, choices=Bron.choices)
    specificatieimport = models.ForeignKey(
        Specificatieimport, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    wazoverlof = models.ForeignKey(
        Wazoverlof, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vangnetuitkering = models.ForeignKey(
        Vangnetuitkering, on_delete=models.PROTECT, null=True, blank=True, related_name="regels"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"))

    objects = SpecificatieregelQuerySet.as_manager()

    class Meta:
        verbose_name = _("regel verzamelspecificatie")
        verbose_name_plural = _("regels verzamelspecificatie")
        ordering = ["van", "werknemer", "grondslag", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["werknemer", "grondslag", "van"], name="specificatieregel_een_per_begin"
            ),
            models.CheckConstraint(
                condition=Q(tot_en_met__gte=models.F("van")), name="specificatieregel_van_tot"
            ),
            models.CheckConstraint(
                condition=Q(dagbedrag__gte=0) & Q(bruto__gte=0) & Q(uitkeringsdagen__gte=0),
                name="specificatieregel_niet_negatief",
            ),
        ]
        indexes = [
            models.Index(fields=["werkgever", "tot_en_met"], name="specificatieregel_werkgever"),
            models.Index(fields=["vastgelegd_op"], name="specificatieregel_vastgelegd"),
        ]

    def __str__(self) -> str:
        return f"{self.grondslag} {self.van:%d-%m-%Y} – {self.tot_en_met:%d-%m-%Y} {self.bruto}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RegelGewijzigd("Regels van een verzamelspecificatie worden niet gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise RegelGewijzigd("Regels van een verzamelspecificatie worden niet verwijderd.")

    @property
    def soort(self) -> Uitkeringssoort:
        return uitkeringssoort(self.grondslag)
