"""Webhook subscriptions of a werkgever (optionally for one of its API clients) and their
deliveries (ADR 0023). Payloads carry ids only; the receiver fetches details with its token."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from verzuimportaal.koppelingen.models import ApiClient
from verzuimportaal.werkgevers.models import Werkgever


class Gebeurtenis(models.TextChoices):
    MELDING_GEREGISTREERD = "melding.geregistreerd", _("Ziekmelding geregistreerd")
    MELDING_HERSTELD = "melding.hersteld", _("Herstel of ziek uit dienst gemeld")
    TERMIJN_NADERT = "termijn.nadert", _("Poortwachtertermijn nadert")
    TERMIJN_VERLOPEN = "termijn.verlopen", _("Poortwachtertermijn verlopen")
    BERICHT_ONTVANGEN = "bericht.ontvangen", _("Bericht ontvangen in de inbox")
    BESLUIT_GENOMEN = "besluit.genomen", _("Besluit op een aanvraag genomen")


class Abonnement(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="webhookabonnementen"
    )
    api_client = models.ForeignKey(
        ApiClient,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="webhookabonnementen",
        verbose_name=_("API-koppeling"),
    )
    url = models.URLField(_("adres"), max_length=500)
    # HMAC key: the portal must sign with it, so it is stored (shown once to the werkgever).
    secret = models.CharField(max_length=100)
    gebeurtenissen = models.JSONField(_("gebeurtenissen"), default=list)
    actief = models.BooleanField(default=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door_naam = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("webhookabonnement")
        verbose_name_plural = _("webhookabonnementen")
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self) -> str:
        return self.url

    def gebeurtenislabels(self) -> list[str]:
        return [str(Gebeurtenis(g).label) for g in self.gebeurtenissen if g in Gebeurtenis.values]


class Levering(models.Model):
    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wachtend")
        AFGELEVERD = "afgeleverd", _("Afgeleverd")
        MISLUKT = "mislukt", _("Mislukt (na 24 uur opgegeven)")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="leveringen")
    gebeurtenis = models.CharField(max_length=40, choices=Gebeurtenis.choices)
    # What happened to which object: the same event is delivered once per subscription.
    sleutel = models.CharField(max_length=200)
    payload = models.JSONField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.WACHTEND)
    pogingen = models.PositiveSmallIntegerField(default=0)
    aangemaakt_op = models.DateTimeField()
    volgende_poging_op = models.DateTimeField(db_index=True)
    afgeleverd_op = models.DateTimeField(null=True, blank=True)
    laatste_statuscode = models.PositiveSmallIntegerField(null=True, blank=True)
    laatste_fout = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("webhooklevering")
        verbose_name_plural = _("webhookleveringen")
        ordering = ["-aangemaakt_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["abonnement", "sleutel"], name="webhooklevering_eenmaal_per_abonnement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gebeurtenis} {self.uuid}"
