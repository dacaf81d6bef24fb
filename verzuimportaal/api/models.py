from django.db import models
from django.utils.translation import gettext_lazy as _

from verzuimportaal.werkgevers.models import Werkgever


class Idempotentiesleutel(models.Model):
    """The stored outcome of an API write made with an ``Idempotency-Key`` (DOMAIN §9).

    Scoped per werkgever: the same key of two werkgevers never meets. ``vingerafdruk`` is a hash
    of method, path and body; a retry with another payload under the same key is refused.
    """

    class Status(models.TextChoices):
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")

    werkgever = models.ForeignKey(Werkgever, on_delete=models.CASCADE, related_name="+")
    sleutel = models.CharField(max_length=255)
    vingerafdruk = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BEZIG)
    statuscode = models.PositiveSmallIntegerField(null=True)
    antwoord = models.JSONField(null=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("idempotentiesleutel")
        verbose_name_plural = _("idempotentiesleutels")
        constraints = [
            models.UniqueConstraint(
                fields=["werkgever", "sleutel"], name="idempotentiesleutel_uniek_per_werkgever"
            )
        ]

    def __str__(self) -> str:
        return self.sleutel
