"""Who else may act for a werkgever: advisors (route B, seed 002) and casemanagers.

The operator keeps the list of known advisors (``Adviseur``, "relatiebeheer" in the admin); a
werkgever grants one of them access in the portal (``Adviseurtoegang``), which only counts once the
werkgever confirmed the e-mailed link (DOMAIN §3). Casemanagers are assigned by the operator.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verzuimportaal.toegang.actor import Niveau
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.validators import valideer_kvk_nummer
from verzuimportaal.werkgevers.models import Loonheffingennummer, Werkgever

# The services a werkgever can hand to an advisor, and those ticked by default. Rechtenbeheer is
# never among them: only the werkgever itself decides who has access (seed 003 art. 2.9-2.10).
ADVISEURDIENSTEN: tuple[str, ...] = (
    Dienst.VERZUIM_MELDEN,
    Dienst.WERKNEMERSGEGEVENS,
    Dienst.OVERZICHTEN,
    Dienst.REINTEGRATIE_WIA,
)
STANDAARD_ADVISEURDIENSTEN: tuple[str, ...] = (
    Dienst.VERZUIM_MELDEN,
    Dienst.WERKNEMERSGEGEVENS,
    Dienst.OVERZICHTEN,
)
# A casemanager sees the verzuim and the overviews; what it may change in a dossier (its own
# activities) is decided by the dossier services on the route, not by a level here.
CASEMANAGERDIENSTEN: frozenset[str] = frozenset({Dienst.VERZUIM_MELDEN, Dienst.OVERZICHTEN})


def standaard_adviseurdiensten() -> list[str]:
    return list(STANDAARD_ADVISEURDIENSTEN)


class Soort(models.TextChoices):
    ADVISEUR = "adviseur", _("Adviseur")
    ADMINISTRATIEKANTOOR = "administratiekantoor", _("Administratiekantoor")
    VERZUIMSERVICEDESK = "verzuimservicedesk", _("Verzuimservicedesk")


class AdviseurQuerySet(models.QuerySet["Adviseur"]):
    def selecteerbaar(self) -> "AdviseurQuerySet":
        """Advisors a werkgever may grant access to: active and with a checked licence."""
        return self.filter(actief=True, vergunning_gecontroleerd_op__isnull=False)


class Adviseur(models.Model):
    """An advisor organisation known to the operator (seed 002: "de lijst")."""

    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, unique=True, validators=[valideer_kvk_nummer]
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    vergunning_gecontroleerd_op = models.DateField(
        _("vergunning/licentie gecontroleerd op"),
        null=True,
        blank=True,
        help_text=_("Zonder deze datum kan een werkgever deze adviseur geen toegang verlenen."),
    )
    actief = models.BooleanField(_("actief"), default=True)

    objects = AdviseurQuerySet.as_manager()

    class Meta:
        verbose_name = _("adviseur")
        verbose_name_plural = _("adviseurs")
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} (KvK {self.kvk_nummer})"


class Status(models.TextChoices):
    WACHT_OP_BEVESTIGING = "wacht_op_bevestiging", _("Wacht op bevestiging")
    ACTIEF = "actief", _("Actief")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


LEVENDE_STATUSSEN = (Status.WACHT_OP_BEVESTIGING, Status.ACTIEF)


class Adviseurtoegang(models.Model):
    """Access a werkgever granted an advisor KvK in the portal (route B, seed 002)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="adviseurtoegangen"
    )
    adviseur = models.ForeignKey(Adviseur, on_delete=models.PROTECT, related_name="toegangen")
    niveau = models.CharField(
        _("niveau"), max_length=10, choices=Niveau.choices, default=Niveau.BEKIJKEN
    )
    loonheffingennummers = models.ManyToManyField(
        Loonheffingennummer,
        blank=True,
        related_name="+",
        verbose_name=_("loonheffingennummers"),
        help_text=_("Leeg: alle loonheffingennummers van de werkgever."),
    )
    diensten = models.JSONField(_("diensten"), default=standaard_adviseurdiensten)
    status = models.CharField(
        _("status"), max_length=25, choices=Status.choices, default=Status.WACHT_OP_BEVESTIGING
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangevraagd_door_naam = models.CharField(max_length=200)
    aangevraagd_op = models.DateTimeField()
    bevestigd_op = models.DateTimeField(null=True, blank=True)
    bevestigd_door_naam = models.CharField(max_length=200, blank=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ingetrokken_door_naam = models.CharField(max_length=200, blank=True)
    # Only the SHA-256 of the e-mailed token is kept; the token itself is never stored.
    bevestigingstoken_hash = models.CharField(max_length=64, blank=True, db_index=True)
    bevestiging_verloopt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("adviseurtoegang")
        verbose_name_plural = _("adviseurtoegangen")
        ordering = ["-aangevraagd_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["werkgever", "adviseur"],
                condition=Q(status__in=LEVENDE_STATUSSEN),
                name="adviseurtoegang_een_levende_per_adviseur",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="adviseurtoegang_status_geldig"
            ),
            models.CheckConstraint(
                condition=Q(niveau__in=Niveau.values), name="adviseurtoegang_niveau_geldig"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.adviseur} → {self.werkgever} ({self.get_status_display()})"

    def dienstlabels(self) -> list[str]:
        return [Dienst(d).label for d in self.diensten if d in Dienst.values]


class AdviseurMedewerker(models.Model):
    """A local account of an advisor organisation (advisors without eHerkenning)."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="adviseurmedewerker"
    )
    adviseur = models.ForeignKey(Adviseur, on_delete=models.CASCADE, related_name="medewerkers")
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("medewerker van een adviseur")
        verbose_name_plural = _("medewerkers van adviseurs")

    def __str__(self) -> str:
        return f"{self.gebruiker} ({self.adviseur.naam})"


class Casemanagertoewijzing(models.Model):
    """The operator assigns a casemanager (local account) to a werkgever."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="casemanagertoewijzingen"
    )
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="casemanagertoewijzingen"
    )
    actief = models.BooleanField(_("actief"), default=True)
    toegewezen_op = models.DateTimeField(_("toegewezen op"), auto_now_add=True)
    toegewezen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("casemanagertoewijzing")
        verbose_name_plural = _("casemanagertoewijzingen")
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "werkgever"], name="casemanager_een_toewijzing_per_werkgever"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} → {self.werkgever}"
