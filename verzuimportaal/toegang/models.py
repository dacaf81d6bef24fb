import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from verzuimportaal.werkgevers.models import Werkgever

from .diensten import Dienst

# The rights a local account can hold (seed 004, DOMAIN §3), all at level "bekijken en wijzigen".
LOKALE_RECHTEN: tuple[str, ...] = (
    Dienst.RECHTENBEHEER,
    Dienst.WERKNEMERSGEGEVENS,
    Dienst.VERZUIM_MELDEN,
    Dienst.OVERZICHTEN,
    Dienst.UITKERINGSGEGEVENS,
)

# How the rights are named to local users (seed 004's wording).
RECHT_LABELS: dict[str, str] = {
    Dienst.RECHTENBEHEER: "Rechtenbeheer",
    Dienst.WERKNEMERSGEGEVENS: "Werknemersgegevens beheren",
    Dienst.VERZUIM_MELDEN: "Ziek- en herstelmeldingen doen",
    Dienst.OVERZICHTEN: "Overzichten inzien",
    Dienst.UITKERINGSGEGEVENS: "Uitkeringsgegevens inzien",
}


def alle_lokale_rechten() -> list[str]:
    return [str(recht) for recht in LOKALE_RECHTEN]


def valideer_rechten(waarde: object) -> None:
    """A list of distinct local rights; a JSON list works the same on PostgreSQL and SQLite."""
    if not isinstance(waarde, list) or not all(isinstance(r, str) for r in waarde):
        raise ValidationError(_("Rechten moeten een lijst van rechten zijn."), code="rechten")
    onbekend = sorted(set(waarde) - set(LOKALE_RECHTEN))
    if onbekend:
        raise ValidationError(
            _("Onbekend recht voor een lokaal account: %(rechten)s."),
            params={"rechten": ", ".join(onbekend)},
            code="rechten",
        )
    if len(set(waarde)) != len(waarde):
        raise ValidationError(_("Elk recht mag maar één keer voorkomen."), code="rechten")


class Lidmaatschap(models.Model):
    """A local account's membership of a werkgever, with its rights (seed 004)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    rechten = models.JSONField(
        _("rechten"), default=alle_lokale_rechten, validators=[valideer_rechten], blank=True
    )
    hoofdcontactpersoon = models.BooleanField(_("hoofdcontactpersoon"), default=False)
    polisnummer = models.CharField(
        _("polisnummer"),
        max_length=30,
        blank=True,
        help_text=_("Het polisnummer waaronder de hoofdcontactpersoon is aangevraagd."),
    )
    actief = models.BooleanField(_("actief"), default=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "werkgever"], name="lidmaatschap_uniek_per_werkgever"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} → {self.werkgever}"

    @property
    def rechtenset(self) -> frozenset[str]:
        """The stored rights that are still local rights (anything else is ignored: deny)."""
        waarde = self.rechten if isinstance(self.rechten, list) else []
        return frozenset(r for r in waarde if r in LOKALE_RECHTEN)

    def rechtlabels(self) -> list[str]:
        return [RECHT_LABELS[r] for r in LOKALE_RECHTEN if r in self.rechtenset]

    def dienstrechten(self) -> tuple[frozenset[str], frozenset[str] | None]:
        """``(rechten, wijzigrechten)`` for the ``Actor``: every local right includes wijzigen."""
        return self.rechtenset, None
