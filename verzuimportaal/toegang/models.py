from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from verzuimportaal.werkgevers.models import Werkgever

from .actor import Recht


class Lidmaatschap(models.Model):
    """A local account's membership of a werkgever, with its right(s)."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    recht = models.CharField(_("recht"), max_length=30, choices=Recht.choices, default=Recht.ALLES)
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
