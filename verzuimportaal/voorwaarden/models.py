"""Terms of use (gebruiksvoorwaarden, seed 003 art. 2.3, 2.5, 6; DOMAIN §8).

A version is announced from ``gepubliceerd_op`` and in force from ``ingangsdatum`` until the next
version's. Every decision of a person (accepted or rejected) is an ``Acceptatie`` row; rows are
never changed. A person is a local account, or for eHerkenning (pseudonym, represented KvK)
(DOMAIN §2: never keyed on a name).
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Seed 003 art. 6.2: a changed version can be rejected within six weeks of its publication. As
# for other Dutch terms of six weeks (Awb 6:8) the term starts the day after publication.
WEIGERTERMIJN = timedelta(weeks=6)


class Voorwaardenversie(models.Model):
    nummer = models.CharField(_("versienummer"), max_length=20, unique=True)
    titel = models.CharField(_("titel"), max_length=200, default="Gebruiksvoorwaarden")
    tekst = models.TextField(
        _("tekst"), help_text=_("Markdown. HTML wordt niet overgenomen; gebruik ## voor artikelen.")
    )
    gepubliceerd_op = models.DateField(
        _("gepubliceerd op"), help_text=_("Vanaf deze dag wordt de versie aangekondigd.")
    )
    ingangsdatum = models.DateField(_("ingangsdatum"), unique=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        verbose_name = _("versie gebruiksvoorwaarden")
        verbose_name_plural = _("versies gebruiksvoorwaarden")
        ordering = ["-ingangsdatum"]
        constraints = [
            models.CheckConstraint(
                name="voorwaarden_ingang_niet_voor_publicatie",
                condition=Q(ingangsdatum__gte=models.F("gepubliceerd_op")),
            )
        ]

    def __str__(self) -> str:
        return f"{self.titel} versie {self.nummer}"

    @property
    def is_van_kracht(self) -> bool:
        """In force today, or superseded: its effective date has come."""
        return self.ingangsdatum <= timezone.localdate()

    @property
    def uiterste_weigerdatum(self) -> date:
        return self.gepubliceerd_op + WEIGERTERMIJN


class Beslissing(models.TextChoices):
    AANVAARD = "aanvaard", _("Aanvaard")
    GEWEIGERD = "geweigerd", _("Geweigerd")


class Acceptatie(models.Model):
    versie = models.ForeignKey(
        Voorwaardenversie, on_delete=models.PROTECT, related_name="acceptaties"
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voorwaarden_acceptaties",
    )
    pseudoniem = models.CharField(_("eHerkenning-pseudoniem"), max_length=255, blank=True)
    kvk_nummer = models.CharField(
        _("KvK-nummer werkgever"),
        max_length=8,
        blank=True,
        help_text=_("eHerkenning: de vertegenwoordigde organisatie; lokaal: de gekozen werkgever."),
    )
    beslissing = models.CharField(_("beslissing"), max_length=10, choices=Beslissing.choices)
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now)
    notificatie_email = models.EmailField(_("e-mailadres voor notificaties"), blank=True)

    class Meta:
        verbose_name = _("beslissing over gebruiksvoorwaarden")
        verbose_name_plural = _("beslissingen over gebruiksvoorwaarden")
        ordering = ["-tijdstip", "-pk"]
        constraints = [
            # eHerkenning persons are (pseudonym, KvK); a local account is the user.
            models.CheckConstraint(
                name="acceptatie_persoon_bekend",
                condition=(Q(pseudoniem="") & Q(gebruiker__isnull=False))
                | (~Q(pseudoniem="") & Q(kvk_nummer__regex=r"^\d{8}$")),
            ),
            models.CheckConstraint(
                name="acceptatie_email_bij_aanvaarden",
                condition=Q(beslissing="geweigerd") | ~Q(notificatie_email=""),
            ),
        ]
        indexes = [
            models.Index(fields=["gebruiker", "beslissing"], name="acceptatie_lokaal"),
            models.Index(fields=["pseudoniem", "kvk_nummer"], name="acceptatie_eherkenning"),
        ]

    def __str__(self) -> str:
        return f"{self.get_beslissing_display()}: {self.versie} ({self.tijdstip:%d-%m-%Y %H:%M})"
