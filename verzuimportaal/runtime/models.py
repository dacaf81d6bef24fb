from django.db import models
from django.utils.translation import gettext_lazy as _


class Uitgaand(models.Model):
    """A follow-up task written in the same transaction as the change that causes it (outbox).

    The Celery broker is never touched inside a request: ``verstuur_uitgaand`` (beat, every
    second) hands the rows to the broker and deletes them. A broker outage only delays them.
    """

    taak = models.CharField(_("taak"), max_length=200)
    argumenten = models.JSONField(_("argumenten"), default=list)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)

    class Meta:
        verbose_name = _("uitgaande taak")
        verbose_name_plural = _("uitgaande taken")

    def __str__(self) -> str:
        return self.omschrijving
