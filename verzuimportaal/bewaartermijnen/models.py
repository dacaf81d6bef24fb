"""The record of each purge run: when, for which day, trial or real, and the counts per kind."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Opschoonronde(models.Model):
    """One run of ``bewaartermijnen.service.schoon_op``; a trial run (``proef``) changed nothing.

    Holds counts only, never a name or a BSN: the record of what was removed must not keep
    what was removed.
    """

    gestart_op = models.DateTimeField(_("gestart op"), default=timezone.now)
    peildatum = models.DateField(_("peildatum"))
    proef = models.BooleanField(_("proef (niets gewijzigd)"))
    door = models.CharField(_("gestart door"), max_length=100)
    aantallen = models.JSONField(_("aantallen per soort"), default=dict)
    werkgevers = models.PositiveIntegerField(_("aantal werkgevers geraakt"), default=0)

    class Meta:
        verbose_name = _("opschoonronde")
        verbose_name_plural = _("opschoonrondes")
        ordering = ["-gestart_op", "-pk"]

    def __str__(self) -> str:
        soort = "proef" if self.proef else "uitgevoerd"
        return f"{self.peildatum:%Y-%m-%d} ({soort})"
