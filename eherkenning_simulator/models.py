"""The simulated eHerkenning world: leveranciers, organisaties, personen with their middel,
machtigingen and ketenmachtigingen, the makelaar's dienstencatalogus, and the login state
(SMS codes, aanmeldingen) that the OIDC endpoints need.

Everything here belongs to the simulator; the portal never reads these tables.
"""

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KVK_VALIDATOR = RegexValidator(r"^\d{8}$", _("Een KvK-nummer bestaat uit 8 cijfers."))
OIN_VALIDATOR = RegexValidator(r"^\d{20}$", _("Een OIN bestaat uit 20 cijfers."))
VESTIGING_VALIDATOR = RegexValidator(r"^\d{12}$", _("Een vestigingsnummer bestaat uit 12 cijfers."))


class Niveau(models.TextChoices):
    """Betrouwbaarheidsniveau of a middel (DOMAIN §1, §2)."""

    EH2 = "EH2", "EH2"
    EH2_PLUS = "EH2+", "EH2+"
    EH3 = "EH3", "EH3"
    EH4 = "EH4", "EH4"


class Leverancier(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    biedt_ketenmachtiging = models.BooleanField(
        _("biedt ketenmachtiging"),
        default=True,
        help_text=_("Niet elke erkende leverancier kan een ketenmachtiging vastleggen (seed 000)."),
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("leverancier")
        verbose_name_plural = _("leveranciers")

    def __str__(self) -> str:
        return self.naam


class Organisatie(models.Model):
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, unique=True, validators=[KVK_VALIDATOR]
    )
    naam = models.CharField(_("naam"), max_length=200)
    leverancier = models.ForeignKey(
        Leverancier,
        on_delete=models.PROTECT,
        related_name="organisaties",
        verbose_name=_("geregistreerd bij leverancier"),
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            models.CheckConstraint(
                condition=Q(kvk_nummer__regex=r"^\d{8}$"), name="ehsim_organisatie_kvk_8_cijfers"
            )
        ]

    def __str__(self) -> str:
        return f"{self.naam} (KvK {self.kvk_nummer})"


class Persoon(models.Model):
    """A natural person with one personal means (``Middel``).

    The linked Django user exists only because django-oauth-toolkit stores grants and tokens
    per user. It is inactive, not staff and has an unusable password: it can log in nowhere.
    The simulator checks the means' password itself and keeps its own session keys.
    """

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="eherkenning_simulator_persoon",
    )
    identificatie = models.UUIDField(
        _("identificatie"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Bron van het pseudoniem (ActingSubjectID); nooit zichtbaar voor de portal."),
    )
    naam = models.CharField(_("naam"), max_length=200)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name=_("medewerker van"),
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self) -> str:
        return self.naam


class Middel(models.Model):
    """The person's eHerkenningsmiddel: personal, one per person, usable for many KvKs."""

    persoon = models.OneToOneField(Persoon, on_delete=models.CASCADE, related_name="middel")
    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=100, unique=True)
    wachtwoord = models.CharField(_("wachtwoord (hash)"), max_length=128)
    niveau = models.CharField(_("niveau"), max_length=4, choices=Niveau.choices)
    leverancier = models.ForeignKey(Leverancier, on_delete=models.PROTECT, related_name="middelen")
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=20, blank=True)

    class Meta:
        ordering = ["gebruikersnaam"]
        verbose_name = _("eHerkenningsmiddel")
        verbose_name_plural = _("eHerkenningsmiddelen")
        constraints = [
            models.CheckConstraint(
                condition=Q(niveau__in=Niveau.values), name="ehsim_middel_niveau_geldig"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gebruikersnaam} ({self.niveau})"


class Beheerder(models.Model):
    """A person who is machtigingenbeheerder of an organisation."""

    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="beheerrollen")
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="beheerders"
    )

    class Meta:
        verbose_name = _("machtigingenbeheerder")
        verbose_name_plural = _("machtigingenbeheerders")
        constraints = [
            models.UniqueConstraint(fields=["persoon", "organisatie"], name="ehsim_beheerder_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.persoon} beheert {self.organisatie}"


class Dienstverlener(models.Model):
    """A service provider registered at the makelaar, with its OIDC client."""

    naam = models.CharField(_("naam"), max_length=200)
    oin = models.CharField(_("OIN"), max_length=20, unique=True, validators=[OIN_VALIDATOR])
    client_id = models.CharField(
        _("OIDC client_id"),
        max_length=100,
        unique=True,
        help_text=_("De client_id van de OIDC-client (django-oauth-toolkit) van deze dienst."),
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("dienstverlener")
        verbose_name_plural = _("dienstverleners")

    def __str__(self) -> str:
        return f"{self.naam} (OIN {self.oin})"


class Dienst(models.Model):
    """One entry of the dienstencatalogus of a dienstverlener."""

    dienstverlener = models.ForeignKey(
        Dienstverlener, on_delete=models.CASCADE, related_name="diensten"
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    naam = models.CharField(_("naam"), max_length=200)
    service_id = models.CharField(_("ServiceID"), max_length=200, unique=True)
    service_uuid = models.UUIDField(_("ServiceUUID"), unique=True)

    class Meta:
        ordering = ["dienstverlener", "nummer"]
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")
        constraints = [
            models.UniqueConstraint(
                fields=["dienstverlener", "nummer"], name="ehsim_dienst_nummer_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.naam}"


class Intrekbaar(models.Model):
    """Common fields of everything a beheerder grants and can revoke."""

    aangemaakt_op = models.DateTimeField(_("verleend op"), auto_now_add=True)
    verleend_door = models.ForeignKey(
        Persoon,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg: rechtstreeks door de leverancier vastgelegd (formulier)."),
    )
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        Persoon, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def actief(self) -> bool:
        return self.ingetrokken_op is None


class Machtiging(Intrekbaar):
    """Organisation authorises a person for services, for its own KvK (optionally a vestiging).

    A revocation takes effect at the person's next login.
    """

    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="machtigingen"
    )
    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="machtigingen")
    diensten = models.ManyToManyField(Dienst, related_name="+")
    vestigingsnummer = models.CharField(
        _("vestigingsnummer"), max_length=12, blank=True, validators=[VESTIGING_VALIDATOR]
    )

    class Meta:
        ordering = ["organisatie", "persoon"]
        verbose_name = _("machtiging")
        verbose_name_plural = _("machtigingen")
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "persoon"],
                condition=Q(ingetrokken_op__isnull=True),
                name="ehsim_machtiging_een_actieve",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisatie} machtigt {self.persoon}"


class Ketenmachtiging(Intrekbaar):
    """Form A: werkgever (A) authorises an intermediary organisation (B) for services."""

    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.CASCADE,
        related_name="gegeven_ketenmachtigingen",
        verbose_name=_("werkgever (A)"),
    )
    intermediair = models.ForeignKey(
        Organisatie,
        on_delete=models.CASCADE,
        related_name="ontvangen_ketenmachtigingen",
        verbose_name=_("intermediair (B)"),
    )
    diensten = models.ManyToManyField(Dienst, related_name="+")

    class Meta:
        ordering = ["organisatie", "intermediair"]
        verbose_name = _("ketenmachtiging")
        verbose_name_plural = _("ketenmachtigingen")
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "intermediair"],
                condition=Q(ingetrokken_op__isnull=True),
                name="ehsim_ketenmachtiging_een_actieve",
            ),
            models.CheckConstraint(
                condition=~Q(organisatie=F("intermediair")),
                name="ehsim_ketenmachtiging_niet_zichzelf",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie} machtigt {self.intermediair}"


