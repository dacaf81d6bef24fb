"""Local accounts (seed 004): profile, SMS second factor and its outbox, remembered browsers."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django_otp.models import CooldownMixin, GenerateNotAllowed, SideChannelDevice, TimestampMixin

CODE_LENGTE = 6


class Profiel(models.Model):
    """What an account needs beyond ``auth.User``: seed 004's contact details of a local account
    and, for every account (also an eHerkenning user), the language of its pages and mail."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profiel"
    )
    aanhef = models.CharField(_("aanhef"), max_length=20, blank=True)
    tussenvoegsels = models.CharField(_("tussenvoegsels"), max_length=20, blank=True)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    wachtwoord_wijzigen = models.BooleanField(
        _("wachtwoord moet gewijzigd worden"),
        default=False,
        help_text=_("Aan bij een tijdelijk wachtwoord: eerst wijzigen, dan pas verder."),
    )
    wachtwoord_gewijzigd_op = models.DateTimeField(null=True, blank=True)
    # Set by a password reset by e-mail: until the next login with SMS or app, an e-mail code is
    # no second factor (the mailbox alone must not own the account, DOMAIN §9).
    herstel_via_email_op = models.DateTimeField(null=True, blank=True)
    # The language of this account's pages, e-mails and letters (ADR 0044), chosen with the
    # switch in the header; empty until chosen: then the browser's cookie, else Dutch.
    taal = models.CharField(_("taal"), max_length=8, choices=settings.LANGUAGES, blank=True)

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")

    def __str__(self) -> str:
        return str(self.gebruiker)


class SmsApparaat(TimestampMixin, CooldownMixin, SideChannelDevice):
    """A phone that receives a 6-digit code by SMS, valid for ``TWEEDE_FACTOR_CODE_GELDIG``."""

    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=20)

    class Meta:
        verbose_name = _("sms-apparaat")
        verbose_name_plural = _("sms-apparaten")

    def get_cooldown_duration(self) -> int:
        return int(settings.TWEEDE_FACTOR_OPNIEUW_STUREN_NA)

    def generate_challenge(self) -> str:
        toegestaan, _info = self.generate_is_allowed()
        if not toegestaan:
            assert (
                _info is not None
                and _info["reason"] == GenerateNotAllowed.COOLDOWN_DURATION_PENDING
            )
            return "wacht"
        self.generate_token(
            length=CODE_LENGTE, valid_secs=settings.TWEEDE_FACTOR_CODE_GELDIG, commit=False
        )
        self.cooldown_set(commit=False)
        self.save()
        gateway = import_string(settings.SMS_GATEWAY)()
        gateway.verstuur(
            telefoonnummer=self.telefoonnummer,
            tekst=f"Uw verificatiecode voor het Verzuimportaal is {self.token}. "
            f"De code is {settings.TWEEDE_FACTOR_CODE_GELDIG // 60} minuten geldig.",
            gebruiker_id=self.user_id,
        )
        return "verstuurd"


class SmsBericht(models.Model):
    """Outbox of the demo/test SMS gateway; shown only with DEBUG or SMS_OUTBOX_ZICHTBAAR."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    telefoonnummer = models.CharField(max_length=20)
    tekst = models.CharField(max_length=300)
    verstuurd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("sms-bericht (demo)")
        verbose_name_plural = _("sms-berichten (demo)")
        ordering = ["-verstuurd_op", "-pk"]

    def __str__(self) -> str:
        return f"{self.telefoonnummer} {self.verstuurd_op:%H:%M:%S}"


def sleutel_hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


class VertrouwdApparaatQuerySet(models.QuerySet["VertrouwdApparaat"]):
    def geldig(self) -> "VertrouwdApparaatQuerySet":
        return self.filter(ingetrokken_op__isnull=True, verloopt_op__gt=timezone.now())


class VertrouwdApparaat(models.Model):
    """A browser remembered after a second factor ("ingelogd blijven", seed 004, DOMAIN §9).

    The cookie holds a random key; only its hash is stored, so a database leak does not yield
    working cookies. It skips the code, never the password, and never extends a session.
    """

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vertrouwde_apparaten"
    )
    sleutel_hash = models.CharField(max_length=64, unique=True)
    omschrijving = models.CharField(_("browser"), max_length=200, blank=True)
    otp_apparaat = models.CharField(
        max_length=100, help_text=_("persistent_id van de tweede factor")
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    verloopt_op = models.DateTimeField()
    laatst_gebruikt_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)

    objects = VertrouwdApparaatQuerySet.as_manager()

    class Meta:
        verbose_name = _("vertrouwd apparaat")
        verbose_name_plural = _("vertrouwde apparaten")
        ordering = ["-aangemaakt_op"]

    def __str__(self) -> str:
        return f"{self.gebruiker} – {self.omschrijving or 'browser'}"
