"""Submissions to the operator as cases (zaken): ontvangen → in behandeling → besluit (ADR 0027).

Generic on purpose: a service that submits something (a WAZO aanvraag now; RIV, ontslagaanvraag,
compensatie and bezwaar plug in the same way) calls ``aanvragen.service.ontvang`` in its own
transaction and links its object to the case. The history (``Gebeurtenis``) is what the werkgever
sees of the handling; it never holds medical data (DOMAIN §4.2).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verzuimportaal.berichten.models import Bericht
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.opslag import prive_opslag
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers.models import Werknemer


class Soort(models.TextChoices):
    WAZO = "wazo", _("WAZO-verlof en -uitkering")
    REINTEGRATIEVERSLAG = "reintegratieverslag", _("Re-integratieverslag WIA")
    ONTSLAG = "ontslag", _("Ontslagaanvraag")
    COMPENSATIE = "compensatie", _("Compensatie transitievergoeding")
    BEZWAAR = "bezwaar", _("Bezwaar")


# The catalogue service that gates a case of each kind (DOMAIN §3; ADR 0028).
DIENST_PER_SOORT: dict[str, str] = {
    Soort.WAZO: Dienst.VERZUIM_MELDEN,
    Soort.REINTEGRATIEVERSLAG: Dienst.REINTEGRATIE_WIA,
    # DOMAIN §3 service 3: "Indienen ontslagaanvraag (upload; compensatie transitievergoeding)".
    Soort.ONTSLAG: Dienst.ONTSLAGAANVRAAG,
    Soort.COMPENSATIE: Dienst.ONTSLAGAANVRAAG,
    Soort.BEZWAAR: Dienst.BEZWAAR,
}


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    INFORMATIE_GEVRAAGD = "informatie_gevraagd", _("Informatie gevraagd")
    BESLUIT = "besluit", _("Besluit genomen")


class Besluit(models.TextChoices):
    TOEGEKEND = "toegekend", _("Toegekend")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


class Zaak(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaknummer = models.CharField(_("zaaknummer"), max_length=20, unique=True)
    werkgever = models.ForeignKey(Werkgever, on_delete=models.PROTECT, related_name="zaken")
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    dienst = models.CharField(_("dienst"), max_length=30, choices=Dienst.choices)
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    werknemer = models.ForeignKey(
        Werknemer, on_delete=models.PROTECT, null=True, blank=True, related_name="zaken"
    )
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.ONTVANGEN
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandelaar"),
    )
    ontvangen_op = models.DateTimeField(_("ontvangen op"))
    besluit = models.CharField(_("besluit"), max_length=20, choices=Besluit.choices, blank=True)
    besluit_toelichting = models.TextField(_("toelichting bij het besluit"), blank=True)
    besluit_op = models.DateField(_("besluitdatum"), null=True, blank=True)
    brief = models.ForeignKey(
        Bericht, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("zaak")
        verbose_name_plural = _("zaken")
        ordering = ["-ontvangen_op", "-pk"]
        permissions = [("behandelen", "Mag aanvragen behandelen (behandelaarsomgeving)")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(status=Status.BESLUIT) & ~Q(besluit="") & Q(besluit_op__isnull=False))
                | (~Q(status=Status.BESLUIT) & Q(besluit="")),
                name="zaak_besluit_alleen_met_status_besluit",
            ),
        ]
        indexes = [models.Index(fields=["status", "ontvangen_op"])]

    def __str__(self) -> str:
        return self.zaaknummer


class Gebeurtenis(models.Model):
    """One step in the handling of a case, shown to the werkgever as its history."""

    class Soort(models.TextChoices):
        ONTVANGEN = "ontvangen", _("Aanvraag ontvangen")
        TOEGEWEZEN = "toegewezen", _("In behandeling genomen")
        INFORMATIE_GEVRAAGD = "informatie_gevraagd", _("Informatie gevraagd")
        BEANTWOORD = "beantwoord", _("Informatie gegeven door de werkgever")
        BESLUIT = "besluit", _("Besluit genomen")

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="gebeurtenissen")
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    tijdstip = models.DateTimeField(_("tijdstip"))
    toelichting = models.TextField(_("toelichting"), blank=True)
    door_naam = models.CharField(_("door"), max_length=200)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["zaak", "tijdstip", "pk"]

    def __str__(self) -> str:
        return f"{self.zaak}: {self.get_soort_display()}"


def _bijlagepad(instance: "Bijlage", filename: str) -> str:
    # The stored name never carries the uploaded name (that may hold a person's name).
    return f"aanvragen/{instance.zaak_id}/{instance.uuid}.bin"


class Bijlage(models.Model):
    """A document sent with a submission or an answer, checked by content (DOMAIN §9) and kept on
    the private storage; served only by access-checked views as an attachment."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="bijlagen")
    soort = models.CharField(_("soort"), max_length=40)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    bestand = models.FileField(_("bestand"), storage=prive_opslag, upload_to=_bijlagepad)
    naam = models.CharField(_("bestandsnaam"), max_length=120)
    content_type = models.CharField(_("bestandstype"), max_length=100)
    grootte = models.PositiveIntegerField(_("grootte in bytes"))
    sha256 = models.CharField(max_length=64)
    geupload_op = models.DateTimeField(_("geüpload op"))
    geupload_door_naam = models.CharField(_("geüpload door"), max_length=200)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["zaak", "geupload_op", "pk"]

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.naam})"
