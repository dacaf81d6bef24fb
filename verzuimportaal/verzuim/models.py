import uuid
from datetime import date
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from verzuimportaal.toegang.actor import Route
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers.models import Werknemer


class Vangnet(models.TextChoices):
    """DOMAIN §4.2 (4): only *whether* a vangnet provision applies, never which one."""

    JA = "ja", _("Ja")
    NEE = "nee", _("Nee")
    ONBEKEND = "onbekend", _("Weet ik niet")


class ZelfdeOorzaak(models.TextChoices):
    """DOMAIN §5.1: sickness right after WAZO leave; the bedrijfsarts's answer, never a diagnosis.

    ``onbekend`` combines like ``ja``: BW 7:629 lid 10 combines unless the unfitness cannot
    reasonably come from the same cause (ADR 0026).
    """

    JA = "ja", _("Ja")
    NEE = "nee", _("Nee")
    ONBEKEND = "onbekend", _("Nog niet bekend")


class EindeReden(models.TextChoices):
    HERSTELD = "hersteld", _("Volledig hersteld")
    UIT_DIENST = "uit_dienst", _("Ziek uit dienst")
    # DOMAIN §5.1, §7.1: a spell that runs into zwangerschaps- en bevallingsverlof ends at the
    # leave start (ADR 0026); it is no recovery (no hersteldatum, not in the gemiddelde duur).
    VERLOF = "verlof", _("Begin zwangerschaps- en bevallingsverlof")


class MutatieSoort(models.TextChoices):
    ZIEKMELDING = "ziekmelding", _("Ziekmelding")
    GEDEELTELIJK_HERSTELD = "gedeeltelijk_hersteld", _("Gedeeltelijk hersteld")
    VOLLEDIG_HERSTELD = "volledig_hersteld", _("Volledig hersteld")
    ZIEK_UIT_DIENST = "ziek_uit_dienst", _("Ziek uit dienst")
    # A changed percentage (1–100) from a date, up or down; raising is never "herstel" (ADR 0009).
    WIJZIGING = "wijziging", _("Wijziging percentage")


# The mutations that set the percentage unfit from their date on (DOMAIN §4.3).
MUTATIES_MET_PERCENTAGE = (
    MutatieSoort.ZIEKMELDING,
    MutatieSoort.GEDEELTELIJK_HERSTELD,
    MutatieSoort.WIJZIGING,
)


class HerstelSoort(models.TextChoices):
    """What a herstelmelding reports (DOMAIN §4.1, §4.3, §4.5)."""

    VOLLEDIG = "volledig", _("Volledig hersteld")
    GEDEELTELIJK = "gedeeltelijk", _("Gedeeltelijk hersteld")
    UIT_DIENST = "uit_dienst", _("Ziek uit dienst (dienstverband eindigt tijdens ziekte)")


