from django.db import models
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.validators import valideer_kvk_nummer, valideer_loonheffingennummer


class Werkgever(models.Model):
    """An employer registered at the KvK (DOMAIN §1)."""

    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, unique=True, validators=[valideer_kvk_nummer]
    )
    naam = models.CharField(_("naam"), max_length=200)
    # Registered postal address: where letters with a verificatiecode go (seed 003 art. 1).
    adres = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    # Raised in the same transaction as every write on the werkgever's werknemers, verzuim and
    # dossiers (``service.markeer_gegevens_gewijzigd``): cached figures are keyed by it, so a
    # change is never hidden by a cache (ADR 0011).
    gegevensversie = models.PositiveBigIntegerField(_("gegevensversie"), default=0, editable=False)
    # An eigenrisicodrager Ziektewet keeps its verzuim records 5 years instead of 2 (DOMAIN §4.7,
    # ``bewaartermijnen.regels``); set by the operator from the UWV decision.
    eigenrisicodrager_zw = models.BooleanField(_("eigenrisicodrager Ziektewet"), default=False)

    class Meta:
        verbose_name = _("werkgever")
        verbose_name_plural = _("werkgevers")
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} (KvK {self.kvk_nummer})"


class Gegevenswijziging(models.Model):
    """One raise of a werkgever's ``gegevensversie``, with the first day the write can change a
    figure of (ADR 0047). A figure over a period that ends before every such day since it was
    computed still holds: the statistics of last year survive a ziekmelding of today.

    ``vanaf`` is ``date.min`` when the write did not say (anything may have changed). Rows older
    than the figures' cache lifetime are removed by the next write of the werkgever.
    """

    werkgever = models.ForeignKey(Werkgever, on_delete=models.CASCADE, related_name="+")
    versie = models.PositiveBigIntegerField()
    vanaf = models.DateField()
    op = models.DateTimeField()

    class Meta:
        verbose_name = _("gegevenswijziging")
        verbose_name_plural = _("gegevenswijzigingen")
        indexes = [models.Index(fields=["werkgever", "versie"], name="gegevenswijziging_versie")]

    def __str__(self) -> str:
        return f"versie {self.versie} vanaf {self.vanaf:%d-%m-%Y}"


class Loonheffingennummer(models.Model):
    """Payroll tax number, e.g. 123456782L01 (DOMAIN §1). May be inactive (seed 001).

    Users only see a number (and its werknemers and verzuim) once it is active and activated with
    the verificatiecode from a letter (``geactiveerd_op``, seed 003 art. 1 and 2.6, DOMAIN §8).
    """

    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.PROTECT, related_name="loonheffingennummers"
    )
    nummer = models.CharField(
        _("loonheffingennummer"),
        max_length=12,
        unique=True,
        validators=[valideer_loonheffingennummer],
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    geactiveerd_op = models.DateTimeField(
        _("geactiveerd met verificatiecode op"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("loonheffingennummer")
        verbose_name_plural = _("loonheffingennummers")
        ordering = ["nummer"]

    def __str__(self) -> str:
        return self.nummer

    @property
    def is_geactiveerd(self) -> bool:
        return self.geactiveerd_op is not None


class Intermediair(models.Model):
    """Organisation acting for werkgevers (adviseur, administratiekantoor, servicedesk)."""

    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, unique=True, validators=[valideer_kvk_nummer]
    )
    naam = models.CharField(_("naam"), max_length=200)

    class Meta:
        verbose_name = _("intermediair")
        verbose_name_plural = _("intermediairs")
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} (KvK {self.kvk_nummer})"
