import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from verzuimportaal.werknemers.models import Werknemer


class Vangnet(models.TextChoices):
    """DOMAIN §4.2 (4): only *whether* a vangnet provision applies, never which one."""

    JA = "ja", _("Ja")
    NEE = "nee", _("Nee")
    ONBEKEND = "onbekend", _("Weet ik niet")


class EindeReden(models.TextChoices):
    HERSTELD = "hersteld", _("Volledig hersteld")
    UIT_DIENST = "uit_dienst", _("Ziek uit dienst")


class MutatieSoort(models.TextChoices):
    ZIEKMELDING = "ziekmelding", _("Ziekmelding")
    GEDEELTELIJK_HERSTELD = "gedeeltelijk_hersteld", _("Gedeeltelijk hersteld")
    VOLLEDIG_HERSTELD = "volledig_hersteld", _("Volledig hersteld")
    ZIEK_UIT_DIENST = "ziek_uit_dienst", _("Ziek uit dienst")


class Verzuimgeval(models.Model):
    """One spell of sickness, from the first sick day to ``einddatum`` (exclusive).

    ``einddatum`` is the hersteldatum (first day fit, DOMAIN §4.1) or, for ziek uit dienst, the day
    after the last day of employment (DOMAIN §4.5). No medical data is stored here (DOMAIN §4.2).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    verzuimnummer = models.CharField(_("verzuimnummer"), max_length=20, unique=True)
    werknemer = models.ForeignKey(
        Werknemer, on_delete=models.PROTECT, related_name="verzuimgevallen"
    )
    eerste_ziektedag = models.DateField(_("eerste ziektedag"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    einde_reden = models.CharField(
        _("reden einde"), max_length=20, choices=EindeReden.choices, blank=True
    )
    # DOMAIN §4.2: the exhaustive list of what the employer side may register.
    arbeidsconflict = models.BooleanField(_("arbeidsconflict"), default=False)
    bedrijfsongeval = models.BooleanField(_("verband met een arbeidsongeval"), default=False)
    aansprakelijke_derde = models.BooleanField(
        _("ongeval met mogelijk aansprakelijke derde"), default=False
    )
    vangnet = models.CharField(
        _("vangnetregeling Ziektewet van toepassing"),
        max_length=10,
        choices=Vangnet.choices,
        default=Vangnet.ONBEKEND,
    )
    verwachte_duur_dagen = models.PositiveIntegerField(
        _("verwachte duur in kalenderdagen"), null=True, blank=True
    )
    bereikbaar_telefoon = models.CharField(
        _("telefoonnummer tijdens ziekte"), max_length=20, blank=True
    )
    verblijfadres = models.CharField(
        _("(verpleeg)adres tijdens ziekte"), max_length=300, blank=True
    )
    gemeld_op = models.DateTimeField(_("gemeld op"))
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("verzuimgeval")
        verbose_name_plural = _("verzuimgevallen")
        ordering = ["-eerste_ziektedag", "-pk"]
        constraints = [
            # Two open spells for one employee can never both be stored (issue guard in SQL too).
            models.UniqueConstraint(
                fields=["werknemer"],
                condition=Q(einddatum__isnull=True),
                name="verzuimgeval_een_open_per_werknemer",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gt=F("eerste_ziektedag")),
                name="verzuimgeval_einde_na_begin",
            ),
            models.CheckConstraint(
                condition=(Q(einddatum__isnull=True) & Q(einde_reden=""))
                | (Q(einddatum__isnull=False) & ~Q(einde_reden="")),
                name="verzuimgeval_einde_met_reden",
            ),
        ]
        indexes = [models.Index(fields=["werknemer", "eerste_ziektedag"])]

    def __str__(self) -> str:
        return self.verzuimnummer

    @property
    def is_open(self) -> bool:
        return self.einddatum is None

    @property
    def hersteldatum(self) -> date | None:
        return self.einddatum if self.einde_reden == EindeReden.HERSTELD else None

    def duur_dagen(self, peildatum: date) -> int:
        """Calendar days sick up to ``peildatum`` (inclusive) or until the end of the spell."""
        einde = self.einddatum or date.fromordinal(peildatum.toordinal() + 1)
        return (einde - self.eerste_ziektedag).days


class Verzuimmutatie(models.Model):
    """One step of the percentage history of a spell (DOMAIN §4.3).

    From ``ingangsdatum`` on, the employee is ``percentage_arbeidsongeschikt`` % unfit until the
    next mutation; statistics integrate this step function over days (DOMAIN §6).
    """

    verzuimgeval = models.ForeignKey(
        Verzuimgeval, on_delete=models.CASCADE, related_name="mutaties"
    )
    soort = models.CharField(_("soort"), max_length=30, choices=MutatieSoort.choices)
    ingangsdatum = models.DateField(_("ingangsdatum"))
    percentage_arbeidsongeschikt = models.PositiveSmallIntegerField(
        _("percentage arbeidsongeschikt"), null=True, blank=True
    )
    loonwaarde_percentage = models.PositiveSmallIntegerField(
        _("loonwaarde van ander werk (%)"), null=True, blank=True
    )
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"))
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    geregistreerd_door_naam = models.CharField(_("geregistreerd door"), max_length=200)

    class Meta:
        verbose_name = _("verzuimmutatie")
        verbose_name_plural = _("verzuimmutaties")
        ordering = ["verzuimgeval", "ingangsdatum", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["verzuimgeval", "ingangsdatum"], name="mutatie_een_per_dag"
            ),
            models.CheckConstraint(
                condition=Q(percentage_arbeidsongeschikt__isnull=True)
                | Q(percentage_arbeidsongeschikt__lte=100),
                name="mutatie_percentage_max_100",
            ),
            models.CheckConstraint(
                condition=~Q(soort=MutatieSoort.GEDEELTELIJK_HERSTELD)
                | Q(percentage_arbeidsongeschikt__gte=1, percentage_arbeidsongeschikt__lte=99),
                name="mutatie_gedeeltelijk_1_tot_99",
            ),
            models.CheckConstraint(
                condition=Q(loonwaarde_percentage__isnull=True) | Q(loonwaarde_percentage__lte=100),
                name="mutatie_loonwaarde_max_100",
            ),
        ]
        indexes = [models.Index(fields=["geregistreerd_op"])]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} per {self.ingangsdatum:%d-%m-%Y}"


class Nummerreeks(models.Model):
    """Gap-free counters for user-visible numbers (e.g. verzuimnummer per year)."""

    sleutel = models.CharField(max_length=50, primary_key=True)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("nummerreeks")
        verbose_name_plural = _("nummerreeksen")

    def __str__(self) -> str:
        return f"{self.sleutel}: {self.laatste}"
