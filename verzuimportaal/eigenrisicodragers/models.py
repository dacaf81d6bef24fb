"""Eigenrisicodragers (DOMAIN §1, §3 services 4, 5 and 7; ADR 0040): what UWV delivers to an
employer that carries the ZW, WGA or WW risk itself, loaded by the operator.

``Erdstatus`` is the ERD status per loonheffingennummer and risk, with its dates. ``Erddocument`` is
one letter or record: a controle-document, a financial letter (recht, hoogte en duur;
maandfactuur; onderbouwing declaratie WW per BSN) or the WW re-integratiegegevens of an
(ex-)werknemer. The service that shows a document follows from its ``soort``.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.beheerimport import Beheerimport
from verzuimportaal.utils.beheerimport import Importstatus as Importstatus
from verzuimportaal.werkgevers.models import Loonheffingennummer


class Risico(models.TextChoices):
    ZW = "zw", _("Ziektewet")
    WGA = "wga", _("WGA")
    WW = "ww", _("WW")


class Erdstatus(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loonheffingennummer = models.ForeignKey(
        Loonheffingennummer, on_delete=models.PROTECT, related_name="erdstatussen"
    )
    risico = models.CharField(_("risico"), max_length=3, choices=Risico.choices)
    ingangsdatum = models.DateField(_("eigenrisicodrager vanaf"))
    einddatum = models.DateField(_("eigenrisicodrager tot en met"), null=True, blank=True)

    class Meta:
        verbose_name = _("status eigenrisicodrager")
        verbose_name_plural = _("statussen eigenrisicodrager")
        ordering = ["loonheffingennummer__nummer", "risico", "-ingangsdatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["loonheffingennummer", "risico", "ingangsdatum"],
                name="erdstatus_uniek_per_ingang",
            ),
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True)
                | models.Q(einddatum__gte=models.F("ingangsdatum")),
                name="erdstatus_einde_na_ingang",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_risico_display()} vanaf {self.ingangsdatum:%d-%m-%Y}"


class Documentsoort(models.TextChoices):
    CONTROLE = "controle", _("Controledocument")
    RECHT_HOOGTE_DUUR = "recht_hoogte_duur", _("Recht, hoogte en duur van de uitkering")
    MAANDFACTUUR = "maandfactuur", _("Maandfactuur")
    DECLARATIE_WW = "declaratie_ww", _("Onderbouwing declaratie WW")
    REINTEGRATIE_WW = "reintegratie_ww", _("Re-integratiegegevens WW")


# DOMAIN §3: which service shows which kind of document.
DIENST_PER_SOORT: dict[str, str] = {
    Documentsoort.CONTROLE: Dienst.CONTROLE_ERD,
    Documentsoort.RECHT_HOOGTE_DUUR: Dienst.FINANCIEEL_ERD,
    Documentsoort.MAANDFACTUUR: Dienst.FINANCIEEL_ERD,
    Documentsoort.DECLARATIE_WW: Dienst.FINANCIEEL_ERD,
    Documentsoort.REINTEGRATIE_WW: Dienst.REINTEGRATIE_ERD_WW,
}


def soorten_voor(dienst: str) -> list[str]:
    return [soort for soort, d in DIENST_PER_SOORT.items() if d == dienst]


class Erddocument(models.Model):
    """One letter or record from UWV for an eigenrisicodrager; never changed after loading."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loonheffingennummer = models.ForeignKey(
        Loonheffingennummer, on_delete=models.PROTECT, related_name="erddocumenten"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Documentsoort.choices)
    kenmerk = models.CharField(_("kenmerk"), max_length=40)
    documentdatum = models.DateField(_("datum"))
    regeling = models.CharField(
        _("regeling"), max_length=3, choices=Risico.choices, blank=True
    )  # WGA or WW for the financial letters and WW records
    # The (ex-)werknemer a letter is about, as UWV names them (not necessarily in the portal).
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    van = models.DateField(_("van"), null=True, blank=True)
    tot = models.DateField(_("tot en met"), null=True, blank=True)
    bedrag = models.DecimalField(
        _("bedrag"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    geladen_op = models.DateTimeField(_("geladen op"), auto_now_add=True)

    class Meta:
        verbose_name = _("document eigenrisicodrager")
        verbose_name_plural = _("documenten eigenrisicodrager")
        ordering = ["-documentdatum", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["loonheffingennummer", "soort", "kenmerk"],
                name="erddocument_kenmerk_uniek",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.kenmerk}"

    @property
    def dienst(self) -> str:
        return DIENST_PER_SOORT[self.soort]


class Importsoort(models.TextChoices):
    STATUS = "status", _("Status eigenrisicodrager")
    DOCUMENTEN = "documenten", _("Documenten en brieven")


class Erdimport(Beheerimport):
    """One upload by the operator: first a proefdraai (checked, nothing changed), then
    vastgelegd."""

    soort = models.CharField(_("soort"), max_length=12, choices=Importsoort.choices)
    regels = models.JSONField(_("regels"), default=list, blank=True)

    class Meta(Beheerimport.Meta):
        verbose_name = _("import eigenrisicodragers")
        verbose_name_plural = _("imports eigenrisicodragers")
        permissions = [("importeren", _("Kan gegevens van eigenrisicodragers importeren"))]

    def __str__(self) -> str:
        return self.bestandsnaam

    @property
    def aantal(self) -> int:
        """The rows of the file (shown on the operator's pages)."""
        return len(self.regels)
