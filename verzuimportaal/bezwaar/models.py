"""Bezwaar against a decision (DOMAIN §7.6 [27], ADR 0028).

An objection is itself a case the operator decides (``aanvragen.Zaak``, one-to-one). It is made
against a decision in the portal (``besluit_zaak``: a decided case whose letter is in the inbox)
or against another decision the werkgever received, entered by date and kenmerk.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verzuimportaal.aanvragen.models import Zaak
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werknemers.models import Werknemer


class Bezwaar(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.OneToOneField(Zaak, on_delete=models.PROTECT, related_name="bezwaar")
    besluit_zaak = models.ForeignKey(
        Zaak,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bezwaren",
        verbose_name=_("besluit in het portaal"),
    )
    loonheffingennummer = models.ForeignKey(
        Loonheffingennummer, on_delete=models.PROTECT, related_name="bezwaren"
    )
    werknemer = models.ForeignKey(
        Werknemer, on_delete=models.PROTECT, null=True, blank=True, related_name="bezwaren"
    )
    besluitdatum = models.DateField(_("datum van het besluit"))
    kenmerk = models.CharField(_("kenmerk van het besluit"), max_length=50)
    zw_geschiktheid = models.BooleanField(
        _("besluit over geschiktheid voor werk (Ziektewet)"), default=False
    )
    gronden = models.TextField(_("waarom bent u het niet eens met het besluit"))
    termijn_tot = models.DateField(_("bezwaartermijn tot en met"))
    te_laat = models.BooleanField(_("na de termijn ingediend"), default=False)
    reden_te_laat = models.TextField(_("reden van de late indiening"), blank=True)
    ingediend_op = models.DateField(_("ingediend op"))

    class Meta:
        verbose_name = _("bezwaar")
        verbose_name_plural = _("bezwaren")
        constraints = [
            models.CheckConstraint(
                condition=Q(te_laat=False) | ~Q(reden_te_laat=""),
                name="bezwaar_te_laat_met_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"Bezwaar tegen {self.kenmerk} ({self.zaak})"
