"""The verzuimdossier of a spell (DOMAIN §1): activities, documents and Poortwachter facts.

The legal steps themselves are never stored: their deadlines are computed from the spells
(``dossier.termijnen``). What is stored is what happened: an activity marked done (for a legal step
its date feeds the deadlines, DOMAIN §5), a document, a loonsanctie or an agreed extension.
No medical data is stored here (DOMAIN §4.2).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verzuimportaal.berichten.models import Bericht
from verzuimportaal.toegang.actor import Route
from verzuimportaal.utils.opslag import prive_opslag
from verzuimportaal.verzuim.models import Verzuimgeval, Verzuimmutatie

GEEN_MEDISCHE_GEGEVENS = _("Geen medische gegevens invullen.")


class ActiviteitType(models.TextChoices):
    """The legal steps (values of ``poortwachter.StapSoort``) and the manual kinds."""

    ZIEKMELDING_ARBODIENST = "ziekmelding_arbodienst", _("Ziekmelding arbodienst")
    PROBLEEMANALYSE = "probleemanalyse", _("Probleemanalyse")
    PLAN_VAN_AANPAK = "plan_van_aanpak", _("Plan van aanpak")
    EVALUATIE = "evaluatie", _("Evaluatie plan van aanpak")
    VERVROEGDE_IVA = "vervroegde_iva", _("Vervroegde IVA-aanvraag")
    MELDING_42E_WEEK = "melding_42e_week", _("42e-weeksmelding")
    EERSTEJAARSEVALUATIE = "eerstejaarsevaluatie", _("Eerstejaarsevaluatie")
    UWV_BRIEF_WIA = "uwv_brief_wia", _("Brief UWV over de WIA")
    EINDEVALUATIE = "eindevaluatie", _("Eindevaluatie")
    WIA_AANVRAAG = "wia_aanvraag", _("WIA-aanvraag")
    EINDE_LOONDOORBETALING = "einde_loondoorbetaling", _("Einde loondoorbetaling")
    ZIEKMELDING_UWV_UIT_DIENST = (
        "ziekmelding_uwv_uit_dienst",
        _("Ziekmelding UWV (ziek uit dienst)"),
    )
    EINDEVALUATIE_UIT_DIENST = "eindevaluatie_uit_dienst", _("Eindevaluatie (ziek uit dienst)")
    GESPREK = "gesprek", _("Gesprek")
    BEZOEK_BEDRIJFSARTS = "bezoek_bedrijfsarts", _("Bezoek bedrijfsarts")
    WERKPLEKONDERZOEK = "werkplekonderzoek", _("Werkplekonderzoek")
    OVERIG = "overig", _("Overig")


HANDMATIGE_TYPES = (
    ActiviteitType.GESPREK,
    ActiviteitType.BEZOEK_BEDRIJFSARTS,
    ActiviteitType.WERKPLEKONDERZOEK,
    ActiviteitType.OVERIG,
)


class Verantwoordelijke(models.TextChoices):
    WERKGEVER = "werkgever", _("Werkgever")
    WERKNEMER = "werknemer", _("Werknemer")
    BEDRIJFSARTS = "bedrijfsarts", _("Bedrijfsarts")
    CASEMANAGER = "casemanager", _("Casemanager")
    ARBEIDSDESKUNDIGE = "arbeidsdeskundige", _("Arbeidsdeskundige")


class Activiteit(models.Model):
    """Something done or to do in the dossier.

    A legal-step activity (type = a ``StapSoort`` value) is the record that the step was done; its
    deadline is the computed one and is not stored. A manual activity has its own deadline.
    Activities made by a casemanager can only be changed by a casemanager (``rechten``).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    verzuimgeval = models.ForeignKey(
        Verzuimgeval, on_delete=models.CASCADE, related_name="activiteiten"
    )
    type = models.CharField(_("soort activiteit"), max_length=40, choices=ActiviteitType.choices)
    omschrijving = models.CharField(
        _("omschrijving"), max_length=200, blank=True, help_text=GEEN_MEDISCHE_GEGEVENS
    )
    deadline = models.DateField(_("uiterste datum"), null=True, blank=True)
    verantwoordelijke = models.CharField(_("wie"), max_length=20, choices=Verantwoordelijke.choices)
    uitgevoerd_op = models.DateField(_("uitgevoerd op"), null=True, blank=True)
    afgewerkt = models.BooleanField(_("afgewerkt"), default=False)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt_door_naam = models.CharField(_("aangemaakt door"), max_length=200)
    aangemaakt_via = models.CharField(_("route"), max_length=20, choices=Route.choices)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["verzuimgeval", "deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(afgewerkt=True, uitgevoerd_op__isnull=False)
                | Q(afgewerkt=False, uitgevoerd_op__isnull=True),
                name="activiteit_afgewerkt_met_datum",
            ),
        ]
        indexes = [models.Index(fields=["verzuimgeval", "type", "afgewerkt"])]

    def __str__(self) -> str:
        return f"{self.get_type_display()} ({self.verzuimgeval})"

    @property
    def is_wettelijke_stap(self) -> bool:
        return self.type not in HANDMATIGE_TYPES

    @property
    def van_casemanager(self) -> bool:
        return self.aangemaakt_via == Route.CASEMANAGER


