"""Reminders of Poortwachter deadlines (DOMAIN §5): one row per step, deadline, kind and recipient.

A row is created once and handed off once. The database refuses a second row for the same
(spell, step, deadline, recipient, kind), also when two runs race: runs insert with
``ignore_conflicts`` and then claim unclaimed rows under ``SELECT … FOR UPDATE SKIP LOCKED``.
A row without ``ontvanger`` and without ``ontvanger_email`` is the werkgever's portal inbox.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from verzuimportaal.verzuim.models import Verzuimgeval


class HerinneringSoort(models.TextChoices):
    VOORAF = "vooraf", _("Vooraf")  # HERINNERING_DAGEN_VOORAF days before the deadline
    VERLOPEN = "verlopen", _("Termijn verlopen")  # the day after the deadline


class Herinnering(models.Model):
    verzuimgeval = models.ForeignKey(
        Verzuimgeval, on_delete=models.CASCADE, related_name="herinneringen"
    )  # the spell the step is shown on (the latest of a combined case, DOMAIN §5.1)
    stap_soort = models.CharField(_("stap"), max_length=40)  # poortwachter.StapSoort
    stap_omschrijving = models.CharField(_("omschrijving stap"), max_length=255)
    deadline = models.DateField(_("uiterste datum"))
    soort = models.CharField(_("soort"), max_length=10, choices=HerinneringSoort.choices)
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    ontvanger_email = models.EmailField(_("e-mailadres ontvanger"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    ingepland_op = models.DateTimeField(_("ingepland op"), null=True, blank=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [
            models.UniqueConstraint(
                fields=["verzuimgeval", "stap_soort", "deadline", "ontvanger", "soort"],
                name="herinnering_eenmaal_per_ontvanger",
            ),
            # NULLs are distinct in a unique index: rows without an account need their own.
            models.UniqueConstraint(
                fields=["verzuimgeval", "stap_soort", "deadline", "ontvanger_email", "soort"],
                condition=Q(ontvanger__isnull=True),
                name="herinnering_eenmaal_zonder_account",
            ),
        ]
        indexes = [
            models.Index(
                fields=["aangemaakt_op"],
                condition=Q(ingepland_op__isnull=True),
                name="herinnering_niet_ingepland",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.stap_soort} {self.deadline} ({self.pk})"

    @property
    def is_berichtenbox(self) -> bool:
        return self.ontvanger_id is None and not self.ontvanger_email
