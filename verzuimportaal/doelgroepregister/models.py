"""The doelgroepregister banenafspraak as the operator loads it (DOMAIN §7.7, ADR 0040).

The register is delivered whole: each import replaces the previous one, all or nothing. A person is
in the register or not; the date of the data (``peildatum``) is the import's. The grondslag (why a
person is registered) is never stored.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.beheerimport import Beheerimport
from verzuimportaal.utils.beheerimport import Importstatus as Importstatus
from verzuimportaal.utils.validators import valideer_bsn


class Registerimport(Beheerimport):
    """One upload of the register: first a proefdraai (checked, nothing changed), then
    vastgelegd."""

    peildatum = models.DateField(_("stand van"))
    # The BSNs of a proefdraai until it is vastgelegd or replaced; emptied afterwards.
    bsns = models.JSONField(_("BSN's"), default=list, blank=True)
    aantal = models.PositiveIntegerField(_("aantal personen"), default=0)

    class Meta(Beheerimport.Meta):
        verbose_name = _("import doelgroepregister")
        verbose_name_plural = _("imports doelgroepregister")
        permissions = [("importeren", _("Kan het doelgroepregister importeren"))]

    def __str__(self) -> str:
        return f"{self.bestandsnaam} ({self.peildatum:%d-%m-%Y})"


class Inschrijving(models.Model):
    """A person in the register of the current stand (the vastgelegde import)."""

    bsn = models.CharField(_("BSN"), max_length=9, unique=True, validators=[valideer_bsn])
    registerimport = models.ForeignKey(
        Registerimport, on_delete=models.PROTECT, related_name="inschrijvingen"
    )

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")

    def __str__(self) -> str:
        return f"inschrijving {self.pk}"