class Verzuimgeval(models.Model):
    """One spell of sickness, from the first sick day to ``einddatum`` (exclusive).

    ``einddatum`` is the hersteldatum (first day fit, DOMAIN §4.1) or, for ziek uit dienst, the day
    after the last day of employment (DOMAIN §4.5). No medical data is stored here (DOMAIN §4.2).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # ``YYYY-NNNNN``, counted per werkgever per year (``service.volgend_verzuimnummer``): unique
    # within the werkgever whose series issued it, which stays the same after a fusie.
    verzuimnummer = models.CharField(_("verzuimnummer"), max_length=20)
    werkgever = models.ForeignKey(
        Werkgever,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("werkgever van het verzuimnummer"),
    )
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
    zelfde_oorzaak = models.CharField(
        _("zelfde oorzaak als de ziekte voor het zwangerschapsverlof"),
        max_length=10,
        choices=ZelfdeOorzaak.choices,
        default=ZelfdeOorzaak.ONBEKEND,
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
            models.UniqueConstraint(
                fields=["werkgever", "verzuimnummer"], name="verzuimnummer_uniek_per_werkgever"
            ),
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
        indexes = [
            models.Index(fields=["werknemer", "eerste_ziektedag"]),
            # Open spells, longest running first (dashboard, lopende verzuimen).
            models.Index(
                fields=["eerste_ziektedag", "id"],
                condition=Q(einddatum__isnull=True),
                name="verzuimgeval_open_op_begin",
            ),
            # Lists newest first (API, ADR 0037): a page's keys from the index alone.
            models.Index(
                fields=["eerste_ziektedag", "id"],
                include=["werknemer"],
                name="verzuimgeval_op_begin",
            ),
        ]

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
    # Why the percentage changed (only for "wijziging"); never medical data (DOMAIN §4.2).
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)

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
                condition=~Q(soort=MutatieSoort.WIJZIGING)
                | Q(percentage_arbeidsongeschikt__gte=1, percentage_arbeidsongeschikt__lte=100),
                name="mutatie_wijziging_1_tot_100",
            ),
            models.CheckConstraint(
                condition=Q(loonwaarde_percentage__isnull=True) | Q(loonwaarde_percentage__lte=100),
                name="mutatie_loonwaarde_max_100",
            ),
        ]
        # Latest registrations first (dashboard "Recente meldingen"), ties broken by id.
        indexes = [models.Index(fields=["geregistreerd_op", "id"], name="mutatie_op_registratie")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} per {self.ingangsdatum:%d-%m-%Y}"


class CorrectieVeld(models.TextChoices):
    """What a correction changed (DOMAIN §4.6)."""

    EERSTE_ZIEKTEDAG = "eerste_ziektedag", _("Eerste ziektedag")
    HERSTELDATUM = "hersteldatum", _("Hersteldatum")
    PERCENTAGE = "percentage", _("Percentage arbeidsongeschikt")
    EINDE = "einde", _("Laatste dag in dienst (ziek uit dienst)")
    MUTATIE_INGETROKKEN = "mutatie_ingetrokken", _("Herstelmelding ingetrokken")
    ZELFDE_OORZAAK = "zelfde_oorzaak", _("Zelfde oorzaak als voor het zwangerschapsverlof")


class CorrectieGewijzigd(Exception):
    """An attempt to change or remove a correction row."""


class CorrectieQuerySet(models.QuerySet["Correctie"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise CorrectieGewijzigd("Correcties kunnen niet worden gewijzigd.")

    def delete(self) -> NoReturn:
        raise CorrectieGewijzigd("Correcties kunnen niet worden verwijderd.")


class Correctie(models.Model):
    """One correction of a melding: who, when, old → new and why (DOMAIN §4.6, ADR 0009).

    Append-only like the audit trail: ``save()`` refuses updates, ``delete()`` and the queryset's
    bulk ``update()``/``delete()`` refuse. The spell itself holds the corrected (current) data;
    deadlines and statistics are computed from that, so they follow without extra work.
    The values are stored as text (ISO dates, percentages); ``reden`` must hold no medical data
    (DOMAIN §4.2).
    """

    verzuimgeval = models.ForeignKey(
        Verzuimgeval, on_delete=models.CASCADE, related_name="correcties"
    )
    veld = models.CharField(_("gecorrigeerd"), max_length=30, choices=CorrectieVeld.choices)
    oude_waarde = models.CharField(_("oude waarde"), max_length=50, blank=True)
    nieuwe_waarde = models.CharField(_("nieuwe waarde"), max_length=50, blank=True)
    reden = models.CharField(_("reden"), max_length=200)
    gecorrigeerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Snapshots: the row keeps saying who corrected, also after the account is gone.
    gecorrigeerd_door_naam = models.CharField(_("gecorrigeerd door"), max_length=200)
    route = models.CharField(_("route"), max_length=20, choices=Route.choices, blank=True)
    gecorrigeerd_op = models.DateTimeField(_("gecorrigeerd op"))

    objects = CorrectieQuerySet.as_manager()

    class Meta:
        verbose_name = _("correctie")
        verbose_name_plural = _("correcties")
        ordering = ["verzuimgeval", "gecorrigeerd_op", "pk"]

    def __str__(self) -> str:
        return f"{self.get_veld_display()}: {self.oude_waarde} → {self.nieuwe_waarde}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise CorrectieGewijzigd("Correcties kunnen niet worden gewijzigd.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise CorrectieGewijzigd("Correcties kunnen niet worden verwijderd.")

    @staticmethod
    def _weergave(waarde: str) -> str:
        try:
            return date.fromisoformat(waarde).strftime("%d-%m-%Y")
        except ValueError:
            return waarde or "–"

    @property
    def oud(self) -> str:
        return self._weergave(self.oude_waarde)

    @property
    def nieuw(self) -> str:
        return self._weergave(self.nieuwe_waarde)


class Nummerreeks(models.Model):
    """Gap-free counters for user-visible numbers (verzuimnummer per werkgever per year)."""

    sleutel = models.CharField(max_length=50, primary_key=True)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("nummerreeks")
        verbose_name_plural = _("nummerreeksen")

    def __str__(self) -> str:
        return f"{self.sleutel}: {self.laatste}"
