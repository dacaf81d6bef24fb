"""Misuse reports and blocks (seed 003 art. 4.5, 4.6, 5; DOMAIN §8).

A block (``Blokkade``) targets one party: a local account, an eHerkenning person (pseudonym,
optionally only for one represented KvK) or a whole werkgever (KvK). Blocks are never deleted:
lifting one records when and by whom, so the history stays complete.
"""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KVK_REGEX = r"^\d{8}$"


class Soort(models.TextChoices):
    ACCOUNT = "account", _("Lokaal account")
    PSEUDONIEM = "pseudoniem", _("eHerkenning-gebruiker (pseudoniem)")
    WERKGEVER = "werkgever", _("Werkgever (KvK-nummer)")


class BlokkadeQuerySet(models.QuerySet["Blokkade"]):
    def actief(self, *, op: datetime | None = None) -> "BlokkadeQuerySet":
        moment = op or timezone.now()
        return self.filter(
            Q(tot__isnull=True) | Q(tot__gt=moment), opgeheven_op__isnull=True, van__lte=moment
        )


class Blokkade(models.Model):
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="blokkades",
    )
    pseudoniem = models.CharField(
        _("eHerkenning-pseudoniem"),
        max_length=255,
        blank=True,
        help_text=_("ActingSubjectID uit de eHerkenning-assertie."),
    )
    kvk_nummer = models.CharField(
        _("KvK-nummer"),
        max_length=8,
        blank=True,
        help_text=_(
            "Bij een werkgever: de geblokkeerde organisatie. Bij een pseudoniem: leeg voor alle "
            "organisaties, of alleen voor deze vertegenwoordigde organisatie."
        ),
    )
    reden = models.TextField(_("reden"))
    van = models.DateTimeField(_("geblokkeerd vanaf"), default=timezone.now)
    tot = models.DateTimeField(
        _("geblokkeerd tot"), null=True, blank=True, help_text=_("Leeg: tot opheffing.")
    )
    melding = models.ForeignKey(
        "Misbruikmelding",
        verbose_name=_("naar aanleiding van melding"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="blokkades",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    opgeheven_op = models.DateTimeField(_("opgeheven op"), null=True, blank=True)
    opgeheven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reden_opheffing = models.TextField(_("reden opheffing"), blank=True)

    objects = BlokkadeQuerySet.as_manager()

    class Meta:
        verbose_name = _("blokkade")
        verbose_name_plural = _("blokkades")
        ordering = ["-van", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="blokkade_doel_past_bij_soort",
                condition=(
                    Q(soort=Soort.ACCOUNT, gebruiker__isnull=False)
                    | (Q(soort=Soort.PSEUDONIEM) & ~Q(pseudoniem=""))
                    | Q(soort=Soort.WERKGEVER, kvk_nummer__regex=KVK_REGEX)
                ),
            ),
            models.CheckConstraint(
                name="blokkade_kvk_leeg_of_8_cijfers",
                condition=Q(kvk_nummer="") | Q(kvk_nummer__regex=KVK_REGEX),
            ),
            models.CheckConstraint(
                name="blokkade_tot_na_van",
                condition=Q(tot__isnull=True) | Q(tot__gt=models.F("van")),
            ),
        ]
        # The per-request check looks blocks up by target among the ones not lifted.
        indexes = [
            models.Index(
                fields=["gebruiker"],
                name="blokkade_actief_account",
                condition=Q(opgeheven_op__isnull=True),
            ),
            models.Index(
                fields=["pseudoniem"],
                name="blokkade_actief_pseudoniem",
                condition=Q(opgeheven_op__isnull=True),
            ),
            models.Index(
                fields=["kvk_nummer"],
                name="blokkade_actief_kvk",
                condition=Q(opgeheven_op__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.doel}"

    @property
    def doel(self) -> str:
        if self.soort == Soort.ACCOUNT:
            return str(self.gebruiker)
        if self.soort == Soort.PSEUDONIEM:
            kvk = f" (KvK {self.kvk_nummer})" if self.kvk_nummer else ""
            return f"{self.pseudoniem[:12]}…{kvk}"
        return f"KvK {self.kvk_nummer}"

    def is_actief(self, *, op: datetime | None = None) -> bool:
        moment = op or timezone.now()
        return (
            self.opgeheven_op is None
            and self.van <= moment
            and (self.tot is None or self.tot > moment)
        )


class MeldingSoort(models.TextChoices):
    ONBEVOEGD = "onbevoegd", _("Iemand gebruikt een account of eHerkenningsmiddel zonder recht")
    GEGEVENS = "gegevens", _("Gegevens gezien of gewijzigd die niet kloppen of niet van ons zijn")
    PHISHING = "phishing", _("Verdachte e-mail, sms of website die zich voordoet als dit portaal")
    ANDERS = "anders", _("Iets anders")


class MeldingStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    AFGEHANDELD = "afgehandeld", _("Afgehandeld")


class Misbruikmelding(models.Model):
    """A user's report of suspected misuse (seed 003 art. 4.5), queued for the operator."""

    soort = models.CharField(_("soort"), max_length=20, choices=MeldingSoort.choices)
    omschrijving = models.TextField(_("omschrijving"), max_length=4000)
    waargenomen_op = models.DateField(_("waargenomen op"), null=True, blank=True)
    contact_email = models.EmailField(_("e-mailadres voor contact"), blank=True)
    gemeld_op = models.DateTimeField(_("gemeld op"), default=timezone.now)
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    melder_naam = models.CharField(_("melder"), max_length=200, blank=True)
    melder_pseudoniem = models.CharField(_("pseudoniem melder"), max_length=255, blank=True)
    werkgever_kvk_nummer = models.CharField(_("KvK-nummer werkgever"), max_length=8, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeldingStatus.choices, default=MeldingStatus.NIEUW
    )
    behandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    behandeld_op = models.DateTimeField(_("laatst behandeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("misbruikmelding")
        verbose_name_plural = _("misbruikmeldingen")
        ordering = ["-gemeld_op", "-pk"]
        indexes = [models.Index(fields=["status", "-gemeld_op"], name="misbruikmelding_wachtrij")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.gemeld_op:%d-%m-%Y %H:%M})"
