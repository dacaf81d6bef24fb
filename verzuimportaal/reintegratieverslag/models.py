"""The handed-in re-integratieverslag WIA (DOMAIN §5, ADR 0028): what was compiled from the
dossier at the hand-in, linked to its case at the operator. No medical data (DOMAIN §4.2)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from verzuimportaal.aanvragen.models import Zaak
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werknemers.models import Werknemer


class Reintegratieverslag(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.OneToOneField(Zaak, on_delete=models.PROTECT, related_name="reintegratieverslag")
    # The first spell of the combined case (DOMAIN §5.1): one verslag per 104-week period.
    verzuimgeval = models.OneToOneField(
        Verzuimgeval, on_delete=models.PROTECT, related_name="reintegratieverslag"
    )
    werknemer = models.ForeignKey(
        Werknemer, on_delete=models.PROTECT, related_name="reintegratieverslagen"
    )
    eerste_ziektedag = models.DateField(_("eerste ziektedag"))
    mening_werknemer = models.TextField(_("mening van de werknemer"))
    onderdelen = models.JSONField(_("onderdelen"))
    wia_aanvraag_uiterlijk = models.DateField(_("WIA-aanvraag uiterlijk"))
    te_laat = models.BooleanField(_("na de uiterste datum ingediend"), default=False)
    ingediend_op = models.DateField(_("ingediend op"))

    class Meta:
        verbose_name = _("re-integratieverslag")
        verbose_name_plural = _("re-integratieverslagen")

    def __str__(self) -> str:
        return f"Re-integratieverslag ({self.zaak})"