class DocumentSoort(models.TextChoices):
    PLAN_VAN_AANPAK = "plan_van_aanpak", _("Plan van aanpak")
    EVALUATIE = "evaluatie", _("Evaluatie")
    REINTEGRATIEVERSLAG = "reintegratieverslag", _("Deel van het re-integratieverslag")
    OVERIG = "overig", _("Overig")


def _documentpad(instance: "Document", filename: str) -> str:
    # The stored name never carries the uploaded name (that may hold a person's name).
    return f"dossier/{instance.verzuimgeval_id}/{instance.uuid}.bin"


class Document(models.Model):
    """An uploaded dossier document on the private storage; served only by an access-checked view
    as an attachment (DOMAIN §9)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    verzuimgeval = models.ForeignKey(
        Verzuimgeval, on_delete=models.CASCADE, related_name="documenten"
    )
    soort = models.CharField(_("soort document"), max_length=30, choices=DocumentSoort.choices)
    bestand = models.FileField(_("bestand"), storage=prive_opslag, upload_to=_documentpad)
    naam = models.CharField(_("bestandsnaam"), max_length=120)
    content_type = models.CharField(_("bestandstype"), max_length=100)
    grootte = models.PositiveIntegerField(_("grootte in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    geupload_door_naam = models.CharField(_("geüpload door"), max_length=200)
    geupload_via = models.CharField(_("route"), max_length=20, choices=Route.choices)
    geupload_op = models.DateTimeField(_("geüpload op"))

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["verzuimgeval", "-geupload_op", "-pk"]

    def __str__(self) -> str:
        return self.naam


class VerlengingSoort(models.TextChoices):
    """DOMAIN §5: both move the end of loondoorbetaling and the WIA steps."""

    LOONSANCTIE = "loonsanctie", _("Loonsanctie door UWV")
    VERLENGING = "verlenging", _("Vrijwillige verlenging (afgesproken met de werknemer)")


class Termijnverlenging(models.Model):
    """A loonsanctie or voluntary extension of the loondoorbetaling, in weeks (DOMAIN §5).

    One per kind per spell: recording it again replaces the number of weeks (the audit trail keeps
    the old value).
    """

    verzuimgeval = models.ForeignKey(
        Verzuimgeval, on_delete=models.CASCADE, related_name="termijnverlengingen"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=VerlengingSoort.choices)
    weken = models.PositiveSmallIntegerField(_("aantal weken"))
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    vastgelegd_door_naam = models.CharField(_("vastgelegd door"), max_length=200)
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"))

    class Meta:
        verbose_name = _("termijnverlenging")
        verbose_name_plural = _("termijnverlengingen")
        constraints = [
            models.UniqueConstraint(
                fields=["verzuimgeval", "soort"], name="termijnverlenging_een_per_soort"
            ),
            # DOMAIN §5: loonsanctie at most 52 weeks, a voluntary extension at least 13.
            models.CheckConstraint(
                condition=Q(soort=VerlengingSoort.LOONSANCTIE, weken__gte=1, weken__lte=52)
                | Q(soort=VerlengingSoort.VERLENGING, weken__gte=13),
                name="termijnverlenging_weken_per_soort",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.weken} weken"


class Openstap(models.Model):
    """A Poortwachter step still to do of an open combined case (DOMAIN §5), as the engine
    computed it at the last write that could move it (ADR 0047, ``termijnstand``).

    Shown on the case's latest (open) spell. Every write on the werknemer's spells, WAZO leave
    or dossier recomputes the werknemer's rows in its own transaction, so pages read the next
    deadlines and the overdue steps without running the engine over every open case.
    """

    verzuimgeval = models.ForeignKey(
        Verzuimgeval, on_delete=models.CASCADE, related_name="open_stappen"
    )
    volgorde = models.PositiveSmallIntegerField()  # position in the engine's list of steps
    soort = models.CharField(max_length=40)
    omschrijving = models.CharField(max_length=255)
    deadline = models.DateField()
    venster_begin = models.DateField(null=True)
    verantwoordelijken = models.CharField(max_length=100)  # comma separated, engine order

    class Meta:
        verbose_name = _("openstaande Poortwachterstap")
        verbose_name_plural = _("openstaande Poortwachterstappen")
        indexes = [models.Index(fields=["deadline", "verzuimgeval"], name="openstap_deadline")]
        constraints = [
            models.UniqueConstraint(
                fields=["verzuimgeval", "volgorde"], name="openstap_een_per_plaats"
            )
        ]

    def __str__(self) -> str:
        return f"{self.omschrijving} uiterlijk {self.deadline:%d-%m-%Y}"


class Ontvangstbevestiging(models.Model):
    """That the confirmation letter for a melding was placed in the inbox (idempotent task)."""

    mutatie = models.OneToOneField(
        Verzuimmutatie, on_delete=models.CASCADE, related_name="ontvangstbevestiging"
    )
    bericht = models.ForeignKey(
        Bericht, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("bericht")
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("ontvangstbevestiging")
        verbose_name_plural = _("ontvangstbevestigingen")

    def __str__(self) -> str:
        return f"Ontvangstbevestiging {self.mutatie}"
