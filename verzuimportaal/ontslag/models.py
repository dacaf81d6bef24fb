"""Ontslagaanvraag and compensatie transitievergoeding (DOMAIN §7.6, ADR 0028).

Each submission is a case at the operator (``aanvragen.Zaak``, one-to-one); its documents are the
case's attachments (``aanvragen.Bijlage``), checked by content. What is stored here are the facts
the operator needs besides the documents; never medical data (DOMAIN §4.2).
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verzuimportaal.aanvragen.models import Zaak
from verzuimportaal.werknemers.models import Werknemer


class Ontslagroute(models.TextChoices):
    LANGDURIG_ZIEK = "langdurig_ziek", _("Langdurige arbeidsongeschiktheid")
    BEDRIJFSECONOMISCH = "bedrijfseconomisch", _("Bedrijfseconomische redenen")


class Ontslagaanvraag(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.OneToOneField(Zaak, on_delete=models.PROTECT, related_name="ontslagaanvraag")
    werknemer = models.ForeignKey(
        Werknemer, on_delete=models.PROTECT, related_name="ontslagaanvragen"
    )
    route = models.CharField(_("reden"), max_length=30, choices=Ontslagroute.choices)
    # Langdurig ziek: the bedrijfsarts statement (at most 3 months old) and IVA (no prognosis).
    verklaring_bedrijfsarts_op = models.DateField(
        _("datum verklaring bedrijfsarts"), null=True, blank=True
    )
    iva = models.BooleanField(_("IVA-uitkering"), default=False)
    # Bedrijfseconomisch: the afspiegelingsbeginsel applied, no herplaatsing possible.
    afspiegeling_toegepast = models.BooleanField(
        _("afspiegelingsbeginsel toegepast"), default=False
    )
    herplaatsing_onmogelijk = models.BooleanField(_("herplaatsing niet mogelijk"), default=False)
    ingediend_op = models.DateField(_("ingediend op"))

    class Meta:
        verbose_name = _("ontslagaanvraag")
        verbose_name_plural = _("ontslagaanvragen")
        constraints = [
            models.CheckConstraint(
                condition=Q(route="bedrijfseconomisch", verklaring_bedrijfsarts_op__isnull=True)
                | Q(route="langdurig_ziek", verklaring_bedrijfsarts_op__isnull=False),
                name="ontslag_verklaring_alleen_bij_langdurig_ziek",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_route_display()} ({self.zaak})"


class WijzeEinde(models.TextChoices):
    OPZEGGING = "opzegging", _("Opzegging na toestemming van UWV")
    ONTBINDING = "ontbinding", _("Ontbinding door de kantonrechter")
    VASTSTELLINGSOVEREENKOMST = "vso", _("Beëindigingsovereenkomst (vaststellingsovereenkomst)")
    VAN_RECHTSWEGE = "van_rechtswege", _("Einde van een tijdelijk contract (van rechtswege)")


class Compensatieaanvraag(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.OneToOneField(Zaak, on_delete=models.PROTECT, related_name="compensatieaanvraag")
    werknemer = models.ForeignKey(
        Werknemer, on_delete=models.PROTECT, related_name="compensatieaanvragen"
    )
    laatste_dag_in_dienst = models.DateField(_("laatste dag in dienst"))
    wijze_einde = models.CharField(
        _("hoe is het dienstverband geëindigd"), max_length=20, choices=WijzeEinde.choices
    )
    betaalde_transitievergoeding = models.DecimalField(
        _("betaalde transitievergoeding"), max_digits=12, decimal_places=2
    )
    transitiekosten = models.DecimalField(
        _("in mindering gebrachte transitie- en inzetbaarheidskosten"),
        max_digits=12,
        decimal_places=2,
    )
    verschuldigd_na_opzegverbod = models.DecimalField(
        _("transitievergoeding verschuldigd op de dag na het einde van het opzegverbod"),
        max_digits=12,
        decimal_places=2,
    )
    loon_104_weken = models.DecimalField(
        _("loon betaald tijdens de 104 weken ziekte"), max_digits=12, decimal_places=2
    )
    uitkeringen_104_weken = models.DecimalField(
        _("ontvangen ZW- of no-riskuitkering over die periode"), max_digits=12, decimal_places=2
    )
    betaald_op = models.DateField(_("datum (laatste) betaling transitievergoeding"))
    compensatie = models.DecimalField(_("berekende compensatie"), max_digits=12, decimal_places=2)
    ingediend_op = models.DateField(_("ingediend op"))

    class Meta:
        verbose_name = _("aanvraag compensatie transitievergoeding")
        verbose_name_plural = _("aanvragen compensatie transitievergoeding")
        constraints = [
            models.CheckConstraint(
                condition=Q(compensatie__gte=0), name="compensatie_niet_negatief"
            ),
        ]

    def __str__(self) -> str:
        return f"Compensatie transitievergoeding ({self.zaak})"