class KetenmachtigingGebruiker(Intrekbaar):
    """Form B: the intermediary's beheerder authorises its own staff under a ketenmachtiging."""

    ketenmachtiging = models.ForeignKey(
        Ketenmachtiging, on_delete=models.CASCADE, related_name="gebruikers"
    )
    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="ketenmachtigingen")
    diensten = models.ManyToManyField(Dienst, related_name="+")

    class Meta:
        ordering = ["ketenmachtiging", "persoon"]
        verbose_name = _("gebruiker onder ketenmachtiging")
        verbose_name_plural = _("gebruikers onder ketenmachtiging")
        constraints = [
            models.UniqueConstraint(
                fields=["ketenmachtiging", "persoon"],
                condition=Q(ingetrokken_op__isnull=True),
                name="ehsim_ketengebruiker_een_actieve",
            )
        ]

    def __str__(self) -> str:
        return f"{self.persoon} onder {self.ketenmachtiging}"


class SmsBericht(models.Model):
    """A one-time code the simulator 'sends' (log line + outbox page); nothing leaves the box."""

    MAX_POGINGEN = 3

    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="sms_berichten")
    telefoonnummer = models.CharField(max_length=20)
    code = models.CharField(max_length=6)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    geldig_tot = models.DateTimeField()
    pogingen = models.PositiveSmallIntegerField(default=0)
    gebruikt_op = models.DateTimeField(null=True, blank=True)
    geblokkeerd = models.BooleanField(default=False)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("sms-bericht (simulatie)")
        verbose_name_plural = _("sms-berichten (simulatie)")
        constraints = [
            models.CheckConstraint(condition=Q(pogingen__lte=3), name="ehsim_sms_max_drie_pogingen")
        ]

    def __str__(self) -> str:
        return f"SMS aan {self.telefoonnummer} ({self.aangemaakt_op:%Y-%m-%d %H:%M})"


class Aanmelding(models.Model):
    """The context chosen in the browser, bound to one authorization code.

    Written when the code is issued (browser session), read at the token endpoint (server to
    server, no session) and at userinfo via the access token. Used once. No foreign keys to
    django-oauth-toolkit's (swappable) models: the client and the token are referenced by
    client_id and token checksum.
    """

    code = models.CharField(max_length=255, unique=True)
    client_id = models.CharField(max_length=100)
    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="aanmeldingen")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")
    intermediair = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    diensten = models.ManyToManyField(Dienst, blank=True, related_name="+")
    vestigingsnummer = models.CharField(max_length=12, blank=True)
    niveau = models.CharField(max_length=4, choices=Niveau.choices)
    pseudoniem = models.CharField(max_length=40)
    auth_time = models.DateTimeField()
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gebruikt_op = models.DateTimeField(null=True, blank=True)
    # SHA-256 of the access token issued for this login (DOT's ``token_checksum``), for userinfo.
    access_token_checksum = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")

    def __str__(self) -> str:
        return f"Aanmelding {self.persoon} voor {self.organisatie}"
